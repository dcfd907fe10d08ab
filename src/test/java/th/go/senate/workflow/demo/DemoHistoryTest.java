package th.go.senate.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

import th.go.senate.workflow.calendar.DemoSessionPeriods;
import th.go.senate.workflow.identity.StartupLock;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The demo history on the test database, at a fifteenth of the demo's size: it is written only where it may be (the
 * demo profile and its property), it is the engine's own record (every step fact matches the engine's history of
 * that task, every case fact its instance), it holds what a manager must see (two fiscal years, late and escalated
 * steps, cases decided by a deadline, closed plan-review rounds, open work for today), and a second call adds
 * nothing and leaves the clock and the job executor as they were.
 */
class DemoHistoryTest extends PlatformTest {

  /** Cases of the test's history: every process once, and a few more (the demo's 300 take minutes). */
  private static final int SIZE = 20;

  @Autowired DemoHistory history;
  @Autowired Environment environment;
  @Autowired StartupLock startupLock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DemoSessionPeriods sessionPeriods;

  /** The history of this test, removed after it: the other tests share the database. */
  private DemoHistoryCleanUp cleanUp;
  @Autowired th.go.senate.workflow.kpi.KpiTotalsRepository totals;

  @BeforeEach
  void cleanUpAfterwards() {
    cleanUp = new DemoHistoryCleanUp(processEngine, jdbc, totals);
  }

  @AfterEach
  void removeTheHistory() {
    cleanUp.remove();
  }

  @Test
  void theHistoryIsTheEnginesOwnRecordAndIsWrittenOnce() {
    assertThat(managementService.getProperties()).as("no history before this test").doesNotContainKey(DemoHistory.MARKER);

    // Outside the demo profile, or without its property, the start adds nothing.
    long instancesBefore = historyService.createHistoricProcessInstanceQuery().count();
    guarded(environment, true).generateAtStart();
    MockEnvironment demoProfile = new MockEnvironment();
    demoProfile.setActiveProfiles("demo");
    guarded(demoProfile, false).generateAtStart();
    assertThat(managementService.getProperties()).doesNotContainKey(DemoHistory.MARKER);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);

    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    boolean executorActive = configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive();

    // As in the demo profile: session periods, then the history.
    cleanUp.seedSessionPeriods(sessionPeriods);
    DemoHistory.Result result = cleanUp.generate(history, SIZE);
    // The recorder kept the report's pre-aggregate through every step, breach, escalation and cancellation of the
    // history: the repair command finds no row to mend.
    assertThat(totals.rebuild().rowsWrong()).as("rows of the KPI totals that differ from the facts").isZero();

    assertThat(result.generated()).isTrue();
    assertThat(result.casesStarted()).isGreaterThanOrEqualTo(SIZE * 9 / 10);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
        .as("the clock is reset").isLessThan(Duration.ofSeconds(5));
    assertThat(configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive())
        .as("the job executor as it was").isEqualTo(executorActive);
    Set<String> ids = result.processInstanceIds();
    assertThat(ids).hasSize(result.instances());
    String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));

    // Facts equal history: each task of the history's cases has its step fact, with the same times and end.
    List<Map<String, Object>> tasks = jdbc.queryForList("select ID_, START_TIME_, END_TIME_, DELETE_REASON_, "
        + "TASK_DEF_KEY_ from ACT_HI_TASKINST where PROC_INST_ID_ in (" + in + ")");
    Map<String, Map<String, Object>> facts = new HashMap<>();
    jdbc.queryForList("select task_id, created_at, completed_at, end_state, step_id from kpi_step_fact "
        + "where process_instance_id in (" + in + ")").forEach(row -> facts.put((String) row.get("task_id"), row));
    assertThat(facts).hasSameSizeAs(tasks);
    assertThat(tasks).hasSize((int) result.stepFacts());
    for (Map<String, Object> task : tasks) {
      Map<String, Object> fact = facts.get((String) task.get("ID_"));
      assertThat(fact).as("fact of task %s", task.get("ID_")).isNotNull();
      assertThat(fact.get("step_id")).isEqualTo(task.get("TASK_DEF_KEY_"));
      assertThat(instant(fact.get("created_at"))).isEqualTo(instant(task.get("START_TIME_")));
      assertThat(instant(fact.get("completed_at"))).as("end of %s", task.get("ID_"))
          .isEqualTo(instant(task.get("END_TIME_")));
      String expectedEnd = task.get("END_TIME_") == null ? null
          : "completed".equals(task.get("DELETE_REASON_")) ? "COMPLETED" : "CANCELLED";
      assertThat(fact.get("end_state")).as("end state of %s", task.get("ID_")).isEqualTo(expectedEnd);
    }
    // ... and each case its case fact, ended when the instance ended.
    List<Map<String, Object>> cases = jdbc.queryForList(
        "select i.ID_, i.END_TIME_, f.ended_at from ACT_HI_PROCINST i left join kpi_case_fact f "
            + "on f.process_instance_id = i.ID_ where i.ID_ in (" + in + ")");
    assertThat(cases).hasSize(ids.size()).hasSize((int) result.caseFacts());
    for (Map<String, Object> row : cases) {
      assertThat(instant(row.get("ended_at"))).as("case %s", row.get("ID_")).isEqualTo(instant(row.get("END_TIME_")));
    }

    // What a manager must find in it.
    List<String> keys = jdbc.queryForList("select business_key from kpi_case_fact where process_instance_id in ("
        + in + ")", String.class);
    assertThat(keys).anyMatch(key -> key.contains("-2569-")).anyMatch(key -> key.contains("-2570-"));
    assertThat(count("kpi_step_fact where sla_met = false and process_instance_id in (" + in + ")"))
        .as("late steps").isPositive();
    assertThat(count("kpi_step_fact where breached_at is not null and process_instance_id in (" + in + ")"))
        .as("escalated steps").isPositive();
    assertThat(count("ACT_HI_PROCINST where END_TIME_ is not null and PROC_DEF_KEY_ = 'planReview' and ID_ in ("
        + in + ")")).as("closed plan-review rounds").isPositive();
    assertThat(result.stepsLeftOpen()).as("today's open work").isPositive();
    assertThat(taskService.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).count())
        .isEqualTo(result.stepsLeftOpen());
    Set<String> processes = Set.copyOf(jdbc.queryForList("select distinct PROC_DEF_KEY_ from ACT_HI_PROCINST "
        + "where ID_ in (" + in + ")", String.class));
    assertThat(processes).as("every process").contains("petition", "complaint", "interpellation", "motion",
        "committeeMinutes", "legislation", "appointmentVetting", "planReview", "reformMonitoring");

    // A second call (a second start, a second node) finds the marker and adds nothing.
    long instances = historyService.createHistoricProcessInstanceQuery().count();
    long stepFacts = count("kpi_step_fact");
    DemoHistory.Result again = history.generate(SIZE);
    assertThat(again.generated()).isFalse();
    assertThat(again.marker()).isEqualTo(result.marker());
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(count("kpi_step_fact")).isEqualTo(stepFacts);
  }

  private DemoHistory guarded(Environment environment, boolean enabled) {
    return new DemoHistory(environment, enabled, SIZE, processEngine, startupLock, transactions, jdbc);
  }

  private long count(String fromWhere) {
    return jdbc.queryForObject("select count(*) from " + fromWhere, Long.class);
  }

  private static Instant instant(Object value) {
    return value == null ? null : value instanceof Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
  }
}
