package th.go.senate.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 14 §4 and §5: the node's name in the job log, and history cleanup that happens in its nightly window in
 * Bangkok time (the tests run in UTC) and removes a case past its time-to-live while its KPI facts stay.
 */
class EngineOperationsTest extends PlatformTest {

  @Autowired EngineOperations operations;

  @Test
  void theJobLogNamesTheNodeThatRanTheJob() throws Exception {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    Job timer = slaTimer(instance);
    clockAt(LocalDateTime.of(2026, 11, 27, 16, 0));
    managementService.executeJob(timer.getId());

    List<String> hosts = jdbc.queryForList("select hostname_ from act_hi_job_log where job_id_ = ?", String.class,
        timer.getId());
    // no SENATE_NODE_NAME in the tests: the machine's host name, not Camunda's "<address>$<engine>"
    assertThat(hosts).isNotEmpty().containsOnly(InetAddress.getLocalHost().getHostName());
    assertThat(operations.nodeName()).isEqualTo(InetAddress.getLocalHost().getHostName()).doesNotContain("$");
  }

  @Test
  void aCasePastItsTimeToLiveIsRemovedInTheBangkokNightWindowAndItsKpiFactsStay() {
    assertThat(ZoneId.systemDefault()).as("the tests run in UTC on purpose").isEqualTo(ZoneId.of("UTC"));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0700");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0700");
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);

    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    clockAt(LocalDateTime.of(2026, 11, 26, 11, 0));
    completeAs("officePresidentUser", List.of("officePresident"), instance, PetitionValues.acknowledge());
    runtimeService.deleteProcessInstance(instance.getId(), "ถอนเรื่อง (withdrawn)");
    HistoricProcessInstance ended = history(instance);
    assertThat(ended.getRemovalTime()).as("removal time: end + the model's 5 years").isNotNull();
    Integer facts = jdbc.queryForObject("select count(*) from kpi_step_fact where process_instance_id = ?",
        Integer.class, instance.getId());
    assertThat(facts).isPositive();

    // Past the time-to-live, at 10:00 Bangkok (03:00 UTC: inside the window if it were read in UTC): nothing goes.
    LocalDateTime afterTtl = LocalDateTime.ofInstant(ended.getRemovalTime().toInstant(), ZoneId.of("Asia/Bangkok"))
        .plusDays(1).withHour(10).withMinute(0);
    clockAt(afterTtl);
    runCleanup();
    assertThat(history(instance)).as("outside the Bangkok window").isNotNull();

    // The next night, 01:30 Bangkok (18:30 UTC): the cleanup removes the case's history. Each run removes up to
    // the batch size of each history table, and the shared test database holds every other test's ended cases.
    clockAt(afterTtl.plusDays(1).withHour(1).withMinute(30));
    for (int round = 0; round < 200 && historyRows(instance) > 0; round++) {
      runCleanup();
    }
    assertThat(history(instance)).as("removed by the cleanup job").isNull();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
    // the KPI facts are the Secretariat's statistics: they stay
    assertThat(jdbc.queryForObject("select count(*) from kpi_step_fact where process_instance_id = ?", Integer.class,
        instance.getId())).isEqualTo(facts);
    assertThat(jdbc.queryForObject("select count(*) from kpi_case_fact where process_instance_id = ?", Integer.class,
        instance.getId())).isEqualTo(1);
  }

  private long historyRows(ProcessInstance instance) {
    String id = instance.getId();
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).count()
        + historyService.createHistoricTaskInstanceQuery().processInstanceId(id).count()
        + historyService.createHistoricVariableInstanceQuery().processInstanceId(id).count()
        + historyService.createHistoricActivityInstanceQuery().processInstanceId(id).count()
        + historyService.createHistoricDetailQuery().processInstanceId(id).count();
  }

  private HistoricProcessInstance history(ProcessInstance instance) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Runs the engine's history cleanup job(s) as the job executor would (it is off in the tests). */
  private void runCleanup() {
    List<Job> jobs = historyService.findHistoryCleanupJobs();
    if (jobs.isEmpty()) {
      historyService.cleanUpHistoryAsync();
      jobs = historyService.findHistoryCleanupJobs();
    }
    assertThat(jobs).isNotEmpty();
    for (Job job : jobs) {
      managementService.executeJob(job.getId());
    }
  }
}
