package th.go.senate.workflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.StepFact;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The SLA of user tasks end to end on the petition model: due dates from the policy table, the one SLA
 * timer walking through warning (75 %), breach (100 %) and escalation (150 %), and the step facts.
 * The job executor is off: timers are fired by hand with the engine clock moved to their due date.
 */
class SlaEscalationTest extends PlatformTest {

  private static final String CLERK = "officePresidentUser";
  private static final List<String> CLERK_GROUPS = List.of("officePresident");
  private static final String HEAD_USER = "officePresidentHeadUser";

  /** Thu 2026-11-26 10:00 Bangkok: 3 working days → Tue 2026-12-01 16:30 (no holiday in between). */
  private static final LocalDateTime START = LocalDateTime.of(2026, 11, 26, 10, 0);
  private static final Instant ACK_DUE = bangkok(LocalDateTime.of(2026, 12, 1, 16, 30));

  @Autowired KpiRepository facts;

  private static Instant share(Instant start, Instant due, int percent) {
    return start.plus(Duration.between(start, due).multipliedBy(percent).dividedBy(100));
  }

  private StepFact fact(Task task) {
    return facts.findStep(task.getId()).orElseThrow(() -> new AssertionError("no step fact for " + task.getId()));
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  /** Fires a timer as the job executor would: the clock at the job's due date, nobody logged in. */
  private void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
  }

  private long visibleTo(String userId, List<String> groups, ProcessInstance instance) {
    identityService.setAuthentication(userId, groups);
    try {
      return taskService.createTaskQuery().processInstanceId(instance.getId()).count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void acknowledgementIsDueInThreeWorkingDaysAndItsTimerAtTheWarning() {
    clockAt(START);
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    Instant start = bangkok(START);

    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_AcknowledgePetition");
    assertThat(task.getCreateTime().toInstant()).isEqualTo(start);
    assertThat(task.getDueDate().toInstant()).isEqualTo(ACK_DUE);
    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(task.getFollowUpDate()).isNull();

    StepFact fact = fact(task);
    assertThat(fact.dueAt().toInstant()).isEqualTo(ACK_DUE);
    assertThat(fact.calendar()).isEqualTo("WORKING_DAYS");
    assertThat(fact.candidateGroup()).isEqualTo("officePresident");
    assertThat(fact.slaMet()).isNull();
    assertThat(fact.escalations()).isZero();

    Job timer = slaTimer(instance);
    assertThat(timer).isNotNull();
    // 75 % of Thu 10:00 → Tue 16:30 (126.5 h) = 94 h 52 min 30 s → Mon 30 Nov 08:52:30.
    assertThat(timer.getDuedate().toInstant()).isEqualTo(share(start, ACK_DUE, 75))
        .isEqualTo(bangkok(LocalDateTime.of(2026, 11, 30, 8, 52, 30)));
  }

  @Test
  void warningBreachAndEscalationFollowEachOther() {
    clockAt(START);
    ProcessInstance instance = startPetition();
    Instant start = bangkok(START);
    String taskId = task(instance).getId();
    List<String> headUserGroups = identityService.createGroupQuery().groupMember(HEAD_USER).list().stream()
        .map(Group::getId).toList();
    assertThat(headUserGroups).contains("officePresidentHead", "officePresident");
    List<String> headGroupOnly = List.of("officePresidentHead");
    assertThat(visibleTo(HEAD_USER, headGroupOnly, instance)).as("head group before breach").isZero();

    // 1. Warning at 75 %: follow-up date, priority 75, next timer at the due date.
    Job warning = slaTimer(instance);
    Instant warningAt = share(start, ACK_DUE, 75);
    assertThat(warning.getDuedate().toInstant()).isEqualTo(warningAt);
    fire(warning);
    Task task = task(instance);
    assertThat(task.getId()).isEqualTo(taskId);
    assertThat(task.getFollowUpDate()).isNotNull();
    assertThat(task.getFollowUpDate().toInstant()).isEqualTo(warningAt);
    assertThat(task.getPriority()).isEqualTo(75);
    assertThat(candidateGroups(task)).containsExactly("officePresident");
    assertThat(fact(task).escalations()).isZero();
    assertThat(fact(task).breachedAt()).isNull();
    Job breach = slaTimer(instance);
    assertThat(breach).isNotNull();
    assertThat(breach.getId()).isNotEqualTo(warning.getId());
    assertThat(breach.getDuedate().toInstant()).isEqualTo(ACK_DUE);
    assertThat(visibleTo(HEAD_USER, headGroupOnly, instance)).as("head group after warning").isZero();

    // 2. Breach at 100 %: fact breached, the bureau head group drawn in, next timer at 150 %.
    fire(breach);
    task = task(instance);
    StepFact fact = fact(task);
    assertThat(fact.slaMet()).isFalse();
    assertThat(fact.breachedAt()).isNotNull();
    assertThat(fact.breachedAt().toInstant()).isEqualTo(ACK_DUE);
    assertThat(fact.escalations()).isEqualTo(1);
    assertThat(fact.endState()).isNull();
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder("officePresident", "officePresidentHead");
    assertThat(task.getPriority()).isEqualTo(SlaEscalation.PRIORITY_BREACHED);
    // The head sees it as head (not only as a member of the bureau) ...
    assertThat(visibleTo(HEAD_USER, headGroupOnly, instance)).as("head group after breach").isEqualTo(1);
    // ... and in a query by the head group, with the user's real groups.
    identityService.setAuthentication(HEAD_USER, headUserGroups);
    try {
      assertThat(taskService.createTaskQuery().taskCandidateGroup("officePresidentHead")
          .processInstanceId(instance.getId()).list()).extracting(Task::getId).containsExactly(taskId);
    } finally {
      identityService.clearAuthentication();
    }
    Job escalation = slaTimer(instance);
    assertThat(escalation).isNotNull();
    assertThat(escalation.getDuedate().toInstant()).isEqualTo(share(start, ACK_DUE, 150))
        .isEqualTo(bangkok(LocalDateTime.of(2026, 12, 4, 7, 45)));

    // 3. Escalation at 150 %: sgOffice drawn in, escalations 2, priority 100, no further timer.
    fire(escalation);
    task = task(instance);
    fact = fact(task);
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder("officePresident", "officePresidentHead", "sgOffice");
    assertThat(fact.escalations()).isEqualTo(2);
    assertThat(fact.slaMet()).isFalse();
    assertThat(fact.breachedAt().toInstant()).as("the first breach stays recorded").isEqualTo(ACK_DUE);
    assertThat(task.getPriority()).isEqualTo(100);
    assertThat(slaTimer(instance)).as("no timer after the escalation").isNull();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();

    // Completed late: the fact says so; the next step starts afresh with its own warning timer.
    clockAt(LocalDateTime.of(2026, 12, 4, 10, 0));
    completeAs(CLERK, CLERK_GROUPS, instance, PetitionValues.acknowledge());
    fact = facts.findStep(taskId).orElseThrow();
    assertThat(fact.endState()).isEqualTo("COMPLETED");
    assertThat(fact.slaMet()).isFalse();
    assertThat(fact.escalations()).isEqualTo(2);

    Task triage = task(instance);
    assertThat(triage.getTaskDefinitionKey()).isEqualTo("Task_TriagePetition");
    assertThat(triage.getPriority()).isEqualTo(50);
    Instant triageStart = bangkok(LocalDateTime.of(2026, 12, 4, 10, 0));
    // Fri 4 Dec + 2 working days: Mon 7 Dec is a holiday (in lieu) → Tue 8, Wed 9.
    Instant triageDue = bangkok(LocalDateTime.of(2026, 12, 9, 16, 30));
    assertThat(triage.getDueDate().toInstant()).isEqualTo(triageDue);
    assertThat(slaTimer(instance).getDuedate().toInstant()).as("the triage timer starts at its own warning")
        .isEqualTo(share(triageStart, triageDue, 75));
  }

  @Test
  void completingBeforeAnyCheckpointRemovesTheTimerAndMeetsTheSla() {
    clockAt(START);
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    Job timer = slaTimer(instance);
    assertThat(timer).isNotNull();

    // Fri 27 Nov 09:00: well before the warning.
    clockAt(LocalDateTime.of(2026, 11, 27, 9, 0));
    completeAs(CLERK, CLERK_GROUPS, instance, PetitionValues.acknowledge());

    assertThat(managementService.createJobQuery().jobId(timer.getId()).count()).as("the old timer").isZero();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_AcknowledgePetition").count()).isZero();
    Job next = slaTimer(instance);
    assertThat(next).as("only the triage step's timer is left").isNotNull();
    assertThat(managementService.createJobDefinitionQuery().jobDefinitionId(next.getJobDefinitionId())
        .singleResult().getActivityId()).isEqualTo("Task_TriagePetition");

    StepFact fact = facts.findStep(task.getId()).orElseThrow();
    assertThat(fact.endState()).isEqualTo("COMPLETED");
    assertThat(fact.slaMet()).isTrue();
    assertThat(fact.breachedAt()).isNull();
    assertThat(fact.escalations()).isZero();
    assertThat(fact.assignee()).isEqualTo(CLERK);
    // Thu 10:00–16:30 (390) + Fri 08:30–09:00 (30).
    assertThat(fact.workingMinutes()).isEqualTo(420);
    assertThat(task(instance).getPriority()).isEqualTo(50);
  }

  @Test
  void completingAfterTheWarningButBeforeTheDueDateStillMeetsTheSla() {
    clockAt(START);
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    fire(slaTimer(instance));
    assertThat(task(instance).getPriority()).isEqualTo(75);

    // Exactly at the due instant is still on time.
    ClockUtil.setCurrentTime(Date.from(ACK_DUE));
    completeAs(CLERK, CLERK_GROUPS, instance, PetitionValues.acknowledge());
    StepFact fact = facts.findStep(task.getId()).orElseThrow();
    assertThat(fact.slaMet()).isTrue();
    assertThat(fact.escalations()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_AcknowledgePetition").count()).isZero();
  }

  @Test
  void completingAfterTheDueDateMissesTheSlaEvenIfTheTimerDidNotFireYet() {
    clockAt(START);
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    ClockUtil.setCurrentTime(Date.from(ACK_DUE.plusSeconds(60)));
    completeAs(CLERK, CLERK_GROUPS, instance, PetitionValues.acknowledge());
    assertThat(facts.findStep(task.getId()).orElseThrow().slaMet()).isFalse();
  }

  @Test
  void considerationCountsFifteenCalendarDays() {
    clockAt(START);
    ProcessInstance instance = startPetition();
    completeAs(CLERK, CLERK_GROUPS, instance, PetitionValues.acknowledge());
    Task triage = task(instance);
    // Thu + 2 working days → Mon 30 Nov.
    assertThat(triage.getDueDate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 11, 30, 16, 30)));
    completeAs(CLERK, CLERK_GROUPS, instance, PetitionValues.triage("SENATE_REMIT"));

    Task consider = task(instance);
    assertThat(consider.getTaskDefinitionKey()).isEqualTo("Task_ConsiderPetition");
    Instant start = bangkok(START);
    // Arrival Thu 26 Nov is day 1; day 15 is Thu 10 Dec (a holiday, which counts); 24:00 = Fri 11 Dec 00:00.
    Instant due = bangkok(LocalDateTime.of(2026, 12, 11, 0, 0));
    assertThat(consider.getDueDate().toInstant()).isEqualTo(due);
    assertThat(candidateGroups(consider)).containsExactly("burCommittee2");
    StepFact fact = fact(consider);
    assertThat(fact.calendar()).isEqualTo("CALENDAR_DAYS");
    assertThat(fact.dueAt().toInstant()).isEqualTo(due);
    // Its warning is at 67 % of the 14 days 14 hours.
    Job timer = slaTimer(instance);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(share(start, due, 67));

    // Breach draws in the committee bureau's head.
    fire(timer);
    Job breach = slaTimer(instance);
    assertThat(breach.getDuedate().toInstant()).isEqualTo(due);
    fire(breach);
    consider = task(instance);
    assertThat(candidateGroups(consider)).containsExactlyInAnyOrder("burCommittee2", "burCommittee2Head");
    assertThat(fact(consider).slaMet()).isFalse();
    assertThat(slaTimer(instance).getDuedate().toInstant()).isEqualTo(share(start, due, 150));
  }
}
