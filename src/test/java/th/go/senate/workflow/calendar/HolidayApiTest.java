package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The calendar API over HTTP with Basic authentication, as a client would call it: deadlines, the
 * holiday list, holiday maintenance (who may, what is refused) and the re-planning of open deadlines
 * when a holiday changes.
 */
class HolidayApiTest extends PlatformTest {

  private static final String ADMIN = "demo";
  private static final String KPI_MANAGER = "kpiManagersUser";
  private static final String CLERK = "officePresidentUser";

  /** Every date this class may add; removed after each test whatever happened. */
  private static final LocalDate BRIDGE = LocalDate.of(2026, 12, 30);
  private static final LocalDate KPI_BRIDGE = LocalDate.of(2026, 12, 29);

  private final ObjectMapper json = new ObjectMapper();

  @Autowired HolidayService holidayService;
  @Autowired HolidayRepository holidayRepository;
  @Autowired KpiRepository facts;

  @AfterEach
  void removeOwnHolidays() {
    ClockUtil.reset();
    for (LocalDate date : List.of(BRIDGE, KPI_BRIDGE)) {
      if (holidayRepository.find(date).isPresent()) {
        holidayService.remove(date); // re-plans what the holiday had moved
      }
    }
  }

  // --- HTTP helpers -------------------------------------------------------------------------------

  private Reply send(String method, String path, String user, String body) {
    return ApiClient.send(port, method, path, user, body);
  }

  private Reply get(String path, String user) {
    return send("GET", path, user, null);
  }

  private Reply post(String user, String body) {
    return send("POST", "/api/calendar/holidays", user, body);
  }

  private Reply delete(LocalDate date, String user) {
    return send("DELETE", "/api/calendar/holidays/" + date, user, null);
  }

  private String holidayJson(String date, String nameTh, String nameEn) {
    try {
      Map<String, String> body = new java.util.LinkedHashMap<>();
      body.put("date", date);
      if (nameTh != null) {
        body.put("nameTh", nameTh);
      }
      if (nameEn != null) {
        body.put("nameEn", nameEn);
      }
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private int holidayCount() {
    return jdbc.queryForObject("select count(*) from calendar_holiday", Integer.class);
  }

  private int holidayCount(LocalDate date) {
    return jdbc.queryForObject("select count(*) from calendar_holiday where holiday_date = ?", Integer.class,
        Date.valueOf(date));
  }

  // --- GET /api/calendar/due -----------------------------------------------------------------------

  @Test
  void dueDateOverSongkran() {
    Reply reply = get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=3&calendar=WORKING_DAYS", ADMIN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().size()).isEqualTo(1);
    assertThat(reply.json().path("due").asText()).isEqualTo("2026-04-20T16:30+07:00");

    // Any signed-in clerk may ask; the calendar defaults to working days; a UTC start is read as the instant.
    reply = get("/api/calendar/due?start=2026-04-09T16:30:00Z&days=1", CLERK);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("due").asText()).as("Thu 23:30 Bangkok + 1").isEqualTo("2026-04-10T16:30+07:00");

    reply = get("/api/calendar/due?start=2026-11-26T10:00:00%2B07:00&days=15&calendar=CALENDAR_DAYS", CLERK);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("due").asText()).isEqualTo("2026-12-11T00:00+07:00");
  }

  @Test
  void badDueRequestsAreRefusedWithAMessage() {
    Reply reply = get("/api/calendar/due?start=10/04/2026&days=3&calendar=WORKING_DAYS", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("10/04/2026").contains("เวลาเริ่มนับ");

    reply = get("/api/calendar/due?start=2026-04-10T09:00:00&days=3", ADMIN);
    assertThat(reply.status()).as("an instant without offset is ambiguous").isEqualTo(400);
    assertThat(reply.detail()).contains("2026-04-10T09:00:00");

    reply = get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=3&calendar=LUNAR_DAYS", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("LUNAR_DAYS").contains("WORKING_DAYS");

    reply = get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=0&calendar=WORKING_DAYS", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("ระหว่าง 1 ถึง 3650");

    reply = get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=999999999&calendar=CALENDAR_DAYS", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("ระหว่าง 1 ถึง 3650");

    reply = get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=three", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("days").contains("three");

    reply = get("/api/calendar/due?days=3&calendar=WORKING_DAYS", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("start");

    reply = get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00", ADMIN);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("days");
  }

  @Test
  void anonymousCallersAreRefused() {
    int before = holidayCount();
    assertThat(get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=3", null).status()).isEqualTo(401);
    assertThat(get("/api/calendar/holidays?year=2026", null).status()).isEqualTo(401);
    assertThat(post(null, holidayJson(BRIDGE.toString(), "วันหยุดพิเศษ", "Bridge")).status()).isEqualTo(401);
    assertThat(holidayCount(BRIDGE)).isZero();
    // An unknown user. (A wrong password for a real user would lock that user out for a few seconds: the
    // engine throttles failed logins, and the test users are shared with other test classes.)
    assertThat(get("/api/calendar/due?start=2026-04-10T09:00:00%2B07:00&days=3", "noSuchUserHolidayApiTest").status())
        .as("unknown user").isEqualTo(401);
    assertThat(holidayCount()).isEqualTo(before);
  }

  // --- holidays -------------------------------------------------------------------------------------

  @Test
  void theHolidaysOfAYearAreListed() {
    Reply reply = get("/api/calendar/holidays?year=2026", CLERK);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<String> dates = new ArrayList<>();
    reply.json().forEach(h -> dates.add(h.path("date").asText()));
    assertThat(dates).contains("2026-01-01", "2026-04-13", "2026-04-14", "2026-04-15", "2026-06-01", "2026-12-07",
        "2026-12-31");
    assertThat(dates).allMatch(d -> d.startsWith("2026-"));
    assertThat(dates).isSorted();
    assertThat(dates).doesNotContain("2026-05-01"); // 1 May is not a government holiday
    JsonNode songkran = null;
    for (JsonNode h : reply.json()) {
      if (h.path("date").asText().equals("2026-04-13")) {
        songkran = h;
      }
    }
    assertThat(songkran.path("nameTh").asText()).isEqualTo("วันสงกรานต์");
    assertThat(songkran.path("nameEn").asText()).isEqualTo("Songkran Festival");
  }

  @Test
  void anAdministratorAddsAndRemovesAHoliday() {
    int before = holidayCount();
    Reply reply = post(ADMIN, holidayJson(BRIDGE.toString(), "วันหยุดพิเศษ", "Bridge"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("date").asText()).isEqualTo("2026-12-30");
    assertThat(reply.json().path("nameTh").asText()).isEqualTo("วันหยุดพิเศษ");
    assertThat(holidayCount()).isEqualTo(before + 1);
    assertThat(holidayRepository.find(BRIDGE)).hasValueSatisfying(h -> {
      assertThat(h.nameTh()).isEqualTo("วันหยุดพิเศษ");
      assertThat(h.nameEn()).isEqualTo("Bridge");
    });
    List<String> listed = new ArrayList<>();
    get("/api/calendar/holidays?year=2026", CLERK).json().forEach(h -> listed.add(h.path("date").asText()));
    assertThat(listed).contains("2026-12-30");
    // The planner counts with it at once: Tue 29 Dec + 1 → Mon 4 Jan (30 Dec bridge, 31 Dec, 1 Jan, weekend).
    Reply due = get("/api/calendar/due?start=2026-12-29T10:00:00%2B07:00&days=1", CLERK);
    assertThat(due.json().path("due").asText()).isEqualTo("2027-01-04T16:30+07:00");

    // The same day again: refused, the first entry stays as it was.
    reply = post(ADMIN, holidayJson(BRIDGE.toString(), "วันอื่น", "Other"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("30 ธ.ค. 2569");
    assertThat(holidayCount()).isEqualTo(before + 1);
    assertThat(holidayRepository.find(BRIDGE).orElseThrow().nameTh()).isEqualTo("วันหยุดพิเศษ");

    reply = delete(BRIDGE, ADMIN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(holidayCount()).isEqualTo(before);
    assertThat(holidayCount(BRIDGE)).isZero();
    due = get("/api/calendar/due?start=2026-12-29T10:00:00%2B07:00&days=1", CLERK);
    assertThat(due.json().path("due").asText()).isEqualTo("2026-12-30T16:30+07:00");

    // Not (or no longer) a holiday.
    reply = delete(BRIDGE, ADMIN);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.detail()).contains("30 ธ.ค. 2569");
    assertThat(holidayCount()).isEqualTo(before);
  }

  @Test
  void invalidHolidaysAreRefusedAndNothingIsSaved() {
    int before = holidayCount();
    for (String bad : List.of("2026-13-45", "30/12/2026", "2026-02-30", "")) {
      Reply reply = post(ADMIN, holidayJson(bad, "วันหยุดพิเศษ", "Bridge"));
      assertThat(reply.status()).as("date '%s': %s", bad, reply.body()).isEqualTo(400);
      if (!bad.isEmpty()) {
        assertThat(reply.detail()).contains(bad);
      } else {
        assertThat(reply.detail()).contains("วันที่ของวันหยุด");
      }
    }
    // Saturday 26 Dec 2026.
    Reply reply = post(ADMIN, holidayJson("2026-12-26", "วันหยุดพิเศษ", "Bridge"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("26 ธ.ค. 2569").contains("วันเสาร์หรืออาทิตย์");
    // No Thai name.
    reply = post(ADMIN, holidayJson(BRIDGE.toString(), null, "Bridge"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("ชื่อวันหยุดภาษาไทย");
    reply = post(ADMIN, holidayJson(BRIDGE.toString(), "   ", "Bridge"));
    assertThat(reply.status()).isEqualTo(400);
    // Not JSON at all.
    reply = post(ADMIN, "{\"date\": ");
    assertThat(reply.status()).isEqualTo(400);

    assertThat(holidayCount()).isEqualTo(before);
    assertThat(holidayCount(BRIDGE)).isZero();
  }

  @Test
  void onlyAdministratorsAndKpiManagersMaintainHolidays() {
    int before = holidayCount();
    Reply reply = post(CLERK, holidayJson(BRIDGE.toString(), "วันหยุดพิเศษ", "Bridge"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(403);
    assertThat(holidayCount()).isEqualTo(before);
    assertThat(holidayCount(BRIDGE)).isZero();

    reply = post(KPI_MANAGER, holidayJson(KPI_BRIDGE.toString(), "วันหยุดพิเศษ", "Bridge"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(holidayCount(KPI_BRIDGE)).isEqualTo(1);

    // The clerk may not remove it either.
    reply = delete(KPI_BRIDGE, CLERK);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(holidayCount(KPI_BRIDGE)).isEqualTo(1);

    reply = delete(KPI_BRIDGE, KPI_MANAGER);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(holidayCount(KPI_BRIDGE)).isZero();
    assertThat(holidayCount()).isEqualTo(before);

    assertThat(send("DELETE", "/api/calendar/holidays/" + KPI_BRIDGE, null, null).status()).isEqualTo(401);
  }

  // --- re-planning -----------------------------------------------------------------------------------

  @Test
  void aHolidayChangeRePlansOpenDeadlines() {
    // Mon 28 Dec 2026 10:00: 3 working days → Tue 29, Wed 30, (31 Dec, 1 Jan, weekend) Mon 4 Jan 16:30.
    LocalDateTime startTime = LocalDateTime.of(2026, 12, 28, 10, 0);
    Instant start = bangkok(startTime);
    Instant due = bangkok(LocalDateTime.of(2027, 1, 4, 16, 30));
    Instant dueWithBridge = bangkok(LocalDateTime.of(2027, 1, 5, 16, 30));
    clockAt(startTime);
    ProcessInstance fresh = startPetition();     // its timer waits for the warning (75 %)
    ProcessInstance warned = startPetition();    // its timer waits for the due date
    Task freshTask = task(fresh);
    Task warnedTask = task(warned);
    Job warning = slaTimer(warned);
    assertThat(warning.getDuedate().toInstant()).isEqualTo(share(start, due, 75));
    ClockUtil.setCurrentTime(warning.getDuedate());
    managementService.executeJob(warning.getId());
    clockAt(startTime.plusHours(1));

    assertThat(taskDue(fresh)).isEqualTo(due);
    assertThat(timerDue(fresh)).isEqualTo(share(start, due, 75));
    assertThat(factDue(freshTask)).isEqualTo(due);
    assertThat(taskDue(warned)).isEqualTo(due);
    assertThat(timerDue(warned)).isEqualTo(due);
    assertThat(factDue(warnedTask)).isEqualTo(due);

    // Wed 30 Dec becomes a holiday: every deadline moves one working day, to Tue 5 Jan.
    Reply reply = post(ADMIN, holidayJson(BRIDGE.toString(), "วันหยุดพิเศษ", "Bridge"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);

    assertThat(taskDue(fresh)).isEqualTo(dueWithBridge);
    assertThat(timerDue(fresh)).isEqualTo(share(start, dueWithBridge, 75));
    assertThat(factDue(freshTask)).isEqualTo(dueWithBridge);
    assertThat(taskDue(warned)).isEqualTo(dueWithBridge);
    assertThat(timerDue(warned)).isEqualTo(dueWithBridge);
    assertThat(factDue(warnedTask)).isEqualTo(dueWithBridge);
    assertThat(task(warned).getPriority()).as("the warning stays passed").isEqualTo(75);

    // The Cabinet cancels it: everything moves back.
    reply = delete(BRIDGE, ADMIN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);

    assertThat(taskDue(fresh)).isEqualTo(due);
    assertThat(timerDue(fresh)).isEqualTo(share(start, due, 75));
    assertThat(factDue(freshTask)).isEqualTo(due);
    assertThat(taskDue(warned)).isEqualTo(due);
    assertThat(timerDue(warned)).isEqualTo(due);
    assertThat(factDue(warnedTask)).isEqualTo(due);
  }

  @Test
  void aRefusedHolidayChangesNoDeadline() {
    LocalDateTime startTime = LocalDateTime.of(2026, 12, 28, 10, 0);
    Instant due = bangkok(LocalDateTime.of(2027, 1, 4, 16, 30));
    clockAt(startTime);
    ProcessInstance instance = startPetition();
    Instant timer = timerDue(instance);

    assertThat(post(CLERK, holidayJson(BRIDGE.toString(), "วันหยุดพิเศษ", "Bridge")).status()).isEqualTo(403);
    assertThat(post(ADMIN, holidayJson("2026-12-30x", "วันหยุดพิเศษ", "Bridge")).status()).isEqualTo(400);
    assertThat(taskDue(instance)).isEqualTo(due);
    assertThat(timerDue(instance)).isEqualTo(timer);
    assertThat(factDue(task(instance))).isEqualTo(due);
  }

  private static Instant share(Instant start, Instant due, int percent) {
    return start.plus(Duration.between(start, due).multipliedBy(percent).dividedBy(100));
  }

  private Instant taskDue(ProcessInstance instance) {
    return task(instance).getDueDate().toInstant();
  }

  private Instant timerDue(ProcessInstance instance) {
    Job timer = slaTimer(instance);
    assertThat(timer).as("SLA timer of " + instance.getId()).isNotNull();
    return timer.getDuedate().toInstant();
  }

  private Instant factDue(Task task) {
    return facts.findStep(task.getId()).orElseThrow().dueAt().toInstant();
  }
}
