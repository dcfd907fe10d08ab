package th.go.senate.workflow.kpi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * KPI metrics for Prometheus ({@code /actuator/prometheus}). Labels are process keys, step ids and bureau ids
 * only, never a person, a business key or a case.
 * <ul>
 * <li>{@code senate_tasks_open{bureau}}, {@code senate_tasks_overdue{bureau}}: open steps of each bureau's
 * candidate group, and those past their due time (read from the step facts, at most every 15 seconds; the same on
 * every node, hence the label {@code scope="cluster"}: aggregate with max, never sum over nodes);
 * <li>{@code senate_sla_breaches_total{process,step}}, {@code senate_sla_escalations_total{process,step}}:
 * SLA checkpoints passed by the timers;
 * <li>{@code senate_step_working_seconds{process,step}}: working-time duration of each completed step, in seconds
 * (Prometheus' base unit; the facts count whole working minutes).
 * </ul>
 * Counters and the summary move only when the engine's transaction commits, so a rolled-back step is not
 * counted; they start at zero with the application (Prometheus' {@code rate()}/{@code increase()} expect that).
 */
@Component
public class KpiMetrics {

  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(15);

  private final MeterRegistry registry;
  private final JdbcTemplate jdbc;
  /** One entry (the counts of every bureau); {@link #refresh} clears it. */
  private final LoadingCache<Boolean, Snapshot> snapshot = Caffeine.newBuilder().expireAfterWrite(SNAPSHOT_TTL)
      .build(counts -> read());

  private record Snapshot(Map<String, long[]> byBureau) {
  }

  public KpiMetrics(MeterRegistry registry, JdbcTemplate jdbc, BureauDirectory bureaus) {
    this.registry = registry;
    this.jdbc = jdbc;
    for (GroupDescription group : bureaus.getGroups()) {
      String id = group.getId();
      Gauge.builder("senate.tasks.open", this, m -> m.count(id, 0)).tags("bureau", id, "scope", "cluster")
          .description("Open user tasks whose candidate group is the bureau").register(registry);
      Gauge.builder("senate.tasks.overdue", this, m -> m.count(id, 1)).tags("bureau", id, "scope", "cluster")
          .description("Open user tasks of the bureau past their due time").register(registry);
    }
  }

  public void stepCompleted(String processKey, String stepId, Integer workingMinutes) {
    if (workingMinutes == null) {
      return;
    }
    afterCommit(() -> DistributionSummary.builder("senate.step.working").baseUnit("seconds")
        .description("Working-time duration of completed steps").tags("process", processKey, "step", stepId)
        .register(registry).record(workingMinutes * 60.0));
  }

  public void breached(String processKey, String stepId) {
    afterCommit(() -> Counter.builder("senate.sla.breaches").description("SLA breaches (100 % of the time used)")
        .tags("process", processKey, "step", stepId).register(registry).increment());
  }

  public void escalated(String processKey, String stepId) {
    afterCommit(() -> Counter.builder("senate.sla.escalations")
        .description("Escalations to the escalation group (sgOffice)").tags("process", processKey, "step", stepId)
        .register(registry).increment());
  }

  private static void afterCommit(Runnable action) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      action.run();
    } else {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> action.run());
    }
  }

  private double count(String bureau, int which) {
    long[] counts = snapshot.get(Boolean.TRUE).byBureau().get(bureau);
    return counts == null ? 0 : counts[which];
  }

  /** Open facts only (completed_at is null: indexed), grouped by candidate group. */
  private Snapshot read() {
    Map<String, long[]> byBureau = new HashMap<>();
    jdbc.query("select candidate_group, count(*), count(*) filter (where due_at < ?) from kpi_step_fact "
        + "where completed_at is null group by candidate_group", rs -> {
          byBureau.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }, KpiRepository.time(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()));
    return new Snapshot(byBureau);
  }

  /** Forgets the cached open/overdue counts (tests). */
  public void refresh() {
    snapshot.invalidateAll();
  }
}
