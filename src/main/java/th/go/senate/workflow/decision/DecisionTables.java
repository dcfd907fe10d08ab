package th.go.senate.workflow.decision;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reads the platform's configuration tables (SLA policy, bill limits) from the latest deployed decision, with
 * the engine's DMN engine directly: a lookup needs no user rights and leaves no decision history, because it
 * runs on every task, every SLA checkpoint and every re-planning.
 *
 * <p>Results are cached per deployed version of a table: evaluating one builds a FEEL context with every
 * built-in function each time, which made it the largest single cost of a step (README, Performance). The
 * latest version is still looked up on every call, so a redeployed table applies at once: the key names the
 * deployed version, so nothing has to be cleared on redeployment (older versions' rows age out of the bound).
 */
@Component
public class DecisionTables {

  private static final int CACHE_LIMIT = 10_000;

  private final ProcessEngineConfigurationImpl engineConfiguration;
  /** "decision id|inputs" → the matching row, if any. */
  private final Cache<String, Optional<DmnDecisionRuleResult>> cache = Caffeine.newBuilder()
      .maximumSize(CACHE_LIMIT).build();

  public DecisionTables(ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
  }

  /** The one matching row of a UNIQUE decision table, or {@code null} when no row matches. */
  public DmnDecisionRuleResult singleRow(String decisionKey, Map<String, Object> inputs) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity decision = (DecisionDefinitionEntity) engineConfiguration.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(decisionKey);
      String key = decision.getId() + "|" + new TreeMap<>(inputs);
      return cache.get(key, k -> {
        DmnDecisionTableResult result = engineConfiguration.getDmnEngine()
            .evaluateDecisionTable(decision, Variables.fromMap(inputs));
        return Optional.ofNullable(result.getSingleResult());
      }).orElse(null);
    });
  }
}
