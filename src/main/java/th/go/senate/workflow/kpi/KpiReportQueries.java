package th.go.senate.workflow.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import th.go.senate.workflow.kpi.ReportQuery.GroupBy;

/**
 * The SQL of the KPI reports, the step summary and the plan review's indicators, with named parameters, in
 * portable SQL (H2 and PostgreSQL: {@code count(*) filter (where …)}, no {@code percentile_cont}).
 *
 * <p>A report's figures of one period come from two statements, {@link #completed} and {@link #slices}, each
 * reading only the facts it needs through an index ({@code V5_1__kpi_report_indexes.sql},
 * {@code V6_1__kpi_report_slice_indexes.sql}); one scan with {@code created_at < to and (completed_at is null
 * or completed_at >= from)} could use no index and read most of the table. {@link #monthly} counts the months
 * of the projection. A whole report runs {@link #whole}: the same slices of this year and last year in two
 * statements, over indexes that cover them ({@code V17_5__kpi_report_covering_indexes.sql}). Figures over
 * 1,000,000 facts: {@code KpiReportBenchmark}.
 */
@Repository
public class KpiReportQueries {

  /**
   * The one definition of the steps a % on time counts: completed (not cancelled) within [:from, :to); of them,
   * on time when the SLA was met. The reports and the plan review's indicators both use it.
   */
  private static final String COMPLETED_BETWEEN = completedBetween("");
  private static final String ON_TIME = "sla_met = true";

  /** The suffix of the previous year's parameters in {@link #whole} ({@code :fromPrevious}, …). */
  private static final String PREVIOUS = "Previous";

  /** What {@link #slices} sums per group over its slices, named as {@link #sliceCounts} reads them. */
  private static final String SLICE_SUMS = columns(KpiReport.AGE_BAND_DAYS.size() + 1, "sum(started)",
      "sum(escalations)", "sum(breaches)", "sum(open_now)", band -> "sum(band" + band + ")", "sum(overdue)");

  private final NamedParameterJdbcTemplate jdbc;

  public KpiReportQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Steps completed in the period per group, counted per distinct working-minutes value: completed, on time, and
   * the distribution that {@link WorkingMinutes} turns into median and 90th percentile exactly as
   * {@code percentile_cont} (a hash aggregation; sorting every step to read two values made the report slow).
   */
  Map<String, GroupCounts> completed(ReportQuery query, ReportPeriod period) {
    MapSqlParameterSource params = period(period);
    String keys = keyColumns(query.groupBy());
    // No step name here: one row per group and distinct minutes is tens of thousands of rows for a step report.
    String sql = "select " + keys + ", working_minutes, count(*) as completed, count(*) filter (where " + ON_TIME
        + ") as on_time from kpi_step_fact where " + COMPLETED_BETWEEN + filters(query, params)
        + " group by " + keys + ", working_minutes";
    Map<String, GroupCounts> groups = new TreeMap<>();
    Map<String, OnTimeShare> shares = new HashMap<>();
    Map<String, WorkingMinutes> distributions = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      GroupCounts group = group(query.groupBy(), rs);
      String key = group.key(query.groupBy());
      groups.putIfAbsent(key, group);
      long completed = rs.getLong("completed");
      shares.merge(key, new OnTimeShare(completed, rs.getLong("on_time")), OnTimeShare::plus);
      WorkingMinutes minutes = distributions.computeIfAbsent(key, k -> new WorkingMinutes());
      int value = rs.getInt("working_minutes");
      if (!rs.wasNull()) {
        minutes.add(value, completed);
      }
    });
    groups.replaceAll((key, group) -> group.withCompleted(shares.get(key), distributions.get(key)));
    return groups;
  }

  /**
   * Started, escalations, breaches, open, backlog by age and overdue per group: three slices of the facts, each
   * through an index, summed per group. Steps created in the period (started, escalations); breaches recorded in
   * it; steps open at {@code asOf}, that is still open or completed (or cancelled) after it, in two index ranges:
   * by calendar days since they arrived ({@link KpiReport#AGE_BAND_DAYS}), overdue when due before {@code asOf}.
   */
  Map<String, GroupCounts> slices(ReportQuery query, ReportPeriod period, Instant asOf) {
    MapSqlParameterSource params = period(period);
    String keys = keyColumns(query.groupBy());
    String sql = "select " + keys + stepNameColumn(query) + ", " + SLICE_SUMS + " from ("
        + sliceUnion(query, params, period, asOf, "", "") + ") partials group by " + keys;
    Map<String, GroupCounts> groups = new TreeMap<>();
    jdbc.query(sql, params, rs -> {
      GroupCounts group = sliceCounts(query, rs);
      groups.put(group.key(query.groupBy()), group);
    });
    return groups;
  }

  /** Completed steps per group and month of {@code months}, and how many on time: one share per month. */
  Map<String, List<OnTimeShare>> monthly(ReportQuery query, ReportPeriod period, List<YearMonth> months) {
    Map<String, List<OnTimeShare>> result = new LinkedHashMap<>();
    if (months.isEmpty()) {
      return result;
    }
    MapSqlParameterSource params = period(period);
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      params.addValue("monthStart" + i, KpiRepository.time(ReportPeriod.startOf(months.get(i))));
      params.addValue("monthEnd" + i, KpiRepository.time(ReportPeriod.startOf(months.get(i).plusMonths(1))));
      String inMonth = "completed_at >= :monthStart" + i + " and completed_at < :monthEnd" + i;
      columns.append(", count(*) filter (where ").append(inMonth).append(") as completed").append(i)
          .append(", count(*) filter (where ").append(inMonth).append(" and ").append(ON_TIME).append(") as on_time")
          .append(i);
    }
    String keys = keyColumns(query.groupBy());
    String sql = "select " + keys + columns + " from kpi_step_fact where " + COMPLETED_BETWEEN
        + filters(query, params) + " group by " + keys;
    jdbc.query(sql, params, rs -> {
      List<OnTimeShare> shares = new ArrayList<>();
      for (int i = 0; i < months.size(); i++) {
        shares.add(new OnTimeShare(rs.getLong("completed" + i), rs.getLong("on_time" + i)));
      }
      result.put(group(query.groupBy(), rs).key(query.groupBy()), List.copyOf(shares));
    });
    return result;
  }

  /** The name of a step from any one of its facts (a step only completed in a period, arrived before it). */
  Optional<String> stepName(String processKey, String stepId) {
    return jdbc.queryForList("select step_name from kpi_step_fact where process_key = :processKey and step_id = "
        + ":stepId and step_name is not null fetch first 1 rows only",
        new MapSqlParameterSource("processKey", processKey).addValue("stepId", stepId), String.class)
        .stream().findFirst();
  }

  /** Whether any step fact belongs to the process (a retired process still reports). */
  boolean hasFacts(String processKey) {
    return !jdbc.queryForList("select process_key from kpi_step_fact where process_key = :processKey "
        + "fetch first 1 rows only", new MapSqlParameterSource("processKey", processKey), String.class).isEmpty();
  }

  /** A process's steps completed within [from, to), and how many of them on time: the reports' definition. */
  public OnTimeShare completedAndOnTime(String processKey, Instant from, Instant to) {
    return jdbc.queryForObject("select count(*) as counted, count(*) filter (where " + ON_TIME + ") as on_time "
        + "from kpi_step_fact where " + COMPLETED_BETWEEN + " and process_key = :processKey",
        window(from, to).addValue("processKey", processKey), (rs, i) -> share(rs));
  }

  /** A process's cases ended (not cancelled) within [from, to), and how many of them within the legal limit. */
  public OnTimeShare casesWithinLimit(String processKey, Instant from, Instant to) {
    return jdbc.queryForObject("select count(*) as counted, "
        + "coalesce(sum(case when legal_limit_met = true then 1 else 0 end), 0) as on_time from kpi_case_fact "
        + "where process_key = :processKey and ended_at >= :from and ended_at < :to "
        + "and (outcome is null or outcome <> '" + KpiRecorder.CANCELLED + "')",
        window(from, to).addValue("processKey", processKey), (rs, i) -> share(rs));
  }

  /**
   * Per step of a process over all its facts, ordered by step id: facts, completed, on time and escalations in
   * one statement (the step's name from its earliest fact), the completed steps' working minutes per distinct
   * value in a second one, for the median.
   */
  public List<StepSummary> stepSummaries(String processKey) {
    MapSqlParameterSource params = new MapSqlParameterSource("processKey", processKey);
    String completed = "end_state = '" + KpiRecorder.COMPLETED + "'";
    Map<String, WorkingMinutes> minutes = new HashMap<>();
    jdbc.query("select step_id, working_minutes, count(*) as steps from kpi_step_fact where process_key = "
        + ":processKey and " + completed + " and working_minutes is not null group by step_id, working_minutes",
        params, rs -> {
          minutes.computeIfAbsent(rs.getString("step_id"), k -> new WorkingMinutes())
              .add(rs.getInt("working_minutes"), rs.getLong("steps"));
        });
    return jdbc.query("select step_id, count(*) as steps, count(*) filter (where " + completed + ") as completed, "
        + "count(*) filter (where " + completed + " and " + ON_TIME + ") as on_time, "
        + "coalesce(sum(escalations), 0) as escalations, (select f.step_name from kpi_step_fact f "
        + "where f.process_key = :processKey and f.step_id = s.step_id order by f.created_at fetch first 1 rows only) "
        + "as step_name from kpi_step_fact s where process_key = :processKey group by step_id order by step_id",
        params, (rs, i) -> {
          String stepId = rs.getString("step_id");
          WorkingMinutes distribution = minutes.get(stepId);
          return new StepSummary(processKey, stepId, rs.getString("step_name"), rs.getInt("steps"),
              rs.getInt("completed"), new OnTimeShare(rs.getLong("completed"), rs.getLong("on_time")).percentValue(),
              distribution == null ? null : distribution.percentile(0.5), rs.getInt("escalations"));
        });
  }

  /**
   * The counts of a whole report in two statements instead of five: the completed steps of this year and last
   * year, each per group and distinct working-minutes value, with this year's monthly counts as columns of the
   * same rows (the months' steps are the round's completed steps: {@link #monthly} read them a second time); and
   * the other slices of both years ({@link #slices}), each row tagged with its year. Same counts as {@link #completed},
   * {@link #slices} and {@link #monthly} per year, which the reports ran before (kept for
   * {@code KpiReportBenchmark}'s side-by-side figures and for the test that both agree).
   */
  ReportCounts whole(ReportQuery query, ReportPeriod period, Instant asOf, Instant previousAsOf,
      List<YearMonth> months) {
    ReportPeriod previous = period.previous();
    MapSqlParameterSource params = period(period).addValue("from" + PREVIOUS, KpiRepository.time(previous.from()))
        .addValue("to" + PREVIOUS, KpiRepository.time(previous.to()));
    String keys = keyColumns(query.groupBy());
    StringBuilder monthColumns = new StringBuilder();
    StringBuilder noMonths = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      params.addValue("monthStart" + i, KpiRepository.time(ReportPeriod.startOf(months.get(i))));
      params.addValue("monthEnd" + i, KpiRepository.time(ReportPeriod.startOf(months.get(i).plusMonths(1))));
      String inMonth = "completed_at >= :monthStart" + i + " and completed_at < :monthEnd" + i;
      monthColumns.append(", count(*) filter (where ").append(inMonth).append(") as completed").append(i)
          .append(", count(*) filter (where ").append(inMonth).append(" and ").append(ON_TIME)
          .append(") as on_time").append(i);
      noMonths.append(", 0 as completed").append(i).append(", 0 as on_time").append(i);
    }
    String filters = filters(query, params);
    String completed = "select 0 as period, " + keys + ", working_minutes, count(*) as completed, count(*) filter "
        + "(where " + ON_TIME + ") as on_time" + monthColumns + " from kpi_step_fact where " + COMPLETED_BETWEEN
        + filters + " group by " + keys + ", working_minutes union all select 1 as period, " + keys
        + ", working_minutes, count(*) as completed, count(*) filter (where " + ON_TIME + ") as on_time" + noMonths
        + " from kpi_step_fact where " + completedBetween(PREVIOUS) + filters + " group by " + keys
        + ", working_minutes";
    List<Map<String, GroupCounts>> years = List.of(new TreeMap<>(), new TreeMap<>());
    List<Map<String, OnTimeShare>> shares = List.of(new HashMap<>(), new HashMap<>());
    List<Map<String, WorkingMinutes>> distributions = List.of(new HashMap<>(), new HashMap<>());
    Map<String, long[]> monthCounts = new TreeMap<>();
    jdbc.query(completed, params, rs -> {
      int year = rs.getInt("period");
      GroupCounts group = group(query.groupBy(), rs);
      String key = group.key(query.groupBy());
      years.get(year).putIfAbsent(key, group);
      long count = rs.getLong("completed");
      shares.get(year).merge(key, new OnTimeShare(count, rs.getLong("on_time")), OnTimeShare::plus);
      WorkingMinutes minutes = distributions.get(year).computeIfAbsent(key, k -> new WorkingMinutes());
      int value = rs.getInt("working_minutes");
      if (!rs.wasNull()) {
        minutes.add(value, count);
      }
      if (year == 0) {
        long[] sums = monthCounts.computeIfAbsent(key, k -> new long[2 * months.size()]);
        for (int i = 0; i < months.size(); i++) {
          sums[2 * i] += rs.getLong("completed" + i);
          sums[2 * i + 1] += rs.getLong("on_time" + i);
        }
      }
    });
    for (int year = 0; year < 2; year++) {
      Map<String, OnTimeShare> yearShares = shares.get(year);
      Map<String, WorkingMinutes> yearMinutes = distributions.get(year);
      years.get(year).replaceAll((key, group) -> group.withCompleted(yearShares.get(key), yearMinutes.get(key)));
    }

    String slices = "select period, " + keys + stepNameColumn(query) + ", " + SLICE_SUMS + " from ("
        + sliceUnion(query, params, period, asOf, "", "0 as period, ") + " union all "
        + sliceUnion(query, params, previous, previousAsOf, PREVIOUS, "1 as period, ") + ") partials group by period, "
        + keys;
    jdbc.query(slices, params, rs -> {
      GroupCounts group = sliceCounts(query, rs);
      years.get(rs.getInt("period")).merge(group.key(query.groupBy()), group, GroupCounts::plus);
    });

    Map<String, List<OnTimeShare>> monthly = new LinkedHashMap<>();
    if (!months.isEmpty()) {
      monthCounts.forEach((key, sums) -> monthly.put(key, IntStream.range(0, months.size())
          .mapToObj(i -> new OnTimeShare(sums[2 * i], sums[2 * i + 1])).toList()));
    }
    return new ReportCounts(years.get(0), years.get(1), monthly);
  }

  /** A whole report's counts: this year's and last year's per group key, and this year's monthly shares. */
  record ReportCounts(Map<String, GroupCounts> current, Map<String, GroupCounts> previous,
      Map<String, List<OnTimeShare>> monthly) {
  }

  // -------------------------------------------------------------------------------------- SQL pieces

  /** {@link #COMPLETED_BETWEEN} over the window {@code :from<suffix>}, {@code :to<suffix>}. */
  private static String completedBetween(String suffix) {
    return "completed_at >= :from" + suffix + " and completed_at < :to" + suffix + " and end_state = '"
        + KpiRecorder.COMPLETED + "'";
  }

  /**
   * The four slices of {@link #slices} as one {@code union all}, each row starting with {@code tag} (a column, or
   * nothing), over the window {@code :from<suffix>}, {@code :to<suffix>} (already in {@code params}) and the
   * instant {@code asOf} (added as {@code :asOf<suffix>}, with the age bands' bounds).
   */
  private static String sliceUnion(ReportQuery query, MapSqlParameterSource params, ReportPeriod period,
      Instant asOf, String suffix, String tag) {
    params.addValue("asOf" + suffix, KpiRepository.time(asOf));
    List<Integer> days = KpiReport.AGE_BAND_DAYS;
    for (int band = 0; band < days.size(); band++) {
      params.addValue("arrivedSince" + band + suffix,
          KpiRepository.time(asOf.minus(Duration.ofDays(days.get(band)))));
    }
    int bands = days.size() + 1;
    String filters = filters(query, params);
    String from = ":from" + suffix;
    String to = ":to" + suffix;
    String at = ":asOf" + suffix;
    String created = columns(bands, "count(*)", "coalesce(sum(escalations), 0)", "0", "0", band -> "0", "0");
    String breached = columns(bands, "0", "0", "count(*)", "0", band -> "0", "0");
    String open = columns(bands, "0", "0", "0", "count(*)",
        band -> "count(*) filter (where " + arrived(band, bands, suffix) + ")",
        "count(*) filter (where due_at < " + at + ")");
    return slice(query, tag + created, "created_at >= " + from + " and created_at < " + to + filters)
        + " union all " + slice(query, tag + breached, "breached_at >= " + from + " and breached_at < " + to + filters)
        + " union all " + slice(query, tag + open, "completed_at is null and created_at < " + at + filters)
        + " union all " + slice(query, tag + open, "completed_at >= " + at + " and created_at < " + at + filters);
  }

  /** The slice counts of the current row of {@link #slices} or {@link #whole}, as a group. */
  private static GroupCounts sliceCounts(ReportQuery query, ResultSet rs) throws SQLException {
    GroupCounts group = group(query.groupBy(), rs);
    List<Long> backlog = new ArrayList<>();
    for (int band = 0; band <= KpiReport.AGE_BAND_DAYS.size(); band++) {
      backlog.add(rs.getLong("band" + band));
    }
    return new GroupCounts(group.processKey(), group.stepId(), group.bureau(),
        query.groupBy() == GroupBy.STEP ? rs.getString("step_name") : null, group.completions(), group.minutes(),
        rs.getLong("started"), rs.getLong("escalations"), rs.getLong("breaches"), rs.getLong("open_now"),
        List.copyOf(backlog), rs.getLong("overdue"));
  }


  private static MapSqlParameterSource period(ReportPeriod period) {
    return window(period.from(), period.to());
  }

  private static MapSqlParameterSource window(Instant from, Instant to) {
    return new MapSqlParameterSource("from", KpiRepository.time(from)).addValue("to", KpiRepository.time(to));
  }

  /** The query's process and bureau filters as {@code and …} conditions; their values go into {@code params}. */
  static String filters(ReportQuery query, MapSqlParameterSource params) {
    StringBuilder sql = new StringBuilder();
    if (query.processKey() != null) {
      sql.append(" and process_key = :processKey");
      params.addValue("processKey", query.processKey());
    }
    if (query.bureaus() != null) {
      if (query.bureaus().isEmpty()) {
        sql.append(" and 1 = 0");
      } else {
        sql.append(" and candidate_group in (:bureaus)");
        params.addValue("bureaus", List.copyOf(query.bureaus()));
      }
    }
    return sql.toString();
  }

  /** One slice of {@link #slices}: the group's key columns (and step name), then {@code columns}, per group. */
  private static String slice(ReportQuery query, String columns, String where) {
    String keys = keyColumns(query.groupBy());
    return "select " + keys + stepNameColumn(query) + ", " + columns + " from kpi_step_fact where " + where
        + " group by " + keys;
  }

  /** The columns every slice has, in this order, named as {@link #slices} reads them. */
  private static String columns(int bands, String started, String escalations, String breaches, String open,
      IntFunction<String> band, String overdue) {
    return started + " as started, " + escalations + " as escalations, " + breaches + " as breaches, " + open
        + " as open_now, " + IntStream.range(0, bands).mapToObj(b -> band.apply(b) + " as band" + b)
            .collect(Collectors.joining(", ")) + ", " + overdue + " as overdue";
  }

  /** Arrived in age band {@code band} at {@code :asOf}: since its lower bound (none for the last band), before its upper. */
  private static String arrived(int band, int bands, String suffix) {
    List<String> conditions = new ArrayList<>();
    if (band < bands - 1) {
      conditions.add("created_at >= :arrivedSince" + band + suffix);
    }
    if (band > 0) {
      conditions.add("created_at < :arrivedSince" + (band - 1) + suffix);
    }
    return String.join(" and ", conditions);
  }

  private static String stepNameColumn(ReportQuery query) {
    return query.groupBy() == GroupBy.STEP ? ", max(step_name) as step_name" : "";
  }

  private static String keyColumns(GroupBy groupBy) {
    return switch (groupBy) {
      case PROCESS -> "process_key";
      case STEP -> "process_key, step_id";
      case BUREAU -> "candidate_group";
    };
  }

  /** The group of the current row, from its key columns. */
  private static GroupCounts group(GroupBy groupBy, ResultSet rs) throws SQLException {
    return switch (groupBy) {
      case PROCESS -> GroupCounts.of(rs.getString("process_key"), null, null);
      case STEP -> GroupCounts.of(rs.getString("process_key"), rs.getString("step_id"), null);
      case BUREAU -> GroupCounts.of(null, null, rs.getString("candidate_group"));
    };
  }

  private static OnTimeShare share(ResultSet rs) throws SQLException {
    return new OnTimeShare(rs.getLong("counted"), rs.getLong("on_time"));
  }
}
