package th.go.senate.workflow.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DemoSessionPeriods;
import th.go.senate.workflow.kpi.KpiTotalsRepository;

/**
 * A demo history on the shared test database, and its removal: the tests that generate one ({@code DemoHistoryTest},
 * {@code webapp/DemoHistoryBrowserTest}) share the database with every other test, which count open tasks, facts and
 * session periods of these years, so what the history wrote is taken out again, the one way both use.
 */
public final class DemoHistoryCleanUp {

  private final ProcessEngine processEngine;
  private final JdbcTemplate jdbc;
  private final KpiTotalsRepository totals;
  private Set<String> generated = Set.of();
  private boolean lastYearsSessionsSeeded;

  public DemoHistoryCleanUp(ProcessEngine processEngine, JdbcTemplate jdbc, KpiTotalsRepository totals) {
    this.processEngine = processEngine;
    this.jdbc = jdbc;
    this.totals = totals;
  }

  /**
   * As the demo profile does before the history: session periods, without which a bill's limit in session days
   * cannot be counted (the demo seeds this year's; the history also needs last year's, removed again after).
   */
  public void seedSessionPeriods(DemoSessionPeriods sessionPeriods) {
    lastYearsSessionsSeeded |= sessionPeriods.seed(BangkokTime.today().getYear() - 1) > 0;
    sessionPeriods.seed(BangkokTime.today().getYear());
  }

  /** Generates the history and remembers its instances for {@link #remove()}. */
  public DemoHistory.Result generate(DemoHistory history, int size) {
    DemoHistory.Result result = history.generate(size);
    if (result.generated()) {
      generated = result.processInstanceIds();
    }
    return result;
  }

  /**
   * Takes the history out of the shared database again: its cases (running ones deleted first), their history and
   * facts, the marker, and last year's demo sessions if {@link #seedSessionPeriods} added them.
   */
  public void remove() {
    if (!generated.isEmpty()) {
      List<String> ids = List.copyOf(generated);
      List<String> running = processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceIds(generated).list().stream().map(ProcessInstance::getId).toList();
      if (!running.isEmpty()) {
        processEngine.getRuntimeService().deleteProcessInstances(running, "test: demo history removed", true, true);
      }
      processEngine.getHistoryService().deleteHistoricProcessInstancesIfExists(ids);
      String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
      jdbc.update("delete from kpi_step_fact where process_instance_id in (" + in + ")");
      jdbc.update("delete from kpi_case_fact where process_instance_id in (" + in + ")");
      totals.rebuild(); // the facts went by SQL: the report's totals rebuilt from those left
      generated = Set.of();
    }
    processEngine.getManagementService().deleteProperty(DemoHistory.MARKER);
    if (lastYearsSessionsSeeded) {
      jdbc.update("delete from calendar_session_period where name like ? and closed_on < ?",
          "%" + DemoSessionPeriods.MARK, java.sql.Date.valueOf(BangkokTime.today().withDayOfYear(1)));
      lastYearsSessionsSeeded = false;
    }
  }
}
