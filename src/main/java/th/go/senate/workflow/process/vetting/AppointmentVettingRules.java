package th.go.senate.workflow.process.vetting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.decision.DecisionTables;
import th.go.senate.workflow.process.FormValues;
import th.go.senate.workflow.web.Refusal;

/**
 * What the appointmentVetting model needs beyond the spine ({@code ${vettingRules}} in
 * bpmn/appointmentVetting.bpmn), with the numbers of the decision table {@code appointmentVettingRules}: the
 * committee's limit (60 days from its appointment, on the one planner), one extension of at most 30 days, the
 * confidential report moved out of the engine into {@link ConfidentialReportStore}, and approval by more than
 * half of the existing senators. Every refusal is a {@link Refusal} (400 with the Thai message, nothing saved).
 */
@Component("vettingRules")
public class AppointmentVettingRules {

  public static final String PROCESS_KEY = "appointmentVetting";
  public static final String DECISION_KEY = "appointmentVettingRules";
  /** The confidential report: submitted by the committee's form, never kept as a variable. */
  public static final String REPORT = "vettingReport";
  public static final String APPOINTED_ON = "committeeAppointedOn";
  public static final String COMMITTEE_BUREAU = "committeeBureau";
  public static final String EXTENSION_DAYS = "extensionDays";
  public static final String EXTENSIONS_GRANTED = "extensionsGranted";
  public static final String REPORT_DUE_DATE = "reportDueDate";
  public static final String OUTCOME = "vettingOutcome";

  private final DecisionTables decisionTables;
  private final DueDatePlanner planner;
  private final ConfidentialReportStore reports;

  public AppointmentVettingRules(DecisionTables decisionTables, DueDatePlanner planner, ConfidentialReportStore reports) {
    this.decisionTables = decisionTables;
    this.planner = planner;
    this.reports = reports;
  }

  /** The row of {@code appointmentVettingRules} (one row for every post today). */
  public VettingRule rule() {
    DmnDecisionRuleResult row = decisionTables.singleRow(DECISION_KEY, Map.of("postKind", "ANY"));
    if (row == null) {
      throw new Refusal("ไม่พบเงื่อนไขในตารางกำหนดเวลาและเกณฑ์มติของการให้ความเห็นชอบ — ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
    return new VettingRule(FormValues.number(row.getEntry("vettingDays")), CalendarKind.valueOf((String) row.getEntry("calendar")),
        FormValues.number(row.getEntry("extensionsAllowed")), FormValues.number(row.getEntry("maxExtensionDays")),
        FormValues.number(row.getEntry("fullMembership")), FormValues.number(row.getEntry("approvalNumerator")),
        FormValues.number(row.getEntry("approvalDenominator")));
  }

  /** End listener of the start event: the nomination was not received in the future. */
  public void nominationReceived(DelegateExecution execution) {
    LocalDate received = BangkokTime.date(execution.getVariable("receivedDate"));
    if (received != null && received.isAfter(BangkokTime.today())) {
      reject("ได้รับการเสนอชื่อ", "\"วันที่ได้รับหนังสือเสนอชื่อ\" ต้องไม่เกินวันนี้ (" + ThaiDates.date(BangkokTime.today()) + ")", "received date in the future");
    }
  }

  /** Complete listener of Task_AppointVettingCommittee: the appointment date is plausible; the limit is planned. */
  public void committeeAppointed(DelegateTask task) {
    LocalDate appointed = required(task, APPOINTED_ON, "วันที่วุฒิสภามีมติตั้งคณะกรรมาธิการ");
    if (appointed.isAfter(BangkokTime.today())) {
      reject(task.getName(), "\"วันที่วุฒิสภามีมติตั้งคณะกรรมาธิการ\" ต้องไม่เกินวันนี้ (" + ThaiDates.date(BangkokTime.today()) + ")", "appointment in the future");
    }
    LocalDate received = BangkokTime.date(task.getVariable("receivedDate"));
    if (received != null && appointed.isBefore(received)) {
      reject(task.getName(), "\"วันที่วุฒิสภามีมติตั้งคณะกรรมาธิการ\" ต้องไม่ก่อนวันที่ได้รับการเสนอชื่อ (" + ThaiDates.date(received) + ")",
          "appointment before the nomination");
    }
    task.getExecution().setVariable(EXTENSIONS_GRANTED, 0);
    task.getExecution().setVariable(EXTENSION_DAYS, 0);
    task.getExecution().setVariable(REPORT_DUE_DATE, dueDate(appointed, 0).toString());
  }

  /**
   * The committee's limit: {@code vettingDays} (plus the extension granted) on the table's calendar from the day
   * of its appointment, from the one planner. The boundary timer of Task_VetNominee; it is created again each
   * time the task is entered, so an extension moves it.
   */
  public Date reportDueAt(DelegateExecution execution) {
    LocalDate appointed = BangkokTime.date(execution.getVariable(APPOINTED_ON));
    return Date.from(dueInstant(appointed, FormValues.number(execution.getVariable(EXTENSION_DAYS))));
  }

  /**
   * Complete listener of Task_VetNominee. An extension: once, by 1 to the table's most days. A report: its
   * content goes to the confidential store and the variable is removed in this command, so it is never written
   * to the engine's tables ({@link ReportHistoryFilter} keeps it out of history); the case's KPI is set.
   */
  public void committeeActed(DelegateTask task) {
    VettingRule rule = rule();
    String action = FormValues.text(task.getVariable("committeeAction"));
    String report = FormValues.text(task.getVariable(REPORT));
    task.removeVariable(REPORT);
    if ("EXTEND".equals(action)) {
      if (report != null && !report.isBlank()) {
        reject(task.getName(), "ขยายเวลาและเสนอรายงานพร้อมกันไม่ได้ กรุณาเลือกอย่างใดอย่างหนึ่ง", "extension and report together");
      }
      int granted = FormValues.number(task.getVariable(EXTENSIONS_GRANTED));
      if (granted >= rule.extensionsAllowed()) {
        reject(task.getName(), "ขยายเวลาของคณะกรรมาธิการได้ " + rule.extensionsAllowed() + " ครั้ง และได้ขยายไปแล้ว "
            + granted + " ครั้ง (ข้อบังคับการประชุมวุฒิสภา พ.ศ. 2562)", "extension " + (granted + 1) + " of " + rule.extensionsAllowed() + " allowed");
      }
      int days = FormValues.number(task.getVariable("requestedExtensionDays"));
      if (days < 1 || days > rule.maxExtensionDays()) {
        reject(task.getName(), "\"จำนวนวันที่ขยาย\" ต้องอยู่ระหว่าง 1 ถึง " + rule.maxExtensionDays() + " วัน (ได้รับ " + days + ")",
            "extension of " + days + " days; 1.." + rule.maxExtensionDays() + " allowed");
      }
      task.getExecution().setVariable(EXTENSIONS_GRANTED, granted + 1);
      task.getExecution().setVariable(EXTENSION_DAYS, FormValues.number(task.getVariable(EXTENSION_DAYS)) + days);
      task.getExecution().setVariable(REPORT_DUE_DATE,
          dueDate(BangkokTime.date(task.getVariable(APPOINTED_ON)), FormValues.number(task.getVariable(EXTENSION_DAYS))).toString());
      return;
    }
    if (report == null || report.isBlank()) {
      reject(task.getName(), "กรุณากรอก \"รายงานของคณะกรรมาธิการ (ลับ)\"", "report missing");
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    Authentication who = Context.getCommandContext().getAuthentication();
    reports.store(businessKey, FormValues.text(task.getVariable(COMMITTEE_BUREAU)), report, who == null ? "system" : who.getUserId());
    limitKpi(task.getExecution(), true);
  }

  /** End listener of the committee's boundary timer: the time ran out without a report. */
  public void timeUp(DelegateExecution execution) {
    execution.setVariable("vettingTimeExpired", true);
    limitKpi(execution, false);
  }

  /** Complete listener of Task_ScheduleSecretSitting: the sitting is not in the past. */
  public void sittingScheduled(DelegateTask task) {
    LocalDate sitting = required(task, "sittingDate", "วันประชุมลับ");
    if (sitting.isBefore(BangkokTime.today())) {
      reject(task.getName(), "\"วันประชุมลับ\" ต้องไม่ก่อนวันนี้ (" + ThaiDates.date(BangkokTime.today()) + ")", "sitting in the past");
    }
  }

  /**
   * Complete listener of Task_RecordSecretVote: the counts are possible (existing senators within the full
   * membership, no count negative, no more votes than senators) and the outcome follows the table: approved
   * when the votes in favour are more than the table's share of the existing senators.
   */
  public void voteRecorded(DelegateTask task) {
    VettingRule rule = rule();
    int existing = FormValues.number(task.getVariable("existingSenators"));
    int favour = FormValues.number(task.getVariable("votesInFavour"));
    int against = FormValues.number(task.getVariable("votesAgainst"));
    int abstaining = FormValues.number(task.getVariable("votesAbstaining"));
    if (existing < 1 || existing > rule.fullMembership()) {
      reject(task.getName(), "\"จำนวนสมาชิกวุฒิสภาเท่าที่มีอยู่\" ต้องอยู่ระหว่าง 1 ถึง " + rule.fullMembership()
          + " คน (รัฐธรรมนูญ มาตรา 107; ได้รับ " + existing + ")", "existing senators must be 1.." + rule.fullMembership());
    }
    if (favour < 0 || against < 0 || abstaining < 0) {
      reject(task.getName(), "จำนวนคะแนนต้องไม่ติดลบ", "negative vote count");
    }
    if ((long) favour + against + abstaining > existing) {
      reject(task.getName(), "คะแนนรวม (" + (favour + against + abstaining) + ") มากกว่าจำนวนสมาชิกเท่าที่มีอยู่ (" + existing + " คน)",
          "more votes than existing senators");
    }
    boolean approved = rule.approves(favour, existing);
    task.getExecution().setVariable("requiredVotes", rule.requiredVotes(existing));
    task.getExecution().setVariable(OUTCOME, approved ? "APPROVED" : "NOT_APPROVED");
  }

  private void limitKpi(DelegateExecution execution, boolean met) {
    LocalDate appointed = BangkokTime.date(execution.getVariable(APPOINTED_ON));
    execution.setVariable("legalLimitMet", met);
    if (appointed != null && !appointed.isAfter(BangkokTime.today())) {
      execution.setVariable("limitDaysUsed", planner.daysCounted(appointed, BangkokTime.today(), rule().calendar()));
    }
  }

  private LocalDate dueDate(LocalDate appointed, int extensionDays) {
    return BangkokTime.dateOf(dueInstant(appointed, extensionDays).minusSeconds(1));
  }

  private Instant dueInstant(LocalDate appointed, int extensionDays) {
    VettingRule rule = rule();
    Instant start = BangkokTime.startOf(appointed);
    return planner.due(start, rule.vettingDays() + extensionDays, rule.calendar());
  }

  private static LocalDate required(DelegateTask task, String key, String label) {
    return FormValues.required(task, key, label, task.getName());
  }

  private static void reject(String step, String thai, String english) {
    throw FormValues.refusal(step, thai, english);
  }
}
