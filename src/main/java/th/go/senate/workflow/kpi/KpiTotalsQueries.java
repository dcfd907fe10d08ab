package th.go.senate.workflow.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.kpi.KpiReportQueries.ReportCounts;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;
import th.go.senate.workflow.kpi.StepTotals.Count;

/**
 * A whole report's counts from the pre-aggregate ({@link StepTotals}): the same {@link ReportCounts} as
 * {@link KpiReportQueries#whole} over the facts, in three small reads and one look-up, whatever the number of facts.
 *
 * <ul>
 * <li><b>Counts</b> (started, escalations, breaches, completed, on time, the months): the month rows of the round,
 * this year and last; a round starts and ends on the first of a month.
 * <li><b>Open and overdue at an instant X</b>: steps started before X less those ended before X; steps due
 * before X less those whose later of end and due lies before X ("settled"); ended, due and settled each by the
 * later of that moment and the arrival, so that only steps that had arrived by X count. The month rows give both up to the
 * first of X's month, the facts the days from there to X (none when X is the first of a month, as when a round is
 * over). The backlog's age bands up to 30 days come from the facts that arrived in the 30 days before X, the
 * oldest band is the rest.
 * <li><b>Median and 90th percentile, exact</b>: the duration bands (half an hour of working time) say in which band each of
 * the two values a percentile needs lies, per group and for the total; only the facts of those bands are read,
 * per distinct value, and the other bands enter the distribution as their count (which a percentile that lies
 * elsewhere only needs to step over). The result is {@code percentile_cont}'s, as before.
 * </ul>
 */
@Repository
public class KpiTotalsQueries {

  private static final List<Integer> AGE_DAYS = KpiReport.AGE_BAND_DAYS;
  private static final double[] PERCENTILES = {0.5, 0.9};
  private static final Comparator<Step> STEP_ORDER = Comparator.comparing(Step::processKey)
      .thenComparing(Step::stepId).thenComparing(Step::bureau);

  private final NamedParameterJdbcTemplate jdbc;

  private final boolean postgres;

  public KpiTotalsQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = KpiTotalsRepository.isPostgres(jdbc.getJdbcTemplate().getDataSource());
  }

  /** A step as the totals key it: process, step, candidate group ({@code ""} for none). */
  private record Step(String processKey, String stepId, String bureau) {
  }

  /** What the totals give one step in one year, before the steps are put into the report's groups. */
  private static final class StepCounts {
    final long[] counts = new long[Count.values().length];
    final long[] monthCompleted;
    final long[] monthOnTime;
    final long[] nearBands = new long[AGE_DAYS.size()];
    final TreeMap<Integer, Long> bands = new TreeMap<>();
    final Map<Integer, TreeMap<Integer, Long>> exact = new HashMap<>();
    long startedBefore;
    long endedBefore;
    long dueBefore;
    long settledBefore;
    String stepName;

    StepCounts() {
      monthCompleted = new long[12];
      monthOnTime = new long[12];
    }

    long count(Count count) {
      return counts[count.ordinal()];
    }

    long open() {
      return startedBefore - endedBefore;
    }
  }

  ReportCounts whole(ReportQuery query, ReportPeriod period, Instant asOf, Instant previousAsOf,
      List<YearMonth> months) {
    List<ReportPeriod> periods = List.of(period, period.previous());
    List<Instant> instants = List.of(asOf, previousAsOf);
    List<Map<Step, StepCounts>> years = List.of(new TreeMap<>(STEP_ORDER), new TreeMap<>(STEP_ORDER));
    readMonths(query, periods, instants, months, years);
    readDaysBefore(query, instants, years);
    readDurations(query, periods, years);

    List<Map<String, GroupCounts>> groups = new ArrayList<>();
    Map<String, long[]> monthly = new TreeMap<>();
    for (int year = 0; year < 2; year++) {
      Map<String, GroupCounts> byKey = new TreeMap<>();
      for (Map.Entry<Step, StepCounts> entry : years.get(year).entrySet()) {
        StepCounts counts = entry.getValue();
        if (counts.count(Count.STARTED) + counts.count(Count.BREACHES) + counts.count(Count.COMPLETED)
            + counts.open() == 0) {
          continue; // in no slice of the round: as over the facts, not a line of the report
        }
        GroupCounts group = groupCounts(query.groupBy(), entry.getKey(), counts);
        byKey.merge(group.key(query.groupBy()), group, GroupCounts::plus);
        if (year == 0 && counts.count(Count.COMPLETED) > 0) {
          long[] sums = monthly.computeIfAbsent(group.key(query.groupBy()), k -> new long[2 * months.size()]);
          for (int i = 0; i < months.size(); i++) {
            sums[2 * i] += counts.monthCompleted[i];
            sums[2 * i + 1] += counts.monthOnTime[i];
          }
        }
      }
      groups.add(byKey);
    }
    Map<String, List<OnTimeShare>> monthlyShares = new LinkedHashMap<>();
    if (!months.isEmpty()) {
      monthly.forEach((key, sums) -> {
        List<OnTimeShare> shares = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
          shares.add(new OnTimeShare(sums[2 * i], sums[2 * i + 1]));
        }
        monthlyShares.put(key, List.copyOf(shares));
      });
    }
    return new ReportCounts(groups.get(0), groups.get(1), monthlyShares);
  }

  /** One step's counts as a group of the report (its working minutes: exact where read, else per band). */
  private static GroupCounts groupCounts(GroupBy groupBy, Step step, StepCounts counts) {
    String bureau = step.bureau().isEmpty() ? null : step.bureau();
    GroupCounts key = switch (groupBy) {
      case PROCESS -> GroupCounts.of(step.processKey(), null, null);
      case STEP -> GroupCounts.of(step.processKey(), step.stepId(), null);
      case BUREAU -> GroupCounts.of(null, null, bureau);
    };
    WorkingMinutes minutes = new WorkingMinutes();
    counts.bands.forEach((band, count) -> {
      TreeMap<Integer, Long> values = counts.exact.get(band);
      if (values == null) {
        minutes.add(band * StepTotals.BAND_MINUTES, count);
      } else {
        values.forEach(minutes::add);
      }
    });
    List<Long> backlog = new ArrayList<>();
    long near = 0;
    for (long band : counts.nearBands) {
      backlog.add(band);
      near += band;
    }
    backlog.add(counts.open() - near);
    return new GroupCounts(key.processKey(), key.stepId(), key.bureau(),
        groupBy == GroupBy.STEP ? counts.stepName : null,
        new OnTimeShare(counts.count(Count.COMPLETED), counts.count(Count.ON_TIME)), minutes,
        counts.count(Count.STARTED), counts.count(Count.ESCALATIONS), counts.count(Count.BREACHES), counts.open(),
        List.copyOf(backlog), counts.dueBefore - counts.settledBefore);
  }

  /**
   * The month rows up to the later of the round's end and X's month: the round's counts and months, and the
   * started, ended, due and settled steps before the first of X's month, for each year.
   */
  private void readMonths(ReportQuery query, List<ReportPeriod> periods, List<Instant> instants,
      List<YearMonth> months, List<Map<Step, StepCounts>> years) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    LocalDate until = firstOf(instants.get(0));
    LocalDate roundEnd = endOf(periods.get(0));
    params.addValue("until", until.isAfter(roundEnd) ? until : roundEnd);
    String sql = "select month_start, process_key, step_id, candidate_group, step_name, started, escalations, breaches, "
        + "ended, completed, on_time, due, settled from kpi_step_month where month_start < :until"
        + KpiReportQueries.filters(query, params);
    Map<LocalDate, Integer> monthIndex = new HashMap<>();
    for (int i = 0; i < months.size(); i++) {
      monthIndex.put(months.get(i).atDay(1), i);
    }
    jdbc.query(sql, params, rs -> {
      LocalDate month = rs.getObject("month_start", LocalDate.class);
      Step step = new Step(rs.getString("process_key"), rs.getString("step_id"), rs.getString("candidate_group"));
      for (int year = 0; year < 2; year++) {
        ReportPeriod period = periods.get(year);
        boolean inRound = !month.isBefore(period.firstDay()) && month.isBefore(endOf(period));
        boolean beforeX = month.isBefore(firstOf(instants.get(year)));
        if (!inRound && !beforeX) {
          continue;
        }
        StepCounts counts = years.get(year).computeIfAbsent(step, s -> new StepCounts());
        if (inRound) {
          for (Count count : Count.values()) {
            counts.counts[count.ordinal()] += rs.getLong(count.column());
          }
          counts.stepName = StepTotals.larger(counts.stepName, rs.getString("step_name"));
          Integer index = year == 0 ? monthIndex.get(month) : null;
          if (index != null) {
            counts.monthCompleted[index] += rs.getLong("completed");
            counts.monthOnTime[index] += rs.getLong("on_time");
          }
        }
        if (beforeX) {
          counts.startedBefore += rs.getLong("started");
          counts.endedBefore += rs.getLong("ended");
          counts.dueBefore += rs.getLong("due");
          counts.settledBefore += rs.getLong("settled");
        }
      }
    });
  }

  /**
   * From the facts, per year: the steps started, ended, due and settled between the first of X's month and X, and
   * the steps open at X that arrived in the 30 days before it, by age band. Each part is one index range.
   */
  private void readDaysBefore(ReportQuery query, List<Instant> instants, List<Map<Step, StepCounts>> years) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<String> parts = new ArrayList<>();
    int bands = AGE_DAYS.size();
    for (int year = 0; year < 2; year++) {
      Instant at = instants.get(year);
      Instant monthStart = BangkokTime.startOf(firstOf(at));
      String x = ":at" + year;
      String m = ":monthStart" + year;
      params.addValue("at" + year, KpiRepository.time(at)).addValue("monthStart" + year,
          KpiRepository.time(monthStart));
      for (int band = 0; band < bands; band++) {
        params.addValue("arrived" + band + "_" + year, KpiRepository.time(at.minus(Duration.ofDays(AGE_DAYS.get(band)))));
      }
      String filters = KpiReportQueries.filters(query, params);
      String tag = "select " + year + " as period, process_key, step_id, candidate_group, ";
      String group = " group by process_key, step_id, candidate_group";
      if (monthStart.isBefore(at)) {
        // Each count at the latest of its moments (StepTotals): by the one of them that lies in [first of month,
        // X), read through that moment's index; ties go to the end, then the due time, as each fact counts once.
        parts.add(tag + columns("count(*)", "count(*) filter (where completed_at < created_at)",
            "count(*) filter (where due_at < created_at)",
            "count(*) filter (where due_at < created_at and completed_at < created_at)", b -> "0")
            + " from kpi_step_fact where created_at >= " + m + " and created_at < " + x + filters + group);
        parts.add(tag + columns("0", "count(*) filter (where created_at <= completed_at)", "0",
            "count(*) filter (where due_at <= completed_at and created_at <= completed_at)", b -> "0")
            + " from kpi_step_fact where completed_at >= " + m + " and completed_at < " + x + filters + group);
        parts.add(tag + columns("0", "0", "count(*) filter (where created_at <= due_at)",
            "count(*) filter (where completed_at < due_at and created_at <= due_at)", b -> "0")
            + " from kpi_step_fact where due_at >= " + m + " and due_at < " + x + filters + group);
      }
      int finalYear = year;
      parts.add(tag + columns("0", "0", "0", "0", b -> "count(*) filter (where " + arrivedIn(b, finalYear) + ")")
          + " from kpi_step_fact where created_at >= :arrived" + (bands - 1) + "_" + year + " and created_at < " + x
          + " and (completed_at is null or completed_at >= " + x + ")" + filters + group);
    }
    String sql = "select period, process_key, step_id, candidate_group, sum(started) as started, sum(ended) as ended, "
        + "sum(due) as due, sum(settled) as settled"
        + IntStream.range(0, bands).mapToObj(b -> ", sum(band" + b + ") as band" + b)
            .collect(Collectors.joining())
        + " from (" + String.join(" union all ", parts) + ") days group by period, process_key, step_id, "
        + "candidate_group";
    jdbc.query(sql, params, rs -> {
      Step step = new Step(rs.getString("process_key"), rs.getString("step_id"),
          Objects.toString(rs.getString("candidate_group"), ""));
      StepCounts counts = years.get(rs.getInt("period")).computeIfAbsent(step, s -> new StepCounts());
      counts.startedBefore += rs.getLong("started");
      counts.endedBefore += rs.getLong("ended");
      counts.dueBefore += rs.getLong("due");
      counts.settledBefore += rs.getLong("settled");
      for (int band = 0; band < bands; band++) {
        counts.nearBands[band] += rs.getLong("band" + band);
      }
    });
  }

  /**
   * The duration bands of each year's round, then the exact working minutes of the bands that hold a percentile of
   * a group or of the total, in one look-up of the facts of those bands (index {@code kpi_step_fact_step}).
   */
  private void readDurations(ReportQuery query, List<ReportPeriod> periods, List<Map<Step, StepCounts>> years) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<String> parts = new ArrayList<>();
    for (int year = 0; year < 2; year++) {
      params.addValue("roundStart" + year, periods.get(year).firstDay()).addValue("roundEnd" + year,
          endOf(periods.get(year)));
      parts.add("select " + year + " as period, process_key, step_id, candidate_group, band, completed from "
          + "kpi_step_duration where quarter_start >= :roundStart" + year + " and quarter_start < :roundEnd" + year
          + KpiReportQueries.filters(query, params));
    }
    // The quarters of a round are added up here: a few thousand rows, which the database hashed more slowly.
    jdbc.query(String.join(" union all ", parts), params, rs -> {
          Step step = new Step(rs.getString("process_key"), rs.getString("step_id"), rs.getString("candidate_group"));
          years.get(rs.getInt("period")).computeIfAbsent(step, s -> new StepCounts()).bands
              .merge(rs.getInt("band"), rs.getLong("completed"), Long::sum);
        });

    MapSqlParameterSource lookup = new MapSqlParameterSource();
    List<String> statements = new ArrayList<>();
    for (int year = 0; year < 2; year++) {
      Map<Step, StepCounts> steps = years.get(year);
      // The bands that hold a percentile: of the step's group, and of the total; read for each step that has them.
      Map<String, TreeMap<Integer, Long>> groupBands = new HashMap<>();
      TreeMap<Integer, Long> totalBands = new TreeMap<>();
      steps.forEach((step, counts) -> counts.bands.forEach((band, count) -> {
        groupBands.computeIfAbsent(groupKey(query.groupBy(), step), k -> new TreeMap<>()).merge(band, count, Long::sum);
        totalBands.merge(band, count, Long::sum);
      }));
      Set<Integer> forTotal = bandsHolding(totalBands);
      Map<String, Set<Integer>> forGroup = new HashMap<>();
      groupBands.forEach((key, bands) -> forGroup.put(key, bandsHolding(bands)));
      // (process, step, band): a step's facts in a band, of every bureau the filters let through
      Set<List<Object>> reads = new LinkedHashSet<>();
      steps.forEach((step, counts) -> counts.bands.keySet().forEach(band -> {
        if (forTotal.contains(band) || forGroup.get(groupKey(query.groupBy(), step)).contains(band)) {
          reads.add(List.of(step.processKey(), step.stepId(), band));
          counts.exact.put(band, new TreeMap<>());
        }
      }));
      if (reads.isEmpty()) {
        continue;
      }
      lookup.addValue("from" + year, KpiRepository.time(periods.get(year).from())).addValue("to" + year,
          KpiRepository.time(periods.get(year).to()));
      List<String> values = new ArrayList<>();
      int i = 0;
      for (List<Object> read : reads) {
        String n = year + "_" + i++;
        lookup.addValue("process" + n, read.get(0)).addValue("step" + n, read.get(1)).addValue("band" + n,
            ((Integer) read.get(2)) * StepTotals.BAND_MINUTES);
        values.add("(cast(:process" + n + " as varchar(255)), cast(:step" + n + " as varchar(255)), cast(:band" + n
            + " as integer))");
      }
      String band = "process_key = read_process and step_id = read_step and working_minutes >= read_from and "
          + "working_minutes < read_from + " + StepTotals.BAND_MINUTES + " and completed_at >= :from" + year
          + " and completed_at < :to" + year + " and end_state = '" + KpiRecorder.COMPLETED + "'"
          + KpiReportQueries.filters(query, lookup);
      String wanted = "(values " + String.join(", ", values) + ") as w(read_process, read_step, read_from)";
      String minutes = "process_key, step_id, candidate_group, working_minutes";
      // PostgreSQL: one index range per step and band (kpi_step_fact_step), by a lateral join; joined plainly it
      // sometimes hashed the round's completed steps instead (300 ms against 20). H2 has no lateral join.
      statements.add(postgres
          ? "select " + year + " as period, counted.* from " + wanted + " cross join lateral (select " + minutes
              + ", count(*) as completed from kpi_step_fact where " + band + " group by " + minutes + ") counted"
          : "select " + year + " as period, " + minutes + ", count(*) as completed from " + wanted
              + " join kpi_step_fact on " + band + " group by " + minutes);
    }
    if (statements.isEmpty()) {
      return;
    }
    jdbc.query(String.join(" union all ", statements), lookup, rs -> {
      Step step = new Step(rs.getString("process_key"), rs.getString("step_id"),
          Objects.toString(rs.getString("candidate_group"), ""));
      int minutes = rs.getInt("working_minutes");
      StepCounts counts = years.get(rs.getInt("period")).get(step);
      TreeMap<Integer, Long> values = counts == null ? null : counts.exact.get(StepTotals.band(minutes));
      if (values != null) {
        values.merge(minutes, rs.getLong("completed"), Long::sum);
      }
    });
  }

  /** The bands that hold the two values (lower and upper neighbour) each percentile interpolates between. */
  static Set<Integer> bandsHolding(TreeMap<Integer, Long> bands) {
    long total = bands.values().stream().mapToLong(Long::longValue).sum();
    Set<Integer> holding = new HashSet<>();
    if (total == 0) {
      return holding;
    }
    List<Long> ranks = new ArrayList<>();
    for (double fraction : PERCENTILES) {
      double position = fraction * (total - 1);
      ranks.add((long) Math.floor(position));
      ranks.add((long) Math.ceil(position));
    }
    Collections.sort(ranks);
    long seen = 0;
    int next = 0;
    for (Map.Entry<Integer, Long> band : bands.entrySet()) {
      seen += band.getValue();
      while (next < ranks.size() && ranks.get(next) < seen) {
        holding.add(band.getKey());
        next++;
      }
    }
    return holding;
  }

  private static String groupKey(GroupBy groupBy, Step step) {
    return switch (groupBy) {
      case PROCESS -> step.processKey();
      case STEP -> step.processKey() + "/" + step.stepId();
      case BUREAU -> step.bureau();
    };
  }

  /** The columns of {@link #readDaysBefore}'s parts, in this order. */
  private static String columns(String started, String ended, String due, String settled,
      IntFunction<String> band) {
    StringBuilder sql = new StringBuilder(started + " as started, " + ended + " as ended, " + due + " as due, "
        + settled + " as settled");
    for (int b = 0; b < AGE_DAYS.size(); b++) {
      sql.append(", ").append(band.apply(b)).append(" as band").append(b);
    }
    return sql.toString();
  }

  /** Arrived in age band {@code band} (0: the last 3 days, …) before X, as the report's backlog counts it. */
  private static String arrivedIn(int band, int year) {
    String since = "created_at >= :arrived" + band + "_" + year;
    return band == 0 ? since : since + " and created_at < :arrived" + (band - 1) + "_" + year;
  }

  private static LocalDate firstOf(Instant instant) {
    return BangkokTime.dateOf(instant).withDayOfMonth(1);
  }

  /** The first day of the month after the round's last. */
  private static LocalDate endOf(ReportPeriod period) {
    return period.lastDay().withDayOfMonth(1).plusMonths(1);
  }
}
