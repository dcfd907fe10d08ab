package th.go.senate.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.TasklistRest;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The REST API as the outside world sees it: HTTP Basic against the engine's identity, no anonymous access,
 * and a clerk sees and works only the tasks of the clerk's bureau; KPI reports for the monitoring groups.
 */
class RestSecurityTest extends PlatformTest {

  private static final String PASSWORD = "demo";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  record Reply(int status, String body) {
  }

  @Test
  void anonymousAndWrongPasswordAreRejected() throws Exception {
    // Failed logins lock the account for a while (Camunda's login throttling): a user of this test only,
    // so that no demo user the other tests log in with is locked.
    String user = "restWrongPassword" + UUID.randomUUID().toString().substring(0, 8);
    User throwaway = identityService.newUser(user);
    throwaway.setPassword(PASSWORD);
    identityService.saveUser(throwaway);
    identityService.createMembership(user, "officePresident");
    assertThat(send("GET", "/engine-rest/task", user, PASSWORD, null).status()).isEqualTo(200);
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance",
        "/engine-rest/history/process-instance", "/api/kpi/steps?processInstanceId=x", "/api/calendar/holidays",
        "/api/kpi/summary?processKey=petition")) {
      assertThat(send("GET", path, null, null, null).status()).as("anonymous GET %s", path).isEqualTo(401);
      assertThat(send("GET", path, user, "wrong", null).status()).as("wrong password GET %s", path).isEqualTo(401);
      assertThat(send("GET", path, "nobodyUser", PASSWORD, null).status())
          .as("unknown user GET %s", path).isEqualTo(401);
    }
    assertThat(send("POST", "/engine-rest/process-definition/key/petition/start",
        null, null, TasklistRest.formVariables(petitionIntake())).status()).isEqualTo(401);
    // The right password gets through (so the 401s above are about the credentials).
    assertThat(send("GET", "/engine-rest/task", "officePresidentUser", PASSWORD, null).status()).isEqualTo(200);
    assertThat(send("GET", "/api/calendar/holidays", "burLegalUser", PASSWORD, null).status()).isEqualTo(200);
  }

  @Test
  void onlyTheStarterBureauStartsAPetition() throws Exception {
    String marker = "REST-start-" + UUID.randomUUID();
    Reply denied = post("burLegalUser", "/engine-rest/process-definition/key/petition/start",
        TasklistRest.formVariables(intakeWith("subject", marker)));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(instancesWithSubject(marker)).isZero();

    Reply started = post("officePresidentUser", "/engine-rest/process-definition/key/petition/start",
        TasklistRest.formVariables(intakeWith("subject", marker)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(json.readTree(started.body()).path("businessKey").asText()).matches("PET-25\\d\\d-\\d{5}");
    assertThat(instancesWithSubject(marker)).isEqualTo(1);
  }

  @Test
  void aClerkSeesAndWorksOnlyTheTasksOfTheClerksBureau() throws Exception {
    String instanceId = startAsOfficePresident();
    String tasksOfInstance = "/engine-rest/task?processInstanceId=" + instanceId;

    JsonNode seen = getJson("officePresidentUser", tasksOfInstance);
    assertThat(seen).hasSize(1);
    String taskId = seen.get(0).path("id").asText();
    assertThat(seen.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_AcknowledgePetition");
    assertThat(getJson("burLegalUser", tasksOfInstance)).isEmpty();
    assertThat(getJson("burCommittee2User", tasksOfInstance)).isEmpty();

    // Another bureau can neither claim, nor read, nor complete it.
    Reply foreignClaim = post("burLegalUser", "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", "burLegalUser"));
    assertThat(foreignClaim.status()).as(foreignClaim.body()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    assertThat(send("GET", "/engine-rest/task/" + taskId, "burLegalUser", PASSWORD, null).status()).isIn(403, 404);
    assertThat(post("burLegalUser", "/engine-rest/task/" + taskId + "/complete",
        TasklistRest.formVariables(PetitionValues.acknowledge())).status()).isBetween(400, 499);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // The clerk of the bureau claims and completes it.
    Reply claim = post("officePresidentUser", "/engine-rest/task/" + taskId + "/claim",
        Map.of("userId", "officePresidentUser"));
    assertThat(claim.status()).as(claim.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("officePresidentUser");
    Reply complete = post("officePresidentUser", "/engine-rest/task/" + taskId + "/complete",
        TasklistRest.formVariables(PetitionValues.acknowledge()));
    assertThat(complete.status()).as(complete.body()).isEqualTo(204);

    // Triage, as Tasklist submits it (submit-form), sends the petition to the Bureau of Committees 2.
    JsonNode triage = getJson("officePresidentUser", tasksOfInstance);
    assertThat(triage).hasSize(1);
    assertThat(triage.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_TriagePetition");
    String triageId = triage.get(0).path("id").asText();
    assertThat(post("officePresidentUser", "/engine-rest/task/" + triageId + "/claim",
        Map.of("userId", "officePresidentUser")).status()).isEqualTo(204);
    Reply submitted = post("officePresidentUser", "/engine-rest/task/" + triageId + "/submit-form",
        TasklistRest.formVariables(PetitionValues.triage("SENATE_REMIT")));
    assertThat(submitted.status()).as(submitted.body()).isIn(200, 204);

    JsonNode consider = getJson("burCommittee2User", tasksOfInstance);
    assertThat(consider).hasSize(1);
    assertThat(consider.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_ConsiderPetition");
    assertThat(getJson("burCommittee1User", tasksOfInstance)).isEmpty();
    assertThat(getJson("officePresidentUser", tasksOfInstance)).isEmpty();
    String considerId = consider.get(0).path("id").asText();
    // What Tasklist loads when the clerk opens the task: the form, its variables and the diagram.
    Reply form = send("GET", "/engine-rest/task/" + considerId + "/deployed-form", "burCommittee2User", PASSWORD, null);
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("\"petition-consider\"");
    assertThat(getJson("burCommittee2User", "/engine-rest/task/" + considerId + "/form-variables")
        .path("committeeBureau").path("value").asText()).isEqualTo("burCommittee2");
    String definitionId = consider.get(0).path("processDefinitionId").asText();
    Reply diagram = send("GET", "/engine-rest/process-definition/" + definitionId + "/xml", "burCommittee2User",
        PASSWORD, null);
    assertThat(diagram.status()).as("diagram for the clerk: %s", diagram.body()).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/task/" + considerId + "/deployed-form", "burCommittee1User", PASSWORD, null)
        .status()).isIn(403, 404);
    assertThat(post("burCommittee1User", "/engine-rest/task/" + considerId + "/claim",
        Map.of("userId", "burCommittee1User")).status()).isEqualTo(403);
    assertThat(post("burCommittee2User", "/engine-rest/task/" + considerId + "/claim",
        Map.of("userId", "burCommittee2User")).status()).isEqualTo(204);
  }

  @Test
  void kpiStepsAreReadableByMonitorsAndNotByOtherBureaus() throws Exception {
    String instanceId = startAsOfficePresident();
    Task first = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    taskService.claim(first.getId(), "officePresidentUser");
    taskService.complete(first.getId(), PetitionValues.acknowledge());

    JsonNode history = getJson("kpiManagersUser", "/engine-rest/history/process-instance?processInstanceId=" + instanceId);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).path("id").asText()).isEqualTo(instanceId);

    JsonNode steps = getJson("kpiManagersUser", "/api/kpi/steps?processInstanceId=" + instanceId);
    assertThat(steps.isArray()).isTrue();
    assertThat(steps).hasSize(2);
    for (JsonNode step : steps) {
      for (String field : List.of("processKey", "stepId", "candidateGroup", "createdAt", "completedAt", "dueAt",
          "slaMet", "escalations")) {
        assertThat(step.has(field)).as("field %s in %s", field, step).isTrue();
      }
      assertThat(step.path("processKey").asText()).isEqualTo("petition");
      assertThat(step.path("candidateGroup").asText()).isEqualTo("officePresident");
    }
    JsonNode acknowledged = steps.get(0);
    assertThat(acknowledged.path("stepId").asText()).isEqualTo("Task_AcknowledgePetition");
    assertThat(acknowledged.path("completedAt").isNull()).isFalse();
    assertThat(acknowledged.path("dueAt").isNull()).isFalse();
    assertThat(acknowledged.path("slaMet").asBoolean()).isTrue();
    assertThat(acknowledged.path("escalations").asInt()).isZero();
    assertThat(steps.get(1).path("stepId").asText()).isEqualTo("Task_TriagePetition");
    assertThat(steps.get(1).path("completedAt").isNull()).isTrue();

    // A clerk of another bureau learns nothing about the case.
    Reply foreign = send("GET", "/api/kpi/steps?processInstanceId=" + instanceId, "burLegalUser", PASSWORD, null);
    assertThat(foreign.status()).isIn(403, 404);
    assertThat(foreign.body()).doesNotContain("Task_AcknowledgePetition");
    assertThat(getJson("burLegalUser", "/engine-rest/history/process-instance?processInstanceId=" + instanceId)).isEmpty();
  }

  @Test
  void kpiSummaryIsForMonitorsOnly() throws Exception {
    String instanceId = startAsOfficePresident();
    Task first = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    taskService.claim(first.getId(), "officePresidentUser");
    taskService.complete(first.getId(), PetitionValues.acknowledge());

    Reply summary = send("GET", "/api/kpi/summary?processKey=petition", "kpiManagersUser", PASSWORD, null);
    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    JsonNode rows = json.readTree(summary.body());
    assertThat(rows.isArray()).isTrue();
    JsonNode acknowledge = null;
    for (JsonNode row : rows) {
      assertThat(row.path("processKey").asText()).isEqualTo("petition");
      for (String field : List.of("stepId", "count", "onTimePercent", "medianWorkingMinutes")) {
        assertThat(row.has(field)).as("field %s in %s", field, row).isTrue();
      }
      if ("Task_AcknowledgePetition".equals(row.path("stepId").asText())) {
        acknowledge = row;
      }
    }
    assertThat(acknowledge).as("summary row of Task_AcknowledgePetition in %s", rows).isNotNull();
    assertThat(acknowledge.path("count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(acknowledge.path("onTimePercent").isNumber()).isTrue();
    assertThat(acknowledge.path("medianWorkingMinutes").isNumber()).isTrue();

    assertThat(send("GET", "/api/kpi/summary?processKey=petition", "officePresidentUser", PASSWORD, null).status())
        .isEqualTo(403);
    assertThat(send("GET", "/api/kpi/summary?processKey=petition", "sgOfficeUser", PASSWORD, null).status())
        .isEqualTo(200);
    assertThat(send("GET", "/api/kpi/summary?processKey=petition", "demo", PASSWORD, null).status()).isEqualTo(200);
  }

  @Test
  void startWithAMissingRequiredFieldIsRefusedInThaiAndSavesNothing() throws Exception {
    for (String endpoint : List.of("start", "submit-form")) {
      String marker = "REST-invalid-" + endpoint + "-" + UUID.randomUUID();
      Map<String, Object> values = intakeWith("subject", marker);
      values.remove("petitionerName");
      Reply refused = post("officePresidentUser", "/engine-rest/process-definition/key/petition/" + endpoint,
          TasklistRest.formVariables(values));
      assertThat(refused.status()).as("%s: %s", endpoint, refused.body()).isBetween(400, 599);
      String message = json.readTree(refused.body()).path("message").asText();
      assertThat(message).as(endpoint).contains("\"ชื่อ-นามสกุลผู้ร้อง\"").doesNotContain("\"เรื่อง\"");
      assertThat(instancesWithSubject(marker)).as(endpoint).isZero();
    }
  }

  // --- helpers ---

  private String startAsOfficePresident() throws Exception {
    Reply started = post("officePresidentUser", "/engine-rest/process-definition/key/petition/start",
        TasklistRest.formVariables(petitionIntake()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return json.readTree(started.body()).path("id").asText();
  }

  private long instancesWithSubject(String subject) {
    return historyService.createHistoricVariableInstanceQuery().variableValueEquals("subject", subject).count();
  }

  private static Map<String, Object> intakeWith(String key, Object value) {
    Map<String, Object> values = new HashMap<>(petitionIntake());
    values.put(key, value);
    return values;
  }

  /** Engine-rest JSON: {"variables":{"k":{"value":"v"}}}. */

  private JsonNode getJson(String user, String path) throws Exception {
    Reply reply = send("GET", path, user, PASSWORD, null);
    assertThat(reply.status()).as("GET %s as %s: %s", path, user, reply.body()).isEqualTo(200);
    return json.readTree(reply.body());
  }

  private Reply post(String user, String path, Object body) throws Exception {
    return send("POST", path, user, PASSWORD, body);
  }

  private Reply send(String method, String path, String user, String password, Object body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(response.statusCode(), response.body());
  }

}
