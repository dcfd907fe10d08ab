package th.go.senate.workflow.sla;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.CalendarChangedEvent;
import th.go.senate.workflow.identity.SystemAuthority;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.StepFact;

/**
 * When holidays or sessions change, every open deadline is counted again: the due dates of open tasks
 * (and their KPI facts), the SLA timers ({@link #isSlaTimer}) and the case-level deadlines that a process
 * declares as a {@link CaseDeadline} ({@link #isCaseDeadline}). No other timer is touched: a fixed-duration timer
 * of a model does not depend on the calendar. It runs in the transaction of the change, so either the calendar
 * and all deadlines change together or nothing does.
 */
@Component
public class SlaReplanner {

  private static final Logger LOG = LoggerFactory.getLogger(SlaReplanner.class);

  private final TaskService taskService;
  private final ManagementService managementService;
  private final SystemAuthority systemAuthority;
  private final SlaPlanner slaPlanner;
  private final KpiRepository facts;
  private final List<CaseDeadline> caseDeadlines;

  public SlaReplanner(TaskService taskService, ManagementService managementService,
      SystemAuthority systemAuthority, SlaPlanner slaPlanner, KpiRepository facts, List<CaseDeadline> caseDeadlines) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.systemAuthority = systemAuthority;
    this.slaPlanner = slaPlanner;
    this.facts = facts;
    this.caseDeadlines = List.copyOf(caseDeadlines);
  }

  @EventListener(CalendarChangedEvent.class)
  public void replan(CalendarChangedEvent event) {
    // The administrator who changed the calendar may not see every bureau's tasks; re-planning must.
    systemAuthority.run(() -> {
      // 1. Case-level deadlines first (e.g. a bill's deemed-approval timer): their expressions also refresh
      //    the case's legal deadline, which caps the due dates of its tasks.
      int caseTimers = recalculateTimers(false);
      // 2. The due dates of open tasks (and their KPI facts).
      int tasks = 0;
      for (Task task : taskService.createTaskQuery().list()) {
        StepFact fact = facts.findStep(task.getId()).orElse(null);
        if (fact == null) {
          continue;
        }
        Instant due = slaPlanner.schedule(fact.processKey(), fact.stepId(), task.getCreateTime().toInstant(),
            name -> taskService.getVariable(task.getId(), name)).dueAt();
        if (task.getDueDate() == null || !task.getDueDate().toInstant().equals(due)) {
          task.setDueDate(Date.from(due));
          taskService.saveTask(task);
          facts.dueChanged(task.getId(), due);
          tasks++;
        }
      }
      // 3. The SLA timers of open tasks.
      int timers = recalculateTimers(true);
      LOG.info("Calendar changed ({}): {} case deadlines, {} task due dates and {} SLA timers re-planned",
          event.what(), caseTimers, tasks, timers);
    });
  }

  /** Recalculates the open jobs of the SLA timers ({@code slaTimers}) or of the case deadlines. */
  private int recalculateTimers(boolean slaTimers) {
    int timers = 0;
    for (JobDefinition definition : managementService.createJobDefinitionQuery().list()) {
      if (!(slaTimers ? isSlaTimer(definition) : isCaseDeadline(definition))) {
        continue;
      }
      for (Job job : managementService.createJobQuery().jobDefinitionId(definition.getId()).list()) {
        managementService.recalculateJobDuedate(job.getId(), false);
        timers++;
      }
    }
    return timers;
  }

  /**
   * An SLA timer: the timeout task listener {@link SlaPlanner#TIMER_LISTENER_ID} of a user task, whose date is
   * {@link SlaPlanner#TIMER_EXPRESSION} (Camunda keeps a timer's kind and expression as the job definition's
   * configuration, e.g. {@code DATE: ${slaPlanner.nextCheckpoint(execution)}}).
   */
  static boolean isSlaTimer(JobDefinition definition) {
    return TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType()) && definition.getJobConfiguration() != null
        && definition.getJobConfiguration().endsWith(SlaPlanner.TIMER_EXPRESSION);
  }

  /** A timer a process declared as its case deadline: that process's timer event, whatever its expression. */
  boolean isCaseDeadline(JobDefinition definition) {
    return definition.getJobType().startsWith("timer") && caseDeadlines.stream()
        .anyMatch(deadline -> deadline.processKey().equals(definition.getProcessDefinitionKey())
            && deadline.timerActivityId().equals(definition.getActivityId()));
  }
}
