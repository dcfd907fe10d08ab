package th.go.senate.workflow.process.interpellation;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.senate.workflow.process.interpellation.InterpellationIds.*;
import static th.go.senate.workflow.process.interpellation.InterpellationPaths.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.process.petition.PetitionPaths.Step;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.Clerk;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.support.TasklistRest;

/**
 * The question register over REST (filters, who may read it, bad filters) and every interpellation step
 * done over Camunda's REST API as Tasklist does it: the step's deployed form, claimed and submitted by the
 * demo user of the step's group.
 */
class QuestionRegisterTest extends PlatformTest {

  private final ObjectMapper json = new ObjectMapper();

  // --- the register ---

  @Test
  void registerListsQuestionsWithStateDatesAndLimitAndFiltersThem() throws Exception {
    String senator = "ส.ว. ทดสอบ " + UUID.randomUUID();
    String transport = "รัฐมนตรีว่าการกระทรวงคมนาคม " + UUID.randomUUID();
    String health = "รัฐมนตรีว่าการกระทรวงสาธารณสุข " + UUID.randomUUID();

    // FY 2571 (filed in November 2027): answered in time, answered late, lapsed, inadmissible, awaiting.
    LocalDateTime filed = LocalDateTime.of(2027, 11, 2, 10, 0);
    ProcessInstance inTime = file(filed, "GAZETTE", senator, transport, "2027-11-02");
    walk(inTime, upTo(toDispatch()));
    clockAt(filed.plusDays(10));
    walk(inTime, upTo(List.of(new Step(AWAIT_ANSWER, MEETING, answer("2027-11-11")),
        new Step(PUBLISH, MEETING, publish()))));

    ProcessInstance late = file(filed, "GAZETTE", senator, transport, "2027-11-02");
    walk(late, upTo(toDispatch()));
    clockAt(filed.plusDays(40));
    walk(late, upTo(List.of(new Step(AWAIT_ANSWER, MEETING, answer("2027-12-05")),
        new Step(PUBLISH, MEETING, publish()))));

    ProcessInstance lapsed = file(filed, "SITTING", senator, health, "2027-11-02");
    walk(lapsed, upTo(sitting(0, "ASKER_ABSENT").steps()));
    ProcessInstance rejected = file(filed, "GAZETTE", senator, health, "2027-11-02");
    walk(rejected, inadmissible());
    ProcessInstance awaiting = file(filed, "GAZETTE", senator, transport, "2027-11-02");
    walk(awaiting, upTo(toDispatch()));
    // FY 2572: just filed.
    ProcessInstance underReview = file(LocalDateTime.of(2028, 10, 3, 9, 0), "SITTING", senator, health, "2028-10-03");

    BpmnAwareTests.assertThat(inTime).isEnded();
    BpmnAwareTests.assertThat(late).isEnded();
    clockAt(LocalDateTime.of(2028, 10, 3, 12, 0));

    JsonNode all = register("burMeetingUser", "senator=" + encode(senator));
    assertThat(ids(all)).containsExactlyInAnyOrder(inTime.getId(), late.getId(), lapsed.getId(), rejected.getId(),
        awaiting.getId(), underReview.getId());

    JsonNode inTimeEntry = entry(all, inTime);
    assertThat(inTimeEntry.path("status").asText()).isEqualTo("ANSWERED");
    assertThat(inTimeEntry.path("statusTh").asText()).isEqualTo("ตอบแล้ว");
    assertThat(inTimeEntry.path("referenceNumber").asText()).matches("QST-2571-\\d{5}");
    assertThat(inTimeEntry.path("fiscalYear").asInt()).isEqualTo(2571);
    assertThat(inTimeEntry.path("answerMode").asText()).isEqualTo("GAZETTE");
    assertThat(inTimeEntry.path("minister").asText()).isEqualTo(transport);
    assertThat(inTimeEntry.path("filedOn").asText()).isEqualTo("2027-11-02");
    assertThat(inTimeEntry.path("dispatchedOn").asText()).isEqualTo("2026-11-26");
    assertThat(inTimeEntry.path("answeredOn").asText()).isEqualTo("2027-11-11");
    assertThat(inTimeEntry.path("answerDueAt").asText()).startsWith("2027-12-02T00:00");
    assertThat(inTimeEntry.path("answeredWithinLimit").asBoolean()).isTrue();
    assertThat(inTimeEntry.path("outcome").asText()).isEqualTo(END_PUBLISHED);

    JsonNode lateEntry = entry(all, late);
    assertThat(lateEntry.path("status").asText()).isEqualTo("ANSWERED");
    assertThat(lateEntry.path("answeredOn").asText()).isEqualTo("2027-12-05");
    assertThat(lateEntry.path("answeredWithinLimit").isBoolean()).isTrue();
    assertThat(lateEntry.path("answeredWithinLimit").asBoolean()).isFalse();

    assertThat(entry(all, lapsed).path("status").asText()).isEqualTo("LAPSED");
    assertThat(entry(all, lapsed).path("answeredWithinLimit").isNull()).isTrue();
    assertThat(entry(all, rejected).path("status").asText()).isEqualTo("INADMISSIBLE");
    JsonNode awaitingEntry = entry(all, awaiting);
    assertThat(awaitingEntry.path("status").asText()).isEqualTo("AWAITING_ANSWER");
    assertThat(awaitingEntry.path("overdue").asBoolean()).as("a year after dispatch").isTrue();
    assertThat(awaitingEntry.path("answeredOn").isNull()).isTrue();
    assertThat(entry(all, underReview).path("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(entry(all, underReview).path("fiscalYear").asInt()).isEqualTo(2572);

    // Filters, alone and together.
    assertThat(ids(register("burLegalUser", "senator=" + encode(senator) + "&status=answered")))
        .containsExactlyInAnyOrder(inTime.getId(), late.getId());
    assertThat(ids(register("officePresidentUser", "senator=" + encode(senator) + "&minister=" + encode(health))))
        .containsExactlyInAnyOrder(lapsed.getId(), rejected.getId(), underReview.getId());
    assertThat(ids(register("kpiManagersUser", "senator=" + encode(senator) + "&fiscalYear=2572")))
        .containsExactly(underReview.getId());
    assertThat(ids(register("sgOfficeUser", "senator=" + encode(senator) + "&fiscalYear=2571&status=AWAITING_ANSWER")))
        .containsExactly(awaiting.getId());
    assertThat(ids(register("demo", "minister=" + encode(transport.substring(transport.length() - 12)))))
        .containsExactlyInAnyOrder(inTime.getId(), late.getId(), awaiting.getId());
    assertThat(ids(register("burMeetingUser", "senator=" + encode(senator) + "&fiscalYear=2560"))).isEmpty();
  }

  @Test
  void onlyTheBureausThatHandleQuestionsAndTheMonitorsReadTheRegister() throws Exception {
    for (String user : List.of("burMeetingUser", "burLegalUser", "officePresidentUser", "sgOfficeUser",
        "kpiManagersUser", "demo", "burMeetingHeadUser")) {
      assertThat(get(user, "/api/questions").status()).as(user).isEqualTo(200);
    }
    for (String user : List.of("burMinutesUser", "burCommittee1User", "grpInternalAuditUser", "burPrUser")) {
      Reply reply = get(user, "/api/questions");
      assertThat(reply.status()).as(user).isEqualTo(403);
      assertThat(json.readTree(reply.body()).path("detail").asText()).contains("ไม่มีสิทธิ์");
    }
    assertThat(get(null, "/api/questions").status()).isEqualTo(401);
  }

  @Test
  void badFiltersGet400WithAThaiMessage() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("fiscalYear=abc", "ปีงบประมาณ");
    cases.put("fiscalYear=2026", "พุทธศักราช");
    cases.put("status=OPEN", "ไม่รู้จักสถานะ");
    cases.put("status=" + encode("ตอบแล้ว"), "ไม่รู้จักสถานะ");
    cases.put("minister=" + "ก".repeat(201), "ยาวเกิน");
    for (var c : cases.entrySet()) {
      Reply reply = get("burMeetingUser", "/api/questions?" + c.getKey());
      assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
      assertThat(json.readTree(reply.body()).path("detail").asText()).as(c.getKey()).contains(c.getValue());
    }
  }

  // --- every step through its form, over REST, by the user of the step's group ---

  static List<Path> restPaths() {
    return List.of(gazette("2026-11-26"), sitting(1, "ANSWERED"), inadmissible(), notApproved(),
        sitting(0, "MINISTER_ABSENT"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restPaths")
  void everyStepIsDoneThroughItsFormByTheUserOfItsGroup(Path path) throws Exception {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    String answerMode = path.name().startsWith("sitting") ? "SITTING" : "GAZETTE";
    assertThat(post("burLegalUser", "/engine-rest/process-definition/key/" + PROCESS + "/submit-form",
        variables(filing(answerMode))).status()).as("burLegal may not file questions").isEqualTo(403);
    Reply started = post("burMeetingUser", "/engine-rest/process-definition/key/" + PROCESS + "/submit-form",
        variables(filing(answerMode)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).path("id").asText();
    JsonNode startForm = json.readTree(get("burMeetingUser",
        "/engine-rest/process-definition/key/" + PROCESS + "/deployed-start-form").body());
    assertThat(startForm.path("id").asText()).isEqualTo("interpellation-file");

    List<String> forms = new ArrayList<>();
    for (Step step : path.steps()) {
      String user = step.group() + "User";
      JsonNode tasks = json.readTree(get(user, "/engine-rest/task?processInstanceId=" + instanceId).body());
      assertThat(tasks).as("%s sees the task %s", user, step.taskKey()).hasSize(1);
      JsonNode task = tasks.get(0);
      assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(step.taskKey());
      String taskId = task.path("id").asText();
      JsonNode form = json.readTree(get(user, "/engine-rest/task/" + taskId + "/deployed-form").body());
      forms.add(form.path("id").asText());
      tasklist.claim(user, taskId);
      Reply submitted = tasklist.submit(user, taskId, step.values());
      assertThat(submitted.status()).as("%s submits %s: %s", user, step.taskKey(), submitted.body()).isBetween(200, 204);
    }
    assertThat(forms).allMatch(id -> id.startsWith("interpellation-"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo(path.endEvent());
  }

  @Test
  void aNonMondaySlotSubmittedOverRestIsRefusedWithTheThaiMessage() throws Exception {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    // At the slot of the sitting path (no postponement yet), the steps before it done: see the path tests.
    Map<String, Object> values = new LinkedHashMap<>(filing("SITTING"));
    values.putAll(dispatch());
    values.putAll(Map.of("priority", false, "postponements", 0));
    ProcessInstance instance = startAt(PROCESS, SCHEDULE, values);
    String taskId = task(instance).getId();
    tasklist.claim(Clerk.userOf(MEETING), taskId);
    Reply refused = tasklist.submit(Clerk.userOf(MEETING), taskId, schedule("2026-12-09"));
    assertThat(refused.status()).isBetween(400, 599);
    assertThat(refused.body()).contains("ต้องเป็นวันจันทร์").contains("วันพุธ");
    assertThat(task(instance).getId()).isEqualTo(taskId);
    assertThat(runtimeService.getVariable(instance.getId(), "slotDate")).isNull();
  }

  // --- helpers ---

  private ProcessInstance file(LocalDateTime at, String mode, String senator, String minister, String filedOn) {
    clockAt(at);
    return runtimeService.startProcessInstanceByKey(PROCESS, filing(mode, senator, minister, filedOn));
  }

  private void walk(ProcessInstance instance, Path path) {
    PetitionPaths.walk(clerk, instance.getId(), path);
  }

  private JsonNode register(String user, String query) throws Exception {
    Reply reply = get(user, "/api/questions?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return json.readTree(reply.body());
  }

  private static List<String> ids(JsonNode entries) {
    List<String> ids = new ArrayList<>();
    entries.forEach(e -> ids.add(e.path("processInstanceId").asText()));
    return ids;
  }

  private static JsonNode entry(JsonNode entries, ProcessInstance instance) {
    for (JsonNode e : entries) {
      if (instance.getId().equals(e.path("processInstanceId").asText())) {
        return e;
      }
    }
    throw new AssertionError("no register entry for " + instance.getId());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    return TasklistRest.formVariables(values);
  }

  private Reply get(String user, String path) throws Exception {
    return send("GET", path, user, null);
  }

  private Reply post(String user, String path, Object body) throws Exception {
    return send("POST", path, user, body);
  }

  private Reply send(String method, String path, String user, Object body) {
    return ApiClient.send(port, method, path, user, body);
  }
}
