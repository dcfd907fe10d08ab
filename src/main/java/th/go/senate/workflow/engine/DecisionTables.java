package th.go.senate.workflow.engine;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the platform's configuration tables (SLA policy, bill limits) from the latest deployed decision, with
 * the engine's DMN engine directly: a lookup needs no user rights and leaves no decision history, because it
 * runs on every task, every SLA checkpoint and every re-planning.
 */
@Component
public class DecisionTables {

  private final ProcessEngineConfigurationImpl engineConfiguration;

  public DecisionTables(ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
  }

  /** The one matching row of a UNIQUE decision table, or {@code null} when no row matches. */
  public DmnDecisionRuleResult singleRow(String decisionKey, Map<String, Object> inputs) {
    DmnDecisionTableResult result = engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity decision = (DecisionDefinitionEntity) engineConfiguration.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(decisionKey);
      return engineConfiguration.getDmnEngine().evaluateDecisionTable(decision, Variables.fromMap(inputs));
    });
    return result.getSingleResult();
  }
}
