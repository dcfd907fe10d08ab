package th.go.senate.workflow.process.minutes;

import static th.go.senate.workflow.process.FormValues.notBefore;
import static th.go.senate.workflow.process.FormValues.notInFuture;
import static th.go.senate.workflow.process.FormValues.required;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.decision.DecisionTables;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.process.FormValues;

/**
 * What the committeeMinutes model needs beyond the spine ({@code ${committeeMinutesRules}} in
 * bpmn/committeeMinutes.bpmn): dates in order (meeting, certification, publication; none in the future),
 * and at publication the case's KPI: the working days from the meeting to publication (the meeting day not
 * counted) and whether they stayed within the target of the {@code minutesPublication} table. The listeners
 * run after the spine's form check, in the same transaction: a refusal rolls all of it back.
 */
@Component("committeeMinutesRules")
public class CommitteeMinutesRules {

  public static final String PROCESS_KEY = "committeeMinutes";
  public static final String DECISION_KEY = "minutesPublication";
  /** Working days from the meeting to its certification (a process variable, for the reports). */
  public static final String CERTIFICATION_WORKING_DAYS = "certificationWorkingDays";

  private final DueDatePlanner planner;
  private final DecisionTables decisionTables;

  public CommitteeMinutesRules(DueDatePlanner planner, DecisionTables decisionTables) {
    this.planner = planner;
    this.decisionTables = decisionTables;
  }

  /** End listener of the start event: minutes are of a meeting that has taken place. */
  public void registered(DelegateExecution execution) {
    String step = "ลงทะเบียนการประชุม";
    notInFuture(required(execution, "meetingDate", "วันที่ประชุม", step), "วันที่ประชุม", step, "meetingDate");
  }

  /** Complete listener of Task_CertifyMinutes: certified on or after the meeting, not in the future. */
  public void certified(DelegateTask task) {
    LocalDate meeting = required(task, "meetingDate", "วันที่ประชุม", task.getName());
    LocalDate certified = required(task, "certifiedOn", "วันที่ที่ประชุมรับรอง", task.getName());
    notInFuture(certified, "วันที่ที่ประชุมรับรอง", task.getName(), "certifiedOn");
    notBefore(certified, meeting, "วันที่ที่ประชุมรับรอง", "วันที่ประชุม", task.getName(), "certifiedOn");
    processInstance(task).setVariable(CERTIFICATION_WORKING_DAYS, workingDaysAfter(meeting, certified));
  }

  /** Complete listener of Task_PublishMinutes: published after certification; the case's KPI. */
  public void published(DelegateTask task) {
    LocalDate meeting = required(task, "meetingDate", "วันที่ประชุม", task.getName());
    LocalDate certified = required(task, "certifiedOn", "วันที่ที่ประชุมรับรอง", task.getName());
    LocalDate published = required(task, "publishedOn", "วันที่เผยแพร่", task.getName());
    notInFuture(published, "วันที่เผยแพร่", task.getName(), "publishedOn");
    notBefore(published, certified, "วันที่เผยแพร่", "วันที่ที่ประชุมรับรอง", task.getName(), "publishedOn");
    int used = workingDaysAfter(meeting, published);
    ExecutionEntity instance = processInstance(task);
    instance.setVariable(KpiRecorder.LIMIT_DAYS_USED_VARIABLE, used);
    instance.setVariable(KpiRecorder.LEGAL_LIMIT_MET_VARIABLE, used <= targetDays(task));
  }

  /** The working days from {@code meeting} to {@code day}: the meeting day is not counted, {@code day} is. */
  int workingDaysAfter(LocalDate meeting, LocalDate day) {
    return planner.daysCounted(meeting.plusDays(1), day, CalendarKind.WORKING_DAYS);
  }

  private int targetDays(DelegateTask task) {
    Object kind = task.getVariable("recordKind");
    DmnDecisionRuleResult row = decisionTables.singleRow(DECISION_KEY, Map.of("recordKind", String.valueOf(kind)));
    if (row == null) {
      throw FormValues.refusal(task.getName(), "ไม่มีกำหนดเวลาเผยแพร่ของรายงานประเภท '" + kind
          + "' ในตารางจำนวนวันทำการตั้งแต่วันประชุมถึงวันเผยแพร่รายงาน แจ้งผู้ดูแลระบบ", "no row for record kind " + kind + " in " + DECISION_KEY);
    }
    return ((Number) row.getEntry("publicationWorkingDays")).intValue();
  }

  private static ExecutionEntity processInstance(DelegateTask task) {
    return ((ExecutionEntity) task.getExecution()).getProcessInstance();
  }
}
