package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Metrics for operators only (nothing personal in them; the public statistics: PublicStatisticsTest), and the
 * Cockpit session as the second way into the KPI reports.
 */
class KpiAccessTest extends PlatformTest {

  @Autowired KpiMetrics kpiMetrics;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  record Reply(int status, String body) {
  }

  // ------------------------------------------------------------------------------------ metrics

  @Test
  void prometheusMetricsNeedAnAdministratorAndShowBureauGaugesBreachesAndDurations() throws Exception {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    // acknowledge on time (a duration), then let the triage step breach (SLA timer: warning, then breach)
    clockAt(LocalDateTime.of(2026, 11, 26, 11, 0));
    completeAs("officePresidentUser", List.of("officePresident"), instance, PetitionValues.acknowledge());
    clockAt(LocalDateTime.of(2026, 11, 30, 16, 0));
    managementService.executeJob(slaTimer(instance).getId());
    clockAt(LocalDateTime.of(2026, 11, 30, 16, 30));
    managementService.executeJob(slaTimer(instance).getId());
    clockAt(LocalDateTime.of(2026, 11, 30, 16, 31)); // a minute past the triage's due time: overdue
    kpiMetrics.refresh();

    assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(get("/actuator/metrics", null).status()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "kpiManagersUser").status()).isEqualTo(403); // not an operator
    Reply metrics = get("/actuator/prometheus", "demo");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("senate_tasks_open\\{bureau=\"officePresident\",scope=\"cluster\"\\} [1-9]")
        .containsPattern("senate_tasks_overdue\\{bureau=\"officePresident\",scope=\"cluster\"\\} [1-9]")
        .contains("senate_tasks_open{bureau=\"burLegal\",scope=\"cluster\"}")
        .containsPattern("senate_sla_breaches_total\\{process=\"petition\",step=\"Task_TriagePetition\"\\} [1-9]")
        .containsPattern("senate_step_working_seconds_count\\{process=\"petition\",step=\"Task_AcknowledgePetition\"\\} [1-9]")
        .contains("senate_step_working_seconds_sum{process=\"petition\",step=\"Task_AcknowledgePetition\"}");
    // labels carry processes, steps and bureaus only: no user, no business key
    assertThat(metrics.body()).doesNotContain("officePresidentUser").doesNotContain(instance.getBusinessKey())
        .doesNotContain("PET-");
  }

  // ------------------------------------------------------------------------------------ webapp session

  @Test
  void theCockpitSessionReadsTheKpiReportButChangesNothingAndOpensNoOtherApi() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=kpiManagersUser&password="
            + URLEncoder.encode("demo", StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> report = browser.send(HttpRequest.newBuilder(uri("/api/kpi/report?groupBy=bureau")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    assertThat(json.readTree(report.body()).has("rows")).isTrue();
    HttpResponse<byte[]> xlsx = browser.send(HttpRequest.newBuilder(uri("/api/kpi/report.xlsx")).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);

    // reads of other APIs and any write still need HTTP Basic
    assertThat(browser.send(HttpRequest.newBuilder(uri("/api/calendar/holidays")).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    assertThat(browser.send(HttpRequest.newBuilder(uri("/api/calendar/holidays")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2030-12-30\",\"nameTh\":\"ทดสอบ\"}")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    assertThat(jdbc.queryForObject("select count(*) from calendar_holiday where holiday_date = date '2030-12-30'",
        Integer.class)).isZero();
    // without the session: 401
    assertThat(get("/api/kpi/report", null).status()).isEqualTo(401);
  }

  // ------------------------------------------------------------------------------------ helpers

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private Reply get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }
}
