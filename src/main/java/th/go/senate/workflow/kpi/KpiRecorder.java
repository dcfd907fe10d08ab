package th.go.senate.workflow.kpi;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;

/**
 * The one KPI recorder. The engine plugin attaches it to every user task (create, assignment, complete,
 * delete), to every process (start, end) and to every end event, so no step escapes and no model has to
 * remember it. It writes in the engine's transaction: a rolled-back step leaves no fact, a retried job one.
 */
@Component
public class KpiRecorder implements TaskListener {

  /** A process that has a legal limit of its own sets this variable; otherwise "limit met" = no late step. */
  public static final String LEGAL_LIMIT_MET_VARIABLE = "legalLimitMet";
  /** A process that has a legal limit of its own also sets the days of it the case used (an integer). */
  public static final String LIMIT_DAYS_USED_VARIABLE = "limitDaysUsed";
  public static final String COMPLETED = "COMPLETED";
  public static final String CANCELLED = "CANCELLED";

  private final KpiRepository repository;
  private final StepCalendar calendars;
  private final DueDatePlanner planner;
  private final KpiMetrics metrics;

  public KpiRecorder(KpiRepository repository, StepCalendar calendars, DueDatePlanner planner, KpiMetrics metrics) {
    this.repository = repository;
    this.calendars = calendars;
    this.planner = planner;
    this.metrics = metrics;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created((TaskEntity) task);
      case EVENTNAME_ASSIGNMENT -> repository.claimed(task.getId(), task.getAssignee(), now);
      case EVENTNAME_COMPLETE -> ended(task, COMPLETED, now);
      case EVENTNAME_DELETE -> ended(task, CANCELLED, now);
      default -> { }
    }
  }

  private void created(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    String processKey = execution.getProcessDefinition().getKey();
    CalendarKind calendar = calendars.calendarOf(processKey, task.getTaskDefinitionKey());
    String candidateGroup = task.getCandidates().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElse(null);
    repository.insertStep(new StepFact(task.getId(), processKey, task.getProcessInstanceId(),
        execution.getProcessBusinessKey(), task.getTaskDefinitionKey(), task.getName(), candidateGroup,
        task.getAssignee(), KpiRepository.time(task.getCreateTime().toInstant()),
        task.getAssignee() == null ? null : KpiRepository.time(task.getCreateTime().toInstant()), null,
        task.getDueDate() == null ? null : KpiRepository.time(task.getDueDate().toInstant()),
        calendar.name(), null, null, null, 0, null));
  }

  private void ended(DelegateTask task, String endState, Instant now) {
    StepFact fact = repository.lockStep(task.getId()).orElse(null);
    if (fact == null) {
      return;
    }
    int minutes = (int) planner.businessMinutes(fact.createdAt().toInstant(), now,
        CalendarKind.valueOf(fact.calendar()));
    // Boolean.valueOf keeps the conditional a Boolean one: with a primitive branch, a cancelled step's null
    // slaMet would be unboxed (NullPointerException, and the cancellation would fail).
    Boolean slaMet = COMPLETED.equals(endState)
        ? Boolean.valueOf(fact.breachedAt() == null && (fact.dueAt() == null || !now.isAfter(fact.dueAt().toInstant())))
        : fact.slaMet();
    repository.ended(fact, endState, now, minutes, slaMet);
    if (COMPLETED.equals(endState)) {
      metrics.stepCompleted(fact.processKey(), fact.stepId(), minutes);
    }
  }

  /** Process start listener: the case fact opens. */
  public void caseStarted(DelegateExecution execution) {
    ExecutionEntity instance = (ExecutionEntity) execution;
    repository.insertCase(new CaseFact(execution.getProcessInstanceId(),
        instance.getProcessDefinition().getKey(), execution.getProcessBusinessKey(),
        KpiRepository.time(ClockUtil.getCurrentTime().toInstant()), null, null, null, null));
  }

  /** Process end listener: the case fact closes, ended normally or cancelled. */
  public void caseEnded(DelegateExecution execution) {
    Object limit = execution.getVariable(LEGAL_LIMIT_MET_VARIABLE);
    // Without a limit of its own the case met it when no step was late: counted by the update itself.
    Boolean limitMet = limit instanceof Boolean b ? b : null;
    Object daysUsed = execution.getVariable(LIMIT_DAYS_USED_VARIABLE);
    repository.caseEnded(execution.getProcessInstanceId(), ClockUtil.getCurrentTime().toInstant(),
        ((ExecutionEntity) execution).isCanceled() ? CANCELLED : null, limitMet,
        daysUsed instanceof Number n ? Integer.valueOf(n.intValue()) : null);
  }

  /** An end event was reached: its id is the case's outcome (e.g. EndEvent_PetitionClosed). */
  public void endEventReached(DelegateExecution execution) {
    repository.caseOutcome(execution.getProcessInstanceId(), execution.getCurrentActivityId());
  }
}
