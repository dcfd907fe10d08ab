package th.go.senate.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Handing a task back and reassigning it (issue 13 §6, {@link TaskHandOver}), through engine-rest as Tasklist
 * calls it: unclaim ({@code POST /task/{id}/unclaim}) and assign ({@code POST /task/{id}/assignee}). The petition's
 * triage follows the acknowledging clerk of the Office of the Senate President; each test asserts who holds it
 * after every call, refused ones included.
 */
class TaskHandOverTest extends PlatformTest {

  static final String BUREAU = "officePresident";
  static final String CLERK = "officePresidentUser";
  static final String HEAD = "officePresidentHeadUser";
  /** A demo user of another bureau who joins the Office for these tests: a colleague of the clerk. */
  static final String COLLEAGUE = "burPrintingUser";
  static final String OTHER_BUREAU = "burCommittee2User";
  static final String OTHER_HEAD = "burCommittee2HeadUser";
  static final String TRIAGE = "Task_TriagePetition";

  @BeforeEach
  void aColleagueJoinsTheOffice() {
    identityService.createMembership(COLLEAGUE, BUREAU);
  }

  @AfterEach
  void theColleagueLeaves() {
    identityService.deleteMembership(COLLEAGUE, BUREAU);
  }

  @Test
  void theClerkHandsTheirTaskBackAndItIsTheBureausAgain() {
    ProcessInstance instance = triageHeldByTheClerk();
    String triage = clerk.open(instance, TRIAGE).getId();

    assertThat(unclaim(CLERK, triage).status()).as("the clerk hands the triage back").isEqualTo(204);
    assertThat(assignee(instance)).isNull();
    JsonNode waiting = tasklist.tasks(COLLEAGUE, "candidateGroup=" + BUREAU + "&unassigned=true&processInstanceId="
        + instance.getId());
    assertThat(waiting).as("in the bureau's unassigned list").hasSize(1);
    assertThat(waiting.get(0).path("id").asText()).isEqualTo(triage);
    // Now free, a colleague takes it.
    tasklist.claim(COLLEAGUE, triage);
    assertThat(assignee(instance)).isEqualTo(COLLEAGUE);
  }

  @Test
  void aColleagueNeitherTakesOverNorHandsBackATaskSomeoneElseHolds() {
    ProcessInstance instance = triageHeldByTheClerk();
    String triage = clerk.open(instance, TRIAGE).getId();

    Reply handBack = unclaim(COLLEAGUE, triage);
    assertThat(handBack.status()).as("a colleague's unclaim: %s", handBack.body()).isEqualTo(400);
    assertThat(handBack.body()).contains("ขอให้ผู้ถืองานคืนงานก่อน", CLERK);
    Reply takeOver = assign(COLLEAGUE, triage, COLLEAGUE);
    assertThat(takeOver.status()).as("a colleague's take-over: %s", takeOver.body()).isEqualTo(400);
    // Camunda's claim with no user is also an unclaim: the same rule.
    Map<String, Object> nobody = new java.util.HashMap<>();
    nobody.put("userId", null);
    assertThat(ApiClient.send(port, "POST", "/engine-rest/task/" + triage + "/claim", COLLEAGUE, nobody).status())
        .isEqualTo(400);
    assertThat(assignee(instance)).isEqualTo(CLERK);
    // The holder does not give it away either: they hand it back, the head reassigns.
    assertThat(assign(CLERK, triage, COLLEAGUE).status()).isEqualTo(400);
    assertThat(assignee(instance)).isEqualTo(CLERK);
  }

  @Test
  void theHeadReassignsWithinTheBureauButNotOutsideIt() {
    ProcessInstance instance = triageHeldByTheClerk();
    String triage = clerk.open(instance, TRIAGE).getId();

    assertThat(assign(HEAD, triage, COLLEAGUE).status()).as("the head reassigns to a colleague").isEqualTo(204);
    assertThat(assignee(instance)).isEqualTo(COLLEAGUE);
    assertThat(tasklist.tasks(COLLEAGUE, "assignee=" + COLLEAGUE + "&processInstanceId=" + instance.getId()))
        .as("in the colleague's own list").hasSize(1);

    Reply outside = assign(HEAD, triage, OTHER_BUREAU);
    assertThat(outside.status()).as("assigned outside the bureau: %s", outside.body()).isEqualTo(400);
    assertThat(outside.body()).contains("มอบหมายงาน", OTHER_BUREAU, "สำนักงานประธานวุฒิสภา");
    assertThat(assignee(instance)).as("unchanged").isEqualTo(COLLEAGUE);
    assertThat(taskService.createTaskQuery().taskId(triage).taskAssignee(OTHER_BUREAU).count()).isZero();

    assertThat(unclaim(HEAD, triage).status()).as("the head unclaims").isEqualTo(204);
    assertThat(assignee(instance)).isNull();
    // A free task given to someone else: the head's, not a clerk's.
    assertThat(assign(CLERK, triage, COLLEAGUE).status()).isEqualTo(400);
    assertThat(assign(HEAD, triage, CLERK).status()).isEqualTo(204);
    assertThat(assignee(instance)).isEqualTo(CLERK);
  }

  @Test
  void nobodyOfAnotherBureauAssignsOrUnclaimsATaskTheyCannotRead() {
    ProcessInstance instance = triageHeldByTheClerk();
    String triage = clerk.open(instance, TRIAGE).getId();

    for (String stranger : java.util.List.of(OTHER_BUREAU, OTHER_HEAD)) {
      assertThat(unclaim(stranger, triage).status()).as("%s unclaims", stranger).isIn(403, 404);
      assertThat(assign(stranger, triage, stranger).status()).as("%s takes it", stranger).isIn(403, 404);
      assertThat(assign(stranger, triage, COLLEAGUE).status()).as("%s reassigns it", stranger).isIn(403, 404);
      assertThat(assignee(instance)).isEqualTo(CLERK);
    }
  }

  @Test
  void theRightToAssignChangesNothingElseOfTheTask() {
    ProcessInstance instance = triageHeldByTheClerk();
    Task before = clerk.open(instance, TRIAGE);
    String triage = before.getId();

    for (String user : java.util.List.of(CLERK, HEAD)) {
      Reply addGroup = ApiClient.send(port, "POST", "/engine-rest/task/" + triage + "/identity-links", user,
          Map.of("groupId", "burCommittee2", "type", "candidate"));
      assertThat(addGroup.status()).as("%s adds another bureau: %s", user, addGroup.body()).isEqualTo(403);
      Reply removeGroup = ApiClient.send(port, "POST", "/engine-rest/task/" + triage + "/identity-links/delete", user,
          Map.of("groupId", BUREAU, "type", "candidate"));
      assertThat(removeGroup.status()).as("%s removes the bureau: %s", user, removeGroup.body()).isEqualTo(403);
      Reply owner = ApiClient.send(port, "POST", "/engine-rest/task/" + triage + "/identity-links", user,
          Map.of("userId", OTHER_BUREAU, "type", "owner"));
      assertThat(owner.status()).as("%s sets an owner: %s", user, owner.body()).isEqualTo(403);
      Reply due = ApiClient.send(port, "PUT", "/engine-rest/task/" + triage, user,
          Map.of("name", before.getName(), "assignee", CLERK, "due", "2030-01-01T00:00:00.000+0700"));
      assertThat(due.status()).as("%s moves the due date: %s", user, due.body()).isEqualTo(403);
    }
    Task after = clerk.open(instance, TRIAGE);
    assertThat(clerk.candidateGroups(after)).containsExactly(BUREAU);
    assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
    assertThat(after.getOwner()).isNull();
    assertThat(after.getAssignee()).isEqualTo(CLERK);
  }

  @Test
  void anIntegrityCaseTaskGoesOnlyToTheInternalAuditGroup() {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("subject", "เรื่องทดสอบการมอบหมายงาน");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("integrityCase", values);
    String review = task(instance).getId();
    assertThat(clerk.candidateGroups(review)).containsExactly("grpInternalAudit");

    Reply byHead = assign("grpInternalAuditHeadUser", review, CLERK);
    assertThat(byHead.status()).as("the audit head assigns outside the group: %s", byHead.body()).isEqualTo(400);
    assertThat(byHead.body()).contains(CLERK, "กลุ่มงานตรวจสอบภายใน");
    Reply byAdministrator = assign("demo", review, CLERK);
    assertThat(byAdministrator.status()).as("an administrator neither: %s", byAdministrator.body()).isEqualTo(400);
    assertThat(task(instance).getAssignee()).isNull();
    assertThat(assign("grpInternalAuditHeadUser", review, "grpInternalAuditUser").status()).isEqualTo(204);
    assertThat(task(instance).getAssignee()).isEqualTo("grpInternalAuditUser");
  }

  /** A petition whose triage the platform gave the acknowledging clerk (followsClerk). */
  private ProcessInstance triageHeldByTheClerk() {
    ProcessInstance instance = startPetition();
    tasklist.completeOnlyTask(CLERK, "processInstanceId=" + instance.getId(), PetitionValues.acknowledge());
    assertThat(assignee(instance)).as("the triage follows the clerk").isEqualTo(CLERK);
    return instance;
  }

  private String assignee(ProcessInstance instance) {
    return clerk.open(instance, TRIAGE).getAssignee();
  }

  private Reply unclaim(String user, String taskId) {
    return ApiClient.send(port, "POST", "/engine-rest/task/" + taskId + "/unclaim", user, null);
  }

  private Reply assign(String user, String taskId, String assignee) {
    return ApiClient.send(port, "POST", "/engine-rest/task/" + taskId + "/assignee", user, Map.of("userId", assignee));
  }
}
