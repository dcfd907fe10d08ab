package th.go.senate.workflow.perf;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths.Step;
import th.go.senate.workflow.support.TestPostgres;

/**
 * The engine benchmark (a program, not a test; nothing in the test suite asserts timings). It starts the
 * whole application (Spring contexts of {@link SenateWorkflowApplication}) on in-memory H2 and on an embedded
 * PostgreSQL 14 (binaries from Maven), and prints, each figure the median of several runs:
 * <ol>
 *   <li>the in-run anchor (delegate → user task with a non-interrupting timer → delegate, bare engine);</li>
 *   <li>instrumentation overhead: petition lifecycles with the platform's instrumentation
 *       ({@code senate.instrumentation.enabled=true}) against {@code petitionBare} with it off;</li>
 *   <li>throughput at 1, 2, 4 client threads, history FULL and AUDIT, per task and against the anchor, and SQL
 *       statements per completed step (counted by {@link CountingDataSource}, a JDBC proxy);</li>
 *   <li>SLA timer firing lag on PostgreSQL with Camunda's job-executor defaults and with the project's
 *       settings: steady 10 timers/s, and a burst after an idle spell;</li>
 *   <li>waiting work: 100,000 open tasks with SLA timers, EXPLAIN ANALYZE of Camunda's acquisition query
 *       (captured from the engine) and Tasklist's bureau query;</li>
 *   <li>memory: heap after N completed instances and the JVM's peak RSS.</li>
 * </ol>
 * Run (README, Performance):
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/test-classes:target/classes:$(cat target/cp.txt) th.go.senate.workflow.perf.EngineBenchmark [--quick] [phases]
 * </pre>
 * Phases: {@code throughput sla scale memory} (default: all); {@code overhead} (row 2 alone, with the SQL each side
 * sends) and {@code profile} (instrumented lifecycles for a profiler) only when named.
 */
public final class EngineBenchmark {

  static final String INTEGRITY_KEY = "SXY34fSCtuYSkqahvhdkVBOmeqdCa4HmpTK31Wetvus=";
  static final List<Step> PETITION_STEPS = PetitionPaths.senateRemit("bench", "burCommittee2", 0).steps();
  static final List<Step> FORWARD_STEPS = PetitionPaths.executiveMatter().steps();
  static final String[] BUREAUS = {"officePresident", "burMeeting", "burCommittee1", "burCommittee2",
      "burCommittee3", "burMinutes", "burLegal", "burAcademic", "burPrinting", "burIt", "burPr", "burPolicyPlan",
      "burCentralAdmin", "burFinance", "burHrd"};

  final boolean quick;
  final int runs;
  final int lifecycles;
  final int steadySeconds;
  final int burst;
  final int idleSeconds;
  final int waiting;
  final int memoryInstances;
  final List<String> out = new ArrayList<>();
  final Map<String, CountingDataSource.CapturedSql> acquisitionSql = new LinkedHashMap<>();

  EngineBenchmark(boolean quick, Integer waitingOverride, Integer burstOverride) {
    this.quick = quick;
    runs = quick ? 3 : 5;
    lifecycles = quick ? 40 : 50;
    steadySeconds = quick ? 20 : 40;
    burst = burstOverride != null ? burstOverride : quick ? 2_000 : 10_000;
    idleSeconds = quick ? 30 : 65;
    waiting = waitingOverride != null ? waitingOverride : quick ? 20_000 : 100_000;
    memoryInstances = quick ? 2_000 : 10_000;
  }

  public static void main(String[] args) throws Exception {
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Bangkok"));
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean quick = arguments.remove("--quick");
    // --waiting N: the number of open tasks of the scale phase (default 20,000 with --quick, else 100,000);
    // --burst N: the timers of the SLA phase's burst (default 2,000 with --quick, else 10,000).
    Integer waiting = option(arguments, "--waiting");
    Integer burst = option(arguments, "--burst");
    List<String> phases = arguments.isEmpty() ? List.of("throughput", "sla", "scale", "memory") : arguments;
    EngineBenchmark bench = new EngineBenchmark(quick, waiting, burst);
    long start = System.nanoTime();
    bench.print("# Engine benchmark (" + (quick ? "--quick" : "full") + "), phases " + phases);
    bench.print(machine());
    bench.print(String.format(Locale.ROOT, "settings: %d runs per figure (median), %d lifecycles per run, petition path "
        + "= senate remit concluded (%d user tasks), anchor = 1 user task; SQL counted by a JDBC proxy "
        + "(CountingDataSource: each execute and each batched statement)", bench.runs, bench.lifecycles,
        PETITION_STEPS.size()));
    if (phases.contains("throughput")) {
      bench.throughput();
    }
    if (phases.contains("overhead")) {
      // Not in the default phases: only row 2 (instrumented vs bare), 1 client thread, with the SQL each adds.
      bench.overhead(List.of(System.getProperty("bench.dbs", "h2,postgres").split(",")),
          List.of(System.getProperty("bench.history", "full").split(",")));
    }
    if (phases.contains("sla") || phases.contains("scale")) {
      bench.slaAndScale(phases.contains("sla"), phases.contains("scale"));
    }
    if (phases.contains("memory")) {
      bench.memory();
    }
    if (phases.contains("profile")) {
      // Not in the default phases: instrumented lifecycles for a profiler (e.g. -XX:StartFlightRecording).
      Node node = Node.start("profile", "h2", "jdbc:h2:mem:bench-profile;DB_CLOSE_DELAY=-1", "full", true, false, true);
      measure(node, 1, bench.lifecycles * 5, node::petitionLifecycle);
      node.close();
    }
    bench.print(String.format(Locale.ROOT, "total %.1f min, load average at end %s", (System.nanoTime() - start) / 6e10,
        load()));
    System.out.println();
    System.out.println("==== summary ====");
    bench.out.forEach(System.out::println);
    System.exit(0);
  }

  /** Removes {@code name N} from the arguments and returns N, or null when absent. */
  static Integer option(List<String> arguments, String name) {
    int i = arguments.indexOf(name);
    if (i < 0) {
      return null;
    }
    int value = Integer.parseInt(arguments.remove(i + 1).replace("_", "").replace(",", ""));
    arguments.remove(i);
    return value;
  }

  void print(String line) {
    System.out.println(line);
    out.add(line);
  }

  // ---------------------------------------------------------------------------------------------------------
  // 1-3: anchor, instrumentation overhead, throughput

  void throughput() throws Exception {
    print("");
    print("## 1-3 Anchor, instrumentation overhead, throughput (Java API, job executor off)");
    print(String.format(Locale.ROOT, "%-6s %-5s %3s | %9s %9s %9s | %10s | %8s %8s | %5s %5s %5s | %s", "db",
        "hist", "thr", "anchor/s", "bare/s", "instr/s", "instr/bare", "task ms", "xAnchor", "sqlA", "sqlB",
        "sqlI", "load"));
    for (String db : List.of("h2", "postgres")) {
      for (String history : List.of("full", "audit")) {
        String url = db.equals("h2") ? "jdbc:h2:mem:bench-" + history + ";DB_CLOSE_DELAY=-1"
            : TestPostgres.createDatabase("bench_" + history);
        Node bare = Node.start("bare-" + db + "-" + history, db, url, history, false, false, true);
        Node instrumented = Node.start("on-" + db + "-" + history, db, url, history, true, false, true);
        try {
          bare.deploy();
          // Warm-up: JIT, caches, connection pools.
          for (int i = 0; i < 2; i++) {
            measure(bare, 2, lifecycles / 2, bare::anchorLifecycle);
            measure(bare, 2, lifecycles / 2, bare::bareLifecycle);
            measure(instrumented, 2, lifecycles / 2, instrumented::petitionLifecycle);
          }
          for (int threads : List.of(1, 2, 4)) {
            List<double[]> anchor = new ArrayList<>();
            List<double[]> plain = new ArrayList<>();
            List<double[]> instr = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
              // Interleaved, so that other work on the machine hits all three alike.
              anchor.add(measure(bare, threads, lifecycles, bare::anchorLifecycle));
              plain.add(measure(bare, threads, lifecycles, bare::bareLifecycle));
              instr.add(measure(instrumented, threads, lifecycles, instrumented::petitionLifecycle));
            }
            double a = median(anchor, 0);
            double b = median(plain, 0);
            double i = median(instr, 0);
            int tasks = PETITION_STEPS.size();
            // Cost per user task: wall time of a lifecycle divided by its user tasks, across all threads.
            double taskMs = 1000.0 / (i * tasks);
            double anchorTaskMs = 1000.0 / a;
            print(String.format(Locale.ROOT, "%-6s %-5s %3d | %9.1f %9.1f %9.1f | %10.2f | %8.2f %8.2f | %5.1f %5.1f %5.1f | %s",
                db, history, threads, a, b, i, b / i, taskMs, taskMs / anchorTaskMs, median(anchor, 1),
                median(plain, 1) / tasks, median(instr, 1) / tasks, load()));
          }
        } finally {
          instrumented.close();
          bare.close();
        }
      }
    }
    print("columns: anchor/bare/instr = lifecycles per second (all threads); instr/bare = time ratio instrumented"
        + " ÷ bare (target ≤ 1.15); task ms = wall ms per user task of the instrumented petition; xAnchor = that"
        + " ÷ anchor's ms per user task (target ≤ 1.5); sqlA/sqlB/sqlI = SQL statements per completed user task"
        + " (anchor: per lifecycle = its one task; bare and instrumented petition: per task)");
  }

  /**
   * The instrumentation overhead alone, quick enough to iterate on (one client thread): bare and instrumented
   * runs alternate, the ratio is the median of each pair's ratio (a pair shares the machine's load of the
   * moment), and one lifecycle of each is then captured statement by statement to show which SQL the
   * instrumentation adds per user task and where it comes from.
   */
  void overhead(List<String> dbs, List<String> histories) throws Exception {
    print("");
    print("## 2 Instrumentation overhead (Java API, job executor off, 1 client thread, bare/instrumented alternating)");
    print(String.format(Locale.ROOT, "%-8s %-5s | %9s %9s | %10s %9s | %9s %9s | %9s | %5s %5s %5s | %s", "db", "hist",
        "bare/s", "instr/s", "pair ratio", "range", "cpu ratio", "range", "timer cpu", "sqlB", "sqlT", "sqlI", "load"));
    int tasks = PETITION_STEPS.size();
    for (String db : dbs) {
      for (String history : histories) {
        String url = db.equals("h2") ? "jdbc:h2:mem:bench-o-" + history + ";DB_CLOSE_DELAY=-1"
            : TestPostgres.createDatabase("bench_o_" + history);
        Node bare = Node.start("bare-" + db + "-" + history, db, url, history, false, false, true);
        Node instrumented = Node.start("on-" + db + "-" + history, db, url, history, true, false, true);
        try {
          bare.deploy();
          for (int i = 0; i < 3; i++) {
            measure(bare, 1, lifecycles / 2, bare::bareLifecycle);
            measure(instrumented, 1, lifecycles / 2, instrumented::petitionLifecycle);
            measure(bare, 1, lifecycles / 2, bare::petitionLifecycle);
          }
          List<double[]> plain = new ArrayList<>();
          List<double[]> timed = new ArrayList<>();
          List<double[]> instr = new ArrayList<>();
          List<Double> ratios = new ArrayList<>();
          List<Double> cpuRatios = new ArrayList<>();
          List<Double> timerCpuRatios = new ArrayList<>();
          for (int r = 0, pairs = Integer.getInteger("bench.pairs", runs * 2); r < pairs; r++) {
            long c0 = cpuNanos();
            double[] b = measure(bare, 1, lifecycles, bare::bareLifecycle);
            long c1 = cpuNanos();
            double[] i = measure(instrumented, 1, lifecycles, instrumented::petitionLifecycle);
            long c2 = cpuNanos();
            double[] t = measure(bare, 1, lifecycles, bare::petitionLifecycle);
            long c3 = cpuNanos();
            plain.add(b);
            timed.add(t);
            instr.add(i);
            ratios.add(b[0] / i[0]);
            cpuRatios.add((c2 - c1) / (double) (c1 - c0));
            timerCpuRatios.add((c3 - c2) / (double) (c1 - c0));
          }
          print(String.format(Locale.ROOT, "%-8s %-5s | %9.1f %9.1f | %10.2f %4.2f-%4.2f | %9.2f %4.2f-%4.2f | %9.2f | %5.1f %5.1f %5.1f | %s",
              db, history, median(plain, 0), median(instr, 0), percentile(ratios, 50), percentile(ratios, 0),
              percentile(ratios, 100), percentile(cpuRatios, 50), percentile(cpuRatios, 0), percentile(cpuRatios, 100),
              percentile(timerCpuRatios, 50), median(plain, 1) / tasks, median(timed, 1) / tasks, median(instr, 1) / tasks,
              load()));
          Map<String, AtomicLong> b = captureOne(bare, bare::bareLifecycle);
          Map<String, AtomicLong> i = captureOne(instrumented, instrumented::petitionLifecycle);
          System.out.println("  statements of one lifecycle that differ (bare → instrumented), by source | SQL:");
          java.util.TreeSet<String> keys = new java.util.TreeSet<>(b.keySet());
          keys.addAll(i.keySet());
          for (String key : keys) {
            long nb = b.containsKey(key) ? b.get(key).get() : 0;
            long ni = i.containsKey(key) ? i.get(key).get() : 0;
            if (nb != ni) {
              System.out.printf(Locale.ROOT, "  %3d → %3d  %s%n", nb, ni, key.length() > 260 ? key.substring(0, 130) + " … " + key.substring(key.length() - 125) : key);
            }
          }
        } finally {
          instrumented.close();
          bare.close();
        }
      }
    }
    print("columns: bare/instr = lifecycles per second; pair ratio = median over alternating pairs of instrumented "
        + "time ÷ bare time (target ≤ 1.15), range = min-max of the pairs; cpu ratio = the same with CPU time (this JVM + its embedded PostgreSQL's processes: less"
        + " sensitive to other load on the machine than wall time); timer cpu = the same for petition.bpmn with its SLA timers but"
        + " no other instrumentation (the engine with the switch off): the timers' share; sqlB/sqlT/sqlI = statements per user"
        + " task of bare, timers only, instrumented");
  }

  /**
   * CPU time used so far by this JVM and by the processes it started (the embedded PostgreSQL server and its
   * backends), in nanoseconds; Linux only (/proc, 100 clock ticks per second).
   */
  static long cpuNanos() {
    long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    List<ProcessHandle> processes = new ArrayList<>(ProcessHandle.current().descendants().toList());
    // The embedded PostgreSQL detaches from this JVM (pg_ctl): its server is found by its data directory, which
    // TestPostgres names after this JVM's pid.
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
        .contains("embedded-pg/data-" + ProcessHandle.current().pid() + " ")).forEach(server -> {
          processes.add(server);
          processes.addAll(server.descendants().toList());
        });
    for (ProcessHandle child : processes) {
      try {
        String stat = Files.readString(Path.of("/proc/" + child.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
      } catch (Exception gone) {
        // the process ended meanwhile
      }
    }
    return total;
  }

  static Map<String, AtomicLong> captureOne(Node node, Runnable lifecycle) {
    Map<String, AtomicLong> captured = new java.util.concurrent.ConcurrentSkipListMap<>();
    node.sql.capture = captured;
    try {
      lifecycle.run();
    } finally {
      node.sql.capture = null;
    }
    return captured;
  }

  /** Runs {@code count} lifecycles on {@code threads} client threads: {lifecycles per second, statements per lifecycle}. */
  static double[] measure(Node node, int threads, int count, Runnable lifecycle) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long statementsBefore = node.sql.statements.get();
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (next.getAndIncrement() < count) {
          lifecycle.run();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new double[] {count / seconds, (node.sql.statements.get() - statementsBefore) / (double) count};
  }

  // ---------------------------------------------------------------------------------------------------------
  // 4-5: SLA firing and waiting work on PostgreSQL

  void slaAndScale(boolean sla, boolean scale) throws Exception {
    if (!sla) {
      scaleOnly();
      return;
    }
    print("");
    print("## 4 SLA timer firing on PostgreSQL (history full, job executor on, one node)");
    print(String.format(Locale.ROOT, "%-8s | %-26s | %9s %9s %9s | %6s %9s %9s %9s | %s", "settings", "steady", "median s",
        "p99 s", "max s", "burst", "first s", "all s", "jobs/s", "load"));
    if (sla) {
      slaRun("defaults", false, scale);
    }
    slaRun("tuned", true, scale);
    print("defaults = Camunda 7.24's job executor (3 jobs per acquisition, wait 5 s, idle back-off to 60 s, queue 3, "
        + "no ordering, no due-date index); tuned = the project's application.yaml/application-postgres.yaml "
        + "(10 per acquisition, wait 0.5 s, max wait 1 s, queue 10, timers first by due date, ensureJobDueDateNotNull, "
        + "index SENATE_IDX_JOB_DUEDATE)");
  }

  void slaRun(String name, boolean tuned, boolean scale) throws Exception {
    String url = TestPostgres.createDatabase("bench_sla_" + name);
    Node node = Node.start("sla-" + name, "postgres", url, "full", true, true, tuned);
    try {
      JdbcTemplate jdbc = node.jdbc();
      // Instances whose first task holds an SLA timer (due days ahead, so none fires while they are created).
      long t0 = System.nanoTime();
      List<String> steady = startPetitions(node, steadySeconds * 10);
      List<String> bursty = startPetitions(node, burst);
      System.out.printf(Locale.ROOT, "  [%s] started %d petitions in %.0f s%n", name, steady.size() + bursty.size(),
          (System.nanoTime() - t0) / 1e9);
      List<String> steadyJobs = jobsOf(jdbc, steady);
      List<String> burstJobs = jobsOf(jdbc, bursty);
      // Steady: one timer due every 100 ms from 3 s on.
      Timestamp steadyStart = new Timestamp(System.currentTimeMillis() + 3_000);
      withArray(jdbc, steadyJobs, array -> jdbc.update("""
          with j as (select ID_, row_number() over (order by ID_) - 1 as n from ACT_RU_JOB where ID_ = any(?))
          update ACT_RU_JOB set DUEDATE_ = cast(? as timestamp) + j.n * interval '100 milliseconds' from j where ACT_RU_JOB.ID_ = j.ID_
          """, array, steadyStart));
      List<Double> steadyLags = waitForLags(jdbc, steadyJobs, steadySeconds + 3 + 60);
      // Burst: every timer due at once after an idle spell (the job executor finds nothing meanwhile).
      Timestamp burstDue = new Timestamp(System.currentTimeMillis() + idleSeconds * 1000L);
      withArray(jdbc, burstJobs, array -> jdbc.update("update ACT_RU_JOB set DUEDATE_ = cast(? as timestamp) where ID_ = any(?)",
          burstDue, array));
      Thread.sleep(Math.max(0, burstDue.getTime() - System.currentTimeMillis()));
      List<Double> burstLags = waitForLags(jdbc, burstJobs, 240);
      Collections.sort(steadyLags);
      Collections.sort(burstLags);
      double first = burstLags.isEmpty() ? Double.NaN : burstLags.get(0);
      double all = burstLags.size() < burstJobs.size() ? Double.NaN : burstLags.get(burstLags.size() - 1);
      print(String.format(Locale.ROOT, "%-8s | %-26s | %9.2f %9.2f %9.2f | %6d %9.2f %9s %9.0f | %s", name,
          steadyLags.size() + "/" + steadyJobs.size() + " at 10/s, " + steadySeconds + " s", percentile(steadyLags, 50),
          percentile(steadyLags, 99), steadyLags.isEmpty() ? Double.NaN : steadyLags.get(steadyLags.size() - 1),
          burstJobs.size(), first, Double.isNaN(all) ? burstLags.size() + " done" : String.format(Locale.ROOT, "%.1f", all),
          Double.isNaN(all) ? Double.NaN : burstLags.size() / (all - first), load()));
      CountingDataSource.CapturedSql captured = node.sql.lastAcquisition.get();
      if (captured != null) {
        acquisitionSql.put(name, captured);
      }
      if (tuned && scale) {
        waitingWork(node, jdbc);
      }
    } finally {
      node.close();
    }
  }

  /**
   * The scale phase alone (phase {@code scale} without {@code sla}): the tuned node, a few real petitions as the
   * clones' template, the acquisition query as the job executor sends it, then {@link #waitingWork}. Minutes
   * instead of the SLA runs' quarter of an hour, to iterate on the waiting-work queries.
   */
  void scaleOnly() throws Exception {
    String url = TestPostgres.createDatabase("bench_scale");
    Node node = Node.start("scale", "postgres", url, "full", true, true, true);
    try {
      startPetitions(node, 100);
      // The job executor acquires at least once a second (max-wait 1 s): wait for one captured query.
      long deadline = System.currentTimeMillis() + 30_000;
      while (node.sql.lastAcquisition.get() == null && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      if (node.sql.lastAcquisition.get() != null) {
        acquisitionSql.put("tuned", node.sql.lastAcquisition.get());
      }
      waitingWork(node, node.jdbc());
    } finally {
      node.close();
    }
  }

  List<String> startPetitions(Node node, int count) throws Exception {
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    measure(node, 4, count, () -> ids.add(node.engine.getRuntimeService()
        .startProcessInstanceByKey("petition", Node.intake()).getId()));
    return new ArrayList<>(ids);
  }

  static List<String> jobsOf(JdbcTemplate jdbc, List<String> instances) {
    List<String> jobs = new ArrayList<>();
    withArray(jdbc, instances, array -> jobs.addAll(jdbc.queryForList(
        "select ID_ from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = any(?)", String.class, array)));
    return jobs;
  }

  static void withArray(JdbcTemplate jdbc, List<String> values, Consumer<Array> action) {
    jdbc.execute((Connection c) -> {
      Array array = c.createArrayOf("varchar", values.toArray());
      action.accept(array);
      return null;
    });
  }

  /** Waits until every job has a successful job log entry (or the timeout); returns lags (s) from due to execution. */
  static List<Double> waitForLags(JdbcTemplate jdbc, List<String> jobs, int timeoutSeconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    List<Double> lags = List.of();
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      List<Double> found = new ArrayList<>();
      withArray(jdbc, jobs, array -> found.addAll(jdbc.queryForList("""
          select extract(epoch from (TIMESTAMP_ - JOB_DUEDATE_))::float8 from ACT_HI_JOB_LOG
          where JOB_ID_ = any(?) and JOB_STATE_ = 2""", Double.class, array)));
      lags = found;
      if (found.size() >= jobs.size()) {
        break;
      }
    }
    return new ArrayList<>(lags);
  }

  /** 5: open tasks with SLA timers cloned up to {@link #waiting}, then the acquisition and Tasklist queries. */
  void waitingWork(Node node, JdbcTemplate jdbc) throws Exception {
    int open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Integer.class);
    int clones = Math.max(0, waiting - open);
    long t0 = System.nanoTime();
    cloneOpenTasks(jdbc, clones);
    jdbc.execute("analyze");
    int tasks = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Integer.class);
    int timers = jdbc.queryForObject("select count(*) from ACT_RU_JOB where TYPE_ = 'timer'", Integer.class);
    print("");
    print(String.format(Locale.ROOT, "## 5 Waiting work on PostgreSQL: %,d open tasks, %,d timer jobs (%,d real "
        + "petitions, the rest cloned row by row in SQL in %.0f s)", tasks, timers, open, (System.nanoTime() - t0) / 1e9));
    for (Map.Entry<String, CountingDataSource.CapturedSql> e : acquisitionSql.entrySet()) {
      String sql = e.getValue().withLiterals();
      double with = explain(jdbc, sql);
      jdbc.execute("drop index SENATE_IDX_JOB_DUEDATE");
      double without = explain(jdbc, sql);
      jdbc.execute("create index SENATE_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)");
      print(String.format(Locale.ROOT, "acquisition query of the %-8s settings: %8.3f ms with the due-date index, "
          + "%8.3f ms without (EXPLAIN ANALYZE execution time, median of %d)", e.getKey(), with, without, runs));
    }
    if (acquisitionSql.containsKey("tuned")) {
      print("  tuned acquisition SQL (captured from the engine): " + acquisitionSql.get("tuned").sql()
          .replaceAll("\\s+", " ").trim());
    }
    // Tasklist: a clerk of one bureau, its unassigned candidate tasks by due date, first page (Tasklist's 15) and
    // the count Tasklist asks for too. The project's settings, then (interleaved, fewer runs: they are slow)
    // without the task due-date index and with Camunda's default authorizationCheckRevokes=auto.
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) node.engine.getProcessEngineConfiguration();
    String projectRevokes = config.getAuthorizationCheckRevokes();
    for (String bureau : List.of("officePresident", "burLegal")) {
      int bureauTasks = jdbc.queryForObject("select count(*) from ACT_RU_IDENTITYLINK where GROUP_ID_ = ? and "
          + "TYPE_ = 'candidate' and TASK_ID_ is not null", Integer.class, bureau);
      String project = tasklist(node, bureau, 20 + runs * 4);
      jdbc.execute("drop index SENATE_IDX_TASK_DUEDATE");
      String noIndex = tasklist(node, bureau, 8);
      jdbc.execute("create index SENATE_IDX_TASK_DUEDATE on ACT_RU_TASK (DUE_DATE_)");
      config.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      String auto = tasklist(node, bureau, 5);
      config.setAuthorizationCheckRevokes(projectRevokes);
      print(String.format(Locale.ROOT, "Tasklist query for %-15s (%,6d candidate tasks; page of 15 by due date + count, "
          + "as a bureau user, authorization checks on):", bureau, bureauTasks));
      print("  project settings (revokes " + projectRevokes + ", task due-date index): " + project);
      print("  without SENATE_IDX_TASK_DUEDATE:                          " + noIndex);
      print("  authorizationCheckRevokes=auto (Camunda's default):       " + auto);
    }
  }

  /** Runs the bureau's Tasklist query {@code n} times (the first 3 warm up): p50/p95 of page, count and both, and the load. */
  String tasklist(Node node, String bureau, int n) {
    TaskService taskService = node.engine.getTaskService();
    IdentityService identity = node.engine.getIdentityService();
    List<Double> page = new ArrayList<>();
    List<Double> count = new ArrayList<>();
    List<Double> both = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      identity.setAuthentication(bureau + "User", List.of(bureau));
      try {
        long s = System.nanoTime();
        taskService.createTaskQuery().taskCandidateGroup(bureau).taskUnassigned().orderByDueDate().asc().listPage(0, 15);
        long m = System.nanoTime();
        taskService.createTaskQuery().taskCandidateGroup(bureau).taskUnassigned().count();
        long e = System.nanoTime();
        if (i >= 3) {
          page.add((m - s) / 1e6);
          count.add((e - m) / 1e6);
          both.add((e - s) / 1e6);
        }
      } finally {
        identity.clearAuthentication();
      }
    }
    // The target is the first page; Tasklist also asks for the count, so both are shown, and together.
    return String.format(Locale.ROOT, "page p50 %6.1f p95 %6.1f ms | count p50 %7.1f p95 %7.1f ms | page+count p50 %7.1f "
        + "p95 %7.1f ms (%d runs) | load %s", percentile(page, 50), percentile(page, 95), percentile(count, 50),
        percentile(count, 95), percentile(both, 50), percentile(both, 95), both.size(), load());
  }

  static double explain(JdbcTemplate jdbc, String sql) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + sql, String.class);
      String last = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElseThrow();
      if (i >= 2) {
        times.add(Double.parseDouble(last.replaceAll("[^0-9.]", "")));
      }
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  /**
   * Clones a real open petition (its execution, task, candidate links, authorizations and SLA timer job) n
   * times with new ids, spread over the bureaus and due dates of the next 30 days: the rows the acquisition
   * and Tasklist queries read, as real work would leave them.
   */
  static void cloneOpenTasks(JdbcTemplate jdbc, int n) {
    if (n <= 0) {
      return;
    }
    Map<String, Object> task = jdbc.queryForMap("select ID_, PROC_INST_ID_, EXECUTION_ID_ from ACT_RU_TASK "
        + "where TASK_DEF_KEY_ = 'Task_AcknowledgePetition' limit 1");
    String taskId = (String) task.get("ID_");
    String instance = (String) task.get("PROC_INST_ID_");
    String bureaus = "(array['" + String.join("','", BUREAUS) + "'])[1 + g % " + BUREAUS.length + "]";
    String due = "now() + (g % 43200) * interval '1 minute'";
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("ACT_RU_EXECUTION", "PROC_INST_ID_ = '" + instance + "'");
    tables.put("ACT_RU_TASK", "ID_ = '" + taskId + "'");
    tables.put("ACT_RU_IDENTITYLINK", "TASK_ID_ = '" + taskId + "'");
    tables.put("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ = '" + taskId + "'");
    tables.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ = '" + instance + "'");
    // Every id of the template's rows is renamed in every column that holds it.
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, String> t : tables.entrySet()) {
      ids.addAll(jdbc.queryForList("select ID_ from " + t.getKey() + " where " + t.getValue(), String.class));
    }
    String idList = "'" + String.join("','", ids) + "'";
    for (Map.Entry<String, String> t : tables.entrySet()) {
      List<Map<String, Object>> columns = jdbc.queryForList("select column_name, data_type from information_schema.columns "
          + "where table_name = lower(?) order by ordinal_position", t.getKey());
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (Map<String, Object> c : columns) {
        String column = ((String) c.get("column_name")).toUpperCase(Locale.ROOT);
        String type = (String) c.get("data_type");
        names.add(column);
        if (column.equals("GROUP_ID_") && !t.getKey().equals("ACT_RU_EXECUTION")) {
          values.add("case when GROUP_ID_ is null then null else " + bureaus + " end");
        } else if (column.equals("DUE_DATE_") || (column.equals("DUEDATE_") && t.getKey().equals("ACT_RU_JOB"))) {
          values.add(due);
        } else if (column.equals("BUSINESS_KEY_")) {
          values.add("case when BUSINESS_KEY_ is null then null else 'BENCH-' || g end");
        } else if (type.contains("char")) {
          values.add("case when " + column + " in (" + idList + ") then " + column + " || '-c' || g else " + column + " end");
        } else {
          values.add(column);
        }
      }
      jdbc.update("insert into " + t.getKey() + " (" + String.join(",", names) + ") select " + String.join(",", values)
          + " from " + t.getKey() + ", generate_series(1, " + n + ") g where " + t.getValue());
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // 6: memory

  void memory() throws Exception {
    print("");
    print(String.format(Locale.ROOT, "## 6 Memory: %,d completed petitions (executive-matter path, 3 user tasks), "
        + "PostgreSQL, history full, job executor on, 2 client threads; heap after full GC", memoryInstances));
    String url = TestPostgres.createDatabase("bench_memory");
    Node node = Node.start("memory", "postgres", url, "full", true, true, true);
    try {
      int step = memoryInstances / 10;
      List<double[]> samples = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (int done = 0; done <= memoryInstances; done += step) {
        if (done > 0) {
          measure(node, 2, step, node::forwardLifecycle);
        }
        double heap = usedHeapAfterGc();
        samples.add(new double[] {done, heap});
        line.append(String.format(Locale.ROOT, " %,d:%.0f", done, heap));
      }
      print("heap used after GC (instances:MiB):" + line);
      // Slope over the second half (after caches and pools have warmed up), least squares.
      List<double[]> tail = samples.subList(samples.size() / 2, samples.size());
      double mx = tail.stream().mapToDouble(s -> s[0]).average().orElse(0);
      double my = tail.stream().mapToDouble(s -> s[1]).average().orElse(0);
      double num = 0;
      double den = 0;
      for (double[] s : tail) {
        num += (s[0] - mx) * (s[1] - my);
        den += (s[0] - mx) * (s[0] - mx);
      }
      double bytesPerInstance = num / den * 1024 * 1024;
      print(String.format(Locale.ROOT, "heap growth over the second half: %.1f bytes per completed instance "
          + "(%.1f MiB per 100,000); JVM peak RSS (VmHWM) %s; load %s", bytesPerInstance,
          bytesPerInstance * 100_000 / 1024 / 1024, peakRss(), load()));
    } finally {
      node.close();
    }
  }

  static double usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / 1024.0 / 1024.0;
  }

  static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  static double median(List<double[]> values, int index) {
    List<Double> sorted = new ArrayList<>(values.stream().map(v -> v[index]).toList());
    return percentile(sorted, 50);
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  static String machine() throws Exception {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("?");
    String pg;
    try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection()) {
      pg = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }
    return String.format(Locale.ROOT, "machine: %d cores (%s), %s RAM, JVM %s %s, max heap %d MiB, H2 %s, %s "
        + "(embedded, fsync off), load average at start %s", Runtime.getRuntime().availableProcessors(), cpu, mem,
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / 1024 / 1024, org.h2.engine.Constants.VERSION, pg, load());
  }

  // ---------------------------------------------------------------------------------------------------------

  /** One whole application (Spring context) on the given database, its engine and its counted DataSource. */
  static final class Node implements AutoCloseable {
    final ConfigurableApplicationContext context;
    final ProcessEngine engine;
    final CountingDataSource sql;

    private Node(ConfigurableApplicationContext context, CountingDataSource sql) {
      this.context = context;
      this.engine = context.getBean(ProcessEngine.class);
      this.sql = sql;
    }

    /**
     * @param instrumented {@code senate.instrumentation.enabled}
     * @param jobExecutor whether the job executor runs
     * @param tuned the project's job-executor settings and changelog (else Camunda's defaults and changelog);
     *        only matters with the job executor on and on PostgreSQL
     */
    static Node start(String name, String db, String url, String history, boolean instrumented, boolean jobExecutor,
        boolean tuned) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("senate.test.own-database", "true");
      p.put("server.port", "0");
      p.put("spring.main.banner-mode", "off");
      p.put("logging.level.root", "WARN");
      p.put("logging.level.org.camunda.bpm.engine.jobexecutor", "ERROR");
      p.put("SENATE_INTEGRITY_KEY", INTEGRITY_KEY);
      p.put("camunda.bpm.admin-user.id", "admin");
      p.put("camunda.bpm.admin-user.password", "Bench-Geheim-2026!");
      p.put("camunda.bpm.process-engine-name", name);
      p.put("camunda.bpm.generic-properties.properties.hostname", name);
      p.put("camunda.bpm.history-level", history);
      p.put("camunda.bpm.job-execution.enabled", String.valueOf(jobExecutor));
      p.put("senate.instrumentation.enabled", String.valueOf(instrumented));
      if (db.equals("h2")) {
        p.put("spring.datasource.url", url);
      } else {
        p.put("SENATE_DB_URL", url);
        p.put("SENATE_DB_USER", "postgres");
        p.put("SENATE_DB_PASSWORD", "");
      }
      if (!tuned) {
        // Camunda 7.24's own defaults and schema (the project's settings before this benchmark).
        p.put("spring.liquibase.change-log", "classpath:org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml");
        p.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "3");
        p.put("camunda.bpm.job-execution.wait-time-in-millis", "5000");
        p.put("camunda.bpm.job-execution.max-wait", "60000");
        p.put("camunda.bpm.job-execution.queue-capacity", "3");
        p.put("camunda.bpm.generic-properties.properties.ensureJobDueDateNotNull", "false");
        p.put("camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs", "false");
        p.put("camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate", "false");
      }
      CountingDataSource[] counted = new CountingDataSource[1];
      ConfigurableApplicationContext context = new SpringApplicationBuilder(SenateWorkflowApplication.class)
          .web(WebApplicationType.SERVLET)
          .profiles(db.equals("h2") ? new String[0] : new String[] {"postgres"})
          .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
              if (bean instanceof DataSource ds && !(bean instanceof CountingDataSource) && counted[0] == null) {
                counted[0] = new CountingDataSource(ds);
                return counted[0];
              }
              return bean;
            }
          }))
          .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
      return new Node(context, counted[0]);
    }

    JdbcTemplate jdbc() {
      return new JdbcTemplate(context.getBean(DataSource.class));
    }

    void deploy() {
      engine.getRepositoryService().createDeployment().name("engine-benchmark").enableDuplicateFiltering(false)
          .addModelInstance("benchAnchor.bpmn", BenchModels.anchor())
          .addModelInstance("petitionBare.bpmn", BenchModels.petitionBare())
          .deploy();
    }

    static Map<String, Object> intake() {
      return new HashMap<>(Map.of("channel", "LETTER", "petitionerName", "นางสาวสมใจ ใจดี", "petitionerContact",
          "081-234-5678", "subject", "ขอให้ตรวจสอบการก่อสร้างถนน", "details", "ถนนในหมู่บ้านชำรุดมานานกว่าหนึ่งปี",
          "receivedDate", "2026-11-26"));
    }

    void anchorLifecycle() {
      String id = engine.getRuntimeService().startProcessInstanceByKey(BenchModels.ANCHOR).getId();
      completeNext(id, Map.of());
    }

    void bareLifecycle() {
      walk(BenchModels.PETITION_BARE, PETITION_STEPS);
    }

    void petitionLifecycle() {
      walk("petition", PETITION_STEPS);
    }

    void forwardLifecycle() {
      walk("petition", FORWARD_STEPS);
    }

    private void walk(String key, List<Step> steps) {
      String id = engine.getRuntimeService().startProcessInstanceByKey(key, intake()).getId();
      for (Step step : steps) {
        completeNext(id, step.values());
      }
    }

    private void completeNext(String instance, Map<String, Object> values) {
      TaskService tasks = engine.getTaskService();
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      tasks.complete(task.getId(), values);
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
