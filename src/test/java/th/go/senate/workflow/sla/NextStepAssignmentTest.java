package th.go.senate.workflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 13 §6: the next step follows the clerk. The petition's acknowledge → triage (both the Office of the
 * Senate President) is worked through engine-rest as Tasklist sends it; the other cases through the engine API
 * as an authenticated user. Each asserts who holds the new task, that the bureau still has it as a candidate
 * task, the step fact (claimed at its creation) and the notices.
 */
class NextStepAssignmentTest extends PlatformTest {

  static final String BUREAU = "officePresident";
  static final String CLERK = "officePresidentUser";
  static final String ACKNOWLEDGE = "Task_AcknowledgePetition";
  static final String TRIAGE = "Task_TriagePetition";
  static final String CONSIDER = "Task_ConsiderPetition";

  @Autowired RepositoryService repositoryService;

  private String colleague;

  @BeforeEach
  void aColleagueInTheBureau() {
    colleague = "nextStepColleague" + System.nanoTime() % 1_000_000;
    User user = identityService.newUser(colleague);
    user.setFirstName("สมศรี");
    user.setLastName("ทดสอบ");
    user.setPassword("demo-colleague-7");
    identityService.saveUser(user);
    identityService.createMembership(colleague, BUREAU);
  }

  @AfterEach
  void colleagueLeaves() {
    identityService.clearAuthentication();
    identityService.deleteUser(colleague);
  }

  @Test
  void theTriageFollowsTheClerkWhoAcknowledgedAndStaysACandidateTaskOfTheBureau() {
    ProcessInstance instance = startPetition();
    tasklist.completeOnlyTask(CLERK, "processInstanceId=" + instance.getId(), PetitionValues.acknowledge());

    Task triage = clerk.open(instance, TRIAGE);
    assertThat(triage.getAssignee()).as("the triage is the acknowledging clerk's").isEqualTo(CLERK);
    // In the clerk's own list (Tasklist's "งานของฉัน": assignee = me), as Tasklist asks for it.
    JsonNode mine = tasklist.tasks(CLERK, "assignee=" + CLERK + "&processInstanceId=" + instance.getId());
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).path("taskDefinitionKey").asText()).isEqualTo(TRIAGE);
    // Still the bureau's: a candidate task of the group, seen by a colleague, but not as work waiting for a taker.
    assertThat(clerk.candidateGroups(triage)).contains(BUREAU);
    assertThat(clerk.as(colleague, List.of(BUREAU), () -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskCandidateGroup(BUREAU).includeAssignedTasks().count())).isEqualTo(1);
    assertThat(clerk.as(colleague, List.of(BUREAU), () -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskCandidateGroup(BUREAU).taskUnassigned().count())).isZero();
    // A colleague cannot take it from under the clerk; once the clerk hands it back, the colleague can.
    assertThatThrownBy(() -> clerk.as(colleague, List.of(BUREAU), () -> taskService.claim(triage.getId(), colleague)))
        .isInstanceOf(TaskAlreadyClaimedException.class);
    // Handing it back: Camunda's claim by nobody (Tasklist's unclaim button is identity/TaskHandOverTest's).
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("userId", null);
    assertThat(ApiClient.send(port, "POST", "/engine-rest/task/" + triage.getId() + "/claim", CLERK, nobody).status())
        .as("the clerk hands the triage back to the bureau").isEqualTo(204);
    assertThat(clerk.open(instance, TRIAGE).getAssignee()).isNull();
    clerk.as(colleague, List.of(BUREAU), () -> taskService.claim(triage.getId(), colleague));
    assertThat(clerk.open(instance, TRIAGE).getAssignee()).isEqualTo(colleague);

    // The step fact: taken at its creation, by the clerk; the KPI's time to claim is zero, not the time the
    // clerk would have needed to find it.
    Map<String, Object> fact = jdbc.queryForMap(
        "select assignee, created_at, claimed_at from kpi_step_fact where task_id = ?", triage.getId());
    assertThat(fact.get("claimed_at")).isNotNull().isEqualTo(fact.get("created_at"));
    assertThat(fact.get("assignee")).isEqualTo(colleague);
    // No "task assigned" mail to the clerk for their own next step (the colleague took it themselves: none either).
    assertThat(jdbc.queryForObject("select count(*) from notice_outbox where task_id = ?", Integer.class,
        triage.getId())).isZero();
  }

  @Test
  void aStepWhoseSettingIsOffIsOfferedToTheBureauOnly() throws IOException {
    String table = Files.readString(Path.of("bpmn/sla-policy.dmn"));
    String off = followsClerk(table, "Rule_TriagePetition", false);
    String deployment = repositoryService.createDeployment().name("slaPolicy: triage not handed on (test)")
        .addString("sla-policy.dmn", off).deploy().getId();
    try {
      ProcessInstance instance = startPetition();
      clerk.complete(instance, ACKNOWLEDGE, BUREAU, PetitionValues.acknowledge());

      Task triage = clerk.open(instance, TRIAGE);
      assertThat(triage.getAssignee()).isNull();
      assertThat(clerk.as(colleague, List.of(BUREAU), () -> taskService.createTaskQuery()
          .processInstanceId(instance.getId()).taskCandidateGroup(BUREAU).taskUnassigned().count())).isEqualTo(1);
      assertThat(jdbc.queryForObject("select claimed_at from kpi_step_fact where task_id = ?", Object.class,
          triage.getId())).isNull();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
    // The table as deployed again: the same step follows the clerk.
    ProcessInstance instance = startPetition();
    clerk.complete(instance, ACKNOWLEDGE, BUREAU, PetitionValues.acknowledge());
    assertThat(clerk.open(instance, TRIAGE).getAssignee()).isEqualTo(CLERK);
  }

  @Test
  void aNextStepOfAnotherBureauIsOfferedToThatBureauEvenToAClerkWhoIsAlsoInIt() {
    ProcessInstance instance = startPetition();
    clerk.complete(instance, ACKNOWLEDGE, BUREAU, PetitionValues.acknowledge());
    // The triage chooses the committee bureau; the clerk's login holds both groups, and the consideration's
    // row says followsClerk = true (its progress-notice loop stays in the committee bureau): the bureau of
    // the step completed decides.
    clerk.completeAs(CLERK, List.of(BUREAU, "burCommittee2"), clerk.open(instance, TRIAGE),
        PetitionValues.triage("SENATE_REMIT"));

    Task consider = clerk.open(instance, CONSIDER);
    assertThat(clerk.candidateGroups(consider)).containsExactly("burCommittee2");
    assertThat(consider.getAssignee()).isNull();
  }

  @Test
  void theConsiderationLoopStaysWithTheCommitteeClerk() {
    ProcessInstance instance = startPetition();
    clerk.complete(instance, ACKNOWLEDGE, BUREAU, PetitionValues.acknowledge());
    clerk.complete(instance, TRIAGE, BUREAU, PetitionValues.triage("SENATE_REMIT"));
    clerk.completeAsCandidate(instance, CONSIDER, "burCommittee2", PetitionValues.consider("IN_PROGRESS"));

    assertThat(clerk.open(instance, "Task_SendProgressNotice").getAssignee()).isEqualTo("burCommittee2User");
  }

  @Test
  void aPreviousClerkWhoIsNotInTheNextStepsGroupLeavesItToTheBureau() {
    ProcessInstance instance = startPetition();
    // An administrator completes the acknowledgement (camunda-admin is not a member of the bureau).
    clerk.completeAs("demo", List.of("camunda-admin"), task(instance), PetitionValues.acknowledge());

    Task triage = clerk.open(instance, TRIAGE);
    assertThat(triage.getAssignee()).isNull();
    assertThat(clerk.as(colleague, List.of(BUREAU), () -> taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskCandidateGroup(BUREAU).taskUnassigned().count())).isEqualTo(1);
  }

  @Test
  void aStepCompletedWithNobodyLoggedInIsOfferedToTheBureau() {
    ProcessInstance instance = startPetition();
    Map<String, Object> values = new HashMap<>(PetitionValues.acknowledge());
    taskService.complete(task(instance).getId(), values);

    assertThat(clerk.open(instance, TRIAGE).getAssignee()).isNull();
  }

  /** The table with the followsClerk cell of one rule set to {@code value}. */
  static String followsClerk(String table, String ruleId, boolean value) {
    Matcher rule = Pattern.compile("<rule id=\"" + ruleId + "\">.*?</rule>", Pattern.DOTALL).matcher(table);
    assertThat(rule.find()).as("rule %s in sla-policy.dmn", ruleId).isTrue();
    String changed = rule.group().replaceAll("(_followsClerk\"><text>)(true|false)(</text>)", "$1" + value + "$3");
    assertThat(changed).as("the followsClerk cell of %s", ruleId).contains("_followsClerk\"><text>" + value + "<");
    return table.substring(0, rule.start()) + changed + table.substring(rule.end());
  }
}
