package th.go.senate.workflow.process.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.senate.workflow.process.complaint.ComplaintIds.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The probe: an integrity case is registered through the intake API, worked by internal audit, and then
 * every route a user of another bureau or a KPI manager has (Tasklist/engine-rest tasks, instances,
 * variables, history, incidents, jobs, the KPI API) and the application log are searched for the
 * complainant's name and national ID number. Only the complainant API answers with them, to internal audit.
 */
@ExtendWith(OutputCaptureExtension.class)
class IntegrityProbeTest extends PlatformTest {

  /** A valid Thai national ID number (check digit 0). */
  static final String NATIONAL_ID = "1101700203450";

  private final ObjectMapper json = new ObjectMapper();

  /** How often {@code text} occurs in the engine's and the project's tables that could hold case data. */
  static int occurrencesInEngineTables(JdbcTemplate jdbc, String text) {
    String like = "%" + text + "%";
    String[][] columns = {
        {"ACT_RU_VARIABLE", "TEXT_"}, {"ACT_RU_VARIABLE", "TEXT2_"}, {"ACT_HI_VARINST", "TEXT_"},
        {"ACT_HI_VARINST", "TEXT2_"}, {"ACT_HI_DETAIL", "TEXT_"}, {"ACT_HI_DETAIL", "TEXT2_"},
        {"ACT_HI_OP_LOG", "ORG_VALUE_"}, {"ACT_HI_OP_LOG", "NEW_VALUE_"}, {"ACT_RU_JOB", "EXCEPTION_MSG_"},
        {"ACT_RU_INCIDENT", "INCIDENT_MSG_"}, {"ACT_HI_INCIDENT", "INCIDENT_MSG_"},
        {"ACT_HI_JOB_LOG", "JOB_EXCEPTION_MSG_"}, {"ACT_HI_DEC_IN", "TEXT_"}, {"ACT_HI_PROCINST", "BUSINESS_KEY_"},
        {"ACT_RU_TASK", "NAME_"}, {"ACT_RU_TASK", "DESCRIPTION_"}, {"kpi_step_fact", "assignee"},
        {"kpi_case_fact", "business_key"}, {"integrity_complainant", "ciphertext"}};
    int found = 0;
    for (String[] column : columns) {
      int here = jdbc.queryForObject("select count(*) from " + column[0] + " where " + column[1] + " like ?",
          Integer.class, like);
      if (here > 0) {
        System.err.println("PROBE: found in " + column[0] + "." + column[1] + " (" + here + " rows)");
      }
      found += here;
    }
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    for (byte[] bytes : jdbc.queryForList("select BYTES_ from ACT_GE_BYTEARRAY where BYTES_ is not null", byte[].class)) {
      if (indexOf(bytes, needle) >= 0) {
        System.err.println("PROBE: found in ACT_GE_BYTEARRAY");
        found++;
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private Map<String, Object> intake(String name, boolean anonymous) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "LETTER");
    body.put("anonymous", anonymous);
    if (!anonymous) {
      body.put("complainantName", name);
      body.put("complainantContact", "secret-contact-" + name);
      body.put("nationalId", NATIONAL_ID);
    }
    body.put("subject", "เจ้าหน้าที่เรียกรับเงิน");
    body.put("allegation", "มีการเรียกรับเงินในการจัดซื้อจัดจ้าง");
    body.put("receivedDate", "2026-11-26");
    return body;
  }

  @Test
  void theComplainantIsFoundNowhereButThroughTheComplainantApiForInternalAudit(CapturedOutput log) throws Exception {
    String name = "นางสาวปกปิด" + UUID.randomUUID().toString().substring(0, 8);
    Reply opened = send("POST", "/api/integrity-cases", "burCentralAdminUser", intake(name, false));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String businessKey = json.readTree(opened.body()).path("businessKey").asText();
    String instanceId = json.readTree(opened.body()).path("processInstanceId").asText();
    assertThat(businessKey).matches("INT-25\\d\\d-\\d{5}");

    // Internal audit sees and works the case: preliminary review with protection, then referral to the NACC.
    JsonNode auditTasks = getJson("grpInternalAuditUser", "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(auditTasks).hasSize(1);
    assertThat(auditTasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(PRELIMINARY_REVIEW);
    assertThat(getJson("grpInternalAuditUser", "/engine-rest/process-instance?businessKey=" + businessKey)).hasSize(1);
    completeTask("grpInternalAuditUser", businessKey, Map.of("reviewSummary", "มีมูล", "protectionNeeded", "YES",
        "reviewOutcome", "REFER_AGENCY"));
    completeTask("grpInternalAuditUser", businessKey, Map.of("protectionMeasure", "CONFIDENTIALITY",
        "protectionDetails", "ปกปิดชื่อ", "protectionFrom", "2026-11-27"));
    JsonNode refer = getJson("grpInternalAuditUser", "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(refer.get(0).path("taskDefinitionKey").asText()).isEqualTo(REFER_TO_AGENCY);
    // sgOffice sees the open case too.
    assertThat(getJson("sgOfficeUser", "/engine-rest/process-instance?businessKey=" + businessKey)).hasSize(1);

    // Nobody else sees the case at all.
    for (String user : List.of("burLegalUser", "kpiManagersUser", "burCentralAdminUser", "burCentralAdminHeadUser")) {
      assertThat(getJson(user, "/engine-rest/process-instance?businessKey=" + businessKey)).as(user).isEmpty();
      assertThat(getJson(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey)).as(user).isEmpty();
      assertThat(getJson(user, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + businessKey))
          .as(user).isEmpty();
      assertThat(getJson(user, "/engine-rest/history/task?processInstanceBusinessKey=" + businessKey)).as(user).isEmpty();
      assertThat(getJson(user, "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId)).as(user).isEmpty();
      assertThat(send("GET", "/api/kpi/steps?processInstanceId=" + instanceId, user, null).status()).as(user)
          .isEqualTo(404);
    }

    // Every route, as every kind of user (audit and the administrator included): the identity is not there.
    List<String> routes = List.of("/engine-rest/task", "/engine-rest/task?processInstanceBusinessKey=" + businessKey,
        "/engine-rest/process-instance", "/engine-rest/variable-instance",
        "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId,
        "/engine-rest/process-instance/" + instanceId + "/variables", "/engine-rest/history/variable-instance",
        "/engine-rest/history/variable-instance?processInstanceId=" + instanceId, "/engine-rest/history/detail",
        "/engine-rest/history/detail?processInstanceId=" + instanceId, "/engine-rest/history/user-operation",
        "/engine-rest/history/task", "/engine-rest/history/process-instance", "/engine-rest/history/activity-instance",
        "/engine-rest/incident", "/engine-rest/history/incident", "/engine-rest/job", "/engine-rest/history/job-log",
        "/engine-rest/execution", "/api/kpi/summary?processKey=integrityCase",
        "/api/kpi/steps?processInstanceId=" + instanceId);
    List<String> leaks = new ArrayList<>();
    for (String user : List.of("burLegalUser", "kpiManagersUser", "burCentralAdminUser", "grpInternalAuditUser",
        "sgOfficeUser", "demo")) {
      for (String route : routes) {
        Reply reply = send("GET", route, user, null);
        if (reply.body().contains(name) || reply.body().contains(NATIONAL_ID)) {
          leaks.add(user + " " + route);
        }
      }
    }
    assertThat(leaks).as("routes that show the complainant").isEmpty();
    assertThat(occurrencesInEngineTables(jdbc, name)).as("tables holding the name").isZero();
    assertThat(occurrencesInEngineTables(jdbc, NATIONAL_ID)).as("tables holding the national ID").isZero();

    // The complainant API: internal audit and sgOffice read it; everyone else (the administrator too) is refused.
    Reply read = send("GET", "/api/integrity-cases/" + businessKey + "/complainant", "grpInternalAuditUser", null);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(json.readTree(read.body()).path("name").asText()).isEqualTo(name);
    assertThat(json.readTree(read.body()).path("nationalId").asText()).isEqualTo(NATIONAL_ID);
    assertThat(send("GET", "/api/integrity-cases/" + businessKey + "/complainant", "sgOfficeUser", null).status())
        .isEqualTo(200);
    for (String user : List.of("burLegalUser", "kpiManagersUser", "burCentralAdminUser", "demo")) {
      Reply refused = send("GET", "/api/integrity-cases/" + businessKey + "/complainant", user, null);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.body()).doesNotContain(name).doesNotContain(NATIONAL_ID);
    }
    assertThat(send("GET", "/api/integrity-cases/" + businessKey + "/complainant", null, null).status()).isEqualTo(401);
    // Every read is audited, refused ones included.
    assertThat(jdbc.queryForObject("select count(*) from integrity_identity_access where business_key = ? and granted",
        Integer.class, businessKey)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from integrity_identity_access where business_key = ? and not granted",
        Integer.class, businessKey)).isEqualTo(4);

    // Not in the application log either (the log of this test, from intake to reads).
    assertThat(log.getAll()).contains(businessKey).doesNotContain(name).doesNotContain(NATIONAL_ID);
  }

  @Test
  void anAnonymousCaseStoresNoIdentity() throws Exception {
    Reply opened = send("POST", "/api/integrity-cases", "grpInternalAuditUser", intake(null, true));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String businessKey = json.readTree(opened.body()).path("businessKey").asText();
    JsonNode read = json.readTree(send("GET", "/api/integrity-cases/" + businessKey + "/complainant",
        "grpInternalAuditUser", null).body());
    assertThat(read.path("anonymous").asBoolean()).isTrue();
    assertThat(read.path("name").isNull()).isTrue();
    assertThat(jdbc.queryForObject("select ciphertext from integrity_complainant where business_key = ?", String.class,
        businessKey)).isNull();
  }

  @Test
  void badIntakeIsRefusedAndStoresNothing() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("integrityCase").count();
    Integer storedBefore = jdbc.queryForObject("select count(*) from integrity_complainant", Integer.class);
    Map<String, Object> badId = intake("นายทดสอบ", false);
    badId.put("nationalId", "1101700203451");
    Map<String, Object> anonymousWithName = intake("นายทดสอบ", true);
    anonymousWithName.put("complainantName", "นายทดสอบ");
    Map<String, Object> noSubject = intake("นายทดสอบ", false);
    noSubject.remove("subject");
    for (Map<String, Object> bad : List.of(badId, anonymousWithName, noSubject)) {
      Reply reply = send("POST", "/api/integrity-cases", "burCentralAdminUser", bad);
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.body()).contains("ยังไม่ได้บันทึก").doesNotContain("นายทดสอบ");
    }
    assertThat(send("POST", "/api/integrity-cases", "burLegalUser", intake("นายทดสอบ", false)).status()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("integrityCase").count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from integrity_complainant", Integer.class)).isEqualTo(storedBefore);
  }

  @Test
  void theStoredIdentityIsEncrypted() throws Exception {
    String name = "นายเข้ารหัส" + UUID.randomUUID().toString().substring(0, 8);
    String businessKey = json.readTree(send("POST", "/api/integrity-cases", "grpInternalAuditUser",
        intake(name, false)).body()).path("businessKey").asText();
    String stored = jdbc.queryForObject("select ciphertext from integrity_complainant where business_key = ?",
        String.class, businessKey);
    assertThat(stored).isNotBlank().doesNotContain(name);
    assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8)).doesNotContain(name)
        .doesNotContain(NATIONAL_ID);
  }

  // --- HTTP ---

  private void completeTask(String user, String businessKey, Map<String, Object> values) {
    tasklist.completeOnlyTask(user, "processInstanceBusinessKey=" + businessKey, values);
  }

  private JsonNode getJson(String user, String path) throws Exception {
    Reply reply = send("GET", path, user, null);
    assertThat(reply.status()).as(user + " GET " + path + ": " + reply.body()).isEqualTo(200);
    return json.readTree(reply.body());
  }

  private Reply send(String method, String path, String user, Object body) {
    return ApiClient.send(port, method, path, user, body);
  }

  @SuppressWarnings("unused")
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
