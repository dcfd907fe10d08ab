package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;
import th.go.senate.workflow.kpi.KpiCases.Measure;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.CurrentUser;

/**
 * The cases behind a figure of the KPI report ({@code GET /api/kpi/cases?measure=late&bureau=…}): the dashboard's
 * one click from "late steps of a bureau" to the reference numbers. Read as the report is read
 * ({@link KpiReadScope}): a bureau head sees the steps of the bureau only, the monitoring groups and administrators
 * every bureau's; a protected process's cases are counted but listed to its handlers only.
 */
@RestController
@RequestMapping("/api/kpi")
public class KpiCasesController {

  /** Lines of one answer; the total says how many more there are (a figure of thousands is not read line by line). */
  static final int LIMIT = 200;
  private static final Pattern STEP_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");

  private final KpiCaseQueries queries;
  private final KpiReportService reports;
  private final CurrentUser currentUser;
  private final KpiReadScope scope;
  private final BureauDirectory bureaus;

  public KpiCasesController(KpiCaseQueries queries, KpiReportService reports, CurrentUser currentUser,
      KpiReadScope scope, BureauDirectory bureaus) {
    this.queries = queries;
    this.reports = reports;
    this.currentUser = currentUser;
    this.scope = scope;
    this.bureaus = bureaus;
  }

  @GetMapping("/cases")
  public KpiCases cases(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) Integer round, @RequestParam(required = false) String measure,
      @RequestParam(required = false) String processKey, @RequestParam(required = false) String stepId,
      @RequestParam(required = false) String bureau) {
    currentUser.authentication();
    // Parameters first (400 for a bad one), then who may read what (403), as the report.
    ReportPeriod period = KpiReportController.period(fiscalYear, round);
    String measureName = KpiReportController.blankToNull(measure);
    if (measureName == null) {
      throw new BadRequestException("ต้องระบุรายการที่ต้องการดู (measure): late, overdue หรือ open");
    }
    Measure what = Measure.parse(measureName);
    String process = KpiReportController.blankToNull(processKey);
    if (process != null && !reports.processExists(process)) {
      throw new BadRequestException("ไม่รู้จักกระบวนงาน '" + process + "'");
    }
    String step = KpiReportController.blankToNull(stepId);
    if (step != null && (process == null || !STEP_ID.matcher(step).matches())) {
      throw new BadRequestException("ขั้นตอนต้องระบุพร้อมกระบวนงาน และเป็นรหัสขั้นตอนเช่น Task_ReviewPetition: '"
          + step + "'");
    }
    String bureauId = KpiReportController.blankToNull(bureau);
    if (bureauId != null && !KpiCaseQueries.NO_BUREAU.equals(bureauId) && !reports.knownBureaus().contains(bureauId)) {
      throw new BadRequestException("ไม่รู้จักสำนัก '" + bureauId + "'");
    }
    Collection<String> readable = scope.bureaus(bureauId);

    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant asOf = now.isBefore(period.to()) ? now : period.to();
    List<String> hidden = bureaus.getProtectedProcesses().keySet().stream()
        .filter(p -> !scope.mayListCasesOf(p)).sorted().toList();
    KpiCaseQueries.Filter filter = new KpiCaseQueries.Filter(period, asOf, what, process, step, readable, hidden);
    long[] counts = queries.count(filter);
    Map<String, String> processNames = reports.processNames();
    Map<String, String> bureauNames = bureaus.allGroups().stream()
        .collect(Collectors.toMap(GroupDescription::getId, GroupDescription::getNameTh, (a, b) -> a));
    List<KpiCases.Step> steps = new ArrayList<>();
    for (KpiCaseQueries.Row row : queries.steps(filter, LIMIT)) {
      steps.add(new KpiCases.Step(row.processInstanceId(), row.processKey(),
          processNames.getOrDefault(row.processKey(), row.processKey()), row.businessKey(), row.stepId(),
          row.stepName(), row.bureau(), row.bureau() == null ? "(ไม่ระบุสำนัก)"
              : bureauNames.getOrDefault(row.bureau(), row.bureau()), row.openTaskId(), row.assignee(),
          row.createdAt(), row.dueAt(), row.completedAt(), row.workingMinutes(), row.caseOpen()));
    }
    return new KpiCases(period.fiscalYear(), period.round(), period.label(), KpiRepository.time(asOf),
        what.name().toLowerCase(java.util.Locale.ROOT), what.labelTh(), process, step, bureauId, counts[0], counts[1],
        LIMIT, steps);
  }
}
