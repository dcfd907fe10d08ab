package th.go.senate.workflow.sla;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.engine.DecisionTables;

/**
 * Looks up the SLA of a step in the deployed decision table {@code slaPolicy}, through {@link DecisionTables}
 * (no user rights, no decision history, results cached per deployed version of the table).
 */
@Service
public class SlaPolicyService {

  public static final String DECISION_KEY = "slaPolicy";

  private final DecisionTables decisionTables;

  public SlaPolicyService(DecisionTables decisionTables) {
    this.decisionTables = decisionTables;
  }

  /** The policy of a step, or a clear error naming the step when the table has no row for it. */
  public SlaPolicy policyFor(String processKey, String stepId) {
    DmnDecisionRuleResult row = decisionTables.singleRow(DECISION_KEY, Map.of("processKey", processKey, "stepId", stepId));
    if (row == null) {
      throw new IllegalStateException("ไม่พบระยะเวลามาตรฐาน (SLA) ของขั้นตอน " + processKey + "/" + stepId
          + " ในตาราง slaPolicy (no SLA policy row for " + processKey + "/" + stepId + ")");
    }
    return policy(row);
  }

  /**
   * The policy of a step as the version of the table this node last found to be the latest says (no query;
   * the table may have been redeployed since, so only for a guess the caller verifies); empty when unknown.
   */
  public Optional<SlaPolicy> lastSeenPolicyFor(String processKey, String stepId) {
    return decisionTables.singleRowOfLastSeenVersion(DECISION_KEY, Map.of("processKey", processKey, "stepId", stepId))
        .map(SlaPolicyService::policy);
  }

  private static SlaPolicy policy(DmnDecisionRuleResult row) {
    return new SlaPolicy(
        ((Number) row.getEntry("durationDays")).intValue(),
        CalendarKind.valueOf((String) row.getEntry("calendar")),
        ((Number) row.getEntry("warningPercent")).intValue(),
        ((Number) row.getEntry("escalationPercent")).intValue(),
        (String) row.getEntry("escalationGroup"),
        // An empty cell is left out of the rule's result: the head is then drawn in at the breach.
        row.containsKey("headDays") && row.get("headDays") instanceof Number headDays ? headDays.intValue() : null,
        blankToNull(row.getEntryMap().get("countFrom")));
  }

  private static String blankToNull(Object value) {
    return value instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
