package th.go.senate.workflow.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;
import th.go.senate.workflow.web.BadRequestException;

/**
 * KPI reports over the step facts ({@code kpi_step_fact}) by fiscal year, round, process, step or bureau,
 * with the previous fiscal year side by side and a projection of the year-end % on time.
 *
 * <p>Aggregation runs in the database in portable SQL (H2 and PostgreSQL): {@code count(*) filter (where …)}
 * over four index-read slices of the facts for the counts ({@link #figures}), and counts per distinct working-
 * minutes value for the median and 90th percentile, interpolated as {@code percentile_cont} does
 * ({@link WorkingMinutes}). Indexes: V5_1 and V6_1; figures over 1,000,000 facts: README, Performance.
 *
 * <p>Definitions (the README's "KPI reports" section says the same):
 * <ul>
 * <li><b>started</b>: steps created in the period; <b>completed</b>: steps completed in the period (a cancelled
 * step is neither completed nor on time); <b>on time</b>: completed in the period with the SLA met;
 * <li><b>durations</b>: working minutes (office hours, working days) of the steps completed in the period;
 * <li><b>open</b> and <b>overdue</b>: steps open at the report's instant ({@link Report#asOf()}: now, or the
 * end of the round if it is over), overdue when their due time has passed by then; <b>backlog by age</b>:
 * open steps by calendar days since they arrived;
 * <li><b>breaches</b>: SLA breaches recorded by the timers in the period; <b>escalations</b>: escalations
 * (breach, bureau head, sgOffice) of the steps created in the period.
 * </ul>
 */
@Service
public class KpiReportService {

  public enum GroupBy {
    PROCESS, STEP, BUREAU;

    public static GroupBy parse(String value) {
      if (value == null || value.isBlank()) {
        return PROCESS;
      }
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("จัดกลุ่มได้ตาม process, step หรือ bureau เท่านั้น: '" + value
            + "' (groupBy must be process, step or bureau)");
      }
    }
  }

  /** Upper bounds (exclusive, in calendar days) of the backlog age bands; the last band is open-ended. */
  static final int[] AGE_BAND_DAYS = {3, 7, 15, 30};
  public static final List<String> AGE_BANDS = List.of("ไม่เกิน 3 วัน", "4–7 วัน", "8–15 วัน", "16–30 วัน",
      "เกิน 30 วัน");

  /**
   * The one definition of the steps a % on time counts: completed (not cancelled) within [from, to); of them,
   * on time when the SLA was met. Reports and the plan review's indicators ({@link IndicatorService}) both use it.
   */
  private static final String COMPLETED_BETWEEN = "completed_at >= ? and completed_at < ? and end_state = '"
      + KpiRecorder.COMPLETED + "'";
  private static final String ON_TIME = "sla_met = true";

  private final JdbcTemplate jdbc;
  private final RepositoryService repositoryService;
  private final BureauDirectory bureaus;

  public KpiReportService(JdbcTemplate jdbc, RepositoryService repositoryService, BureauDirectory bureaus) {
    this.jdbc = jdbc;
    this.repositoryService = repositoryService;
    this.bureaus = bureaus;
  }

  /** What to report: the round, the grouping, and optional filters (null = all processes, all bureaus). */
  public record Query(ReportPeriod period, GroupBy groupBy, String processKey, Collection<String> bureaus) {
  }

  /** The figures of one group in one period. Percent and minutes are null where nothing was completed. */
  public record Figures(long started, long completed, long onTime, Double onTimePercent,
      Double medianWorkingMinutes, Double p90WorkingMinutes, long breaches, long escalations, long open,
      List<Long> backlogByAge, long overdue) {
  }

  /** One line of the report: the group, this year's figures, last year's, and the projection. */
  public record Row(String key, String processKey, String stepId, String bureau, String name, Figures current,
      Figures previous, Double projectedYearEndOnTimePercent) {
  }

  /** Steps completed in one month of the fiscal year, and how many on time. */
  public record Month(String month, String label, long completed, long onTime, Double onTimePercent) {
  }

  public record Report(int fiscalYear, int round, String groupBy, String processKey, List<String> bureaus,
      LocalDate periodFrom, LocalDate periodTo, String periodLabel, OffsetDateTime asOf, List<String> ageBands,
      List<Row> rows, Row total, List<Month> months, String projectionMethod) {
  }

  public static final String PROJECTION_METHOD = "แนวโน้มเชิงเส้นของร้อยละตรงเวลารายเดือน (ถ่วงน้ำหนักด้วยจำนวนงานที่เสร็จ)"
      + " ต่อไปจนสิ้นปีงบประมาณ โดยเดือนที่เหลือมีปริมาณงานเท่าค่าเฉลี่ยรายเดือนที่ผ่านมา (weighted linear trend"
      + " of the monthly on-time %, extended to September at the average monthly volume so far)";

  public Report report(Query query) {
    ReportPeriod period = query.period();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant asOf = now.isBefore(period.to()) ? now : period.to();
    Instant previousAsOf = asOf.atZone(th.go.senate.workflow.calendar.DueDatePlanner.ZONE).minusYears(1).toInstant();

    Map<String, Tally> current = figures(query, period, asOf);
    Map<String, Tally> previous = figures(query, period.previous(), previousAsOf);

    List<YearMonth> months = monthsUpTo(period, asOf);
    Map<String, long[][]> monthly = monthly(query, period, months);
    long[][] totalMonthly = new long[2][months.size()];
    monthly.values().forEach(m -> {
      for (int i = 0; i < months.size(); i++) {
        totalMonthly[0][i] += m[0][i];
        totalMonthly[1][i] += m[1][i];
      }
    });

    Map<String, String> processNames = processNames();
    Map<String, String> bureauNames = bureaus.allGroups().stream()
        .collect(Collectors.toMap(GroupDescription::getId, GroupDescription::getNameTh, (a, b) -> a));
    LinkedHashMap<String, Tally> keys = new LinkedHashMap<>();
    current.forEach(keys::put);
    previous.forEach(keys::putIfAbsent);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Tally> entry : keys.entrySet()) {
      Tally group = entry.getValue();
      Tally thisYear = current.get(entry.getKey());
      Tally lastYear = previous.get(entry.getKey());
      long[][] m = monthly.get(entry.getKey());
      rows.add(new Row(entry.getKey(), group.processKey, group.stepId, group.bureau,
          name(query.groupBy(), group, processNames, bureauNames),
          thisYear == null ? empty() : thisYear.figures(), lastYear == null ? null : lastYear.figures(),
          m == null ? null : Projection.yearEndPercent(m[0], m[1])));
    }
    rows.sort(java.util.Comparator.comparing(Row::key));
    Row total = new Row("*", query.processKey(), null, null, "รวม",
        total(current.values()), total(previous.values()),
        Projection.yearEndPercent(totalMonthly[0], totalMonthly[1]));
    List<Month> monthRows = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      monthRows.add(new Month(months.get(i).toString(), ReportPeriod.thaiMonth(months.get(i)), totalMonthly[0][i],
          totalMonthly[1][i], percent(totalMonthly[1][i], totalMonthly[0][i])));
    }
    return new Report(period.fiscalYear(), period.round(), query.groupBy().name().toLowerCase(Locale.ROOT),
        query.processKey(), query.bureaus() == null ? null : List.copyOf(query.bureaus()), period.firstDay(),
        period.lastDay(), period.label(), KpiRepository.time(asOf), AGE_BANDS, rows, total, monthRows,
        PROJECTION_METHOD);
  }

  /** Whether a process is known: deployed, or present in the facts (a retired process still reports). */
  public boolean processExists(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0
        || !jdbc.queryForList("select process_key from kpi_step_fact where process_key = ? fetch first 1 rows only",
            String.class, processKey).isEmpty();
  }

  // ------------------------------------------------------------------------------------------- queries

  /** One group (its key columns) and its counts as the queries fill them in; additive, so groups add up to the total. */
  static final class Tally {
    long started;
    long escalations;
    long completed;
    long onTime;
    long breaches;
    long open;
    final long[] bands = new long[AGE_BAND_DAYS.length + 1];
    long overdue;
    final WorkingMinutes minutes = new WorkingMinutes();
    String processKey;
    String stepId;
    String bureau;
    String stepName;

    void add(Tally other) {
      started += other.started;
      escalations += other.escalations;
      completed += other.completed;
      onTime += other.onTime;
      breaches += other.breaches;
      open += other.open;
      for (int band = 0; band < bands.length; band++) {
        bands[band] += other.bands[band];
      }
      overdue += other.overdue;
      minutes.addAll(other.minutes);
    }

    Figures figures() {
      return new Figures(started, completed, onTime, percent(onTime, completed), rounded(minutes.percentile(0.5)),
          rounded(minutes.percentile(0.9)), breaches, escalations, open, Arrays.stream(bands).boxed().toList(),
          overdue);
    }
  }

  /**
   * The figures of all groups together. Every fact belongs to exactly one group, so the counts add up and the
   * working-minutes distributions merge; the total needs no query of its own.
   */
  private static Figures total(Collection<Tally> groups) {
    Tally total = new Tally();
    groups.forEach(total::add);
    return total.figures();
  }

  /**
   * The figures of a period, one entry per group, from two queries that each read only the facts they need
   * through an index (V5_1, V6_1):
   * <ol>
   * <li>steps completed in the period, counted per distinct working-minutes value: completed, on time, and the
   * distribution {@link WorkingMinutes} turns into median and 90th percentile exactly as {@code percentile_cont}
   * (a hash aggregation; sorting every step to read two values made the report slow);
   * <li>three slices summed per group: steps created in the period (started, escalations), breaches recorded in
   * it, steps open at the report's instant (still open, or completed after it: backlog bands, overdue).
   * </ol>
   * One scan with {@code created_at < to and (completed_at is null or completed_at >= from)} could use no index
   * and read most of the table.
   */
  Map<String, Tally> figures(Query query, ReportPeriod period, Instant asOf) {
    Map<String, Tally> tallies = new java.util.TreeMap<>();
    completed(query, period, tallies);
    others(query, period, asOf, tallies);
    for (Tally t : tallies.values()) {
      if (t.stepId != null && t.stepName == null) {
        // A step only completed in the period (arrived before it): its name from any one of its facts.
        t.stepName = jdbc.queryForList("select step_name from kpi_step_fact where process_key = ? and step_id = ? "
            + "and step_name is not null fetch first 1 rows only", String.class, t.processKey, t.stepId)
            .stream().findFirst().orElse(null);
      }
    }
    return tallies;
  }

  /** The group's tally for the current row; the row's first columns are the group's key columns. */
  private static Tally tally(Map<String, Tally> tallies, GroupBy groupBy, ResultSet rs) throws SQLException {
    String first = rs.getString(1);
    String second = groupBy == GroupBy.STEP ? rs.getString(2) : null;
    String key = switch (groupBy) {
      case PROCESS -> key(groupBy, first, null, null);
      case STEP -> key(groupBy, first, second, null);
      case BUREAU -> key(groupBy, null, null, first);
    };
    return tallies.computeIfAbsent(key, k -> {
      Tally t = new Tally();
      t.processKey = groupBy == GroupBy.BUREAU ? null : first;
      t.stepId = second;
      t.bureau = groupBy == GroupBy.BUREAU ? first : null;
      return t;
    });
  }

  private static int keyCount(GroupBy groupBy) {
    return groupBy == GroupBy.STEP ? 2 : 1;
  }

  /** Steps completed in the period per group and distinct working minutes: completed, on time, durations. */
  void completed(Query query, ReportPeriod period, Map<String, Tally> tallies) {
    List<Object> args = new ArrayList<>();
    String keys = keyColumns(query.groupBy());
    // No step name here: one row per group and distinct minutes is tens of thousands of rows for a step report.
    StringBuilder sql = new StringBuilder("select ").append(keys).append(", working_minutes, count(*), ")
        .append("count(*) filter (where ").append(ON_TIME).append(") from kpi_step_fact where ")
        .append(COMPLETED_BETWEEN);
    args.add(KpiRepository.time(period.from()));
    args.add(KpiRepository.time(period.to()));
    filters(query, sql, args);
    sql.append(" group by ").append(keys).append(", working_minutes");
    int c = keyCount(query.groupBy());
    jdbc.query(sql.toString(), rs -> {
      Tally t = tally(tallies, query.groupBy(), rs);
      long count = rs.getLong(c + 2);
      t.completed += count;
      t.onTime += rs.getLong(c + 3);
      int minutes = rs.getInt(c + 1);
      if (!rs.wasNull()) {
        t.minutes.add(minutes, count);
      }
    }, args.toArray());
  }

  /** Started, escalations, breaches, open, backlog by age and overdue per group: three index-read slices. */
  void others(Query query, ReportPeriod period, Instant asOf, Map<String, Tally> tallies) {
    List<Object> args = new ArrayList<>();
    OffsetDateTime from = KpiRepository.time(period.from());
    OffsetDateTime to = KpiRepository.time(period.to());
    OffsetDateTime at = KpiRepository.time(asOf);
    String keys = keyColumns(query.groupBy());
    int bandCount = AGE_BAND_DAYS.length + 1;
    StringBuilder sql = new StringBuilder("select ").append(keys).append(", ");
    if (query.groupBy() == GroupBy.STEP) {
      sql.append("max(step_name), ");
    }
    sql.append("sum(started), sum(escalations), sum(breaches), sum(open_now), ");
    for (int band = 0; band < bandCount; band++) {
      sql.append("sum(band").append(band).append("), ");
    }
    sql.append("sum(overdue) from (");

    partial(sql, query, "count(*) as started, coalesce(sum(escalations), 0) as escalations, 0 as breaches, "
        + "0 as open_now, " + zeros("band", bandCount) + ", 0 as overdue");
    sql.append(" where created_at >= ? and created_at < ?");
    args.add(from);
    args.add(to);
    filters(query, sql, args);
    group(sql, keys);

    sql.append(" union all ");
    partial(sql, query, "0, 0, count(*), 0, " + zeros(null, bandCount) + ", 0");
    sql.append(" where breached_at >= ? and breached_at < ?");
    args.add(from);
    args.add(to);
    filters(query, sql, args);
    group(sql, keys);

    // Open at the instant: still open, or completed (or cancelled) after it; two index ranges.
    for (String openWhere : List.of("completed_at is null and created_at < ?", "completed_at >= ? and created_at < ?")) {
      sql.append(" union all ");
      StringBuilder columns = new StringBuilder("0, 0, 0, count(*), ");
      OffsetDateTime younger = null;
      for (int band = 0; band < bandCount; band++) {
        OffsetDateTime older = band < AGE_BAND_DAYS.length
            ? KpiRepository.time(asOf.minus(Duration.ofDays(AGE_BAND_DAYS[band]))) : null;
        columns.append("count(*) filter (where 1 = 1");
        if (older != null) {
          columns.append(" and created_at >= ?");
          args.add(older);
        }
        if (younger != null) {
          columns.append(" and created_at < ?");
          args.add(younger);
        }
        columns.append("), ");
        younger = older;
      }
      columns.append("count(*) filter (where due_at < ?)");
      args.add(at);
      partial(sql, query, columns.toString());
      sql.append(" where ").append(openWhere);
      if (openWhere.startsWith("completed_at >=")) {
        args.add(at);
      }
      args.add(at);
      filters(query, sql, args);
      group(sql, keys);
    }
    sql.append(") partials group by ").append(keys);
    int first = keyCount(query.groupBy()) + 1;
    jdbc.query(sql.toString(), rs -> {
      Tally t = tally(tallies, query.groupBy(), rs);
      int c = first;
      if (query.groupBy() == GroupBy.STEP) {
        String stepName = rs.getString(c++);
        if (t.stepName == null) {
          t.stepName = stepName;
        }
      }
      t.started += rs.getLong(c++);
      t.escalations += rs.getLong(c++);
      t.breaches += rs.getLong(c++);
      t.open += rs.getLong(c++);
      for (int band = 0; band < bandCount; band++) {
        t.bands[band] += rs.getLong(c++);
      }
      t.overdue += rs.getLong(c);
    }, args.toArray());
  }

  /** Completed and on-time steps per month of the round (up to the report's instant), per group. */
  Map<String, long[][]> monthly(Query query, ReportPeriod period, List<YearMonth> months) {
    Map<String, long[][]> result = new LinkedHashMap<>();
    if (months.isEmpty()) {
      return result;
    }
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select ").append(keyColumns(query.groupBy()));
    for (YearMonth month : months) {
      OffsetDateTime start = KpiRepository.time(ReportPeriod.startOf(month));
      OffsetDateTime end = KpiRepository.time(ReportPeriod.startOf(month.plusMonths(1)));
      sql.append(", count(*) filter (where completed_at >= ? and completed_at < ?)");
      sql.append(", count(*) filter (where completed_at >= ? and completed_at < ? and ").append(ON_TIME).append(")");
      args.addAll(List.of(start, end, start, end));
    }
    sql.append(" from kpi_step_fact where ").append(COMPLETED_BETWEEN);
    args.add(KpiRepository.time(period.from()));
    args.add(KpiRepository.time(period.to()));
    filters(query, sql, args);
    sql.append(" group by ").append(keyColumns(query.groupBy()));
    int keyCount = query.groupBy() == GroupBy.STEP ? 2 : 1;
    jdbc.query(sql.toString(), rs -> {
      String a = rs.getString(1);
      String key = switch (query.groupBy()) {
        case PROCESS -> key(GroupBy.PROCESS, a, null, null);
        case STEP -> key(GroupBy.STEP, a, rs.getString(2), null);
        case BUREAU -> key(GroupBy.BUREAU, null, null, a);
      };
      long[][] counts = new long[2][months.size()];
      for (int i = 0; i < months.size(); i++) {
        counts[0][i] = rs.getLong(keyCount + 1 + 2 * i);
        counts[1][i] = rs.getLong(keyCount + 2 + 2 * i);
      }
      result.put(key, counts);
    }, args.toArray());
    return result;
  }

  /** A process's steps completed within [from, to) and how many of them on time: {completed, on time}. */
  public long[] completedAndOnTime(String processKey, Instant from, Instant to) {
    return jdbc.queryForObject("select count(*), count(*) filter (where " + ON_TIME + ") from kpi_step_fact where "
        + COMPLETED_BETWEEN + " and process_key = ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
        KpiRepository.time(from), KpiRepository.time(to), processKey);
  }

  private static void filters(Query query, StringBuilder sql, List<Object> args) {
    if (query.processKey() != null) {
      sql.append(" and process_key = ?");
      args.add(query.processKey());
    }
    if (query.bureaus() != null) {
      if (query.bureaus().isEmpty()) {
        sql.append(" and 1 = 0");
      } else {
        sql.append(" and candidate_group in (")
            .append(query.bureaus().stream().map(b -> "?").collect(Collectors.joining(","))).append(")");
        args.addAll(query.bureaus());
      }
    }
  }

  /** One partial aggregate of {@link #figures}: the group's key columns, then {@code columns}, from the facts. */
  private static void partial(StringBuilder sql, Query query, String columns) {
    sql.append("select ").append(keyColumns(query.groupBy())).append(", ");
    if (query.groupBy() == GroupBy.STEP) {
      sql.append("max(step_name) as step_name, ");
    }
    sql.append(columns).append(" from kpi_step_fact");
  }

  private static void group(StringBuilder sql, String keys) {
    sql.append(" group by ").append(keys);
  }

  private static String zeros(String alias, int count) {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      columns.add(alias == null ? "0" : "0 as " + alias + i);
    }
    return String.join(", ", columns);
  }

  private static String keyColumns(GroupBy groupBy) {
    return switch (groupBy) {
      case PROCESS -> "process_key";
      case STEP -> "process_key, step_id";
      case BUREAU -> "candidate_group";
    };
  }

  private static String key(GroupBy groupBy, String processKey, String stepId, String bureau) {
    return switch (groupBy) {
      case PROCESS -> processKey;
      case STEP -> processKey + "/" + stepId;
      case BUREAU -> Objects.toString(bureau, "-");
    };
  }

  private static String name(GroupBy groupBy, Tally group, Map<String, String> processNames,
      Map<String, String> bureauNames) {
    return switch (groupBy) {
      case PROCESS -> processNames.getOrDefault(group.processKey, group.processKey);
      case STEP -> group.stepName != null ? group.stepName : group.stepId;
      case BUREAU -> group.bureau == null ? "(ไม่ระบุสำนัก)" : bureauNames.getOrDefault(group.bureau, group.bureau);
    };
  }

  /** Thai process names of the latest deployed versions (the name before " (" English gloss, if any). */
  public Map<String, String> processNames() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> d.getName() != null)
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getName, (a, b) -> a));
  }

  /** The months of the round that have begun by {@code asOf}. */
  static List<YearMonth> monthsUpTo(ReportPeriod period, Instant asOf) {
    return period.monthsOfYear().subList(0, period.round()).stream()
        .filter(m -> ReportPeriod.startOf(m).isBefore(asOf)).toList();
  }

  private static Figures empty() {
    return new Figures(0, 0, 0, null, null, null, 0, 0, 0, List.of(0L, 0L, 0L, 0L, 0L), 0);
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
  }

  private static Double rounded(Double minutes) {
    return minutes == null ? null : Math.round(minutes * 10) / 10.0;
  }

  Set<String> knownBureaus() {
    return bureaus.getGroups().stream().map(GroupDescription::getId).collect(Collectors.toSet());
  }
}
