package th.go.senate.workflow.process.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import javax.sql.DataSource;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.process.petition.PetitionIds;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.support.TasklistRest;

/**
 * Issue 12 §1: once a matter becomes an integrity case, the complainant's identity lives only in the
 * encrypted store and nothing outside it links the source case to the integrity case. Walks the three
 * hand-over paths (petition → integrity case, complaint → integrity case, petition → complaint → integrity
 * case) through engine-rest {@code submit-form}, as the clerks do in Tasklist, at history level FULL (so the
 * engine writes form-field details), then searches, as every group's demo user and as {@code demo}
 * (camunda-admin): every engine-rest runtime and history resource of the cases, the KPI API, reports and
 * exports, the public statistics, every text and byte column of every table of the database (the store's
 * ciphertext excepted) and the application log. Runs on H2 and on PostgreSQL (the suite's two passes).
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityProtectionTest extends PlatformTest {

  @Autowired DataSource dataSource;

  /** A hand-over path walked by the test, with its markers and what it started. */
  record Walk(String path, String name, String contact, List<String> sourceKeys, List<String> sourceIds,
      String integrityKey, String integrityId) {
  }

  @Test
  void noHandOverLeavesTheComplainantOrALinkToTheIntegrityCaseAnywhere(CapturedOutput log) throws Exception {
    assertThat(processEngine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");
    String since = restDate(new Date(System.currentTimeMillis() - 1000));
    List<Walk> walks = List.of(petitionToIntegrity(), complaintToIntegrity(), petitionToComplaintToIntegrity());

    List<String> ids = new ArrayList<>();
    List<String> running = new ArrayList<>();
    for (Walk walk : walks) {
      ids.addAll(walk.sourceIds());
      ids.add(walk.integrityId());
      running.add(walk.integrityId());
    }
    List<String> taskIds = new ArrayList<>();
    running.forEach(id -> taskService.createTaskQuery().processInstanceId(id).list().forEach(t -> taskIds.add(t.getId())));
    assertThat(taskIds).hasSize(3);
    List<String> resources = resources(ids, running, taskIds, since);

    Set<String> leaks = new ConcurrentSkipListSet<>();
    Set<String> links = new ConcurrentSkipListSet<>();
    List<String> refusedLists = new CopyOnWriteArrayList<>();
    // Users in parallel (a few at a time): some 3,000 requests in all.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> searches = new ArrayList<>();
      for (String user : users()) {
        searches.add(pool.submit(() -> {
          for (String resource : resources) {
            Reply reply = send("GET", resource, user);
            // A list the user may run must answer (a refused login would otherwise pass for "nothing found").
            if (!resource.contains("/task/") && !resource.contains("/variables") && !resource.startsWith("/api/kpi/steps")
                && reply.status() != 200 && reply.status() != 403) {
              refusedLists.add(user + " GET " + resource + " → " + reply.status() + " " + reply.body());
            }
            for (Walk walk : walks) {
              for (String marker : List.of(walk.name(), walk.contact(), token(walk.name()), token(walk.contact()))) {
                if (reply.body().contains(marker)) {
                  leaks.add(walk.path() + ": " + user + " GET " + label(resource));
                }
              }
              for (String record : records(reply)) {
                if (linksSourceToIntegrity(record, walk)) {
                  links.add(walk.path() + ": " + user + " GET " + label(resource) + " → " + record);
                }
              }
            }
          }
        }));
      }
      for (Future<?> search : searches) {
        search.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(refusedLists).as("searches that did not answer").isEmpty();
    // Every finding at once (soft), so that a failure shows the whole picture.
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(leaks).as("resources that show a complainant").isEmpty();
    soft.assertThat(links).as("resources that link a source case to its integrity case").isEmpty();
    // The public page answers anonymous callers.
    for (String page : List.of("/public/statistics", "/public/statistics.json")) {
      Reply reply = send("GET", page, null);
      for (Walk walk : walks) {
        soft.assertThat(reply.body()).as(page).doesNotContain(token(walk.name())).doesNotContain(token(walk.contact()));
      }
    }

    List<String> markers = new ArrayList<>();
    walks.forEach(walk -> markers.addAll(List.of(token(walk.name()), token(walk.contact()))));
    soft.assertThat(columnsHolding(markers)).as("columns holding a complainant's name or contact").isEmpty();

    for (String line : log.getAll().split("\\R")) {
      for (Walk walk : walks) {
        soft.assertThat(line).as("log").doesNotContain(token(walk.name())).doesNotContain(token(walk.contact()));
        soft.assertThat(linksSourceToIntegrity(line, walk)).as("log line linking the cases: " + line).isFalse();
      }
    }
    soft.assertThat(log.getAll()).as("the hand-overs are logged by integrity case").contains(walks.get(0).integrityKey());
    soft.assertAll();

    // The identity reaches the integrity group through the audited endpoint, with the link to its source.
    for (Walk walk : walks) {
      for (String handler : List.of("grpInternalAuditUser", "sgOfficeUser")) {
        Reply read = send("GET", "/api/integrity-cases/" + walk.integrityKey() + "/complainant", handler);
        assertThat(read.status()).as(walk.path() + " " + handler + ": " + read.body()).isEqualTo(200);
        assertThat(read.json().path("name").asText()).isEqualTo(walk.name());
        // How to reach the person: the contact given and, from a petition, the e-mail address it had.
        String contact = read.json().path("contact").asText();
        assertThat(contact).isEqualTo(walk.path().startsWith("petition")
            ? walk.contact() + " · อีเมล " + token(walk.contact()) + "@example.org" : walk.contact());
        assertThat(read.json().path("sourceBusinessKey").asText()).as(walk.path())
            .isEqualTo(walk.sourceKeys().get(walk.sourceKeys().size() - 1));
      }
      for (String outsider : List.of("kpiManagersUser", "officePresidentUser", "burCentralAdminUser", "demo")) {
        Reply refused = send("GET", "/api/integrity-cases/" + walk.integrityKey() + "/complainant", outsider);
        assertThat(refused.status()).as(outsider).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(walk.name()).doesNotContain(walk.sourceKeys().get(0));
      }
    }
  }

  /**
   * Prevention, not only purging: the engine writes no form-field entry for an identity field in the
   * first place (other fields keep theirs), while the variable exists as long as the petition runs.
   */
  @Test
  void aRunningPetitionKeepsItsPetitionerAsAVariableButNeverAsAFormFieldEntry() {
    String name = marker("RunningName");
    JsonNode petition = startPetition(name, marker("RunningContact"));
    String id = petition.path("id").asText();
    assertThat(runtimeService.getVariable(id, "petitionerName")).isEqualTo(name);
    List<String> fields = historyService.createHistoricDetailQuery().processInstanceId(id).formFields().list().stream()
        .map(d -> ((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId()).toList();
    assertThat(fields).contains("subject", "details", "channel").doesNotContain("petitionerName", "petitionerContact");
  }

  // --- the three paths, through engine-rest as the clerks work them ---

  private Walk petitionToIntegrity() throws Exception {
    String name = marker("PetitionerName");
    String contact = marker("PetitionerContact");
    JsonNode petition = startPetition(name, contact);
    work("officePresidentUser", petition, PetitionValues.acknowledge());
    work("officePresidentUser", petition, PetitionValues.triage("CORRUPTION"));
    ProcessInstance integrity = integrityCaseAbout(subject(petition));
    return new Walk("petition → integrity case", name, contact, List.of(petition.path("businessKey").asText()),
        List.of(petition.path("id").asText()), integrity.getBusinessKey(), integrity.getId());
  }

  private Walk complaintToIntegrity() throws Exception {
    String name = marker("ComplainantName");
    String contact = marker("ComplainantContact");
    Map<String, Object> intake = ComplaintProcessTest.intake("SERVICE_COMPLAINT", name);
    intake.put("complainantContact", contact);
    intake.put("subject", "เรื่องร้องเรียน " + UUID.randomUUID());
    Reply started = submit("burCentralAdminUser", "/engine-rest/process-definition/key/" + ComplaintIds.PROCESS + "/submit-form", intake);
    JsonNode complaint = started.json();
    work("burCentralAdminUser", complaint, ComplaintProcessTest.classify("CORRUPTION", null, null));
    ProcessInstance integrity = integrityCaseAbout((String) intake.get("subject"));
    return new Walk("complaint → integrity case", name, contact, List.of(complaint.path("businessKey").asText()),
        List.of(complaint.path("id").asText()), integrity.getBusinessKey(), integrity.getId());
  }

  private Walk petitionToComplaintToIntegrity() throws Exception {
    String name = marker("ChainName");
    String contact = marker("ChainContact");
    JsonNode petition = startPetition(name, contact);
    work("officePresidentUser", petition, PetitionValues.acknowledge());
    work("officePresidentUser", petition, PetitionValues.triage("SERVICE_COMPLAINT"));
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintIds.PROCESS)
        .variableValueEquals("subject", subject(petition)).singleResult();
    assertThat(complaint).as("the complaint the petition became").isNotNull();
    JsonNode complaintNode = ApiClient.send(port, "GET", "/engine-rest/process-instance/" + complaint.getId(),
        "demo", null).json();
    work("burCentralAdminUser", complaintNode, ComplaintProcessTest.classify("CORRUPTION", null, null));
    ProcessInstance integrity = integrityCaseAbout(subject(petition));
    return new Walk("petition → complaint → integrity case", name, contact,
        List.of(petition.path("businessKey").asText(), complaint.getBusinessKey()),
        List.of(petition.path("id").asText(), complaint.getId()), integrity.getBusinessKey(), integrity.getId());
  }

  private JsonNode startPetition(String name, String contact) {
    Map<String, Object> intake = new HashMap<>(petitionIntake());
    intake.put("petitionerName", name);
    intake.put("petitionerContact", contact);
    // The address carries the contact's token, so every search for the contact finds it too: the
    // acknowledgement mails it (outbox) and records it on the case (petitionerNotices).
    intake.put("petitionerEmail", token(contact) + "@example.org");
    intake.put("subject", "ขอให้ตรวจสอบ " + UUID.randomUUID());
    return submit("officePresidentUser", "/engine-rest/process-definition/key/" + PetitionIds.PROCESS + "/submit-form", intake).json();
  }

  private static String subject(JsonNode petition) {
    return petition.path("subject").asText();
  }

  /** The integrity case a hand-over started, found by the subject it carries over (unique per walk). */
  private ProcessInstance integrityCaseAbout(String subject) {
    ProcessInstance integrity = runtimeService.createProcessInstanceQuery().processDefinitionKey(ComplaintIds.INTEGRITY_PROCESS)
        .variableValueEquals("subject", subject).singleResult();
    assertThat(integrity).as("the integrity case about " + subject).isNotNull();
    return integrity;
  }

  /** Claims and submits the single open task of the instance, as a clerk does in Tasklist. */
  private void work(String user, JsonNode instance, Map<String, Object> values) {
    tasklist.completeOnlyTask(user, "processInstanceId=" + instance.path("id").asText(), values);
  }

  private Reply submit(String user, String path, Map<String, Object> values) {
    Reply reply = ApiClient.send(port, "POST", path, user, TasklistRest.formVariables(values));
    assertThat(reply.status()).as(path + ": " + reply.body()).isIn(200, 204);
    if (reply.status() == 200 && path.endsWith("/submit-form") && path.contains("process-definition")) {
      // The start answer carries the instance; keep the subject beside it to find what it becomes.
      com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) reply.json();
      node.put("subject", String.valueOf(values.get("subject")));
      return new Reply(reply.status(), node.toString());
    }
    return reply;
  }

  // --- what is searched ---

  private static List<String> resources(List<String> ids, List<String> running, List<String> taskIds, String since) {
    String all = String.join(",", ids);
    List<String> r = new ArrayList<>();
    r.add("/engine-rest/process-instance?processInstanceIds=" + all);
    r.add("/engine-rest/variable-instance?processInstanceIdIn=" + all);
    r.add("/engine-rest/task?processInstanceIdIn=" + all);
    r.add("/engine-rest/incident");
    r.add("/engine-rest/external-task");
    for (String id : running) {
      r.add("/engine-rest/execution?processInstanceId=" + id);
      r.add("/engine-rest/process-instance/" + id + "/variables");
      r.add("/engine-rest/job?processInstanceId=" + id);
    }
    for (String task : taskIds) {
      for (String part : List.of("", "/variables", "/form-variables", "/comment", "/attachment", "/identity-links")) {
        r.add("/engine-rest/task/" + task + part);
      }
    }
    r.add("/engine-rest/history/process-instance?processInstanceIds=" + all);
    r.add("/engine-rest/history/variable-instance?includeDeleted=true&processInstanceIdIn=" + all);
    r.add("/engine-rest/history/detail?processInstanceIdIn=" + all);
    r.add("/engine-rest/history/user-operation?afterTimestamp=" + since);
    r.add("/engine-rest/history/identity-link-log?dateAfter=" + since);
    r.add("/engine-rest/history/incident");
    r.add("/engine-rest/history/external-task-log");
    for (String id : ids) {
      r.add("/engine-rest/history/activity-instance?processInstanceId=" + id);
      r.add("/engine-rest/history/task?processInstanceId=" + id);
      r.add("/engine-rest/history/job-log?processInstanceId=" + id);
      r.add("/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true&processInstanceId=" + id);
      r.add("/api/kpi/steps?processInstanceId=" + id);
    }
    for (String process : List.of(PetitionIds.PROCESS, ComplaintIds.PROCESS, ComplaintIds.INTEGRITY_PROCESS)) {
      r.add("/api/kpi/summary?processKey=" + process);
    }
    r.add("/api/kpi/report");
    r.add("/api/kpi/report.csv");
    r.add("/public/statistics.json");
    return r;
  }

  /** Every group's demo user and the administrator {@code demo}. */
  private List<String> users() {
    List<String> users = new ArrayList<>();
    for (Group group : identityService.createGroupQuery().orderByGroupId().asc().list()) {
      String user = group.getId() + "User";
      if (identityService.createUserQuery().userId(user).count() == 1) {
        users.add(user);
      }
    }
    assertThat(users).contains("grpInternalAuditUser", "sgOfficeUser", "kpiManagersUser", "officePresidentUser",
        "burCentralAdminUser", "burLegalUser");
    users.add("demo");
    return users;
  }

  /** The records of an answer: each element of a list, or the whole answer. */
  private static List<String> records(Reply reply) {
    List<String> records = new ArrayList<>();
    JsonNode node;
    try {
      node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body());
    } catch (Exception notJson) {
      records.add(reply.body());
      return records;
    }
    if (node != null && node.isArray()) {
      node.forEach(element -> records.add(element.toString()));
    } else {
      records.add(reply.body());
    }
    return records;
  }

  /** Whether one record names a source case (key or id) and the integrity case (key or id) together. */
  private static boolean linksSourceToIntegrity(String record, Walk walk) {
    boolean source = walk.sourceKeys().stream().anyMatch(record::contains) || walk.sourceIds().stream().anyMatch(record::contains);
    boolean integrity = record.contains(walk.integrityKey()) || record.contains(walk.integrityId());
    return source && integrity;
  }

  /**
   * Every text-like and byte column of every table (the engine's and the project's) that holds
   * one of the {@code markers}, in one pass; only the encrypted store's ciphertext is left out.
   */
  private List<String> columnsHolding(List<String> markers) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).as("tables found in schema " + schema).hasSizeGreaterThan(40);
      for (String table : tables) {
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, table, "%")) {
          while (rs.next()) {
            String column = rs.getString("COLUMN_NAME");
            int type = rs.getInt("DATA_TYPE");
            String typeName = rs.getString("TYPE_NAME").toLowerCase();
            String kind = switch (type) {
              case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                  Types.CLOB, Types.NCLOB -> "text";
              case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytes";
              default -> typeName.contains("json") || typeName.contains("text") ? "json" : null;
            };
            boolean ciphertext = "integrity_complainant".equalsIgnoreCase(table) && "ciphertext".equalsIgnoreCase(column);
            if (kind != null && !ciphertext) {
              columns.add(new String[] {table, column, kind});
            }
          }
        }
      }
    }
    assertThat(columns.stream().map(c -> c[0].toUpperCase() + "." + c[1].toUpperCase()))
        .contains("ACT_HI_DETAIL.TEXT_", "ACT_HI_VARINST.TEXT_", "ACT_GE_BYTEARRAY.BYTES_", "ACT_HI_OP_LOG.NEW_VALUE_");
    List<String> holding = new ArrayList<>();
    for (String[] c : columns) {
      String table = "\"" + c[0] + "\"";
      String column = "\"" + c[1] + "\"";
      if ("bytes".equals(c[2])) {
        for (byte[] bytes : jdbc.queryForList("select " + column + " from " + table + " where " + column + " is not null",
            byte[].class)) {
          for (String marker : markers) {
            if (contains(bytes, marker.getBytes(StandardCharsets.UTF_8))) {
              holding.add(c[0] + "." + c[1] + " holds " + marker);
            }
          }
        }
      } else {
        String value = "json".equals(c[2]) ? "cast(" + column + " as varchar)" : column;
        for (String marker : markers) {
          Integer rows = jdbc.queryForObject("select count(*) from " + table + " where " + value + " like ?",
              Integer.class, "%" + marker + "%");
          if (rows != null && rows > 0) {
            holding.add(c[0] + "." + c[1] + " holds " + marker + " (" + rows + " rows)");
          }
        }
      }
    }
    return holding;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  // --- helpers ---

  /** A unique marker: Thai text around an ASCII token, which the byte and log searches look for. */
  private static String marker(String what) {
    return "นางสาวลับ " + what + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + " ใจดี";
  }

  private static String token(String marker) {
    return marker.split(" ")[1];
  }

  private static String label(String resource) {
    return resource.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f-]{36})*", "…");
  }

  private Reply send(String method, String path, String user) {
    return ApiClient.send(port, method, path, user, null);
  }

  private static String restDate(Date date) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return URLEncoder.encode(format.format(date), StandardCharsets.UTF_8);
  }
}
