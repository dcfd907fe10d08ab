package th.go.senate.workflow.process.planreview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.SystemAuthority;
import th.go.senate.workflow.kpi.IndicatorService.IndicatorResult;
import th.go.senate.workflow.kpi.IndicatorService;
import th.go.senate.workflow.kpi.KpiTargetService;
import th.go.senate.workflow.web.Refusal;

/**
 * What the planReview model cannot say by itself ({@code ${planReviewRound}}): which round is opened and
 * when it closed, which bureaus report, the process KPIs measured from the facts and compared with the
 * targets, and which KPIs need a corrective plan by whom. Lists travel as plain text variables (readable in
 * Cockpit and the forms); the model reads them back as collections through this bean.
 */
@Component("planReviewRound")
public class PlanReviewRound {

  public static final String PROCESS_KEY = "planReview";

  // Variables of the start form
  public static final String FISCAL_YEAR = "fiscalYear";
  public static final String ROUND = "round";
  // Variables this bean sets
  public static final String ROUND_KEY = "roundKey";
  public static final String ROUND_NAME = "roundName";
  public static final String ROUND_CUT_OFF = "roundCutOff";
  public static final String CLOSES_FISCAL_YEAR = "closesFiscalYear";
  public static final String REPORTING_BUREAUS = "reportingBureaus";
  public static final String BUREAU_REPORTS = "bureauReports";
  public static final String KPI_RESULTS = "kpiResults";
  public static final String KPIS_BELOW_TARGET = "kpisBelowTarget";
  public static final String KPIS_BELOW_TARGET_COUNT = "kpisBelowTargetCount";
  public static final String CORRECTIVE_PLAN_OWNERS = "correctivePlanOwners";
  public static final String CORRECTIVE_PLAN_SUBJECTS = "correctivePlanSubjects";

  private final KpiTargetService targets;
  private final IndicatorService indicators;
  private final BureauDirectory bureaus;
  private final SystemAuthority systemAuthority;

  public PlanReviewRound(KpiTargetService targets, IndicatorService indicators, BureauDirectory bureaus,
      SystemAuthority systemAuthority) {
    this.targets = targets;
    this.indicators = indicators;
    this.bureaus = bureaus;
    this.systemAuthority = systemAuthority;
  }

  /**
   * Opens the round of the start form: it must have closed already (a past fiscal year is fine), must not be
   * under review in another running instance, and its fiscal year must have targets. A refusal rolls the
   * start back: no instance, no reference number.
   */
  public void open(DelegateExecution execution) {
    FiscalRound round = round(execution);
    LocalDate today = BangkokTime.today();
    if (today.isBefore(round.cutOff())) {
      throw new Refusal(round.nameTh() + " ยังไม่สิ้นสุด (สิ้นสุดวันที่ " + ThaiDates.date(round.cutOff())
          + ") เปิดรอบได้ตั้งแต่วันสิ้นรอบเป็นต้นไป");
    }
    String roundKey = round.fiscalYear() + "-" + round.months();
    long running = systemAuthority.call(() -> execution.getProcessEngineServices()
        .getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(ROUND_KEY, roundKey).count());
    if (running > 0) {
      throw new Refusal(round.nameTh() + " อยู่ระหว่างการทบทวนแล้ว ไม่เปิดซ้ำ");
    }
    List<String> reporting = targets.owningBureaus(round.fiscalYear());
    if (reporting.isEmpty()) {
      throw new Refusal("ยังไม่มีตัวชี้วัดเป้าหมายของปีงบประมาณ " + round.fiscalYear()
          + " กรุณาให้ผู้ดูแลตัวชี้วัดบันทึกค่าเป้าหมายก่อนเปิดรอบ");
    }
    execution.setVariable(FISCAL_YEAR, round.fiscalYear());
    execution.setVariable(ROUND, String.valueOf(round.months()));
    execution.setVariable(ROUND_KEY, roundKey);
    execution.setVariable(ROUND_NAME, round.nameTh());
    execution.setVariable(ROUND_CUT_OFF, Date.from(round.closedAt()));
    execution.setVariable(CLOSES_FISCAL_YEAR, round.closesFiscalYear());
    execution.setVariable(REPORTING_BUREAUS, String.join(",", reporting));
    execution.setVariable(BUREAU_REPORTS, "");
  }

  /** The collection of the reporting tasks: every bureau that owns a target of the fiscal year. */
  public List<String> reportingBureaus(DelegateExecution execution) {
    return split((String) execution.getVariable(REPORTING_BUREAUS));
  }

  /** Complete listener of a reporting task: the bureau's report joins the round's collected reports. */
  public void collectReport(DelegateTask task) {
    String bureau = (String) task.getVariable("bureau");
    String line = "• " + nameOf(bureau) + ": " + task.getVariable("resultSummary");
    Object problems = task.getVariable("problemsAndObstacles");
    if (problems instanceof String text && !text.isBlank()) {
      line += " (ปัญหาอุปสรรค: " + text.strip() + ")";
    }
    String collected = (String) task.getExecution().getProcessInstance().getVariable(BUREAU_REPORTS);
    task.getExecution().getProcessInstance().setVariable(BUREAU_REPORTS,
        collected == null || collected.isBlank() ? line : collected + "\n" + line);
  }

  /** Measures every KPI of the fiscal year over the round's window and marks those below target. */
  public void evaluate(DelegateExecution execution) {
    FiscalRound round = round(execution);
    List<IndicatorResult> results = indicators.evaluate(round);
    List<String> lines = new ArrayList<>();
    Map<String, String> owners = new LinkedHashMap<>();
    Map<String, String> subjects = new LinkedHashMap<>();
    for (IndicatorResult r : results) {
      String value = r.value() == null ? "ไม่มีข้อมูลในรอบนี้" : "ร้อยละ " + r.value().toPlainString();
      String verdict = r.value() == null ? "ไม่ได้เปรียบเทียบ" : r.belowTarget() ? "ต่ำกว่าเป้าหมาย" : "ผ่านเป้าหมาย";
      String line = r.target().indicatorCode() + " " + r.target().nameTh() + ": " + value + " (เป้าหมายร้อยละ "
          + r.target().target().toPlainString() + ", นับ " + r.counted() + " รายการ) — " + verdict + " — "
          + nameOf(r.target().ownerBureau());
      lines.add(line);
      if (r.belowTarget()) {
        owners.put(r.target().indicatorCode(), r.target().ownerBureau());
        subjects.put(r.target().indicatorCode(), line);
      }
    }
    execution.setVariable(KPI_RESULTS, round.nameTh() + " (1 ต.ค. " + (round.fiscalYear() - 1) + " – "
        + ThaiDates.date(round.cutOff()) + ")\n" + String.join("\n", lines));
    execution.setVariable(KPIS_BELOW_TARGET, String.join(",", owners.keySet()));
    execution.setVariable(KPIS_BELOW_TARGET_COUNT, owners.size());
    execution.setVariable(CORRECTIVE_PLAN_OWNERS, join(owners));
    execution.setVariable(CORRECTIVE_PLAN_SUBJECTS, join(subjects));
  }

  /** The collection of the corrective plans: exactly the KPIs found below target. */
  public List<String> belowTarget(DelegateExecution execution) {
    return split((String) execution.getVariable(KPIS_BELOW_TARGET));
  }

  /** The bureau that owns a KPI found below target (as it was when the round was evaluated). */
  public String ownerOf(DelegateExecution execution, String indicatorCode) {
    return lookup((String) execution.getVariable(CORRECTIVE_PLAN_OWNERS), indicatorCode);
  }

  /** The KPI's result line, shown on its corrective-plan forms. */
  public String subjectOf(DelegateExecution execution, String indicatorCode) {
    return lookup((String) execution.getVariable(CORRECTIVE_PLAN_SUBJECTS), indicatorCode);
  }

  static FiscalRound round(DelegateExecution execution) {
    int fiscalYear = integer(execution.getVariable(FISCAL_YEAR), "ปีงบประมาณ");
    int months = integer(execution.getVariable(ROUND), "รอบการรายงาน");
    return new FiscalRound(fiscalYear, months);
  }

  private static int integer(Object value, String what) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    if (value instanceof String s && s.strip().matches("\\d{1,4}")) {
      return Integer.parseInt(s.strip());
    }
    throw new Refusal("ต้องระบุ" + what + " เป็นตัวเลข ได้รับ '" + value + "'");
  }

  private String nameOf(String groupId) {
    return bureaus.getGroups().stream().filter(g -> g.getId().equals(groupId)).map(GroupDescription::getNameTh)
        .findFirst().orElse(groupId);
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }

  /** Entries "code\tvalue" one a line: codes never hold a tab or a line break (see KpiTargetService). */
  private static String join(Map<String, String> entries) {
    List<String> lines = new ArrayList<>();
    entries.forEach((k, v) -> lines.add(k + "\t" + v.replace('\n', ' ')));
    return String.join("\n", lines);
  }

  private static String lookup(String joined, String key) {
    if (joined != null) {
      for (String line : joined.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0 && line.substring(0, tab).equals(key)) {
          return line.substring(tab + 1);
        }
      }
    }
    throw new IllegalStateException("ไม่พบตัวชี้วัด " + key + " ในผลการประเมินของรอบนี้");
  }
}
