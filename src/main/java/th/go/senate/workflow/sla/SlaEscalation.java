package th.go.senate.workflow.sla;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.kpi.KpiMetrics;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.notice.StaffNotices;

/**
 * The delegate behind every user task's SLA timer ({@code ${slaEscalation}}, a timeout task listener that
 * the job executor fires with nobody logged in). Each firing passes one checkpoint and re-arms the timer
 * for the next:
 * <ol>
 *   <li>warning: the task's follow-up date is set and its priority rises;</li>
 *   <li>breach (100 %): the breach is recorded and the bureau's head group becomes a candidate (or earlier,
 *       on the day the policy's {@code headDays} names);</li>
 *   <li>escalation: the policy's escalation group (sgOffice) becomes a candidate.</li>
 * </ol>
 * Actions due at the same instant are one checkpoint ({@link SlaSchedule#checkpoints()}). Each checkpoint then
 * writes the notices configured for its actions ({@link StaffNotices#slaCheckpoint}).
 */
@Component("slaEscalation")
public class SlaEscalation implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SlaEscalation.class);

  static final int PRIORITY_WARNED = 75;
  static final int PRIORITY_BREACHED = 90;
  static final int PRIORITY_ESCALATED = 100;

  private final SlaPolicyService policies;
  private final BureauDirectory bureaus;
  private final KpiRepository facts;
  private final SlaPlanner slaPlanner;
  private final KpiMetrics metrics;
  private final StaffNotices notices;

  public SlaEscalation(SlaPolicyService policies, BureauDirectory bureaus, KpiRepository facts, SlaPlanner slaPlanner,
      KpiMetrics metrics, StaffNotices notices) {
    this.notices = notices;
    this.slaPlanner = slaPlanner;
    this.policies = policies;
    this.bureaus = bureaus;
    this.facts = facts;
    this.metrics = metrics;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    ExecutionEntity scope = task.getExecution();
    int level = SlaPlanner.level(scope);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<SlaSchedule.Checkpoint> checkpoints = slaPlanner.schedule(SlaPlanner.processKey(scope),
        task.getTaskDefinitionKey(), task.getCreateTime().toInstant(), scope::getVariable).checkpoints();
    if (level >= checkpoints.size()) {
      return;
    }
    for (SlaSchedule.Action action : checkpoints.get(level).actions()) {
      switch (action) {
        case WARN -> {
          task.setFollowUpDate(Date.from(now));
          raisePriority(task, PRIORITY_WARNED);
        }
        case HEAD -> {
          bureauGroup(task).flatMap(bureaus::headOf).ifPresent(task::addCandidateGroup);
          raisePriority(task, PRIORITY_BREACHED);
        }
        case BREACH -> {
          facts.breached(task.getId(), now);
          metrics.breached(SlaPlanner.processKey(scope), task.getTaskDefinitionKey());
          raisePriority(task, PRIORITY_BREACHED);
        }
        case ESCALATE -> {
          String group = policies.policyFor(SlaPlanner.processKey(scope), task.getTaskDefinitionKey()).escalationGroup();
          if (group != null && !group.isBlank()) {
            task.addCandidateGroup(group);
          }
          facts.escalated(task.getId());
          metrics.escalated(SlaPlanner.processKey(scope), task.getTaskDefinitionKey());
          raisePriority(task, PRIORITY_ESCALATED);
        }
      }
    }
    notices.slaCheckpoint(task, checkpoints.get(level).actions(),
        policies.policyFor(SlaPlanner.processKey(scope), task.getTaskDefinitionKey()).escalationGroup());
    scope.setVariableLocal(SlaPlanner.LEVEL_VARIABLE, level + 1);
    LOG.info("SLA checkpoint {} {} passed for task {} ({}) of instance {}", level + 1, checkpoints.get(level).actions(),
        task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId());
    if (level + 1 < checkpoints.size()) {
      rearm(scope);
    }
  }

  /**
   * Creates the next SLA timer from the same declaration as the model's: its expression now yields the
   * next checkpoint. The timer lives in the task's scope, so it disappears when the task ends.
   */
  private static void rearm(ExecutionEntity scope) {
    Map<String, TimerDeclarationImpl> declarations =
        TimerDeclarationImpl.getTimeoutListenerDeclarationsForScope(scope.getActivity()).get(scope.getActivityId());
    TimerDeclarationImpl declaration = declarations == null ? null : declarations.get(SlaPlanner.TIMER_LISTENER_ID);
    if (declaration == null) {
      throw new IllegalStateException("User task " + scope.getActivityId() + " has no timeout listener with id "
          + SlaPlanner.TIMER_LISTENER_ID);
    }
    declaration.createTimerInstance(scope);
  }

  private static java.util.Optional<String> bureauGroup(TaskEntity task) {
    return task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .filter(group -> !group.endsWith(BureauDirectory.HEAD_SUFFIX))
        .findFirst();
  }

  private static void raisePriority(TaskEntity task, int priority) {
    if (task.getPriority() < priority) {
      task.setPriority(priority);
    }
  }
}
