package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import th.go.senate.workflow.kpi.KpiReport.Figures;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;
import th.go.senate.workflow.kpi.StepTotals.Key;
import th.go.senate.workflow.kpi.StepTotals.Row;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 17 §5: the report's pre-aggregate ({@link StepTotals}) is kept by the recorder in each step's transaction
 * and always equals the sum over the facts. Petitions are worked through the engine across a month's end (steps
 * created, completed, cancelled, breached, escalated, re-planned); after each change the petition's totals are those
 * its facts define, the reports from them are the reports over the facts and move by what the cases did, a
 * rolled-back change leaves no count, and the repair command finds and mends a wrong row (administrators only).
 * Other tests' petitions share the database: the totals are compared over all of them, the figures as differences.
 */
class KpiTotalsTest extends PlatformTest {

  private static final String PASSWORD = "demo";
  private static final String PETITION = "petition";
  private static final List<String> OFFICE = List.of("officePresident");

  @Autowired KpiTotalsRepository totals;
  @Autowired KpiRepository facts;
  @Autowired KpiReportService reports;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void theRecorderKeepsTheTotalsAsTheFactsDefineThemAndTheReportsAgree() {
    ReportQuery query = new ReportQuery(new ReportPeriod(2561, 6), GroupBy.PROCESS, PETITION, null);
    // The report of the round in progress at 5 Feb 2018 09:01, before the cases and after them.
    LocalDateTime reported = LocalDateTime.of(2018, 2, 5, 9, 1);
    clockAt(reported);
    Figures before = reports.report(query).total().current();

    // 30 Jan 2018 (FY 2561): three petitions arrive; their steps go on into February.
    clockAt(LocalDateTime.of(2018, 1, 30, 10, 0));
    ProcessInstance onTime = startPetition();
    ProcessInstance late = startPetition();
    ProcessInstance withdrawn = startPetition();
    assertTotalsAreTheFacts();

    clockAt(LocalDateTime.of(2018, 1, 31, 11, 0));
    acknowledge(onTime);
    assertTotalsAreTheFacts();

    // A new due time, an SLA breach and an escalation, as the SLA timers and the holiday re-planning write them.
    Task lateTask = task(late);
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      facts.dueChanged(lateTask.getId(), bangkok(LocalDateTime.of(2018, 2, 2, 16, 30)));
      facts.breached(lateTask.getId(), bangkok(LocalDateTime.of(2018, 2, 3, 9, 0)));
      facts.escalated(lateTask.getId());
    });
    assertTotalsAreTheFacts();

    clockAt(LocalDateTime.of(2018, 2, 5, 9, 0));
    acknowledge(late);
    runtimeService.deleteProcessInstance(withdrawn.getId(), "test: withdrawn");
    assertTotalsAreTheFacts();

    // A change whose transaction rolls back leaves no count.
    Map<Key, String> committed = totalsOfPetitions();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      facts.escalated(task(onTime).getId());
      status.setRollbackOnly();
    });
    assertThat(totalsOfPetitions()).isEqualTo(committed);

    // The reports from the totals are the reports over the facts, and moved by what the three cases did.
    clockAt(reported);
    for (GroupBy groupBy : GroupBy.values()) {
      ReportQuery grouped = new ReportQuery(query.period(), groupBy, PETITION, null);
      assertThat(reports.report(grouped)).as(groupBy.name()).isEqualTo(reports.factsReport(grouped));
    }
    Figures after = reports.report(query).total().current();
    assertThat(after.started() - before.started()).isEqualTo(5); // 3 acknowledgements, 2 triages
    assertThat(after.completed() - before.completed()).isEqualTo(2);
    assertThat(after.onTime() - before.onTime()).isEqualTo(1);
    assertThat(after.breaches() - before.breaches()).isEqualTo(1);
    assertThat(after.escalations() - before.escalations()).isEqualTo(2); // the breach's and the escalation
    assertThat(after.open() - before.open()).isEqualTo(2); // the two triages; the withdrawn one was cancelled
  }

  @Test
  void theReportsFromTheTotalsAreThoseOverTheFactsInARoundInProgress() {
    LocalDateTime now = LocalDateTime.of(2018, 3, 20, 10, 0);
    clockAt(now);
    ReportQuery query = new ReportQuery(new ReportPeriod(2561, 6), GroupBy.STEP, PETITION, null);
    List<Long> backlogBefore = reports.report(query).total().current().backlogByAge();

    clockAt(LocalDateTime.of(2018, 3, 5, 9, 0));
    ProcessInstance instance = startPetition();
    clockAt(LocalDateTime.of(2018, 3, 12, 14, 0));
    acknowledge(instance);
    clockAt(now);
    for (GroupBy groupBy : GroupBy.values()) {
      ReportQuery grouped = new ReportQuery(query.period(), groupBy, PETITION, null);
      assertThat(reports.report(grouped)).as(groupBy.name()).isEqualTo(reports.factsReport(grouped));
    }
    List<Long> backlog = reports.report(query).total().current().backlogByAge();
    assertThat(backlog.get(2) - backlogBefore.get(2)).as("the triage, arrived 8 days before").isEqualTo(1);
    assertThat(backlog.stream().mapToLong(Long::longValue).sum()
        - backlogBefore.stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
  }

  @Test
  void theRepairCommandMendsAWrongRowAndOnlyAnAdministratorMayRunIt() throws Exception {
    clockAt(LocalDateTime.of(2018, 4, 2, 10, 0));
    startPetition();
    jdbc.update("update kpi_step_month set started = started + 5 where process_key = ? and month_start = ?",
        PETITION, LocalDate.of(2018, 4, 1));
    assertThat(totalsOfPetitions()).isNotEqualTo(expectedFromTheFacts());

    assertThat(post("/api/kpi/totals/rebuild", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/kpi/totals/rebuild", "kpiManagersUser").statusCode()).isEqualTo(403);
    assertThat(totalsOfPetitions()).isNotEqualTo(expectedFromTheFacts());
    HttpResponse<String> rebuilt = post("/api/kpi/totals/rebuild", "demo");
    assertThat(rebuilt.statusCode()).isEqualTo(200);
    assertThat(rebuilt.body()).contains("\"rowsWrong\":1");
    assertTotalsAreTheFacts();
    assertThat(totals.rebuild().rowsWrong()).isZero();
  }

  @Test
  void clerksCompletingAtOnceLoseNoCountAndNeverDeadlock() throws Exception {
    // July 2015: a month with no rows yet, so the first transactions race to create the same rows.
    clockAt(LocalDateTime.of(2015, 7, 1, 9, 0));
    List<ProcessInstance> petitions = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      petitions.add(startPetition());
    }
    java.util.concurrent.ExecutorService clerks = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (ProcessInstance petition : petitions) {
        done.add(clerks.submit(() -> {
          start.await();
          acknowledge(petition);
          return null;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> each : done) {
        each.get(2, java.util.concurrent.TimeUnit.MINUTES); // a deadlock or a failed upsert fails here
      }
    } finally {
      clerks.shutdownNow();
    }
    assertTotalsAreTheFacts();
  }

  @Test
  void theFirstStartAfterTheUpgradeBuildsTheTotalsOnce() {
    // As V18_1 leaves a database that already had facts: one request row.
    jdbc.update("insert into kpi_totals_rebuild (requested_at) values (?)", java.sql.Timestamp.from(bangkok(
        LocalDateTime.of(2026, 12, 1, 9, 0))));
    assertThat(totals.rebuildIfRequested()).get().extracting(KpiTotalsRepository.Rebuild::facts)
        .isEqualTo(jdbc.queryForObject("select count(*) from kpi_step_fact", Long.class));
    assertThat(jdbc.queryForObject("select count(*) from kpi_totals_rebuild", Long.class)).isZero();
    assertThat(totals.rebuildIfRequested()).as("done once: the next start finds nothing to do").isEmpty();
  }

  private void acknowledge(ProcessInstance instance) {
    identityService.setAuthentication("officePresidentUser", OFFICE);
    try {
      taskService.complete(task(instance).getId(), PetitionValues.acknowledge());
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void assertTotalsAreTheFacts() {
    assertThat(totalsOfPetitions()).isEqualTo(expectedFromTheFacts());
  }

  /** The sum of {@link StepTotals#of} over every petition's facts. */
  private Map<Key, String> expectedFromTheFacts() {
    Map<Key, Row> expected = new TreeMap<>();
    jdbc.query("select " + KpiRepository.STEP_COLUMNS + " from kpi_step_fact where process_key = ?",
        rs -> {
          StepTotals.of(KpiRepository.step(rs, 0)).forEach((key, row) -> expected.merge(key, row, StepTotals::plus));
        }, PETITION);
    return comparable(expected);
  }

  private Map<Key, String> totalsOfPetitions() {
    Map<Key, Row> rows = new TreeMap<>(totals.read());
    rows.keySet().removeIf(key -> !key.processKey().equals(PETITION));
    return comparable(rows);
  }

  /** Rows as text (arrays compare by identity); rows whose counts went back to 0 stay in the table: left out. */
  private static Map<Key, String> comparable(Map<Key, Row> rows) {
    Map<Key, String> result = new TreeMap<>();
    rows.forEach((key, row) -> {
      if (!row.isZero()) {
        result.put(key, java.util.Arrays.toString(row.counts()) + " " + row.stepName());
      }
    });
    return result;
  }

  private HttpResponse<String> post(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
