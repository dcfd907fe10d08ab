package th.go.senate.workflow.engine;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the platform's configuration tables (SLA policy, bill limits) from the latest deployed decision, with
 * the engine's DMN engine directly: a lookup needs no user rights and leaves no decision history, because it
 * runs on every task, every SLA checkpoint and every re-planning.
 *
 * <p>Results are cached per deployed version of a table: evaluating one builds a FEEL context with every
 * built-in function each time, which made it the largest single cost of a step (README, Performance). The
 * latest version is still looked up on every call, so a redeployed table applies at once.
 */
@Component
public class DecisionTables {

  private static final int CACHE_LIMIT = 10_000;

  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Map<String, Optional<DmnDecisionRuleResult>> cache = new ConcurrentHashMap<>();
  /** decision key → the latest version this node last looked up (see {@link #singleRowOfLastSeenVersion}). */
  private final Map<String, DecisionDefinitionEntity> lastSeen = new ConcurrentHashMap<>();
  private final ThreadLocal<LatestInCommand> latest = new ThreadLocal<>();

  public DecisionTables(ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
  }

  /** The one matching row of a UNIQUE decision table, or {@code null} when no row matches. */
  public DmnDecisionRuleResult singleRow(String decisionKey, Map<String, Object> inputs) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
      DecisionDefinitionEntity decision = latestInCommand(context, decisionKey);
      return row(decision, inputs).orElse(null);
    });
  }

  /**
   * The latest version of a table, asked of the database once per engine command: one command sees one state
   * of the table (the engine's own lookup would answer a repeated question from MyBatis's session cache, at
   * the cost of building the query again), and a step asks up to three times (due date, SLA timer, KPI fact).
   */
  private DecisionDefinitionEntity latestInCommand(CommandContext context, String decisionKey) {
    LatestInCommand latest = this.latest.get();
    if (latest == null || latest.context.get() != context) {
      latest = new LatestInCommand(new WeakReference<>(context), new HashMap<>());
      this.latest.set(latest);
    }
    DecisionDefinitionEntity decision = latest.decisions.get(decisionKey);
    if (decision == null) {
      decision = (DecisionDefinitionEntity) engineConfiguration.getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(decisionKey);
      latest.decisions.put(decisionKey, decision);
      lastSeen.put(decisionKey, decision);
    }
    return decision;
  }

  /** The latest versions one command has found (weakly held: a finished command is not kept alive). */
  private record LatestInCommand(WeakReference<CommandContext> context, Map<String, DecisionDefinitionEntity> decisions) {
  }

  /**
   * The row as the version of the table that this node last found to be the latest says, without asking the
   * database which version is the latest now; empty when this node has not looked the table up yet. Only for
   * a guess that the caller verifies (e.g. a KPI update guarded by the value the guess gave): the table may
   * have been redeployed since.
   */
  public Optional<DmnDecisionRuleResult> singleRowOfLastSeenVersion(String decisionKey, Map<String, Object> inputs) {
    DecisionDefinitionEntity decision = lastSeen.get(decisionKey);
    return decision == null ? Optional.empty() : row(decision, inputs);
  }

  private Optional<DmnDecisionRuleResult> row(DecisionDefinitionEntity decision, Map<String, Object> inputs) {
    String key = decision.getId() + "|" + new TreeMap<>(inputs);
    Optional<DmnDecisionRuleResult> row = cache.get(key);
    if (row == null) {
      DmnDecisionTableResult result = engineConfiguration.getDmnEngine()
          .evaluateDecisionTable(decision, Variables.fromMap(inputs));
      row = Optional.ofNullable(result.getSingleResult());
      if (cache.size() > CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(key, row);
    }
    return row;
  }
}
