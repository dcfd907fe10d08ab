package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 17 §3: the public page counts cases, not steps, with known answers; a protected process shows counts only
 * after a round has ended; a bad year or round is a Thai error (page or problem document); the page has a year and
 * round form, "%" on every percentage, no empty header cell, and a bar that says what its cell says. No login, and
 * nothing personal.
 *
 * <p>Each test owns a fiscal year far in the past that no other test writes (FY 2541 and 2542), since the database
 * is shared.
 */
class PublicStatisticsTest extends PlatformTest {

  @Autowired PublicStatisticsController controller;
  @Autowired KpiRepository facts;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  record Reply(int status, String contentType, String body) {
  }

  @BeforeEach
  @AfterEach
  void freshFigures() {
    controller.forget();
  }

  // ------------------------------------------------------------------------------------ cases, not steps

  @Test
  void countsPetitionsAsCasesReceivedClosedOnTimeAndInProgress() throws Exception {
    // FY 2540: one petition received on Mon 29 Sep 1997 and worked a day a step, closed on Wed 1 Oct (FY 2541)
    ProcessInstance carried = petition(LocalDateTime.of(1997, 9, 29, 9, 0));
    step(carried, LocalDateTime.of(1997, 9, 29, 10, 0));
    step(carried, LocalDateTime.of(1997, 9, 30, 10, 0));
    step(carried, LocalDateTime.of(1997, 10, 1, 10, 0));
    // FY 2541: three petitions. A: worked at once (on time); B: acknowledged after 10 days (3 working days allowed:
    // late); C: acknowledged, then left in triage.
    ProcessInstance a = petition(LocalDateTime.of(1997, 10, 6, 9, 0));
    walk(a, LocalDateTime.of(1997, 10, 6, 10, 0));
    ProcessInstance b = petition(LocalDateTime.of(1997, 11, 3, 9, 0));
    walk(b, LocalDateTime.of(1997, 11, 13, 10, 0));
    ProcessInstance c = petition(LocalDateTime.of(1998, 2, 2, 9, 0));
    step(c, LocalDateTime.of(1998, 2, 2, 10, 0));
    // 3 petitions made 8 steps in FY 2541 (3 + 3 + 2): the old page said "งานเข้า 8"
    assertThat(jdbc.queryForObject("select count(*) from kpi_step_fact where process_key = 'petition' and created_at "
        + ">= ? and created_at < ?", Long.class, KpiRepository.time(bangkok(LocalDateTime.of(1997, 10, 1, 0, 0))),
        KpiRepository.time(bangkok(LocalDateTime.of(1998, 4, 1, 0, 0))))).isEqualTo(8);

    // Today (the clock) is in the 6-month round: figures as of today, the 12-month round equal so far
    clockAt(LocalDateTime.of(1998, 3, 2, 9, 0));
    Reply running = get("/public/statistics.json?fiscalYear=2541", 200);
    JsonNode six = round(running, 6);
    assertThat(six.path("ended").asBoolean()).isFalse();
    assertThat(six.path("asOf").asText()).isEqualTo("1998-03-02");
    assertThat(six.path("from").asText()).isEqualTo("1997-10-01");
    assertThat(six.path("to").asText()).isEqualTo("1998-03-31");
    assertFigures(process(six, "petition"), 1, 3, 3, 1, 2, 66.7);
    assertFigures(process(round(running, 12), "petition"), 1, 3, 3, 1, 2, 66.7);

    // After the round: it counts to its last day; C is still in progress at the end of the 12-month round too
    clockAt(LocalDateTime.of(1998, 4, 2, 9, 0));
    step(c, LocalDateTime.of(1998, 4, 20, 9, 0)); // triage late (2 working days allowed), in the 12-month round
    controller.forget();
    clockAt(LocalDateTime.of(2026, 12, 2, 9, 0));
    Reply over = get("/public/statistics.json?fiscalYear=2541&round=6", 200);
    assertThat(json.readTree(over.body()).path("rounds")).hasSize(1);
    six = round(over, 6);
    assertThat(six.path("ended").asBoolean()).isTrue();
    assertThat(six.path("asOf").asText()).isEqualTo("1998-03-31");
    assertFigures(process(six, "petition"), 1, 3, 3, 1, 2, 66.7);
    assertFigures(process(round(get("/public/statistics.json?fiscalYear=2541", 200), 12), "petition"),
        1, 3, 3, 1, 2, 66.7);
    // every configured process has a row, with zeros and no percentage where nothing happened
    JsonNode motion = process(six, "motion");
    assertThat(motion.path("received").asLong()).isZero();
    assertThat(motion.path("onTimePercent").isNull()).isTrue();

    // The page: the same figures, "%", a row per process and the total
    Reply page = get("/public/statistics?fiscalYear=2541&round=6", 200);
    assertThat(page.contentType()).startsWith("text/html");
    // (rows by the process's name as the page shows it: the models' names are the thai engineers' to change)
    String row = row(page.body(), process(six, "petition").path("name").asText());
    assertThat(cells(row)).containsExactly("3", "3", "1", "2", "66.7%", "");
    assertThat(row).contains("role=\"img\" aria-label=\"66.7%\"").contains("width:66.7%");
    assertThat(page.body()).contains("ปีงบประมาณ พ.ศ. 2541 รอบ 6 เดือน").contains("1 ต.ค. 2540 – 31 มี.ค. 2541")
        .contains("(สิ้นสุดรอบแล้ว)").contains("ข้อมูล ณ วันที่ 31 มี.ค. 2541");
    // nothing personal: no business key, no name, no instance id
    for (ProcessInstance instance : List.of(carried, a, b, c)) {
      assertThat(page.body() + over.body()).doesNotContain(instance.getBusinessKey()).doesNotContain(instance.getId());
    }
    assertThat(page.body() + over.body()).doesNotContain("สมใจ").doesNotContain("081-234-5678");
    // C closes in FY 2542, so that no later year carries it
    step(c, LocalDateTime.of(1998, 10, 5, 9, 0));
  }

  @Test
  void cancelledCasesAreLeftOutAndCarriedOverPlusReceivedIsClosedPlusInProgress() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    // FY 2542 (1 Oct 1998 – 30 Sep 1999), complaint facts as the recorder writes them
    fact("complaint", run + "-open-before", LocalDateTime.of(1998, 9, 1, 9, 0), LocalDateTime.of(1999, 10, 10, 9, 0),
        true); // closed in FY 2543
    fact("complaint", run + "-on-time", LocalDateTime.of(1998, 10, 5, 9, 0), LocalDateTime.of(1998, 10, 20, 9, 0), true);
    fact("complaint", run + "-late", LocalDateTime.of(1998, 11, 5, 9, 0), LocalDateTime.of(1999, 2, 1, 9, 0), false);
    fact("complaint", run + "-late2", LocalDateTime.of(1998, 12, 5, 9, 0), LocalDateTime.of(1999, 3, 1, 9, 0), false);
    fact("complaint", run + "-after-round", LocalDateTime.of(1999, 1, 5, 9, 0), LocalDateTime.of(1999, 5, 1, 9, 0), true);
    fact("complaint", run + "-cancelled", LocalDateTime.of(1999, 1, 6, 9, 0), LocalDateTime.of(1999, 1, 7, 9, 0), null);
    // ended before the year began: in no figure
    fact("complaint", run + "-last-year", LocalDateTime.of(1998, 8, 1, 9, 0), LocalDateTime.of(1998, 8, 5, 9, 0), true);

    JsonNode six = process(round(get("/public/statistics.json?fiscalYear=2542&round=6", 200), 6), "complaint");
    assertFigures(six, 1, 4, 3, 2, 1, 33.3);
    assertThat(six.path("carriedOver").asLong() + six.path("received").asLong())
        .isEqualTo(six.path("closed").asLong() + six.path("inProgress").asLong());
    assertFigures(process(round(get("/public/statistics.json?fiscalYear=2542&round=12", 200), 12), "complaint"),
        1, 4, 4, 1, 2, 50.0);
  }

  @Test
  void integrityCasesShowCountsOnlyOnceTheRoundHasEnded() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    fact("integrityCase", run + "-1", LocalDateTime.of(1998, 10, 12, 9, 0), LocalDateTime.of(1998, 12, 1, 9, 0), true);
    fact("integrityCase", run + "-2", LocalDateTime.of(1999, 1, 12, 9, 0), LocalDateTime.of(1999, 6, 1, 9, 0), true);

    // during the 6-month round: a row that says when the counts come, no count, and the total without them
    clockAt(LocalDateTime.of(1999, 1, 15, 9, 0));
    Reply running = get("/public/statistics.json?fiscalYear=2542&round=6", 200);
    JsonNode withheld = process(round(running, 6), "integrityCase");
    assertThat(withheld.path("received").isNull()).isTrue();
    assertThat(withheld.path("closed").isNull()).isTrue();
    assertThat(withheld.path("publishedFrom").asText()).isEqualTo("1999-04-01");
    Reply page = get("/public/statistics?fiscalYear=2542&round=6", 200);
    String row = row(page.body(), withheld.path("name").asText());
    assertThat(row).contains("เผยแพร่เมื่อสิ้นรอบ (ตั้งแต่วันที่ 1 เม.ย. 2542)").doesNotContain("class=\"n\"");
    JsonNode total = round(running, 6).path("total");
    long shown = 0;
    for (JsonNode process : round(running, 6).path("processes")) {
      shown += process.path("received").asLong();
    }
    assertThat(total.path("received").asLong()).isEqualTo(shown);

    // after it: counts only (the process's cases are otherwise as protected as ever)
    controller.forget();
    clockAt(LocalDateTime.of(1999, 4, 2, 9, 0));
    Reply over = get("/public/statistics.json?fiscalYear=2542", 200);
    assertFigures(process(round(over, 6), "integrityCase"), 0, 2, 1, 1, 1, 100.0);
    assertThat(process(round(over, 12), "integrityCase").path("received").isNull()).isTrue();
    assertThat(over.body()).doesNotContain(run);
  }

  // ------------------------------------------------------------------------------------ errors, form, markup

  @Test
  void aBadYearOrRoundIsAThaiErrorPageOrAThaiProblemDocument() throws Exception {
    clockAt(LocalDateTime.of(2026, 12, 2, 9, 0)); // FY 2570
    Map<String, String> refusals = new HashMap<>();
    refusals.put("fiscalYear=abc", "ปีงบประมาณต้องเป็นตัวเลขปีพุทธศักราช 4 หลัก เช่น 2570");
    refusals.put("fiscalYear=2026", "ปีงบประมาณต้องเป็นปีพุทธศักราช (พ.ศ.) ไม่ใช่คริสต์ศักราช: ค.ศ. 2026 คือ พ.ศ. 2569");
    refusals.put("fiscalYear=12", "ปีงบประมาณต้องเป็นปีพุทธศักราช 2500–2700 เช่น 2570");
    refusals.put("fiscalYear=2571", "ปีงบประมาณ พ.ศ. 2571 ยังไม่เริ่มต้น (เริ่มวันที่ 1 ตุลาคม พ.ศ. 2570)");
    refusals.put("fiscalYear=2569&round=9", "รอบรายงานต้องเป็น 6 หรือ 12 เดือน");
    refusals.put("round=x", "รอบรายงานต้องเป็น 6 หรือ 12 เดือน");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      Reply page = get("/public/statistics?" + refusal.getKey(), 400);
      assertThat(page.contentType()).as(refusal.getKey()).startsWith("text/html");
      assertThat(page.body()).as(refusal.getKey()).contains("ไม่สามารถแสดงสถิติตามที่ขอได้")
          .contains("role=\"alert\">" + refusal.getValue()).contains("<form method=\"get\" action=\"statistics\">")
          .contains("<option value=\"2570\" selected>").contains("สำนักงานเลขาธิการวุฒิสภา")
          .doesNotContain("Bad Request").doesNotContain("\"detail\"");
      Reply problem = get("/public/statistics.json?" + refusal.getKey(), 400);
      assertThat(problem.contentType()).as(refusal.getKey()).startsWith("application/problem+json");
      JsonNode document = json.readTree(problem.body());
      assertThat(document.path("title").asText()).isEqualTo("คำขอไม่ถูกต้อง");
      assertThat(document.path("status").asInt()).isEqualTo(400);
      assertThat(document.path("detail").asText()).as(refusal.getKey()).contains(refusal.getValue());
    }
  }

  @Test
  void thePageHasAYearAndRoundFormHeadersForEveryColumnAndABarThatSaysWhatItsCellSays() throws Exception {
    fact("committeeMinutes", UUID.randomUUID().toString(), LocalDateTime.of(1997, 10, 2, 9, 0),
        LocalDateTime.of(1997, 10, 3, 9, 0), true); // the form offers the years back to the first case
    clockAt(LocalDateTime.of(2026, 12, 2, 9, 0));
    // the current year, no parameter: the running round, and the year's choice back to the first case
    Reply page = get("/public/statistics", 200);
    assertThat(page.body()).contains("ปีงบประมาณ พ.ศ. 2570 รอบ 6 เดือน").contains("ข้อมูล ณ วันที่ 2 ธ.ค. 2569")
        .contains("<select id=\"fiscalYear\" name=\"fiscalYear\"><option value=\"2570\" selected>พ.ศ. 2570</option>")
        .contains("<option value=\"2569\">พ.ศ. 2569</option>")
        .contains("<select id=\"round\" name=\"round\"><option value=\"6\" selected>6 เดือน (ต.ค. – มี.ค.)</option>"
            + "<option value=\"12\">12 เดือน (ต.ค. – ก.ย.)</option>")
        .contains("<label for=\"fiscalYear\">ปีงบประมาณ</label>").contains("<label for=\"round\">รอบรายงาน</label>")
        .contains("<button type=\"submit\">แสดงสถิติ</button>").doesNotContain("<script");
    // every header cell says what its column or row is
    Matcher header = Pattern.compile("<th[^>]*>(.*?)</th>").matcher(page.body());
    int headers = 0;
    while (header.find()) {
      headers++;
      assertThat(header.group(1).replaceAll("<[^>]+>", "").trim()).as("header cell %d", headers).isNotEmpty();
    }
    assertThat(headers).isGreaterThanOrEqualTo(7 + 10 + 1);
    assertThat(page.body()).contains("<th scope=\"col\">แผนภูมิร้อยละ</th>");
    // "–" where nothing closed: the bar says what the cell says
    String motion = process(round(get("/public/statistics.json?fiscalYear=2541&round=6", 200), 6), "motion")
        .path("name").asText();
    assertThat(motion).isNotBlank().doesNotContain("(");
    String row = row(get("/public/statistics?fiscalYear=2541&round=6", 200).body(), motion);
    assertThat(row).contains("<span aria-hidden=\"true\">–</span><span class=\"sr\">ไม่มีเรื่องที่แล้วเสร็จ</span>")
        .contains("<span class=\"bar none\" role=\"img\" aria-label=\"ไม่มีเรื่องที่แล้วเสร็จ\"").contains("width:0%");
    // a past year defaults to its last round
    assertThat(get("/public/statistics?fiscalYear=2541", 200).body()).contains("ปีงบประมาณ พ.ศ. 2541 รอบ 12 เดือน");
  }

  // ------------------------------------------------------------------------------------ helpers

  private ProcessInstance petition(LocalDateTime receivedAt) {
    clockAt(receivedAt);
    Map<String, Object> intake = new HashMap<>(petitionIntake());
    intake.put("receivedDate", receivedAt.toLocalDate().toString());
    return runtimeService.startProcessInstanceByKey("petition", intake);
  }

  /** Works the whole executive-matter path (acknowledge, triage, forward) from {@code at}, a minute a step. */
  private void walk(ProcessInstance instance, LocalDateTime at) {
    clockAt(at);
    PetitionPaths.walk(clerk, instance.getId(), PetitionPaths.executiveMatter());
  }

  /** Completes the next step of the executive-matter path at {@code at}. */
  private void step(ProcessInstance instance, LocalDateTime at) {
    clockAt(at);
    String open = clerk.single(instance).getTaskDefinitionKey();
    PetitionPaths.Step step = PetitionPaths.executiveMatter().steps().stream().filter(s -> s.taskKey().equals(open))
        .findFirst().orElseThrow();
    clerk.complete(clerk.single(instance), step.group(), step.values());
  }

  /** A case fact as the recorder writes it: opened, and closed with its limit met or not ({@code null}: cancelled). */
  private void fact(String processKey, String id, LocalDateTime started, LocalDateTime ended, Boolean limitMet) {
    facts.insertCase(new CaseFact(id, processKey, "SECRET-" + id, KpiRepository.time(bangkok(started)), null, null,
        null, null));
    if (ended != null) {
      facts.caseEnded(id, bangkok(ended), limitMet == null ? KpiRecorder.CANCELLED : "EndEvent_Test", limitMet, null);
    }
  }

  private static void assertFigures(JsonNode process, long carriedOver, long received, long closed, long inProgress,
      long closedOnTime, double percent) {
    assertThat(process.path("carriedOver").asLong()).as("carried over " + process).isEqualTo(carriedOver);
    assertThat(process.path("received").asLong()).as("received " + process).isEqualTo(received);
    assertThat(process.path("closed").asLong()).as("closed " + process).isEqualTo(closed);
    assertThat(process.path("inProgress").asLong()).as("in progress " + process).isEqualTo(inProgress);
    assertThat(process.path("closedOnTime").asLong()).as("on time " + process).isEqualTo(closedOnTime);
    assertThat(process.path("onTimePercent").asDouble()).as("% " + process).isEqualTo(percent);
  }

  private JsonNode round(Reply reply, int months) throws Exception {
    for (JsonNode round : json.readTree(reply.body()).path("rounds")) {
      if (round.path("round").asInt() == months) {
        return round;
      }
    }
    throw new AssertionError("no round " + months + " in " + reply.body());
  }

  private static JsonNode process(JsonNode round, String key) {
    for (JsonNode process : round.path("processes")) {
      if (process.path("processKey").asText().equals(key)) {
        return process;
      }
    }
    throw new AssertionError("no process " + key + " in " + round);
  }

  /** The table row whose header cell is {@code name}. */
  private static String row(String html, String name) {
    Matcher row = Pattern.compile("<tr><th scope=\"row\">" + Pattern.quote(name) + "</th>(.*?)</tr>").matcher(html);
    assertThat(row.find()).as("row " + name + " in " + html).isTrue();
    return row.group(1);
  }

  /** The texts of a row's data cells, markup removed. */
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row);
    while (cell.find()) {
      cells.add(cell.group(1).replaceAll("<[^>]+>", "").trim());
    }
    return cells;
  }

  private Reply get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expectedStatus);
    return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
  }
}
