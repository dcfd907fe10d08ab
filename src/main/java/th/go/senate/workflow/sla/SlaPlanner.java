package th.go.senate.workflow.sla;

import java.time.Instant;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DueDatePlanner;

/**
 * SLA planning of user tasks: the due date of a task and the instants of its SLA timer, from the policy
 * table and the one due-date planner. The bean is named {@code slaPlanner} because every user task's SLA
 * timer calls {@code ${slaPlanner.nextCheckpoint(execution)}}.
 */
@Component("slaPlanner")
public class SlaPlanner {

  /** Task-scope variable: how many SLA checkpoints (see {@link SlaSchedule#checkpoints()}) have passed. */
  public static final String LEVEL_VARIABLE = "slaLevel";
  /** Id of the timeout task listener that carries the SLA timer on every user task. */
  public static final String TIMER_LISTENER_ID = "SlaTimer";
  /**
   * The date of that timer in every model (ModelRulesTest holds each model to it): {@link SlaReplanner}
   * recognises the SLA timers by it.
   */
  public static final String TIMER_EXPRESSION = "${slaPlanner.nextCheckpoint(execution)}";
  /**
   * Process variable (a date) with the case's legal deadline, when the process has one (a bill's limit):
   * no step of the case is due after it, so every task shows the deadline that binds the case.
   */
  public static final String CASE_DEADLINE_VARIABLE = "legalDeadline";
  public static final int LEVEL_WARNED = 1;
  public static final int LEVEL_BREACHED = 2;
  public static final int LEVEL_ESCALATED = 3;

  private final SlaPolicyService policies;
  private final DueDatePlanner planner;

  public SlaPlanner(SlaPolicyService policies, DueDatePlanner planner) {
    this.policies = policies;
    this.planner = planner;
  }

  /**
   * The schedule of a user task: counted from the task's creation or, when the step's policy names a
   * {@code countFrom} variable, from the instant or date that variable holds (e.g. a reporting round's
   * cut-off). Its due instant is the SLA's, or the case's legal deadline ({@link #CASE_DEADLINE_VARIABLE})
   * when that comes first (and is still after the start of the step). The one place that decides where
   * counting starts and ends: the due date, the SLA timer, the escalation and the re-planning all come here.
   */
  public SlaSchedule schedule(String processKey, String stepId, Instant created, Function<String, Object> variables) {
    SlaPolicy policy = policies.policyFor(processKey, stepId);
    Instant start = policy.countFrom() == null ? created
        : countingStart(policy.countFrom(), variables.apply(policy.countFrom()), processKey, stepId);
    return scheduleFrom(policy, start, variables.apply(CASE_DEADLINE_VARIABLE));
  }

  private SlaSchedule scheduleFrom(SlaPolicy policy, Instant start, Object caseDeadline) {
    Instant due = planner.due(start, policy.durationDays(), policy.calendar());
    if (caseDeadline instanceof Date limit && limit.toInstant().isBefore(due) && limit.toInstant().isAfter(start)) {
      due = limit.toInstant();
    }
    Instant headAt = policy.headDays() == null ? null : planner.due(start, policy.headDays(), policy.calendar());
    return SlaSchedule.of(policy, start, due, headAt == null || headAt.isAfter(due) ? null : headAt);
  }

  /** A date variable as the instant counting starts: a date alone means the start of that day in Bangkok. */
  static Instant countingStart(String variable, Object value, String processKey, String stepId) {
    Instant start = BangkokTime.instant(value);
    if (start != null) {
      return start;
    }
    throw new IllegalStateException("ขั้นตอน " + processKey + "/" + stepId + " นับระยะเวลาจากตัวแปร '" + variable
        + "' แต่ตัวแปรนี้ไม่มีค่าหรือไม่ใช่วันที่");
  }

  /**
   * The instant of the next SLA checkpoint of the user task that {@code execution} (the task's scope)
   * waits in. Evaluated when the timer is created (before the task itself exists: then the step starts
   * now), when the escalation re-arms it, and when a calendar change recalculates it.
   */
  public Date nextCheckpoint(DelegateExecution execution) {
    ExecutionEntity scope = (ExecutionEntity) execution;
    Instant start = scope.getTasks().stream().findFirst()
        .map(TaskEntity::getCreateTime).map(Date::toInstant)
        .orElseGet(() -> ClockUtil.getCurrentTime().toInstant());
    SlaSchedule schedule = schedule(processKey(scope), scope.getActivityId(), start, scope::getVariable);
    return Date.from(schedule.checkpoint(level(scope)));
  }

  static int level(ExecutionEntity scope) {
    Object level = scope.getVariableLocal(LEVEL_VARIABLE);
    return level instanceof Number n ? n.intValue() : 0;
  }

  static String processKey(ExecutionEntity execution) {
    return execution.getProcessDefinition().getKey();
  }
}
