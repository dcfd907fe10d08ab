package th.go.senate.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.reference.ReferenceNumberService;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.TasklistRest;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.support.TestPostgres;

/**
 * The platform as an outside tester attacks it (issue 12, sections 2, 4, 5 and 6): the caller never chooses a
 * reference number, markup and control characters are refused on every route with a Thai 400 naming the field and
 * nothing saved, every mistake of the caller gets a 4xx in Thai (never a 500), and every response carries the
 * security headers. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends PlatformTest {

  private static final String CLERK = "officePresidentUser";
  private static final String KPI = "kpiManagersUser";
  private static final String AUDIT = "grpInternalAuditUser";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String NUL = "ก\u0000ข";
  private static final String START = "/engine-rest/process-definition/key/petition/start";
  private static final String START_FORM = "/engine-rest/process-definition/key/petition/submit-form";

  @Autowired ReferenceNumberService referenceNumbers;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired DataSource dataSource;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  // §2 The platform chooses the reference number.

  @Test
  void aBusinessKeyChosenByTheCallerIsRefusedOnEveryStartRoute() throws Exception {
    String existing = startPetition().getBusinessKey();
    Map<String, Object> intake = new LinkedHashMap<>(TasklistRest.formVariables(petitionIntake()));
    List<String> refusals = new ArrayList<>();
    for (String key : List.of(existing, SCRIPT, "PET-2599-99999")) {
      Map<String, Object> body = new LinkedHashMap<>(intake);
      body.put("businessKey", key);
      long before = instances();
      for (String path : List.of(START, START_FORM)) {
        Reply reply = send("POST", path, CLERK, body);
        assertRefused(reply, 400, "ระบบเป็นผู้กำหนด");
        assertThat(reply.body()).as(path).doesNotContain("Cannot instantiate").doesNotContain("Cannot submit");
        refusals.add(path);
      }
      assertThat(instances()).as("no case started with key %s", key).isEqualTo(before);
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(existing).count())
        .as("the reference number stays unique").isEqualTo(1);

    // Tasklist (the webapps' engine API, with the webapp session): the same refusal in Thai.
    Tasklist tasklist = Tasklist.login(port, CLERK);
    Map<String, Object> body = new LinkedHashMap<>(intake);
    body.put("businessKey", existing);
    long before = instances();
    HttpResponse<String> viaTasklist = tasklist.post("/camunda/api/engine/engine/default/process-definition/key/petition/submit-form",
        json.writeValueAsString(body));
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
    assertThat(json.readTree(viaTasklist.body()).path("message").asText()).contains("ระบบเป็นผู้กำหนด");
    assertThat(instances()).isEqualTo(before);
    // Without a key (what Tasklist's Camunda Form start sends) the platform's number is given.
    HttpResponse<String> started = tasklist.post("/camunda/api/engine/engine/default/process-definition/key/petition/submit-form",
        json.writeValueAsString(intake));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(json.readTree(started.body()).path("businessKey").asText()).matches("PET-25\\d\\d-\\d{5}");
  }

  @Test
  void aNumberIssuedToThePlatformServesOneCaseStartedOnTheDrawingThread() throws Exception {
    String issued = referenceNumbers.next("petition", Instant.now());
    ProcessInstance started = runtimeService.startProcessInstanceByKey("petition", issued, petitionIntake());
    assertThat(started.getBusinessKey()).isEqualTo(issued);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("petition", issued, petitionIntake()))
        .as("a used number").hasMessageContaining("ระบบเป็นผู้กำหนด");

    AtomicReference<String> elsewhere = new AtomicReference<>();
    Thread drawer = new Thread(() -> elsewhere.set(referenceNumbers.next("petition", Instant.now())));
    drawer.start();
    drawer.join();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("petition", elsewhere.get(), petitionIntake()))
        .as("a number drawn for another start").hasMessageContaining("ระบบเป็นผู้กำหนด");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(issued).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(elsewhere.get()).count()).isZero();

    // The platform's own starts keep working: the integrity-case intake draws and uses its number.
    Reply opened = send("POST", "/api/integrity-cases", AUDIT, integrityIntake(Map.of()));
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    assertThat(opened.json().path("businessKey").asText()).matches("INT-25\\d\\d-\\d{5}");
  }

  // §4 Markup and control characters, on every route.

  @Test
  void theProjectApisRefuseMarkupAndControlCharactersNamingTheField() {
    Map<String, Long> before = rowCounts();
    List<Probe> probes = List.of(
        new Probe("/api/calendar/sessions", KPI, session(SCRIPT), "name"),
        new Probe("/api/calendar/sessions", KPI, session(NUL), "name"),
        new Probe("/api/calendar/sessions", KPI, session("สมัยประชุม\nที่สอง"), "name"),
        new Probe("/api/kpi/targets", KPI, target(IMG), "nameTh"),
        new Probe("/api/kpi/targets", KPI, target(NUL), "nameTh"),
        new Probe("/api/calendar/holidays", KPI, Map.of("date", "2090-12-29", "nameTh", NUL), "nameTh"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("subject", SCRIPT)), "subject"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("allegation", IMG)), "allegation"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("complainantName", SCRIPT)), "complainantName"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("complainantContact", "javascript:alert(1)")),
            "complainantContact"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("subject", NUL)), "subject"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("allegation", "ก\u0007ข")), "allegation"),
        new Probe("/api/integrity-cases", AUDIT, integrityIntake(Map.of("complainantName", "ก\u0085ข")), "complainantName"));
    for (Probe probe : probes) {
      Reply reply = send("POST", probe.path(), probe.user(), probe.body());
      assertRefused(reply, 400, probe.field());
      assertThat(reply.body()).as(probe.path()).containsAnyOf(InputRules.MARKUP_REFUSED, InputRules.CONTROL_REFUSED);
      assertThat(rowCounts()).as("%s %s saved nothing", probe.path(), probe.field()).isEqualTo(before);
    }
    // A multi-line allegation is text, not an attack.
    Reply multiLine = send("POST", "/api/integrity-cases", AUDIT, integrityIntake(Map.of("allegation", "บรรทัดแรก\r\nบรรทัดที่สอง\tมีแท็บ")));
    assertThat(multiLine.status()).as(multiLine.body()).isEqualTo(201);
  }

  @Test
  void engineRoutesRefuseMarkupAndControlCharactersAndSaveNothing() throws Exception {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    taskService.claim(task.getId(), CLERK);
    String t = "/engine-rest/task/" + task.getId();
    Map<String, Long> before = rowCounts();
    List<Object[]> probes = List.of(
        new Object[] {START, intake(Map.of("subject", NUL)), "subject"},
        new Object[] {START_FORM, intake(Map.of("petitionerName", NUL)), "petitionerName"},
        new Object[] {START_FORM, intake(Map.of("details", "ก\u001Bข")), "details"},
        // A text field has one line (form/FormValidator names it by its label).
        new Object[] {START, intake(Map.of("subject", "หนึ่ง\nสอง")), "\"เรื่อง\" " + InputRules.CONTROL_REFUSED},
        new Object[] {START_FORM, intake(Map.of("remark", SCRIPT)), "remark"},
        new Object[] {START, intake(Map.of("remark", NUL)), "remark"},
        new Object[] {t + "/submit-form", ack(Map.of("acknowledgementNote", NUL)), "acknowledgementNote"},
        new Object[] {t + "/complete", ack(Map.of("extra", IMG)), "extra"});
    for (Object[] probe : probes) {
      Reply reply = send("POST", (String) probe[0], CLERK, probe[1]);
      assertRefused(reply, 400, (String) probe[2]);
      assertThat(reply.body()).as((String) probe[0]).doesNotContain("Cannot ");
      assertThat(rowCounts()).as("%s %s saved nothing", probe[0], probe[2]).isEqualTo(before);
    }
    Reply put = send("PUT", "/engine-rest/process-instance/" + instance.getId() + "/variables/remark", "demo",
        Map.of("value", IMG, "type", "String"));
    assertRefused(put, 400, "remark");
    assertThat(runtimeService.getVariable(instance.getId(), "remark")).isNull();
    assertThat(rowCounts()).isEqualTo(before);

    // A text area may have several lines.
    Reply multiLine = send("POST", START, CLERK, intake(Map.of("details", "บรรทัดแรก\r\nบรรทัดที่สอง\tมีแท็บ")));
    assertThat(multiLine.status()).as(multiLine.body()).isEqualTo(200);
  }

  // §5 4xx in Thai where a 500 was answered.

  @Test
  void theComplainantEndpointAnswers4xxAndRecordsEveryAttempt() {
    String absurd = "A".repeat(300);
    long audited = audited();
    Reply outsider = send("GET", "/api/integrity-cases/" + absurd + "/complainant", KPI, null);
    assertRefused(outsider, 403, "ไม่มีสิทธิ์");
    assertThat(audited()).as("refused attempt recorded").isEqualTo(audited + 1);
    Reply handler = send("GET", "/api/integrity-cases/" + absurd + "/complainant", AUDIT, null);
    assertRefused(handler, 400, "เลขที่เรื่องไม่ถูกต้อง");
    Reply unknown = send("GET", "/api/integrity-cases/INT-2599-99999/complainant", AUDIT, null);
    assertRefused(unknown, 404, "ไม่พบเรื่อง");
    assertThat(audited()).as("failed attempts recorded").isEqualTo(audited + 3);
    assertThat(jdbc.queryForObject("select count(*) from integrity_identity_access where user_id = ? and not granted "
        + "and business_key like 'AAAA%'", Long.class, AUDIT)).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from integrity_identity_access where business_key = "
        + "'INT-2599-99999' and granted", Long.class)).as("nothing was shown").isZero();
  }

  @Test
  void unknownAndEndedIdsAnswer404InThai() {
    ProcessInstance instance = startPetition();
    String taskId = task(instance).getId();
    runtimeService.deleteProcessInstance(instance.getId(), "ended for the test");
    for (String[] ids : List.of(new String[] {"no-such-instance", "no-such-task"},
        new String[] {instance.getId(), taskId})) {
      for (String path : List.of("/engine-rest/process-instance/" + ids[0] + "/variables",
          "/engine-rest/task/" + ids[1] + "/variables", "/engine-rest/task/" + ids[1] + "/identity-links",
          "/engine-rest/task/" + ids[1] + "/rendered-form", "/engine-rest/task/" + ids[1] + "/deployed-form",
          "/engine-rest/task/" + ids[1] + "/form-variables")) {
        // As a browser asks (rendered-form answers HTML, so Accept: application/json alone would get 406).
        Reply reply = browserGet(path, "demo");
        assertThat(reply.status()).as("%s → %s", path, reply.body()).isEqualTo(404);
        assertThat(message(reply)).as(path).contains("ไม่พบ");
      }
    }
  }

  @Test
  void deletingAnotherBureausTaskLooksExactlyLikeDeletingAnUnknownOne() {
    Task task = task(startPetition());
    Reply unknown = send("DELETE", "/engine-rest/task/no-such-task", "burPrintingUser", null);
    Reply outsider = send("DELETE", "/engine-rest/task/" + task.getId(), "burPrintingUser", null);
    assertThat(outsider.status()).as(outsider.body()).isEqualTo(404).isEqualTo(unknown.status());
    assertThat(outsider.body().replace(task.getId(), "ID")).isEqualTo(unknown.body().replace("no-such-task", "ID"));
    assertThat(message(outsider)).contains("ไม่พบ");
    // The bureau's own clerk sees the task: a process step is not deleted, it is worked.
    Reply own = send("DELETE", "/engine-rest/task/" + task.getId(), CLERK, null);
    assertRefused(own, 400, "ลบไม่ได้");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void objectAndJavaSerializedValuesAreRefusedWith400() {
    long before = instances();
    Map<String, Object> serialized = new LinkedHashMap<>(TasklistRest.formVariables(petitionIntake()));
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = new LinkedHashMap<>((Map<String, Object>) serialized.get("variables"));
    vars.put("payload", Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
    serialized.put("variables", vars);
    assertRefused(send("POST", START_FORM, CLERK, serialized), 400, "Java");
    assertThat(instances()).isEqualTo(before);

    for (String body : List.of("{\"processInstanceBusinessKey\":{\"a\":1}}",
        "{\"variables\":[{\"name\":\"subject\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}",
        "{\"processInstanceIds\":{\"a\":1}}")) {
      Reply reply = send("POST", "/engine-rest/history/process-instance", CLERK, body);
      assertThat(reply.status()).as("%s → %s", body, reply.body()).isEqualTo(400);
      assertThat(message(reply)).as(body).containsAnyOf("ไม่ถูกต้อง", "ไม่รับ");
    }
  }

  @Test
  void theErrorPageCalledDirectlyIs404() {
    for (String user : new String[] {null, "demo"}) {
      Reply reply = send("GET", "/error", user, null);
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.detail()).contains("ไม่พบ");
    }
  }

  @Test
  void creatingAUserWithABadIdOrAWeakPasswordIs400InThai() {
    String strong = "Sv9#" + UUID.randomUUID().toString().substring(0, 12) + "Qz!";
    Reply badId = send("POST", "/engine-rest/user/create", "demo", user("somchai.op", strong));
    assertRefused(badId, 400, "รหัสไม่ถูกต้อง");
    assertThat(identityService.createUserQuery().userId("somchai.op").count()).isZero();

    boolean policy = engineConfiguration.isEnablePasswordPolicy();
    org.camunda.bpm.engine.identity.PasswordPolicy passwordPolicy = engineConfiguration.getPasswordPolicy();
    engineConfiguration.setEnablePasswordPolicy(true); // as in production (postgres profile)
    engineConfiguration.setPasswordPolicy(new org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl());
    try {
      String id = "hostileWeak" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
      Reply weak = send("POST", "/engine-rest/user/create", "demo", user(id, "demo"));
      assertRefused(weak, 400, "นโยบายรหัสผ่าน");
      assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    } finally {
      engineConfiguration.setEnablePasswordPolicy(policy);
      engineConfiguration.setPasswordPolicy(passwordPolicy);
    }
  }

  /**
   * The SLA job commits a change of the task (priority, follow-up date) between the clerk's claim reading the task
   * and writing it. Made deterministic: the claim is held inside its transaction (its KPI step record is locked by
   * another transaction) while the task is changed as the job changes it; then the lock is released.
   */
  @Test
  void aClaimDoesNotLoseToTheSlaJobThatChangedTheTaskMeanwhile(CapturedOutput log) throws Exception {
    Task task = task(startPetition());
    CompletableFuture<Reply> claim;
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock = holder.prepareStatement("select task_id from kpi_step_fact where task_id = ? for update")) {
        lock.setString(1, task.getId());
        assertThat(lock.executeQuery().next()).isTrue();
      }
      claim = CompletableFuture.supplyAsync(() -> send("POST", "/engine-rest/task/" + task.getId() + "/claim", CLERK,
          Map.of("userId", CLERK)));
      waitForABlockedSession();
      // What the SLA checkpoint's job commits meanwhile.
      assertThat(jdbc.update("update act_ru_task set rev_ = rev_ + 1, priority_ = 75 where id_ = ?", task.getId())).isEqualTo(1);
      holder.rollback();
    }
    Reply claimed = claim.get(60, TimeUnit.SECONDS);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(CLERK);
    assertThat(log.getAll()).as("the collision happened and the claim was run again").contains("ClaimTaskCmd collided");
  }

  @Test
  void theEngineListNeedsAUserToo() {
    assertThat(send("GET", "/engine-rest/engine", null, null).status()).isEqualTo(401);
    Reply known = send("GET", "/engine-rest/engine", CLERK, null);
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.body()).contains("default");
  }

  // §6 Security headers on every response.

  @Test
  void everyResponseCarriesTheSecurityHeadersOnce() throws Exception {
    List<String[]> routes = List.of(new String[] {"/camunda/app/tasklist/default/", null},
        new String[] {"/camunda/app/cockpit/default/", null}, new String[] {"/camunda/api/engine/engine/", null},
        new String[] {"/api/kpi/targets?fiscalYear=2570", KPI}, new String[] {"/api/kpi/targets", null},
        new String[] {"/engine-rest/task?maxResults=1", CLERK}, new String[] {"/engine-rest/task", null},
        new String[] {"/engine-rest/no-such-resource", CLERK}, new String[] {"/public/statistics", null},
        new String[] {"/public/statistics.json", null}, new String[] {"/actuator/health", null},
        new String[] {"/actuator/prometheus", null}, new String[] {"/error", null}, new String[] {"/", null});
    for (String[] route : routes) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route[0]))
          .timeout(Duration.ofSeconds(30)).GET();
      if (route[1] != null) {
        request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString((route[1] + ":demo").getBytes(StandardCharsets.UTF_8)));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String what = route[0] + " (" + response.statusCode() + ")";
      assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
      assertThat(response.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
      assertThat(response.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
      assertThat(response.headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
      assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).as(what)
          .contains("frame-ancestors 'none'");
      assertThat(response.headers().allValues("Strict-Transport-Security")).as("%s: no HSTS outside production", what)
          .isEmpty();
    }
    HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.headers().firstValue("Content-Security-Policy").orElseThrow())
        .as("the webapps keep Camunda's policy, which their scripts need").contains("script-src");
  }

  @Test
  void productionSendsHstsOnEveryResponse() throws Exception {
    MockHttpServletResponse production = filtered(settings("application.yaml", "application-postgres.yaml"));
    assertThat(production.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(production.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    MockHttpServletResponse demo = filtered(settings("application.yaml"));
    assertThat(demo.getHeader("Strict-Transport-Security")).isNull();
  }

  // Helpers.

  record Probe(String path, String user, Object body, String field) {
  }

  private Reply send(String method, String path, String user, Object body) {
    return ApiClient.send(port, method, path, user, body);
  }

  private Reply browserGet(String path, String user) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
          .header("Authorization", "Basic " + java.util.Base64.getEncoder()
              .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(path, e);
    }
  }

  private void assertRefused(Reply reply, int status, String fragment) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(message(reply)).as(reply.body()).contains(fragment);
  }

  /** The message of an engine-rest error or the detail of a problem document. */
  private static String message(Reply reply) {
    JsonNode body = reply.json();
    return body.has("detail") ? body.path("detail").asText() : body.path("message").asText();
  }

  private long instances() {
    return historyService.createHistoricProcessInstanceQuery().count();
  }

  private long audited() {
    return jdbc.queryForObject("select count(*) from integrity_identity_access", Long.class);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_hi_procinst", "act_hi_varinst",
        "act_hi_detail", "kpi_case_fact", "calendar_holiday", "calendar_session_period", "kpi_target",
        "integrity_complainant")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("reference numbers drawn", jdbc.queryForObject("select coalesce(sum(last_value), 0) from reference_sequence",
        Long.class));
    return counts;
  }

  private static Map<String, Object> session(String name) {
    return Map.of("name", name, "openedOn", "2091-01-05", "closedOn", "2091-01-14");
  }

  private static Map<String, Object> target(String nameTh) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", 2591);
    body.put("indicatorCode", "HOSTILE-1");
    body.put("nameTh", nameTh);
    body.put("processKey", "petition");
    body.put("measure", "ON_TIME_PERCENT");
    body.put("target", 85.5);
    body.put("ownerBureau", "officePresident");
    return body;
  }

  private static Map<String, Object> integrityIntake(Map<String, String> changes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", "LETTER");
    body.put("anonymous", false);
    body.put("complainantName", "นายทดสอบ ความปลอดภัย");
    body.put("complainantContact", "081-000-0000");
    body.put("subject", "เจ้าหน้าที่เรียกรับเงิน");
    body.put("allegation", "มีการเรียกรับเงินในการจัดซื้อจัดจ้าง");
    body.put("receivedDate", "2026-11-26");
    body.putAll(changes);
    return body;
  }

  private static Map<String, Object> user(String id, String password) {
    return Map.of("profile", Map.of("id", id, "firstName", "สมชาย", "lastName", "ทดสอบ", "email", "somchai@senate.go.th"),
        "credentials", Map.of("password", password));
  }

  /** Values as engine-rest variables: {@code {"variables": {name: {"value": v, "type": "String"}}}}. */

  private static Map<String, Object> intake(Map<String, ?> changes) {
    Map<String, Object> values = new LinkedHashMap<>(petitionIntake());
    values.putAll(changes);
    return TasklistRest.formVariables(values);
  }

  private static Map<String, Object> ack(Map<String, ?> changes) {
    Map<String, Object> values = new LinkedHashMap<>(Map.of("acknowledgementMethod", "LETTER", "acknowledgedOn", "2026-11-27"));
    values.putAll(changes);
    return TasklistRest.formVariables(values);
  }

  /** Waits until a database session waits for a row lock (the held claim). */
  private void waitForABlockedSession() throws InterruptedException {
    String query = TestPostgres.requested()
        ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
        : "select count(*) from information_schema.sessions where blocker_id is not null";
    for (int i = 0; i < 300; i++) {
      if (jdbc.queryForObject(query, Long.class) > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the claim never reached its KPI record");
  }

  private static SecurityHeaders.Settings settings(String... files) throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    for (int i = files.length - 1; i >= 0; i--) {
      for (PropertySource<?> source : new YamlPropertySourceLoader().load(files[i], new ClassPathResource(files[i]))) {
        sources.addLast(source);
      }
    }
    return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
        .bind("senate.security-headers", SecurityHeaders.Settings.class).orElseGet(SecurityHeaders.Settings::new);
  }

  private static MockHttpServletResponse filtered(SecurityHeaders.Settings settings) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    new SecurityHeaders(settings).doFilter(new MockHttpServletRequest("GET", "/public/statistics"), response,
        new MockFilterChain());
    return response;
  }

  /** A clerk logged in to Tasklist: the webapp session and its CSRF token, as the browser holds them. */
  private record Tasklist(HttpClient browser, CookieManager cookies, int port) {

    static Tasklist login(int port, String user) throws Exception {
      CookieManager cookies = new CookieManager();
      Tasklist tasklist = new Tasklist(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, port);
      tasklist.browser.send(HttpRequest.newBuilder(tasklist.uri("/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      HttpResponse<String> login = tasklist.browser.send(HttpRequest.newBuilder(
              tasklist.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", tasklist.xsrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
              + URLEncoder.encode("demo", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // The login starts a new session with a new CSRF token, which the next read hands out.
      tasklist.browser.send(HttpRequest.newBuilder(tasklist.uri("/camunda/api/engine/engine/default/process-definition/key/petition"))
          .GET().build(), HttpResponse.BodyHandlers.discarding());
      return tasklist;
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", xsrf()).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
    }
  }
}
