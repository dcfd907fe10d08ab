package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;
import th.go.senate.workflow.kpi.KpiReport.Figures;
import th.go.senate.workflow.kpi.KpiReport.Month;
import th.go.senate.workflow.kpi.KpiReport.Row;
import th.go.senate.workflow.kpi.KpiReportQueries.ReportCounts;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;

/**
 * KPI reports over the step facts ({@code kpi_step_fact}) by fiscal year, round, process, step or bureau,
 * with the previous fiscal year side by side and a projection of the year-end % on time ({@link Projection}):
 * the counts of {@link KpiReportQueries} assembled into a {@link KpiReport}.
 *
 * <p>Definitions (the manager's guide says the same):
 * <ul>
 * <li><b>started</b>: steps created in the period; <b>completed</b>: steps completed in the period (a cancelled
 * step is neither completed nor on time); <b>on time</b>: completed in the period with the SLA met, as a
 * percentage by {@link OnTimeShare}'s rule;
 * <li><b>durations</b>: working minutes (office hours, working days) of the steps completed in the period,
 * median and 90th percentile as {@code percentile_cont} ({@link WorkingMinutes}), rounded to one decimal;
 * <li><b>open</b> and <b>overdue</b>: steps open at the report's instant ({@link KpiReport#asOf()}: now, or the
 * end of the round if it is over), overdue when their due time has passed by then; <b>backlog by age</b>:
 * open steps by calendar days since they arrived;
 * <li><b>breaches</b>: SLA breaches recorded by the timers in the period; <b>escalations</b>: escalations
 * (breach, bureau head, sgOffice) of the steps created in the period.
 * </ul>
 *
 * <p>A report reads the pre-aggregate ({@link KpiTotalsQueries}, issue 17 §5), kept by the recorder in each step's
 * transaction: its cost no longer grows with the facts of a round. Over the facts the same report took two
 * statements ({@link #factsReport}, {@link KpiReportQueries#whole}), and five before that
 * ({@link #fiveStatementReport}); both stay for the benchmark and for the tests that all three agree. The total
 * line adds the groups up (every step belongs to exactly one group) and merges their working-minutes
 * distributions, so it needs no statement of its own.
 */
@Service
public class KpiReportService {

  private final KpiReportQueries queries;
  private final KpiTotalsQueries totals;
  private final RepositoryService repositoryService;
  private final BureauDirectory bureaus;

  public KpiReportService(KpiReportQueries queries, KpiTotalsQueries totals, RepositoryService repositoryService,
      BureauDirectory bureaus) {
    this.queries = queries;
    this.totals = totals;
    this.repositoryService = repositoryService;
    this.bureaus = bureaus;
  }

  /** A whole report from the pre-aggregate ({@link KpiTotalsQueries}): the report of {@link #factsReport}. */
  public KpiReport report(ReportQuery query) {
    ReportPeriod period = query.period();
    Instant asOf = asOf(period);
    List<YearMonth> months = monthsUpTo(period, asOf);
    return assembled(query, asOf, months, totals.whole(query, period, asOf, previousAsOf(asOf), months));
  }

  /**
   * The same report over the facts in two statements ({@link KpiReportQueries#whole}), as the service ran it before
   * the pre-aggregate: kept for {@code KpiReportBenchmark}'s side-by-side figures and for the tests that both agree.
   */
  KpiReport factsReport(ReportQuery query) {
    ReportPeriod period = query.period();
    Instant asOf = asOf(period);
    List<YearMonth> months = monthsUpTo(period, asOf);
    return assembled(query, asOf, months, queries.whole(query, period, asOf, previousAsOf(asOf), months));
  }

  private KpiReport assembled(ReportQuery query, Instant asOf, List<YearMonth> months, ReportCounts counts) {
    return assemble(query, asOf, months, withStepNames(counts.current()), withStepNames(counts.previous()),
        counts.monthly());
  }

  /**
   * The same report by the five statements the service ran before {@link KpiReportQueries#whole} (this year's
   * and last year's figures, two each, then the monthly counts): kept for {@code KpiReportBenchmark}'s
   * side-by-side figures and for the test that both give the same report.
   */
  KpiReport fiveStatementReport(ReportQuery query) {
    ReportPeriod period = query.period();
    Instant asOf = asOf(period);
    List<YearMonth> months = monthsUpTo(period, asOf);
    return assemble(query, asOf, months, counts(query, period, asOf),
        counts(query, period.previous(), previousAsOf(asOf)), queries.monthly(query, period, months));
  }

  /** The report's instant: now, or the end of the round if it is over. */
  private static Instant asOf(ReportPeriod period) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return now.isBefore(period.to()) ? now : period.to();
  }

  /** The same instant a year before, for last year's open and overdue steps. */
  private static Instant previousAsOf(Instant asOf) {
    return asOf.atZone(BangkokTime.ZONE).minusYears(1).toInstant();
  }

  private KpiReport assemble(ReportQuery query, Instant asOf, List<YearMonth> months,
      Map<String, GroupCounts> current, Map<String, GroupCounts> previous, Map<String, List<OnTimeShare>> monthly) {
    ReportPeriod period = query.period();
    List<OnTimeShare> totalMonthly = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      int month = i;
      totalMonthly.add(monthly.values().stream().map(m -> m.get(month)).reduce(new OnTimeShare(0, 0),
          OnTimeShare::plus));
    }

    Map<String, String> processNames = processNames();
    Map<String, String> bureauNames = bureaus.allGroups().stream()
        .collect(Collectors.toMap(GroupDescription::getId, GroupDescription::getNameTh, (a, b) -> a));
    // Every group of either year, by key; a group's names are this year's where it has figures this year.
    Map<String, GroupCounts> groups = new TreeMap<>(previous);
    groups.putAll(current);
    List<Row> rows = new ArrayList<>();
    groups.forEach((key, group) -> rows.add(new Row(key, group.processKey(), group.stepId(), group.bureau(),
        name(query.groupBy(), group, processNames, bureauNames),
        figures(current.getOrDefault(key, GroupCounts.of(null, null, null))),
        previous.containsKey(key) ? figures(previous.get(key)) : null,
        monthly.containsKey(key) ? projection(monthly.get(key)) : null)));
    Row total = new Row("*", query.processKey(), null, null, "รวม", figures(total(current.values())),
        figures(total(previous.values())), projection(totalMonthly));
    List<Month> monthRows = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      OnTimeShare share = totalMonthly.get(i);
      monthRows.add(new Month(months.get(i).toString(), ThaiDates.month(months.get(i)), share.counted(),
          share.onTime(), share.percentValue()));
    }
    return new KpiReport(period.fiscalYear(), period.round(), query.groupBy().name().toLowerCase(Locale.ROOT),
        query.processKey(), query.bureaus() == null ? null : List.copyOf(query.bureaus()), period.firstDay(),
        period.lastDay(), period.label(), KpiRepository.time(asOf), KpiReport.AGE_BANDS, rows, total, monthRows,
        KpiReport.PROJECTION_METHOD);
  }

  /** Whether a process is known: deployed, or present in the facts (a retired process still reports). */
  public boolean processExists(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0
        || queries.hasFacts(processKey);
  }

  /** Thai process names of the latest deployed versions. */
  public Map<String, String> processNames() {
    return repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> d.getName() != null)
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getName, (a, b) -> a));
  }

  Set<String> knownBureaus() {
    return bureaus.getGroups().stream().map(GroupDescription::getId).collect(Collectors.toSet());
  }

  /** The months of the round that have begun by {@code asOf}. */
  static List<YearMonth> monthsUpTo(ReportPeriod period, Instant asOf) {
    return period.monthsOfYear().subList(0, period.round()).stream()
        .filter(m -> ReportPeriod.startOf(m).isBefore(asOf)).toList();
  }

  /** The counts of a period per group: its completed steps and its other slices, by group key. */
  Map<String, GroupCounts> counts(ReportQuery query, ReportPeriod period, Instant asOf) {
    Map<String, GroupCounts> groups = new TreeMap<>(queries.completed(query, period));
    queries.slices(query, period, asOf).forEach((key, slices) -> groups.merge(key, slices, GroupCounts::plus));
    return withStepNames(groups);
  }

  /** A step only completed in the period (arrived before it) is in no slice that names it: its name from a fact. */
  private Map<String, GroupCounts> withStepNames(Map<String, GroupCounts> groups) {
    groups.replaceAll((key, group) -> group.stepId() != null && group.stepName() == null
        ? group.withStepName(queries.stepName(group.processKey(), group.stepId()).orElse(null)) : group);
    return groups;
  }

  private static GroupCounts total(Collection<GroupCounts> groups) {
    return groups.stream().reduce(GroupCounts.of(null, null, null), GroupCounts::plus);
  }

  private static Figures figures(GroupCounts counts) {
    OnTimeShare completed = counts.completions();
    return new Figures(counts.started(), completed.counted(), completed.onTime(), completed.percentValue(),
        rounded(counts.minutes().percentile(0.5)), rounded(counts.minutes().percentile(0.9)), counts.breaches(),
        counts.escalations(), counts.open(), counts.backlogByAge(), counts.overdue());
  }

  private static Double projection(List<OnTimeShare> months) {
    return Projection.yearEndPercent(months.stream().mapToLong(OnTimeShare::counted).toArray(),
        months.stream().mapToLong(OnTimeShare::onTime).toArray());
  }

  private static String name(GroupBy groupBy, GroupCounts group, Map<String, String> processNames,
      Map<String, String> bureauNames) {
    return switch (groupBy) {
      case PROCESS -> processNames.getOrDefault(group.processKey(), group.processKey());
      case STEP -> group.stepName() != null ? group.stepName() : group.stepId();
      case BUREAU -> group.bureau() == null ? "(ไม่ระบุสำนัก)" : bureauNames.getOrDefault(group.bureau(), group.bureau());
    };
  }

  private static Double rounded(Double minutes) {
    return minutes == null ? null : Math.round(minutes * 10) / 10.0;
  }
}
