package th.go.senate.workflow.sla;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * On task creation: the due date from the step's SLA, counted on its calendar from the creation time (or
 * from the date variable the step's policy names), never after the case's legal deadline
 * ({@link SlaPlanner#CASE_DEADLINE_VARIABLE}) when it has one; see {@link SlaPlanner#schedule}. Then, when the
 * step's policy says so, the task is offered to the clerk who completed the previous step of the same bureau
 * ({@link NextStepAssignment}); on completion this listener notes who completed the step for that purpose.
 */
@Component
public class SlaTaskListener implements TaskListener {

  private final SlaPlanner slaPlanner;

  public SlaTaskListener(SlaPlanner slaPlanner) {
    this.slaPlanner = slaPlanner;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskEntity entity = (TaskEntity) task;
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      NextStepAssignment.stepCompleted(entity);
      return;
    }
    // The variables of the task's execution: a task being created has none of its own yet, and asking the
    // task would send a query for its (empty) local variables on every creation.
    SlaSchedule schedule = slaPlanner.schedule(SlaPlanner.processKey(entity.getExecution()),
        task.getTaskDefinitionKey(), task.getCreateTime().toInstant(), entity.getExecution()::getVariable);
    task.setDueDate(Date.from(schedule.dueAt()));
    NextStepAssignment.offerToPreviousClerk(entity, schedule.policy());
  }
}
