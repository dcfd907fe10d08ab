package th.go.senate.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The session-period API over HTTP as a client calls it: who may maintain sessions, what is refused
 * (overlapping, inverted, malformed) without changing anything, and the deadline API on session and
 * calendar days.
 */
class SessionApiTest extends PlatformTest {

  /** Sessions of this class carry this prefix and lie in 2049, which no other test uses. */
  private static final String TAG = "SessionApiTest ";

  private final ObjectMapper json = new ObjectMapper();

  @Autowired DueDatePlanner planner;

  @AfterEach
  void removeOwnSessions() {
    jdbc.update("delete from calendar_session_period where name like ?", TAG + "%");
    planner.forget();
  }

  private Reply send(String method, String path, String user, String body) {
    return ApiClient.send(port, method, path, user, body);
  }

  private String session(String name, String openedOn, String closedOn) {
    try {
      java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
      if (name != null) {
        body.put("name", TAG + name);
      }
      body.put("openedOn", openedOn);
      body.put("closedOn", closedOn);
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private int sessionCount() {
    return jdbc.queryForObject("select count(*) from calendar_session_period", Integer.class);
  }

  @Test
  void kpiManagersOpenChangeAndRemoveASessionAndDeadlinesFollow() {
    Reply created = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("first", "2049-01-05", "2049-01-14"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    assertThat(created.json().path("openedOn").asText()).isEqualTo("2049-01-05");

    Reply listed = send("GET", "/api/calendar/sessions", "burMeetingUser", null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains(TAG + "first");

    // 5 session days from 12 January: 12, 13, 14 … and no later session: refused with a message that names what
    // the calendar's maintainers must enter.
    Reply due = send("GET", "/api/calendar/due?start=2049-01-12T09:00:00%2B07:00&days=5&calendar=SESSION_DAYS",
        "burMeetingUser", null);
    assertThat(due.status()).as(due.body()).isEqualTo(400);
    assertThat(due.detail()).startsWith("ไม่มีสมัยประชุมเพียงพอที่จะนับ 5 วันนับแต่วันที่ 12 ม.ค. 2592")
        .contains("ต้องบันทึกสมัยประชุมของวุฒิสภา").contains("ในปฏิทินของระบบ");

    // A second session (admin) makes the count possible: 12, 13, 14 Jan, 1, 2 Feb → 24:00 of 2 Feb.
    Reply second = send("POST", "/api/calendar/sessions", "demo", session("second", "2049-02-01", "2049-02-28"));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    due = send("GET", "/api/calendar/due?start=2049-01-12T09:00:00%2B07:00&days=5&calendar=SESSION_DAYS",
        "burMeetingUser", null);
    assertThat(due.status()).as(due.body()).isEqualTo(200);
    assertThat(due.json().path("due").asText()).isEqualTo("2049-02-03T00:00+07:00");
    due = send("GET", "/api/calendar/due?start=2049-01-12T09:00:00%2B07:00&days=5&calendar=CALENDAR_DAYS",
        "burMeetingUser", null);
    assertThat(due.json().path("due").asText()).as("calendar days ignore sessions").isEqualTo("2049-01-17T00:00+07:00");

    // Extending the first session to 20 January moves the count: 12–16 Jan → 24:00 of 16 Jan.
    Reply changed = send("PUT", "/api/calendar/sessions/" + id, "kpiManagersUser", session("first", "2049-01-05", "2049-01-20"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    due = send("GET", "/api/calendar/due?start=2049-01-12T09:00:00%2B07:00&days=5&calendar=SESSION_DAYS",
        "burMeetingUser", null);
    assertThat(due.json().path("due").asText()).isEqualTo("2049-01-17T00:00+07:00");

    assertThat(send("DELETE", "/api/calendar/sessions/" + id, "kpiManagersUser", null).status()).isEqualTo(204);
    assertThat(send("DELETE", "/api/calendar/sessions/" + id, "kpiManagersUser", null).status()).isEqualTo(404);
    assertThat(send("PUT", "/api/calendar/sessions/" + id, "kpiManagersUser", session("x", "2049-01-05", "2049-01-06"))
        .status()).isEqualTo(404);
  }

  @Test
  void badSessionsAreRefusedWithAMessageAndChangeNothing() {
    Reply created = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("base", "2049-06-01", "2049-06-30"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    int before = sessionCount();

    Reply reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("overlap", "2049-06-30", "2049-07-10"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("ทับซ้อน").contains(TAG + "base");

    reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("inverted", "2049-08-10", "2049-08-01"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("อยู่ก่อนวันเปิด");

    reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("malformed", "10/08/2049", "2049-08-20"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("10/08/2049").contains("openedOn");

    reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", session(null, "2049-08-01", "2049-08-20"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("ต้องระบุชื่อสมัยประชุม");

    reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("missing", "2049-08-01", null));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.detail()).contains("วันปิดสมัยประชุม");

    reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("too long", "2049-08-01", "2051-08-01"));
    assertThat(reply.status()).isEqualTo(400);

    reply = send("POST", "/api/calendar/sessions", "kpiManagersUser", "{not json");
    assertThat(reply.status()).isEqualTo(400);

    // Changing the session so that it would overlap another one, or invert it, is refused too.
    Reply other = send("POST", "/api/calendar/sessions", "kpiManagersUser", session("other", "2049-09-01", "2049-09-30"));
    assertThat(other.status()).isEqualTo(201);
    reply = send("PUT", "/api/calendar/sessions/" + id, "kpiManagersUser", session("base", "2049-06-01", "2049-09-05"));
    assertThat(reply.status()).isEqualTo(400);
    reply = send("PUT", "/api/calendar/sessions/" + id, "kpiManagersUser", session("base", "2049-06-30", "2049-06-01"));
    assertThat(reply.status()).isEqualTo(400);
    reply = send("PUT", "/api/calendar/sessions/abc", "kpiManagersUser", session("base", "2049-06-01", "2049-06-30"));
    assertThat(reply.status()).isEqualTo(400);

    assertThat(sessionCount()).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("select closed_on from calendar_session_period where id = ?", java.sql.Date.class, id)
        .toLocalDate()).isEqualTo(java.time.LocalDate.of(2049, 6, 30));
  }

  @Test
  void onlyAdministratorsAndKpiManagersMaintainSessions() {
    Reply created = send("POST", "/api/calendar/sessions", "demo", session("guarded", "2049-11-01", "2049-11-30"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    int before = sessionCount();

    Reply reply = send("POST", "/api/calendar/sessions", "burMeetingUser", session("clerk", "2049-12-01", "2049-12-10"));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.detail()).contains("ไม่มีสิทธิ์");
    assertThat(send("PUT", "/api/calendar/sessions/" + id, "burLegalUser", session("guarded", "2049-11-01", "2049-11-05"))
        .status()).isEqualTo(403);
    assertThat(send("DELETE", "/api/calendar/sessions/" + id, "sgOfficeUser", null).status()).isEqualTo(403);
    assertThat(send("GET", "/api/calendar/sessions", null, null).status()).isEqualTo(401);
    assertThat(send("POST", "/api/calendar/sessions", null, session("anon", "2049-12-01", "2049-12-10")).status())
        .isEqualTo(401);
    assertThat(send("DELETE", "/api/calendar/sessions/" + id, null, null).status()).isEqualTo(401);

    assertThat(sessionCount()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select closed_on from calendar_session_period where id = ?", java.sql.Date.class, id)
        .toLocalDate()).isEqualTo(java.time.LocalDate.of(2049, 11, 30));
  }
}
