package th.go.senate.workflow.sla;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.CalendarChangedEvent;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.StepFact;

/**
 * When holidays or sessions change, every open deadline is counted again: the due dates of open tasks
 * (and their KPI facts) and every timer whose expression asks the SLA planner. It runs in the transaction
 * of the change, so either the calendar and all deadlines change together or nothing does.
 */
@Component
public class SlaReplanner {

  private static final Logger LOG = LoggerFactory.getLogger(SlaReplanner.class);

  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final SlaPlanner slaPlanner;
  private final KpiRepository facts;

  public SlaReplanner(TaskService taskService, ManagementService managementService,
      IdentityService identityService, SlaPlanner slaPlanner, KpiRepository facts) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.slaPlanner = slaPlanner;
    this.facts = facts;
  }

  @EventListener(CalendarChangedEvent.class)
  public void replan(CalendarChangedEvent event) {
    // The administrator who changed the calendar may not see every bureau's tasks; re-planning must.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
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
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /**
   * Recalculates the timers whose date a planner bean computes: the SLA timers ({@code slaPlanner}) or
   * every other timer whose expression asks a planner bean ({@code ...Planner.}), i.e. case-level deadlines.
   */
  private int recalculateTimers(boolean slaTimers) {
    int timers = 0;
    for (JobDefinition definition : managementService.createJobDefinitionQuery().list()) {
      String configuration = definition.getJobConfiguration();
      if (configuration == null || !definition.getJobType().startsWith("timer")
          || !configuration.contains("Planner.") || configuration.contains("slaPlanner.") != slaTimers) {
        continue;
      }
      for (Job job : managementService.createJobQuery().jobDefinitionId(definition.getId()).list()) {
        managementService.recalculateJobDuedate(job.getId(), false);
        timers++;
      }
    }
    return timers;
  }
}
