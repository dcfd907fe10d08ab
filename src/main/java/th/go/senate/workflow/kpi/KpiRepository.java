package th.go.senate.workflow.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import th.go.senate.workflow.calendar.BangkokTime;

/**
 * The KPI fact tables. Writes run on the engine's connection and transaction (Spring manages both), so a
 * rolled-back step leaves no fact. Every change of a step fact also goes to the report's pre-aggregate
 * ({@link KpiTotalsRepository}), in the same transaction: the fact is read (and locked) before the change, so the
 * difference is exact even when a timer and a clerk change the same step at once.
 */
@Repository
public class KpiRepository {

  static final String STEP_COLUMNS = "task_id, process_key, process_instance_id, business_key, step_id, "
      + "step_name, candidate_group, assignee, created_at, claimed_at, completed_at, due_at, calendar_kind, "
      + "working_minutes, sla_met, breached_at, escalations, end_state";

  private final JdbcTemplate jdbc;
  private final KpiTotalsRepository totals;

  public KpiRepository(JdbcTemplate jdbc, KpiTotalsRepository totals) {
    this.jdbc = jdbc;
    this.totals = totals;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(BangkokTime.ZONE).toOffsetDateTime();
  }

  public void insertStep(StepFact f) {
    jdbc.update("insert into kpi_step_fact (" + STEP_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        f.taskId(), f.processKey(), f.processInstanceId(), f.businessKey(), f.stepId(), f.stepName(),
        f.candidateGroup(), f.assignee(), f.createdAt(), f.claimedAt(), f.completedAt(), f.dueAt(), f.calendar(),
        f.workingMinutes(), f.slaMet(), f.breachedAt(), f.escalations(), f.endState());
    totals.record(null, f);
  }

  public void claimed(String taskId, String assignee, Instant at) {
    jdbc.update("update kpi_step_fact set assignee = ?, claimed_at = coalesce(claimed_at, ?) where task_id = ?",
        assignee, assignee == null ? null : time(at), taskId);
  }

  /**
   * The step ended: {@code fact} as {@link #lockStep} read it in this transaction. The update sets the four values
   * outright, so the fact after it is known without reading it again.
   */
  public void ended(StepFact fact, String endState, Instant at, Integer workingMinutes, Boolean slaMet) {
    jdbc.update("update kpi_step_fact set completed_at = ?, working_minutes = ?, sla_met = ?, end_state = ? "
        + "where task_id = ?", time(at), workingMinutes, slaMet, endState, fact.taskId());
    totals.record(fact, new StepFact(fact.taskId(), fact.processKey(), fact.processInstanceId(), fact.businessKey(),
        fact.stepId(), fact.stepName(), fact.candidateGroup(), fact.assignee(), fact.createdAt(), fact.claimedAt(),
        time(at), fact.dueAt(), fact.calendar(), workingMinutes, slaMet, fact.breachedAt(), fact.escalations(),
        endState));
  }

  public void breached(String taskId, Instant at) {
    changed(taskId, () -> jdbc.update("update kpi_step_fact set breached_at = coalesce(breached_at, ?), "
        + "sla_met = false, escalations = escalations + 1 where task_id = ?", time(at), taskId));
  }

  public void escalated(String taskId) {
    changed(taskId, () -> jdbc.update("update kpi_step_fact set escalations = escalations + 1 where task_id = ?",
        taskId));
  }

  public void dueChanged(String taskId, Instant dueAt) {
    changed(taskId, () -> jdbc.update("update kpi_step_fact set due_at = ? where task_id = ?", time(dueAt), taskId));
  }

  /** Runs an update of a step fact and adds its difference to the totals: the fact locked and read before, read after. */
  private void changed(String taskId, Runnable update) {
    StepFact before = lockStep(taskId).orElse(null);
    update.run();
    if (before != null) {
      totals.record(before, findStep(taskId).orElseThrow());
    }
  }

  /**
   * The fact, locked until the transaction ends: read before a change whose difference goes to the totals, so that a
   * timer and a clerk changing the same step one after the other each see the other's change.
   */
  public Optional<StepFact> lockStep(String taskId) {
    return jdbc.query("select " + STEP_COLUMNS + " from kpi_step_fact where task_id = ? for update",
        KpiRepository::step, taskId).stream().findFirst();
  }

  public Optional<StepFact> findStep(String taskId) {
    return jdbc.query("select " + STEP_COLUMNS + " from kpi_step_fact where task_id = ?", KpiRepository::step, taskId)
        .stream().findFirst();
  }

  public List<StepFact> stepsOfInstance(String processInstanceId) {
    return jdbc.query("select " + STEP_COLUMNS + " from kpi_step_fact where process_instance_id = ? "
        + "order by created_at, task_id", KpiRepository::step, processInstanceId);
  }

  public void insertCase(CaseFact f) {
    jdbc.update("insert into kpi_case_fact (process_instance_id, process_key, business_key, started_at) "
        + "values (?,?,?,?)", f.processInstanceId(), f.processKey(), f.businessKey(), f.startedAt());
  }

  public void caseOutcome(String processInstanceId, String outcome) {
    jdbc.update("update kpi_case_fact set outcome = ? where process_instance_id = ?", outcome, processInstanceId);
  }

  /**
   * Closes the case; the outcome stays as the end event recorded it, or becomes {@code fallbackOutcome}. A
   * {@code null} {@code legalLimitMet} (the process has no legal limit of its own) means "no step late" (none
   * breached or completed after its due time), counted in the same statement instead of a query of its own.
   */
  public void caseEnded(String processInstanceId, Instant at, String fallbackOutcome,
      Boolean legalLimitMet, Integer limitDaysUsed) {
    jdbc.update("update kpi_case_fact set ended_at = ?, outcome = coalesce(outcome, ?), legal_limit_met = "
        + "coalesce(cast(? as boolean), not exists (select 1 from kpi_step_fact s where s.process_instance_id = ? "
        + "and s.sla_met = false)), limit_days_used = ? where process_instance_id = ?", time(at), fallbackOutcome,
        legalLimitMet, processInstanceId, limitDaysUsed, processInstanceId);
  }

  public Optional<CaseFact> findCase(String processInstanceId) {
    return jdbc.query("select process_instance_id, process_key, business_key, started_at, ended_at, outcome, "
        + "legal_limit_met, limit_days_used from kpi_case_fact where process_instance_id = ?", (rs, i) -> new CaseFact(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
            rs.getObject(5, OffsetDateTime.class), rs.getString(6), (Boolean) rs.getObject(7),
            (Integer) rs.getObject(8)), processInstanceId)
        .stream().findFirst();
  }

  static StepFact step(ResultSet rs, int row) throws SQLException {
    return new StepFact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), local(rs, 9), local(rs, 10), local(rs, 11),
        local(rs, 12), rs.getString(13), (Integer) rs.getObject(14), (Boolean) rs.getObject(15), local(rs, 16),
        rs.getInt(17), rs.getString(18));
  }

  /** Timestamps come back in Bangkok time whatever zone the database session uses. */
  private static OffsetDateTime local(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(BangkokTime.ZONE).toOffsetDateTime();
  }
}
