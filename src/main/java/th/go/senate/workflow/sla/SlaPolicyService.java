package th.go.senate.workflow.sla;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import th.go.senate.workflow.calendar.CalendarKind;

/**
 * Looks up the SLA of a step in the deployed decision table {@code slaPolicy}. The table is evaluated with
 * the engine's DMN engine directly, so that a lookup needs no user rights and leaves no decision history
 * (it runs on every task and every SLA checkpoint).
 *
 * <p>Results are cached per deployed version of the table: evaluating it costs a FEEL context with every
 * built-in function each time, which made it the largest single cost of a step (README, Performance). The
 * latest version is still looked up on every call, so a redeployed table applies at once.
 */
@Service
public class SlaPolicyService {

  public static final String DECISION_KEY = "slaPolicy";

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Map<String, SlaPolicy> cache = new ConcurrentHashMap<>();

  public SlaPolicyService(ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
  }

  /** The policy of a step, or a clear error naming the step when the table has no row for it. */
  public SlaPolicy policyFor(String processKey, String stepId) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity decision = (DecisionDefinitionEntity) engineConfiguration.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(DECISION_KEY);
      String key = decision.getId() + "|" + processKey + "|" + stepId;
      SlaPolicy cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
      SlaPolicy policy = evaluate(decision, processKey, stepId);
      if (cache.size() > 10_000) {
        cache.clear();
      }
      cache.put(key, policy);
      return policy;
    });
  }

  private SlaPolicy evaluate(DecisionDefinitionEntity decision, String processKey, String stepId) {
    DmnDecisionTableResult result = engineConfiguration.getDmnEngine().evaluateDecisionTable(decision,
        Variables.fromMap(Map.of("processKey", processKey, "stepId", stepId)));
    DmnDecisionRuleResult row = result.getSingleResult();
    if (row == null) {
      throw new IllegalStateException("ไม่พบระยะเวลามาตรฐาน (SLA) ของขั้นตอน " + processKey + "/" + stepId
          + " ในตาราง slaPolicy (no SLA policy row for " + processKey + "/" + stepId + ")");
    }
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
