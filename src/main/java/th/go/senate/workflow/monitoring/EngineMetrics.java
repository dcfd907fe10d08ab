package th.go.senate.workflow.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.identity.BureauDirectory.GroupDescription;
import th.go.senate.workflow.reference.ReferenceNumberProperties;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The figures an operator alerts on, read from the database (every node shows the same values: they carry the label
 * {@code scope="cluster"} and are aggregated with {@code max}, never summed over nodes; docs/manager-guide.md, Metrics):
 * <ul>
 * <li>{@code senate_jobs_failed{process}}: jobs whose retries are used up (they will not run again by themselves);
 * <li>{@code senate_incidents_open{process}}: open incidents;
 * <li>{@code senate_jobs_due}, {@code senate_jobs_due_oldest_age_seconds}: jobs that are due, not suspended, have
 * retries left and are not held by a job executor, and how long the oldest of them has been due (a stuck SLA timer
 * or a stopped job executor shows here);
 * <li>{@code senate_tasks_at_risk{bureau}}: open steps past their SLA warning (follow-up date) and not yet due;
 * <li>{@code senate_steps_on_time_ratio{process}}: share of the steps completed in the last 30 days that met their
 * SLA.
 * </ul>
 * Labels come from configuration only (the processes of {@code senate.reference.prefixes}, the bureaus of
 * bureaus.yaml), so the number of series is fixed. The values are read at most every {@link #SNAPSHOT_TTL}.
 */
@Component
public class EngineMetrics {

  static final Duration SNAPSHOT_TTL = Duration.ofSeconds(15);
  static final Duration ON_TIME_WINDOW = Duration.ofDays(30);
  static final String SCOPE = "scope";
  static final String CLUSTER = "cluster";

  private final JdbcTemplate jdbc;
  /** One entry (every value); {@link #refresh} clears it. */
  private final LoadingCache<Boolean, Snapshot> snapshot = Caffeine.newBuilder().expireAfterWrite(SNAPSHOT_TTL)
      .build(values -> read(Instant.now()));

  record Snapshot(Instant readAt, Map<String, Long> failedJobs, Map<String, Long> incidents, long dueJobs,
      double oldestDueSeconds, Map<String, Long> atRisk, Map<String, Double> onTime) {
  }

  public EngineMetrics(MeterRegistry registry, JdbcTemplate jdbc, BureauDirectory bureaus,
      ReferenceNumberProperties processes) {
    this.jdbc = jdbc;
    for (String process : processes.getPrefixes().keySet()) {
      gauge(registry, "senate.jobs.failed", "Jobs of the process with no retries left", "process", process,
          s -> s.failedJobs().getOrDefault(process, 0L));
      gauge(registry, "senate.incidents.open", "Open incidents of the process", "process", process,
          s -> s.incidents().getOrDefault(process, 0L));
      gauge(registry, "senate.steps.on.time.ratio", "Share of the steps completed in the last 30 days on time",
          "process", process, s -> s.onTime().getOrDefault(process, Double.NaN));
    }
    for (GroupDescription group : bureaus.getGroups()) {
      String id = group.getId();
      gauge(registry, "senate.tasks.at.risk", "Open steps of the bureau past their SLA warning, not yet due",
          "bureau", id, s -> s.atRisk().getOrDefault(id, 0L));
    }
    Gauge.builder("senate.jobs.due", this, m -> m.current().dueJobs())
        .description("Jobs due and waiting for a job executor").tag(SCOPE, CLUSTER).register(registry);
    Gauge.builder("senate.jobs.due.oldest.age", this, m -> m.current().oldestDueSeconds()).baseUnit("seconds")
        .description("How long the oldest job waiting for a job executor has been due").tag(SCOPE, CLUSTER)
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, String label, String value,
      ToDoubleFunction<Snapshot> read) {
    Gauge.builder(name, this, m -> read.applyAsDouble(m.current())).description(description)
        .tags(label, value, SCOPE, CLUSTER).register(registry);
  }

  Snapshot current() {
    return snapshot.get(Boolean.TRUE);
  }

  /** Forgets the cached values (tests). */
  public void refresh() {
    snapshot.invalidateAll();
  }

  private Snapshot read(Instant now) {
    Instant engineNow = ClockUtil.getCurrentTime().toInstant();
    Timestamp engineTime = Timestamp.from(engineNow);
    Map<String, Long> failed = counts("select process_def_key_, count(*) from act_ru_job where retries_ = 0 "
        + "and process_def_key_ is not null group by process_def_key_");
    Map<String, Long> incidents = counts("select d.key_, count(*) from act_ru_incident i "
        + "join act_re_procdef d on d.id_ = i.proc_def_id_ group by d.key_");
    // Executable and not held by a job executor: what acquisition would pick up (the due-date index answers it).
    String waiting = " from act_ru_job where duedate_ <= ? and retries_ > 0 and suspension_state_ = 1 "
        + "and (lock_exp_time_ is null or lock_exp_time_ < ?)";
    long due = jdbc.queryForObject("select count(*)" + waiting, Long.class, engineTime, engineTime);
    Timestamp oldest = jdbc.queryForObject("select min(duedate_)" + waiting, Timestamp.class, engineTime, engineTime);
    double oldestAge = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), engineNow).toMillis() / 1000.0);
    Map<String, Long> atRisk = counts("select l.group_id_, count(distinct t.id_) from act_ru_task t "
        + "join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null "
        + "where t.follow_up_date_ <= ? and (t.due_date_ is null or t.due_date_ > ?) group by l.group_id_",
        engineTime, engineTime);
    Map<String, Double> onTime = new HashMap<>();
    jdbc.query("select process_key, count(*), sum(case when sla_met then 1 else 0 end) from kpi_step_fact "
        + "where completed_at >= ? and sla_met is not null group by process_key", rs -> {
          long all = rs.getLong(2);
          if (all > 0) {
            onTime.put(rs.getString(1), rs.getLong(3) / (double) all);
          }
        }, OffsetDateTime.ofInstant(engineNow.minus(ON_TIME_WINDOW), ZoneOffset.UTC));
    return new Snapshot(now, failed, incidents, due, oldestAge, atRisk, onTime);
  }

  private Map<String, Long> counts(String sql, Object... args) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql, rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    }, args);
    return counts;
  }
}
