package th.go.senate.workflow.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import th.go.senate.workflow.support.PlatformTest;

/**
 * Every REST and form entry point given missing, wrong-typed, oversized and script-injection values: each probe
 * answers 4xx with a clear message (Thai where the platform writes it) and changes nothing (row counts of the
 * engine's and the project's tables before and after). One table of probes, one assertion per row.
 */
class BadInputTest extends PlatformTest {

  private static final String CLERK = "officePresidentUser";
  private static final String KPI = "kpiManagersUser";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(1)>";

  private final HttpClient http = HttpClient.newHttpClient();

  /** One bad request and what it must get. {@code fragment} must appear in the answer (null: status only). */
  record Probe(String name, String method, String path, String user, String contentType, String body, int status,
      String fragment) {
  }

  @TestFactory
  Stream<DynamicTest> everyBadInputIsRefusedAndChangesNothing() {
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    taskService.claim(task.getId(), CLERK);
    String t = "/engine-rest/task/" + task.getId();
    String start = "/engine-rest/process-definition/key/petition/start";
    String startForm = "/engine-rest/process-definition/key/petition/submit-form";

    List<Probe> probes = new ArrayList<>();
    // Calendar: due date.
    String due = "/api/calendar/due?";
    probes.add(get("due: start missing", due + "days=3", 400, "start"));
    probes.add(get("due: days missing", due + "start=" + enc("2026-04-10T09:00:00+07:00"), 400, "days"));
    probes.add(get("due: days not a number", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=abc", 400, "days"));
    probes.add(get("due: days fractional", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=1.5", 400, "days"));
    probes.add(get("due: days overflow", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=99999999999", 400, "days"));
    probes.add(get("due: days negative", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=-1", 400, "จำนวนวัน"));
    probes.add(get("due: days absurd", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=100000", 400, "จำนวนวัน"));
    probes.add(get("due: start garbage", due + "start=yesterday&days=3", 400, "รูปแบบเวลา"));
    probes.add(get("due: start without offset", due + "start=2026-04-10T09:00:00&days=3", 400, "รูปแบบเวลา"));
    probes.add(get("due: start script", due + "start=" + enc(SCRIPT) + "&days=3", 400, "รูปแบบเวลา"));
    probes.add(get("due: unknown calendar", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=3&calendar=LUNAR", 400, "ปฏิทิน"));
    probes.add(get("due: calendar script", due + "start=" + enc("2026-04-10T09:00:00+07:00") + "&days=3&calendar=" + enc(SCRIPT), 400, "ปฏิทิน"));
    // Calendar: holidays.
    probes.add(get("holidays: year not a number", "/api/calendar/holidays?year=abc", 400, "year"));
    probes.add(get("holidays: year script", "/api/calendar/holidays?year=" + enc(SCRIPT), 400, "year"));
    probes.add(get("holidays: Buddhist-Era year", "/api/calendar/holidays?year=2569", 400, "พ.ศ."));
    probes.add(get("holidays: absurd year", "/api/calendar/holidays?year=25690", 400, "ค.ศ."));
    String holidays = "/api/calendar/holidays";
    probes.add(post("holiday: empty body", holidays, KPI, "", 400, "ข้อมูลที่ส่งมาไม่ถูกต้อง"));
    probes.add(post("holiday: malformed JSON", holidays, KPI, "{\"date\": \"2026-12-30\",", 400, "ข้อมูลที่ส่งมาไม่ถูกต้อง"));
    probes.add(post("holiday: JSON array", holidays, KPI, "[\"2026-12-30\"]", 400, "ข้อมูลที่ส่งมาไม่ถูกต้อง"));
    probes.add(post("holiday: date missing", holidays, KPI, "{\"nameTh\":\"วันหยุด\"}", 400, "ต้องระบุวันที่"));
    probes.add(post("holiday: month 13", holidays, KPI, "{\"date\":\"2026-13-01\",\"nameTh\":\"วันหยุด\"}", 400, "ปปปป-ดด-วว"));
    probes.add(post("holiday: date script", holidays, KPI, "{\"date\":\"" + SCRIPT + "\",\"nameTh\":\"วันหยุด\"}", 400, "ปปปป-ดด-วว"));
    probes.add(post("holiday: date as number", holidays, KPI, "{\"date\":20261230,\"nameTh\":\"วันหยุด\"}", 400, "ปปปป-ดด-วว"));
    probes.add(post("holiday: date as object", holidays, KPI, "{\"date\":{\"y\":2026},\"nameTh\":\"วันหยุด\"}", 400, "ข้อมูลที่ส่งมาไม่ถูกต้อง"));
    probes.add(post("holiday: name missing", holidays, KPI, "{\"date\":\"2026-12-30\"}", 400, "ต้องระบุชื่อวันหยุดภาษาไทย"));
    probes.add(post("holiday: name blank", holidays, KPI, "{\"date\":\"2026-12-30\",\"nameTh\":\"   \"}", 400, "ต้องระบุชื่อวันหยุดภาษาไทย"));
    probes.add(post("holiday: name oversized", holidays, KPI, "{\"date\":\"2026-12-30\",\"nameTh\":\"" + "ก".repeat(501) + "\"}", 400, "500"));
    probes.add(post("holiday: name script", holidays, KPI, "{\"date\":\"2026-12-30\",\"nameTh\":\"" + SCRIPT + "\"}", 400, "สคริปต์"));
    probes.add(post("holiday: English name handler", holidays, KPI, "{\"date\":\"2026-12-30\",\"nameTh\":\"วันหยุด\",\"nameEn\":\""
        + IMG + "\"}", 400, "สคริปต์"));
    probes.add(post("holiday: weekend", holidays, KPI, "{\"date\":\"2026-12-26\",\"nameTh\":\"วันหยุด\"}", 400, "เสาร์"));
    probes.add(new Probe("holiday: text/plain body", "POST", holidays, KPI, "text/plain", "2026-12-30", 415, null));
    probes.add(post("holiday: clerk may not add", holidays, CLERK, "{\"date\":\"2026-12-30\",\"nameTh\":\"วันหยุด\"}", 403, "ไม่มีสิทธิ์"));
    probes.add(new Probe("holiday delete: not a date", "DELETE", holidays + "/abc", KPI, null, null, 400, "date"));
    probes.add(new Probe("holiday delete: 30 February", "DELETE", holidays + "/2026-02-30", KPI, null, null, 400, "date"));
    probes.add(new Probe("holiday delete: markup", "DELETE", holidays + "/" + enc(IMG), KPI, null, null, 400, "date"));
    // KPI.
    probes.add(get("kpi steps: id missing", "/api/kpi/steps", 400, "processInstanceId"));
    probes.add(get("kpi steps: id blank", "/api/kpi/steps?processInstanceId=", 400, "รหัสกรณี"));
    probes.add(get("kpi steps: id oversized", "/api/kpi/steps?processInstanceId=" + "x".repeat(65), 400, "รหัสกรณี"));
    probes.add(get("kpi steps: id script", "/api/kpi/steps?processInstanceId=" + enc(SCRIPT), 404, "ไม่พบกรณี"));
    probes.add(get("kpi summary: key missing", "/api/kpi/summary", 400, "processKey"));
    probes.add(getAs("kpi summary: key script", "/api/kpi/summary?processKey=" + enc(SCRIPT), KPI, 400, "รหัสกระบวนงาน"));
    probes.add(getAs("kpi summary: key SQL", "/api/kpi/summary?processKey=" + enc("petition' or '1'='1"), KPI, 400, "รหัสกระบวนงาน"));
    probes.add(get("kpi summary: clerk may not read", "/api/kpi/summary?processKey=petition", 403, "ไม่มีสิทธิ์"));
    // Engine REST: start a petition (start form re-validated on the server).
    probes.add(post("start: no variables", start, CLERK, "{}", 400, "กรุณากรอก"));
    probes.add(post("start: subject missing", start, CLERK, intake(Map.of("subject", "")), 400, "กรุณากรอก"));
    probes.add(post("start: unknown channel", start, CLERK, intake(Map.of("channel", "FAX")), 400, "ต้องเลือกจากรายการ"));
    probes.add(post("start: date garbage", start, CLERK, intake(Map.of("receivedDate", "yesterday")), 400, "ปปปป-ดด-วว"));
    probes.add(post("start: name oversized", start, CLERK, intake(Map.of("petitionerName", "ก".repeat(201))), 400, "ยาวเกิน"));
    probes.add(post("start: details oversized", start, CLERK, intake(Map.of("details", "ข".repeat(4001))), 400, "ยาวเกิน"));
    probes.add(post("start: subject script", start, CLERK, intake(Map.of("subject", SCRIPT)), 400, "สคริปต์"));
    probes.add(post("start: name handler", start, CLERK, intake(Map.of("petitionerName", IMG)), 400, "สคริปต์"));
    probes.add(post("start: details javascript URL", start, CLERK, intake(Map.of("details", "ดู javascript:alert(1)")), 400, "สคริปต์"));
    probes.add(post("start: date wrong type", start, CLERK,
        "{\"variables\":{\"receivedDate\":{\"value\":\"abc\",\"type\":\"Date\"}}}", 400, "ชนิดข้อมูล"));
    probes.add(post("start: channel wrong type", start, CLERK,
        "{\"variables\":{\"channel\":{\"value\":\"x\",\"type\":\"Integer\"}}}", 400, "ชนิดข้อมูล"));
    probes.add(post("start: unknown value type", start, CLERK,
        "{\"variables\":{\"channel\":{\"value\":\"LETTER\",\"type\":\"Rocket\"}}}", 400, null));
    probes.add(post("start: malformed JSON", start, CLERK, "{\"variables\":", 400, null));
    probes.add(post("start: variables not an object", start, CLERK, "{\"variables\":[1,2]}", 400, null));
    probes.add(post("start: unknown process", "/engine-rest/process-definition/key/noSuchProcess/start", CLERK, "{}", 404, null));
    probes.add(post("submit start form: missing fields", startForm, CLERK, "{\"variables\":{}}", 400, "กรุณากรอก"));
    probes.add(post("submit start form: script", startForm, CLERK, intake(Map.of("subject", SCRIPT)), 400, "สคริปต์"));
    // Engine REST: complete the acknowledgement (task form re-validated on the server).
    probes.add(post("complete: no variables", t + "/complete", CLERK, "{}", 400, "กรุณากรอก"));
    probes.add(post("complete: unknown method", t + "/complete", CLERK, ack(Map.of("acknowledgementMethod", "PIGEON")), 400, "ต้องเลือกจากรายการ"));
    probes.add(post("complete: date in Thai style", t + "/complete", CLERK, ack(Map.of("acknowledgedOn", "31/12/2569")), 400, "ปปปป-ดด-วว"));
    probes.add(post("complete: note oversized", t + "/complete", CLERK, ack(Map.of("acknowledgementNote", "ค".repeat(2001))), 400, "ยาวเกิน"));
    probes.add(post("complete: note script", t + "/complete", CLERK, ack(Map.of("acknowledgementNote", SCRIPT)), 400, "สคริปต์"));
    probes.add(post("complete: method wrong type", t + "/complete", CLERK,
        "{\"variables\":{\"acknowledgementMethod\":{\"value\":\"x\",\"type\":\"Long\"}}}", 400, "ชนิดข้อมูล"));
    probes.add(post("complete: malformed JSON", t + "/complete", CLERK, "{\"variables\":{", 400, null));
    probes.add(post("submit task form: missing", t + "/submit-form", CLERK, "{\"variables\":{}}", 400, "กรุณากรอก"));
    probes.add(post("submit task form: script", t + "/submit-form", CLERK, ack(Map.of("acknowledgementNote", IMG)), 400, "สคริปต์"));
    probes.add(post("complete: unknown task", "/engine-rest/task/no-such-task/complete", CLERK, ack(Map.of()), 404, "ไม่พบ"));

    assertThat(probes).hasSizeGreaterThanOrEqualTo(50);
    return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> run(probe)));
  }

  private void run(Probe probe) throws Exception {
    Map<String, Long> before = rowCounts();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((probe.user() + ":demo").getBytes(StandardCharsets.UTF_8)));
    HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8);
    if (probe.contentType() != null) {
      request.header("Content-Type", probe.contentType());
    }
    HttpResponse<String> response = http.send(request.method(probe.method(), body).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as("%s → %s", probe.name(), response.body()).isEqualTo(probe.status());
    assertThat(response.body()).as("%s: an answer that says what was wrong", probe.name()).isNotBlank();
    if (probe.fragment() != null) {
      assertThat(response.body()).as(probe.name()).contains(probe.fragment());
    }
    if (probe.path().startsWith("/engine-rest") && probe.status() == 400 && probe.fragment() != null
        && !probe.fragment().matches("[A-Za-z]+")) {
      // The Thai message alone, not behind Camunda's English prefix.
      assertThat(response.body()).as(probe.name()).doesNotContain("Cannot instantiate").doesNotContain("Cannot complete")
          .doesNotContain("Cannot submit");
    }
    assertThat(rowCounts()).as("%s changed nothing", probe.name()).isEqualTo(before);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable", "act_ru_job", "act_hi_procinst",
        "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_ru_identitylink", "kpi_step_fact", "kpi_case_fact",
        "calendar_holiday")) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put("reference numbers drawn", jdbc.queryForObject("select coalesce(sum(last_value), 0) from reference_sequence",
        Long.class));
    counts.put("completed step facts", jdbc.queryForObject("select count(*) from kpi_step_fact where completed_at is not null",
        Long.class));
    return counts;
  }

  private static Probe get(String name, String path, int status, String fragment) {
    return getAs(name, path, CLERK, status, fragment);
  }

  private static Probe getAs(String name, String path, String user, int status, String fragment) {
    return new Probe(name, "GET", path, user, null, null, status, fragment);
  }

  private static Probe post(String name, String path, String user, String json, int status, String fragment) {
    return new Probe(name, "POST", path, user, "application/json", json, status, fragment);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The valid intake values with some replaced, as engine-rest variables. */
  private static String intake(Map<String, String> changes) {
    Map<String, Object> values = new LinkedHashMap<>(petitionIntake());
    values.putAll(changes);
    return variables(values);
  }

  private static String ack(Map<String, String> changes) {
    Map<String, Object> values = new LinkedHashMap<>(Map.of("acknowledgementMethod", "LETTER", "acknowledgedOn", "2026-11-27"));
    values.putAll(changes);
    return variables(values);
  }

  private static String variables(Map<String, Object> values) {
    StringBuilder json = new StringBuilder("{\"variables\":{");
    values.forEach((key, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
        .append('"').append(key).append("\":{\"value\":\"").append(String.valueOf(value).replace("\"", "\\\""))
        .append("\",\"type\":\"String\"}"));
    return json.append("}}").toString();
  }
}
