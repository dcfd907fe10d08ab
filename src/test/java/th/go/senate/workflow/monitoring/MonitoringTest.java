package th.go.senate.workflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

import th.go.senate.workflow.kpi.KpiMetrics;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 14 §3: the scrape credential of its own, the figures to alert on, the engine REST API's uri label, the
 * base unit of the step durations, and a health check that answers DOWN within 2 s when the database is gone.
 * The scrape it reads is kept in target/metrics/senate-scrape.prom for {@code promtool check metrics} (.ci/run).
 */
class MonitoringTest extends PlatformTest {

  @Autowired EngineMetrics engineMetrics;
  @Autowired KpiMetrics kpiMetrics;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;

  @Test
  void theScrapeCredentialReadsTheMetricsOnlyAndNeedsNoEngineAccount() throws Exception {
    assertThat(get("/actuator/prometheus", "prometheus", "demo").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/metrics", "prometheus", "demo").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/metrics/jvm.memory.used", "prometheus", "demo").statusCode()).isEqualTo(200);
    // read-only, metrics only: no other actuator endpoint, no engine or project API
    assertThat(get("/actuator/info", "prometheus", "demo").statusCode()).isEqualTo(403);
    assertThat(get("/engine-rest/task", "prometheus", "demo").statusCode()).isEqualTo(401);
    assertThat(get("/api/calendar/holidays?year=2026", "prometheus", "demo").statusCode()).isEqualTo(401);
    assertThat(identityService.createUserQuery().userId("prometheus").count()).as("not an engine user").isZero();
    // refused: a wrong secret, no credential, an engine user who is not an administrator
    assertThat(get("/actuator/prometheus", "prometheus", "wrong").statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", "kpiManagersUser", "demo").statusCode()).isEqualTo(403);
    // administrators still read everything
    assertThat(get("/actuator/prometheus", "demo", "demo").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/info", "demo", "demo").statusCode()).isEqualTo(200);
  }

  @Test
  void theScrapeShowsFailedJobsIncidentsDueJobsRiskAndOnTimeShareWithBoundedLabels() throws Exception {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance warned = startPetition();
    ProcessInstance failing = startPetition();
    ProcessInstance late = startPetition();
    clockAt(LocalDateTime.of(2026, 11, 26, 11, 0));
    completeAs("officePresidentUser", List.of("officePresident"), warned, PetitionValues.acknowledge()); // on time
    // the triage step passes its SLA warning (follow-up date): at risk, not yet due
    clockAt(LocalDateTime.of(2026, 11, 30, 16, 0));
    managementService.executeJob(slaTimer(warned).getId());
    // a job whose retries are used up: a failed job and an incident
    Job failed = slaTimer(failing);
    managementService.setJobRetries(failed.getId(), 0);
    // a due SLA timer that no job executor has run (the test's job executor is off)
    Job stuck = slaTimer(late);
    clockAt(LocalDateTime.of(2026, 11, 30, 16, 10));
    engineMetrics.refresh();
    kpiMetrics.refresh();
    // an engine REST call with an id in its path
    assertThat(get("/engine-rest/process-instance/" + warned.getId() + "/variables", "demo", "demo").statusCode())
        .isEqualTo(200);
    // one that never reaches a resource (no credentials)
    assertThat(get("/engine-rest/task/" + warned.getId(), null, null).statusCode()).isEqualTo(401);

    String body = get("/actuator/prometheus", "prometheus", "demo").body();
    Path scrape = Path.of("target", "metrics", "senate-scrape.prom");
    Files.createDirectories(scrape.getParent());
    Files.writeString(scrape, body, StandardCharsets.UTF_8);

    assertThat(value(body, "senate_jobs_failed", "process=\"petition\",scope=\"cluster\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(body, "senate_incidents_open", "process=\"petition\",scope=\"cluster\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(body, "senate_jobs_failed", "process=\"legislation\",scope=\"cluster\"")).isNotNegative();
    assertThat(value(body, "senate_jobs_due", "scope=\"cluster\"")).isGreaterThanOrEqualTo(1);
    double lateBy = Duration.between(stuck.getDuedate().toInstant(), bangkok(LocalDateTime.of(2026, 11, 30, 16, 10)))
        .toSeconds();
    assertThat(lateBy).isPositive();
    assertThat(value(body, "senate_jobs_due_oldest_age_seconds", "scope=\"cluster\"")).isGreaterThanOrEqualTo(lateBy);
    assertThat(value(body, "senate_tasks_at_risk", "bureau=\"officePresident\",scope=\"cluster\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(body, "senate_tasks_open", "bureau=\"officePresident\",scope=\"cluster\"")).isGreaterThanOrEqualTo(1);
    assertThat(value(body, "senate_steps_on_time_ratio", "process=\"petition\",scope=\"cluster\"")).isBetween(0.0, 1.0);
    // working time in Prometheus' base unit
    assertThat(body).contains("# TYPE senate_step_working_seconds summary")
        .containsPattern("senate_step_working_seconds_count\\{process=\"petition\",step=\"Task_AcknowledgePetition\"\\} [1-9]")
        .doesNotContain("senate_step_working_minutes");
    // engine REST requests are labelled with the matched resource, never the id
    assertThat(body).contains("uri=\"/engine-rest/process-instance/{id}/variables\"")
        .contains("uri=\"/engine-rest/**\"").doesNotContain(warned.getId()).doesNotContain(warned.getBusinessKey());
    // the per-node counters carry no cluster label
    assertThat(body).doesNotContainPattern("senate_sla_breaches_total\\{[^}]*scope=");
  }

  @Test
  void theHealthCheckAnswersDownWithinTwoSecondsWhenTheDatabaseIsGone() throws Exception {
    assertThat(context.getBean("dbHealthIndicator")).isInstanceOf(DatabaseHealth.class);
    assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    assertThat(((DatabaseHealth) context.getBean("dbHealthIndicator")).health().getStatus()).isEqualTo(Status.UP);

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    // As in production: a pool that keeps trying to connect for 10 s before it gives up.
    try (HikariDataSource dead = new HikariDataSource()) {
      dead.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/senate_workflow");
      dead.setUsername("senate_workflow");
      dead.setConnectionTimeout(10_000);
      dead.setInitializationFailTimeout(-1);
      DatabaseHealth health = new DatabaseHealth(dead, Duration.ofMillis(1500));
      try {
        for (int i = 0; i < 3; i++) {
          long started = System.nanoTime();
          Health answer = health.health();
          long millis = (System.nanoTime() - started) / 1_000_000;
          assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
          assertThat(millis).as("answer %d after %d ms", i, millis).isLessThan(2000);
        }
      } finally {
        health.destroy();
      }
    }
  }

  private static double value(String body, String metric, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric + "{" + labels + "}") + " (\\S+)$").matcher(body);
    assertThat(m.find()).as("%s{%s} in the scrape", metric, labels).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
