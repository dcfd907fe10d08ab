package th.go.senate.workflow.kpi;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;


import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;

/**
 * Benchmark (a program, not a test): loads 1,000,000 step facts into an embedded PostgreSQL (binaries from
 * Maven, no Docker) and prints p50/p95 of whole reports with the machine: first the present code (two statements
 * over the facts, {@link KpiReportService#factsReport}) on the schema before V18_1, then, after V18_1 and the
 * repair command (timed), the present code and the pre-aggregate of {@link KpiReportService#report} side by side,
 * after checking that both give the same report; also for a round in progress. {@code --statements} adds each statement on its own, {@code --explain}
 * prints every plan once. Run:
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) th.go.senate.workflow.kpi.KpiReportBenchmark [--statements] [--explain] [facts]
 * </pre>
 */
public final class KpiReportBenchmark {

  private static final int WARM_UP = Integer.getInteger("bench.warmUp", 3);
  private static final int RUNS = Integer.getInteger("bench.runs", 20);
  /** The embedded PostgreSQL server's pid (the parent of every backend), for its CPU time. */
  private static long postmaster;

  /** The last migration before the report's pre-aggregate (V18_1). */
  private static final String BEFORE_TOTALS = "17.5";

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(args));
    boolean explain = arguments.remove("--explain");
    boolean statements = arguments.remove("--statements");
    boolean before = !arguments.remove("--no-before");
    int facts = arguments.isEmpty() ? 1_000_000 : Integer.parseInt(arguments.get(0));
    EmbeddedPostgres.Builder server = EmbeddedPostgres.builder();
    // -Dbench.workMem=16MB: the server's work_mem (PostgreSQL's default 4MB makes the step report's hash spill).
    String workMem = System.getProperty("bench.workMem");
    if (workMem != null) {
      server.setServerConfig("work_mem", workMem);
    }
    try (EmbeddedPostgres postgres = server.start();
        com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource()) {
      // A connection pool, as the platform has (Hikari): the embedded server's own data source opens a connection
      // per statement, which cost 20-40 ms each and was most of a small report's time.
      dataSource.setDataSource(postgres.getPostgresDatabase());
      dataSource.setMaximumPoolSize(4);
      // First the schema as it was before the pre-aggregate (V18_1), to measure the present code on it.
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("senate_schema_history")
          .target(BEFORE_TOTALS).load().migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      long loadStart = System.nanoTime();
      load(jdbc, facts);
      // As autovacuum would leave a loaded table: statistics and the visibility map (index-only scans).
      jdbc.execute("vacuum analyze kpi_step_fact");
      System.out.printf("loaded %,d step facts in %.1f s%n", facts, (System.nanoTime() - loadStart) / 1e9);
      System.out.println(machine(jdbc));
      // Read while the backend lives: each statement here opens a connection of its own, whose process then ends.
      postmaster = jdbc.execute((java.sql.Connection connection) -> {
        try (var statement = connection.createStatement();
            var result = statement.executeQuery("select pg_backend_pid()")) {
          result.next();
          return parentOf(result.getLong(1));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });

      NamedParameterJdbcTemplate measured = new NamedParameterJdbcTemplate(jdbc);
      if (explain) {
        // Prints the plan of every report query once (EXPLAIN ANALYZE with the real bound arguments).
        measured = new NamedParameterJdbcTemplate(jdbc) {
          final java.util.Set<String> explained = new java.util.HashSet<>();

          @Override
          public void query(String sql, SqlParameterSource params, RowCallbackHandler rch) {
            if (explained.add(sql)) {
              queryForList("explain (analyze, buffers) " + sql, params, String.class).forEach(System.out::println);
            }
            super.query(sql, params, rch);
          }
        };
      }
      KpiReportQueries queries = new KpiReportQueries(measured);
      KpiReportService service = new KpiReportService(queries, new KpiTotalsQueries(measured), null,
          new BureauDirectory()) {
        @Override
        public java.util.Map<String, String> processNames() {
          return java.util.Map.of(); // the names come from the engine's repository, not started here
        }
      };
      ReportPeriod period = new ReportPeriod(2569, 6);
      Instant asOf = period.to();
      List<YearMonth> months = KpiReportService.monthsUpTo(period, asOf);
      ReportQuery oneProcess = new ReportQuery(period, GroupBy.STEP, "process1", null);
      ReportQuery head = new ReportQuery(period, GroupBy.BUREAU, null, List.of("burLegal"));
      List<ReportQuery> wholeReports = new ArrayList<>();
      for (GroupBy groupBy : GroupBy.values()) {
        wholeReports.add(new ReportQuery(period, groupBy, null, null));
      }
      if (!Boolean.getBoolean("bench.short")) {
        wholeReports.add(oneProcess);
      }
      wholeReports.add(head);
      // A round in progress: its report's instant is "now" (the clock set to 15 Dec 2025), last year's a year
      // before, both mid-month.
      ReportPeriod inProgress = new ReportPeriod(2569, 6);
      Instant now = Instant.parse("2025-12-15T03:00:00Z");
      ReportQuery running = new ReportQuery(inProgress, GroupBy.PROCESS, null, null);

      System.out.println("(p50/p95: wall time; cpu: CPU time of this JVM and of the PostgreSQL server with all its "
          + "processes, parallel workers included, per report, the mean of the runs: what a report costs whatever "
          + "else the machine runs)");
      if (before) {
        System.out.printf("%n%-60s %8s %8s %8s%n", "1. present code (two statements), present indexes (V17_5)",
            "p50 ms", "p95 ms", "cpu ms");
        for (ReportQuery query : wholeReports) {
          measure("whole report, " + describe(query), () -> service.factsReport(query));
        }
      }

      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("senate_schema_history")
          .load().migrate();
      jdbc.execute("vacuum analyze kpi_step_fact");
      KpiTotalsRepository totals = new KpiTotalsRepository(dataSource, new DataSourceTransactionManager(dataSource));
      KpiTotalsRepository.Rebuild rebuild = totals.rebuild();
      jdbc.execute("vacuum analyze kpi_step_month");
      jdbc.execute("vacuum analyze kpi_step_duration");
      System.out.printf("%nrepair command (pre-aggregate rebuilt from the facts): %,d facts, %,d month rows, %,d band "
          + "rows in %.1f s%n", rebuild.facts(), rebuild.monthRows(), rebuild.bandRows(), rebuild.millis() / 1e3);
      System.out.printf("%n%-60s %8s %8s %8s | %8s %8s %8s%n", "2. after V18_1: present code (two statements) | "
          + "pre-aggregate", "p50 ms", "p95 ms", "cpu ms", "p50 ms", "p95 ms", "cpu ms");
      System.out.println("(interleaved: one run of each in turn, so that other load on the machine hits both alike)");
      for (ReportQuery query : wholeReports) {
        if (!service.report(query).equals(service.factsReport(query))) {
          throw new IllegalStateException("the two paths disagree on " + describe(query));
        }
        measureSideBySide("whole report, " + describe(query), () -> service.factsReport(query),
            () -> service.report(query));
      }
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now));
      try {
        if (!service.report(running).equals(service.factsReport(running))) {
          throw new IllegalStateException("the two paths disagree on a round in progress");
        }
        measureSideBySide("whole report, a round in progress (15 Dec), by process", () -> service.factsReport(running),
            () -> service.report(running));
      } finally {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
      }
      if (statements) {
        System.out.printf("%n%-60s %8s %8s %8s%n", "3. single statements over the facts, after V18_1", "p50 ms",
            "p95 ms", "cpu ms");
        System.out.println("(\"figures\" = its two statements: steps completed per working-minutes value, and the other slices)");
        for (GroupBy groupBy : GroupBy.values()) {
          ReportQuery all = new ReportQuery(period, groupBy, null, null);
          String by = groupBy.name().toLowerCase();
          measure("statement: completed steps by " + by, () -> queries.completed(all, period));
          measure("statement: created/breached/open slices by " + by, () -> queries.slices(all, period, asOf));
          measure("figures, grouped by " + by, () -> service.counts(all, period, asOf));
          measure("monthly counts, grouped by " + by, () -> queries.monthly(all, period, months));
        }
      }
    }
  }

  private static String describe(ReportQuery query) {
    if (query.bureaus() != null) {
      return "a bureau head's bureau";
    }
    if (query.processKey() != null) {
      return "one process by step";
    }
    return "all processes by " + query.groupBy().name().toLowerCase();
  }

  /**
   * Facts generated in the database: 5 processes × 6 steps, 15 bureaus, created evenly over three fiscal years
   * (1 Oct 2023 – 30 Sep 2026), 85 % on time, 2 % still open, some breached and escalated.
   */
  static void load(JdbcTemplate jdbc, int facts) {
    jdbc.update("""
        insert into kpi_step_fact (task_id, process_key, process_instance_id, business_key, step_id, step_name,
          candidate_group, assignee, created_at, completed_at, due_at, calendar_kind, working_minutes, sla_met,
          breached_at, escalations, end_state)
        select 'bench-' || i, 'process' || (i % 5), 'pi-' || (i / 6), null, 'Task_Step' || (i % 6), 'ขั้นตอน ' || (i % 6),
          (array['burMeeting','burCommittee1','burCommittee2','burCommittee3','burMinutes','burLegal','burAcademic',
                 'burPrinting','burIt','burPr','burPolicyPlan','burCentralAdmin','burFinance','burHrd',
                 'officePresident'])[1 + i % 15],
          null, created, case when open then null else created + (minutes || ' minutes')::interval * 3 end,
          created + interval '5 days', 'WORKING_DAYS', case when open then null else minutes end,
          case when open then null else late = false end,
          case when late then created + interval '5 days' end, case when late then 1 + i % 2 else 0 end,
          case when open then null else 'COMPLETED' end
        from (select i, timestamptz '2023-10-01 00:00+07' + (i::double precision / ? * 1096) * interval '1 day' as created,
                (hashint4(i) & 1023) % 50 = 0 as open, (hashint4(i + 7) & 1023) % 100 < 15 as late,
                10 + (hashint4(i + 13) & 65535) % 2400 as minutes
              from generate_series(1, ?) as i) f
        """, facts, facts);
  }

  private static void measure(String name, Supplier<?> query) {
    for (int i = 0; i < WARM_UP; i++) {
      query.get();
    }
    List<Double> times = new ArrayList<>();
    long cpu = 0;
    for (int i = 0; i < RUNS; i++) {
      long cpuStart = cpuNanos();
      times.add(time(query));
      cpu += cpuNanos() - cpuStart;
    }
    System.out.printf("%-60s %8.1f %8.1f %8.1f | %s%n", name, p50(times), p95(times), cpu / 1e6 / RUNS, load());
  }

  /** Two ways to the same answer, one run of each in turn: p50, p95 and mean CPU time of each. */
  private static void measureSideBySide(String name, Supplier<?> before, Supplier<?> after) {
    for (int i = 0; i < WARM_UP; i++) {
      before.get();
      after.get();
    }
    List<Double> beforeTimes = new ArrayList<>();
    List<Double> afterTimes = new ArrayList<>();
    long beforeCpu = 0;
    long afterCpu = 0;
    for (int i = 0; i < RUNS; i++) {
      long cpuStart = cpuNanos();
      beforeTimes.add(time(before));
      long cpuBetween = cpuNanos();
      afterTimes.add(time(after));
      afterCpu += cpuNanos() - cpuBetween;
      beforeCpu += cpuBetween - cpuStart;
    }
    System.out.printf("%-60s %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f | %s%n", name, p50(beforeTimes),
        p95(beforeTimes), beforeCpu / 1e6 / RUNS, p50(afterTimes), p95(afterTimes), afterCpu / 1e6 / RUNS, load());
  }

  private static double time(Supplier<?> query) {
    long start = System.nanoTime();
    query.get();
    return (System.nanoTime() - start) / 1e6;
  }

  /**
   * CPU time so far of this JVM, of the PostgreSQL server's live processes, and of those it has reaped (a
   * query's parallel workers), in nanoseconds; Linux only (/proc, 100 clock ticks per second).
   */
  private static long cpuNanos() {
    long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    total += ticks(postmaster, true);
    for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.descendants().toList()).orElse(List.of())) {
      total += ticks(child.pid(), false);
    }
    return total;
  }

  /** utime + stime (and with {@code reaped} the ended children's) of a process, in nanoseconds; 0 if it ended. */
  private static long ticks(long pid, boolean reaped) {
    try {
      String[] fields = stat(pid);
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      if (reaped) {
        ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
      }
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static long parentOf(long pid) throws IOException {
    return Long.parseLong(stat(pid)[1]);
  }

  /** The fields of /proc/pid/stat after the command name: state, ppid, …, utime (11), stime, cutime, cstime. */
  private static String[] stat(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  private static double p50(List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double p95(List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
  }

  private static String load() {
    try {
      return "load " + Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
    } catch (IOException e) {
      return "load ?";
    }
  }

  private static String machine(JdbcTemplate jdbc) throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", JVM max heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, "
        + jdbc.queryForObject("select version()", String.class).split(",")[0] + ", work_mem "
        + jdbc.queryForObject("show work_mem", String.class);
  }
}
