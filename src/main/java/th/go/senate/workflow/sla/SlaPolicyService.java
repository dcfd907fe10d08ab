package th.go.senate.workflow.sla;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.decision.DecisionTables;
import th.go.senate.workflow.kpi.StepCalendar;

/**
 * Looks up the SLA of a step in the deployed decision table {@code slaPolicy}, through {@link DecisionTables}
 * (no user rights, no decision history, results cached per deployed version of the table). It also tells the
 * KPI recorder which calendar a step is counted on ({@link StepCalendar}).
 */
@Service
public class SlaPolicyService implements StepCalendar {

  public static final String DECISION_KEY = "slaPolicy";

  private final DecisionTables decisionTables;

  public SlaPolicyService(DecisionTables decisionTables) {
    this.decisionTables = decisionTables;
  }

  /** The policy of a step, or a clear error naming the step when the table has no row for it. */
  public SlaPolicy policyFor(String processKey, String stepId) {
    DmnDecisionRuleResult row = decisionTables.singleRow(DECISION_KEY, Map.of("processKey", processKey, "stepId", stepId));
    if (row == null) {
      throw new IllegalStateException("ไม่พบระยะเวลามาตรฐานของขั้นตอน " + processKey + "/" + stepId
          + " ในตารางระยะเวลามาตรฐานของแต่ละขั้นตอน");
    }
    return new SlaPolicy(
        ((Number) row.getEntry("durationDays")).intValue(),
        CalendarKind.valueOf((String) row.getEntry("calendar")),
        ((Number) row.getEntry("warningPercent")).intValue(),
        ((Number) row.getEntry("escalationPercent")).intValue(),
        (String) row.getEntry("escalationGroup"),
        // An empty cell is left out of the rule's result: the head is then drawn in at the breach.
        row.containsKey("headDays") && row.get("headDays") instanceof Number headDays ? headDays.intValue() : null,
        blankToNull(row.getEntryMap().get("countFrom")),
        followsClerk(row.getEntryMap().get("followsClerk"), processKey, stepId));
  }

  @Override
  public CalendarKind calendarOf(String processKey, String stepId) {
    return policyFor(processKey, stepId).calendar();
  }

  /** Every row states it: an empty cell would be a silent "no", so it is refused like a missing row. */
  private static boolean followsClerk(Object value, String processKey, String stepId) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalStateException("ขั้นตอน " + processKey + "/" + stepId + " ในตาราง slaPolicy ไม่ได้ระบุว่า"
        + "มอบงานให้ผู้ทำขั้นตอนก่อนหน้าหรือไม่ (ช่อง followsClerk ต้องเป็น true หรือ false)");
  }

  private static String blankToNull(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
