package th.go.senate.workflow.process.reform;

import static th.go.senate.workflow.process.FormValues.notBefore;
import static th.go.senate.workflow.process.FormValues.notInFuture;
import static th.go.senate.workflow.process.FormValues.required;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.decision.DecisionTables;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.process.FormValues;

/**
 * What the reformMonitoring model needs beyond the spine ({@code ${reformMonitoringRules}} in
 * bpmn/reformMonitoring.bpmn). The reporting duties are data, the {@code reformReporting} table: a round is
 * opened only for a duty in force, once per duty and period; its reminder is due the table's days after the
 * period's end, counted by the one planner; the Senate's consideration is measured from the report's arrival
 * (the arrival day is day 1) against the table's days. Listeners run after the spine's form check, in the
 * same transaction: a refusal rolls all of it back.
 */
@Component("reformMonitoringRules")
public class ReformMonitoringRules {

  public static final String PROCESS_KEY = "reformMonitoring";
  public static final String DECISION_KEY = "reformReporting";
  /** When the reminder is due (the timer's instant), and its last day as a date for the forms. */
  public static final String REPORT_EXPECTED_BY = "reportExpectedBy";
  public static final String REMINDER_DUE_ON = "reminderDueOn";

  private static final String START_STEP = "เปิดเรื่องรอรับรายงานรอบนี้";

  private final DueDatePlanner planner;
  private final DecisionTables decisionTables;

  public ReformMonitoringRules(DueDatePlanner planner, DecisionTables decisionTables) {
    this.planner = planner;
    this.decisionTables = decisionTables;
  }

  /** End listener of the start event: a duty in force, one round per period, and when the report is due. */
  public void expected(DelegateExecution execution) {
    String duty = String.valueOf(execution.getVariable("reportingDuty"));
    DmnDecisionRuleResult row = duty(duty);
    if (!Boolean.TRUE.equals(row.getEntry("inForce"))) {
      throw FormValues.refusal(START_STEP, "หน้าที่รายงาน \"" + duty + "\" (" + row.getEntry("legalBasis")
          + ") สิ้นสุดแล้ว ไม่เปิดรอบรายงานใหม่", "reporting duty " + duty + " is no longer in force");
    }
    LocalDate periodEnd = required(execution, "periodEnd", "วันสิ้นรอบรายงาน", START_STEP);
    Object periodValue = execution.getVariable("periodEnd");
    for (HistoricProcessInstance other : execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals("reportingDuty", duty).variableValueEquals("periodEnd", periodValue).list()) {
      if (!other.getId().equals(execution.getProcessInstanceId())
          && !HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(other.getState())
          && !HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(other.getState())) {
        throw FormValues.refusal(START_STEP, "มีเรื่องของรอบรายงานที่สิ้นสุดวันที่ " + ThaiDates.date(periodEnd) + " แล้ว (เลขที่ "
            + other.getBusinessKey() + ")", "a round for " + duty + " ending " + periodEnd + " exists: " + other.getId());
      }
    }
    int reminderDays = ((Number) row.getEntry("reminderDays")).intValue();
    // Day 1 is the day after the period's end; the reminder is due when the last allowed day is over.
    Instant expectedBy = planner.due(BangkokTime.startOf(periodEnd.plusDays(1)), reminderDays,
        CalendarKind.CALENDAR_DAYS);
    execution.setVariable(REPORT_EXPECTED_BY, Date.from(expectedBy));
    execution.setVariable(REMINDER_DUE_ON,
        BangkokTime.dateOf(expectedBy).minusDays(1).toString());
  }

  /** The non-interrupting reminder timer on Task_ReceiveReport. */
  public Date reminderAt(DelegateExecution execution) {
    return (Date) execution.getVariable(REPORT_EXPECTED_BY);
  }

  /** Complete listener of Task_ReceiveReport: the report arrives after its period and not in the future. */
  public void received(DelegateTask task) {
    LocalDate received = required(task, "receivedOn", "วันที่รายงานมาถึงวุฒิสภา", task.getName());
    notInFuture(received, "วันที่รายงานมาถึงวุฒิสภา", task.getName(), "receivedOn");
    LocalDate periodEnd = required(task, "periodEnd", "วันสิ้นรอบรายงาน", task.getName());
    notBefore(received, periodEnd, "วันที่รายงานมาถึงวุฒิสภา", "วันสิ้นรอบรายงาน", task.getName(), "receivedOn");
  }

  /** Complete listener of Task_ScheduleConsideration: the sitting is not before the report arrived. */
  public void scheduled(DelegateTask task) {
    LocalDate received = required(task, "receivedOn", "วันที่รายงานมาถึงวุฒิสภา", task.getName());
    LocalDate sitting = required(task, "sittingDate", "วันประชุมวุฒิสภาที่บรรจุวาระ", task.getName());
    notBefore(sitting, received, "วันประชุมวุฒิสภาที่บรรจุวาระ", "วันที่รายงานมาถึงวุฒิสภา", task.getName(), "sittingDate");
  }

  /**
   * Taken after the Senate considered the report: the calendar days from arrival (day 1) to the sitting, and
   * whether they stayed within the duty's consideration days. The KPI recorder reads both at the end.
   */
  public void considered(DelegateExecution execution) {
    LocalDate received = FormValues.toDate(execution.getVariable("receivedOn"));
    LocalDate sitting = FormValues.toDate(execution.getVariable("sittingDate"));
    int used = planner.daysCounted(received, sitting, CalendarKind.CALENDAR_DAYS);
    int allowed = ((Number) duty(String.valueOf(execution.getVariable("reportingDuty"))).getEntry("considerationDays"))
        .intValue();
    execution.setVariable(KpiRecorder.LIMIT_DAYS_USED_VARIABLE, used);
    execution.setVariable(KpiRecorder.LEGAL_LIMIT_MET_VARIABLE, used <= allowed);
  }

  private DmnDecisionRuleResult duty(String duty) {
    DmnDecisionRuleResult row = decisionTables.singleRow(DECISION_KEY, Map.of("reportingDuty", duty));
    if (row == null) {
      throw FormValues.refusal(START_STEP, "ไม่รู้จักหน้าที่รายงาน \"" + duty + "\" ในตารางหน้าที่รายงานต่อรัฐสภาที่วุฒิสภาติดตาม",
          "unknown reporting duty " + duty);
    }
    return row;
  }
}
