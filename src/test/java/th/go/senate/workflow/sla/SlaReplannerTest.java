package th.go.senate.workflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.process.legislation.BillLimitPlanner;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The rule by which a calendar change picks the timers to count again, on the job definitions of the deployed
 * models: every SLA timer, the case deadlines the processes declare (a bill's deemed approval), and no other
 * timer, even one whose date a bean computes. The re-planning itself is tested where it matters
 * (LegislationProcessTest, HolidayApiTest).
 */
class SlaReplannerTest extends PlatformTest {

  @Autowired SlaReplanner replanner;

  private List<JobDefinition> timers() {
    return managementService.createJobDefinitionQuery().list().stream()
        .filter(definition -> definition.getJobType().startsWith("timer")).toList();
  }

  @Test
  void everyTimeoutListenerOfAUserTaskIsAnSlaTimerAndNoOtherTimerIs() {
    List<JobDefinition> timers = timers();
    List<JobDefinition> sla = timers.stream().filter(SlaReplanner::isSlaTimer).toList();

    assertThat(sla).isNotEmpty().allSatisfy(definition -> {
      assertThat(definition.getJobType()).isEqualTo(TimerTaskListenerJobHandler.TYPE);
      assertThat(definition.getJobConfiguration()).endsWith(SlaPlanner.TIMER_EXPRESSION);
      assertThat(replanner.isCaseDeadline(definition)).isFalse();
    });
    // The models hold every timeout listener to the SLA timer (ModelRulesTest): all of them are picked.
    assertThat(sla).containsExactlyInAnyOrderElementsOf(timers.stream()
        .filter(definition -> TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType())).toList());
  }

  @Test
  void theBillsDeemedApprovalIsTheOneCaseDeadline() {
    List<JobDefinition> deadlines = timers().stream().filter(replanner::isCaseDeadline).toList();

    assertThat(deadlines).isNotEmpty().allSatisfy(definition -> {
      assertThat(definition.getProcessDefinitionKey()).isEqualTo(BillLimitPlanner.PROCESS_KEY);
      assertThat(definition.getActivityId()).isEqualTo(BillLimitPlanner.DEEMED_APPROVAL_TIMER);
      assertThat(definition.getJobConfiguration()).contains("billLimitPlanner.deemedApprovalAt");
    });
  }

  @Test
  void aTimerWhoseDateABeanComputesIsLeftAloneUnlessItsProcessDeclaresIt() {
    // The reform-monitoring reminder asks a bean for its date but does not depend on the calendar.
    List<JobDefinition> reminders = timers().stream()
        .filter(definition -> "reformMonitoring".equals(definition.getProcessDefinitionKey())
            && !TimerTaskListenerJobHandler.TYPE.equals(definition.getJobType()))
        .toList();
    assertThat(reminders).isNotEmpty().noneMatch(replanner::isCaseDeadline).noneMatch(SlaReplanner::isSlaTimer);

    // Neither the word "Planner." in an expression nor the SLA planner on another kind of timer is the rule.
    assertThat(replanner.isCaseDeadline(timer("timer-transition", "legislation", "BoundaryEvent_Other",
        "DATE: ${billLimitPlanner.deemedApprovalAt(execution)}"))).isFalse();
    assertThat(SlaReplanner.isSlaTimer(timer("timer-transition", "legislation", "BoundaryEvent_Other",
        "DATE: " + SlaPlanner.TIMER_EXPRESSION))).isFalse();
    assertThat(SlaReplanner.isSlaTimer(timer(TimerTaskListenerJobHandler.TYPE, "petition", "Task_Other",
        "DATE: ${otherPlanner.at(execution)}"))).isFalse();
    assertThat(replanner.isCaseDeadline(timer("timer-transition", BillLimitPlanner.PROCESS_KEY,
        BillLimitPlanner.DEEMED_APPROVAL_TIMER, "DATE: ${anything}"))).isTrue();
  }

  private static JobDefinition timer(String type, String processKey, String activityId, String configuration) {
    JobDefinitionEntity definition = new JobDefinitionEntity();
    definition.setJobType(type);
    definition.setProcessDefinitionKey(processKey);
    definition.setActivityId(activityId);
    definition.setJobConfiguration(configuration);
    return definition;
  }
}
