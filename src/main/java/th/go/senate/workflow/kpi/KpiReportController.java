package th.go.senate.workflow.kpi;

import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;
import th.go.senate.workflow.web.BadRequestException;
import th.go.senate.workflow.web.CurrentUser;

/**
 * The KPI report and its exports. The monitoring groups (identity/bureaus.yaml) and administrators read every
 * process and bureau; the head of a bureau ({@code <bureau>Head}) reads the steps of that bureau only
 * ({@link KpiReadScope}).
 */
@RestController
@RequestMapping("/api/kpi")
public class KpiReportController {

  private final KpiReportService reports;
  private final CurrentUser currentUser;
  private final KpiReadScope scope;

  public KpiReportController(KpiReportService reports, CurrentUser currentUser, KpiReadScope scope) {
    this.reports = reports;
    this.currentUser = currentUser;
    this.scope = scope;
  }

  @GetMapping("/report")
  public KpiReport report(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) Integer round, @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String groupBy, @RequestParam(required = false) String bureau) {
    return build(fiscalYear, round, processKey, groupBy, bureau);
  }

  /**
   * Which KPI figures the caller may read: every bureau's, or those of the bureaus the caller heads (none for a
   * clerk). Tasklist offers the bureau head's view only to a head.
   */
  @GetMapping("/scope")
  public KpiReadScope.Readable readable() {
    currentUser.authentication();
    return scope.readable();
  }

  @GetMapping("/report.xlsx")
  public ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) Integer round, @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String groupBy, @RequestParam(required = false) String bureau) {
    KpiReport report = build(fiscalYear, round, processKey, groupBy, bureau);
    return file(KpiExport.xlsx(report, reports.processNames()), MediaType.parseMediaType(KpiExport.XLSX_TYPE),
        KpiExport.fileName(report, "xlsx"));
  }

  @GetMapping("/report.csv")
  public ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) Integer round, @RequestParam(required = false) String processKey,
      @RequestParam(required = false) String groupBy, @RequestParam(required = false) String bureau) {
    KpiReport report = build(fiscalYear, round, processKey, groupBy, bureau);
    return file(KpiExport.csv(report, reports.processNames()), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
        KpiExport.fileName(report, "csv"));
  }

  private KpiReport build(Integer fiscalYear, Integer round, String processKey, String groupBy, String bureau) {
    currentUser.authentication();
    // Parameters first (400 for a bad one), then who may read what (403).
    ReportPeriod period = period(fiscalYear, round);
    GroupBy grouping = GroupBy.parse(groupBy);
    String process = blankToNull(processKey);
    if (process != null && !reports.processExists(process)) {
      throw new BadRequestException("ไม่รู้จักกระบวนงาน '" + process + "'");
    }
    String bureauId = blankToNull(bureau);
    if (bureauId != null && !reports.knownBureaus().contains(bureauId)) {
      throw new BadRequestException("ไม่รู้จักสำนัก '" + bureauId + "'");
    }
    return reports.report(new ReportQuery(period, grouping, process, scope.bureaus(bureauId)));
  }

  /** The fiscal year defaults to the current one, the round to the one in progress. */
  static ReportPeriod period(Integer fiscalYear, Integer round) {
    LocalDate today = BangkokTime.today();
    int year = fiscalYear != null ? fiscalYear : FiscalYear.of(today);
    int month = today.getMonthValue();
    int currentRound = month >= 10 || month <= 3 ? 6 : month <= 6 ? 9 : 12;
    return new ReportPeriod(year, round != null ? round : (year == FiscalYear.of(today) ? currentRound : 12));
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .contentType(type).body(body);
  }
}
