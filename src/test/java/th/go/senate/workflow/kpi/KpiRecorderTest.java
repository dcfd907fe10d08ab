package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.petition.PetitionPaths.ACKNOWLEDGE;
import static th.go.senate.workflow.process.petition.PetitionPaths.CONSIDER;
import static th.go.senate.workflow.process.petition.PetitionPaths.REPLY;
import static th.go.senate.workflow.process.petition.PetitionPaths.TRIAGE;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.sla.SlaPolicyService;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/** The KPI facts: one per user task, one per case, written in the engine's transaction. */
class KpiRecorderTest extends PlatformTest {

  private static final List<String> OFFICE = List.of("officePresident");

  @Autowired KpiRepository facts;
  @Autowired RepositoryService repositoryService;
  @Autowired SlaPolicyService slaPolicies;
  @Autowired th.go.senate.workflow.calendar.DueDatePlanner planner;

  // ---------------------------------------------------------------- step facts

  @Test
  void eachUserTaskYieldsOneStepFactWithItsTimesDueDateAndWorkingMinutes() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0)); // Thursday
    ProcessInstance instance = startPetition();
    Task task = task(instance);

    StepFact open = onlyStep(instance, ACKNOWLEDGE);
    assertThat(open.taskId()).isEqualTo(task.getId());
    assertThat(open.processKey()).isEqualTo("petition");
    assertThat(open.processInstanceId()).isEqualTo(instance.getId());
    assertThat(open.businessKey()).isEqualTo(instance.getBusinessKey()).startsWith("PET-2570-");
    assertThat(open.stepName()).isEqualTo("ลงทะเบียนและตอบรับเรื่อง");
    assertThat(open.candidateGroup()).isEqualTo("officePresident");
    assertThat(open.createdAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 26, 10, 0)));
    assertThat(open.claimedAt()).isNull();
    assertThat(open.assignee()).isNull();
    assertThat(open.completedAt()).isNull();
    assertThat(open.dueAt().toInstant()).isEqualTo(task.getDueDate().toInstant())
        .isEqualTo(bangkok(LocalDateTime.of(2026, 12, 1, 16, 30))); // 3 working days: Fri, Mon, Tue
    assertThat(open.calendar()).isEqualTo("WORKING_DAYS");
    assertThat(open.workingMinutes()).isNull();
    assertThat(open.slaMet()).isNull();
    assertThat(open.endState()).isNull();

    clockAt(LocalDateTime.of(2026, 11, 26, 11, 15));
    identityService.setAuthentication("officePresidentUser", OFFICE);
    taskService.claim(task.getId(), "officePresidentUser");
    identityService.clearAuthentication();
    StepFact claimed = onlyStep(instance, ACKNOWLEDGE);
    assertThat(claimed.claimedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 26, 11, 15)));
    assertThat(claimed.assignee()).isEqualTo("officePresidentUser");
    assertThat(claimed.completedAt()).isNull();

    clockAt(LocalDateTime.of(2026, 11, 27, 10, 0)); // Friday
    identityService.setAuthentication("officePresidentUser", OFFICE);
    taskService.complete(task.getId(), PetitionValues.acknowledge());
    identityService.clearAuthentication();

    StepFact done = facts.findStep(task.getId()).orElseThrow();
    assertThat(done.completedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 27, 10, 0)));
    assertThat(done.claimedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 26, 11, 15)));
    assertThat(done.workingMinutes()).isEqualTo(6 * 60 + 30 + 90); // Thu 10:00–16:30, Fri 08:30–10:00 = 480
    assertThat(done.slaMet()).isTrue();
    assertThat(done.endState()).isEqualTo(KpiRecorder.COMPLETED);
    assertThat(done.escalations()).isZero();
    assertThat(facts.stepsOfInstance(instance.getId())).extracting(StepFact::stepId)
        .containsExactly(ACKNOWLEDGE, TRIAGE);
  }

  /**
   * A step ends in one guarded update when its fact is as the task's creation wrote it; a fact that differs (here
   * its calendar, as after a redeployed policy) is read and closed from its own values, as always.
   */
  @Test
  void aStepWhoseFactNoLongerMatchesItsPolicyIsClosedFromTheFact() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0)); // Thursday
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    jdbc.update("update kpi_step_fact set calendar_kind = 'CALENDAR_DAYS' where task_id = ?", task.getId());

    clockAt(LocalDateTime.of(2026, 11, 27, 10, 0)); // Friday
    identityService.setAuthentication("officePresidentUser", OFFICE);
    taskService.complete(task.getId(), PetitionValues.acknowledge());
    identityService.clearAuthentication();

    StepFact done = facts.findStep(task.getId()).orElseThrow();
    assertThat(done.calendar()).isEqualTo("CALENDAR_DAYS");
    assertThat(done.workingMinutes()).isEqualTo((int) planner.businessMinutes(
        bangkok(LocalDateTime.of(2026, 11, 26, 10, 0)), bangkok(LocalDateTime.of(2026, 11, 27, 10, 0)),
        th.go.senate.workflow.calendar.CalendarKind.CALENDAR_DAYS)).isNotEqualTo(6 * 60 + 30 + 90);
    assertThat(done.slaMet()).isTrue();
    assertThat(done.endState()).isEqualTo(KpiRecorder.COMPLETED);
  }

  @Test
  void workingMinutesSkipNightsWeekendsAndHolidays() {
    clockAt(LocalDateTime.of(2026, 12, 4, 15, 30)); // Friday; Mon 7 Dec is a holiday (in lieu of 5 Dec)
    ProcessInstance instance = startPetition();
    clockAt(LocalDateTime.of(2026, 12, 8, 9, 0)); // Tuesday
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.acknowledge());
    StepFact done = onlyStep(instance, ACKNOWLEDGE);
    assertThat(done.workingMinutes()).isEqualTo(60 + 30); // Fri 15:30–16:30, Tue 08:30–09:00
    // 3 working days after Fri 4 Dec, skipping the weekend and Mon 7 Dec: Tue 8, Wed 9, Fri 11 (10 Dec holiday)
    assertThat(done.dueAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 11, 16, 30)));
    assertThat(done.slaMet()).isTrue();
  }

  @Test
  void aStepCompletedAfterItsDueTimeIsNotMetAndTheCaseMissesItsLimit() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    clockAt(LocalDateTime.of(2026, 12, 1, 16, 30)); // exactly at the due time: still on time
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.acknowledge());
    assertThat(onlyStep(instance, ACKNOWLEDGE).slaMet()).isTrue();

    // triage is due 2 working days after Tue 1 Dec: Thu 3 Dec 16:30; completed a minute late
    assertThat(onlyStep(instance, TRIAGE).dueAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 3, 16, 30)));
    clockAt(LocalDateTime.of(2026, 12, 3, 16, 31));
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.triage("CORRUPTION"));

    StepFact late = onlyStep(instance, TRIAGE);
    assertThat(late.slaMet()).isFalse();
    assertThat(late.endState()).isEqualTo(KpiRecorder.COMPLETED);
    assertThat(late.breachedAt()).isNull(); // no timer fired: lateness is judged at completion

    CaseFact closed = caseOf(instance);
    assertThat(closed.outcome()).isEqualTo(PetitionPaths.END_HANDED_OVER);
    assertThat(closed.endedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 3, 16, 31)));
    assertThat(closed.legalLimitMet()).isFalse();
  }

  @Test
  void aBreachRecordedByTheSlaTimerMakesTheStepLateEvenIfCompletedBeforeTheDueTimeIsReread() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    // warning checkpoint, then the breach checkpoint (at the due time)
    clockAt(LocalDateTime.of(2026, 11, 30, 16, 0));
    managementService.executeJob(slaTimer(instance).getId());
    clockAt(LocalDateTime.of(2026, 12, 1, 16, 30));
    managementService.executeJob(slaTimer(instance).getId());
    StepFact breached = onlyStep(instance, ACKNOWLEDGE);
    assertThat(breached.breachedAt()).isNotNull();
    assertThat(breached.slaMet()).isFalse();
    assertThat(breached.escalations()).isEqualTo(1);

    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.acknowledge());
    assertThat(onlyStep(instance, ACKNOWLEDGE).slaMet()).isFalse();
  }

  // ---------------------------------------------------------------- no step escapes

  @Test
  void noStepEscapesOnAnyPathOfThePetition() {
    Set<String> stepsSeen = new HashSet<>();
    for (Path path : PetitionPaths.all()) {
      clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
      ProcessInstance instance = startPetition();
      List<String> completed = PetitionPaths.walk(taskService, identityService, instance.getId(), path);

      List<HistoricTaskInstance> history = historyService.createHistoricTaskInstanceQuery()
          .processInstanceId(instance.getId()).list();
      List<StepFact> steps = facts.stepsOfInstance(instance.getId());
      assertThat(steps).as(path.name()).hasSize(history.size()).hasSize(path.steps().size());
      assertThat(steps).extracting(StepFact::taskId).as(path.name())
          .containsExactlyInAnyOrderElementsOf(history.stream().map(HistoricTaskInstance::getId).toList())
          .containsExactlyInAnyOrderElementsOf(completed);
      assertThat(steps).extracting(StepFact::stepId).as(path.name()).containsExactlyElementsOf(path.taskKeys());
      for (StepFact step : steps) {
        HistoricTaskInstance task = history.stream().filter(t -> t.getId().equals(step.taskId())).findFirst().orElseThrow();
        assertThat(step.endState()).as(step.stepId()).isEqualTo(KpiRecorder.COMPLETED);
        assertThat(step.completedAt().toInstant()).as(step.stepId()).isEqualTo(task.getEndTime().toInstant());
        assertThat(step.dueAt().toInstant()).as(step.stepId()).isEqualTo(task.getDueDate().toInstant());
        assertThat(step.candidateGroup()).as(step.stepId())
            .isEqualTo(path.steps().stream().filter(s -> s.taskKey().equals(step.stepId())).findFirst().orElseThrow().group());
        assertThat(step.slaMet()).as(step.stepId()).isTrue();
      }
      assertThat(caseOf(instance).outcome()).as(path.name()).isEqualTo(path.endEvent());
      assertThat(caseOf(instance).legalLimitMet()).as(path.name()).isTrue();
      steps.forEach(s -> stepsSeen.add(s.stepId()));
    }
    assertThat(stepsSeen).containsExactlyInAnyOrderElementsOf(userTaskIds(latest("petition")));
  }

  @Test
  void everyUserTaskOfEveryDeployedModelIsInstrumented() {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definitions).extracting(ProcessDefinition::getKey).contains("petition");
    for (ProcessDefinition definition : definitions) {
      ProcessDefinitionEntity deployed = (ProcessDefinitionEntity) repositoryService.getProcessDefinition(definition.getId());
      assertThat(deployed.getBuiltInListeners(ExecutionListener.EVENTNAME_START)).as(definition.getKey()).isNotEmpty();
      assertThat(deployed.getBuiltInListeners(ExecutionListener.EVENTNAME_END)).as(definition.getKey()).isNotEmpty();
      List<String> userTasks = userTaskIds(definition);
      for (String userTask : userTasks) {
        String where = definition.getKey() + "/" + userTask;
        ActivityImpl activity = deployed.findActivity(userTask);
        assertThat(activity).as(where).isNotNull();
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
          assertThat(task.getBuiltinTaskListeners().getOrDefault(event, List.of())).as(where + " on " + event)
              .anyMatch(listener -> listener instanceof KpiRecorder);
        }
        // the KPI fact of a step needs the step's SLA row (its calendar); a missing row would fail task creation
        assertThat(slaPolicies.policyFor(definition.getKey(), userTask)).as(where).isNotNull();
      }
    }
  }

  // ---------------------------------------------------------------- rollback

  @Test
  void aCompletionRejectedByTheFormLeavesTheTaskOpenAndTheFactUncompleted() {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    identityService.setAuthentication("officePresidentUser", OFFICE);
    taskService.claim(task.getId(), "officePresidentUser");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("acknowledgementMethod", "LETTER")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("วันที่แจ้งตอบรับ");
    identityService.clearAuthentication();

    assertThat(task(instance).getId()).isEqualTo(task.getId());
    List<StepFact> steps = facts.stepsOfInstance(instance.getId());
    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).completedAt()).isNull();
    assertThat(steps.get(0).endState()).isNull();
    assertThat(steps.get(0).workingMinutes()).isNull();
    assertThat(steps.get(0).assignee()).isEqualTo("officePresidentUser"); // the claim was its own command
  }

  /**
   * A failure after the KPI listener has written: the step fact was completed and the next task's fact
   * inserted (in the listeners), then the engine's flush fails (a string variable longer than the 4000
   * characters of ACT_RU_VARIABLE.TEXT_; the form does not know that variable, so validation passes). All
   * of it must roll back together.
   */
  @Test
  void aCompletionThatFailsAfterTheKpiListenerLeavesNoFact() {
    ProcessInstance instance = startPetition();
    List<Path> toConsider = List.of(PetitionPaths.senateRemit("x", "burCommittee2", 0));
    PetitionPaths.walk(taskService, identityService, instance.getId(),
        new Path("to consideration", toConsider.get(0).steps().subList(0, 2), PetitionPaths.END_CLOSED));
    Task consider = task(instance);
    assertThat(consider.getTaskDefinitionKey()).isEqualTo(CONSIDER);

    Map<String, Object> values = new HashMap<>(PetitionValues.consider("CONCLUDED"));
    values.put("internalNote", "ก".repeat(4001));
    identityService.setAuthentication("burCommittee2User", List.of("burCommittee2"));
    taskService.claim(consider.getId(), "burCommittee2User");
    assertThatThrownBy(() -> taskService.complete(consider.getId(), values))
        .isInstanceOf(ProcessEngineException.class).hasStackTraceContaining("alue too long") // H2 "Value", PostgreSQL "value"
        .message().doesNotContain("ข้อมูลในแบบฟอร์ม"); // not the form validation: it failed at the flush
    identityService.clearAuthentication();

    assertThat(task(instance).getId()).isEqualTo(consider.getId());
    StepFact fact = facts.findStep(consider.getId()).orElseThrow();
    assertThat(fact.completedAt()).isNull();
    assertThat(fact.endState()).isNull();
    assertThat(facts.stepsOfInstance(instance.getId())).extracting(StepFact::stepId)
        .containsExactly(ACKNOWLEDGE, TRIAGE, CONSIDER).doesNotContain(REPLY);
  }

  // ---------------------------------------------------------------- case facts

  @Test
  void theCaseFactRecordsStartEndAndTheEndEventAsOutcome() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    CaseFact open = caseOf(instance);
    assertThat(open.processKey()).isEqualTo("petition");
    assertThat(open.businessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(open.startedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 26, 10, 0)));
    assertThat(open.endedAt()).isNull();
    assertThat(open.outcome()).isNull();
    assertThat(open.legalLimitMet()).isNull();

    clockAt(LocalDateTime.of(2026, 11, 27, 9, 0));
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.acknowledge());
    clockAt(LocalDateTime.of(2026, 11, 27, 11, 0));
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.triage("EXECUTIVE_MATTER"));
    clockAt(LocalDateTime.of(2026, 11, 30, 14, 0));
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.forward());

    CaseFact closed = caseOf(instance);
    assertThat(closed.endedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 30, 14, 0)));
    assertThat(closed.outcome()).isEqualTo(PetitionPaths.END_FORWARDED);
    assertThat(closed.legalLimitMet()).isTrue();
  }

  @Test
  void aSenateRemitCaseEndsWithTheClosedOutcome() {
    ProcessInstance instance = startPetition();
    PetitionPaths.walk(taskService, identityService, instance.getId(),
        PetitionPaths.senateRemit("closed", "burCommittee1", 1));
    assertThat(caseOf(instance).outcome()).isEqualTo(PetitionPaths.END_CLOSED);
    assertThat(caseOf(instance).endedAt()).isNotNull();
  }

  @Test
  void aCancelledCaseAndItsOpenStepAreCancelled() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    clockAt(LocalDateTime.of(2026, 11, 26, 13, 0));
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.acknowledge());
    Task triage = task(instance);

    clockAt(LocalDateTime.of(2026, 11, 27, 9, 30));
    runtimeService.deleteProcessInstance(instance.getId(), "ผู้ร้องถอนเรื่อง");

    StepFact cancelled = facts.findStep(triage.getId()).orElseThrow();
    assertThat(cancelled.endState()).isEqualTo(KpiRecorder.CANCELLED);
    assertThat(cancelled.completedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 27, 9, 30)));
    assertThat(cancelled.workingMinutes()).isEqualTo(210 + 60); // Thu 13:00–16:30, Fri 08:30–09:30
    assertThat(cancelled.slaMet()).isNull(); // neither met nor missed: it never finished
    assertThat(onlyStep(instance, ACKNOWLEDGE).endState()).isEqualTo(KpiRecorder.COMPLETED);

    CaseFact fact = caseOf(instance);
    assertThat(fact.outcome()).isEqualTo(KpiRecorder.CANCELLED);
    assertThat(fact.endedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 27, 9, 30)));
  }

  // ---------------------------------------------------------------- helpers

  private StepFact onlyStep(ProcessInstance instance, String stepId) {
    List<StepFact> steps = facts.stepsOfInstance(instance.getId()).stream()
        .filter(s -> s.stepId().equals(stepId)).toList();
    assertThat(steps).as("facts of " + stepId).hasSize(1);
    return steps.get(0);
  }

  private CaseFact caseOf(ProcessInstance instance) {
    return facts.findCase(instance.getId()).orElseThrow(() -> new AssertionError("no case fact for " + instance.getId()));
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private List<String> userTaskIds(ProcessDefinition definition) {
    return repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getId).toList();
  }
}
