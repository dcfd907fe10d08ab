package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The public statistics' counts of <em>cases</em> ({@code kpi_case_fact}, one row per process instance), not of
 * steps: a petition of five steps is one petition received. One statement per reporting round, grouped by process.
 *
 * <p>Definitions (docs/public-statistics.md says the same):
 * <ul>
 * <li><b>received</b>: cases started in {@code [from, asOf)};
 * <li><b>closed</b>: cases ended in {@code [from, asOf)}, whenever they started (a case carried over from last year
 * and closed this year is closed this year);
 * <li><b>closed on time</b>: of those, the cases whose legal limit was met (a process without a limit of its own:
 * no step late, as the recorder decided when the case ended);
 * <li><b>in progress</b>: cases started before {@code asOf} and not ended by then;
 * <li><b>carried over</b>: cases started before {@code from} and not ended by then, so that carried over + received
 * = closed + in progress.
 * </ul>
 * A cancelled case (an administrator deleted the instance: a duplicate, a registration in error) served nobody and
 * is left out of every figure.
 */
@Repository
public class PublicCaseCounts {

  /** One process's counts in a window. */
  public record Counts(long carriedOver, long received, long closed, long closedOnTime, long inProgress) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    public Counts plus(Counts other) {
      return new Counts(carriedOver + other.carriedOver, received + other.received, closed + other.closed,
          closedOnTime + other.closedOnTime, inProgress + other.inProgress);
    }

    /** The share of the closed cases that were closed on time, by the platform's one rule. */
    public OnTimeShare onTime() {
      return new OnTimeShare(closed, closedOnTime);
    }
  }

  private final JdbcTemplate jdbc;

  public PublicCaseCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The counts per process key of the window {@code [from, asOf)}; a process without a case is absent. */
  public Map<String, Counts> count(Instant from, Instant asOf) {
    OffsetDateTime start = KpiRepository.time(from);
    OffsetDateTime end = KpiRepository.time(asOf);
    Map<String, Counts> counts = new TreeMap<>();
    // Only the cases alive at some time in the window are read: started before its end, not ended before its start.
    jdbc.query("select process_key, "
        + "sum(case when started_at < ? then 1 else 0 end), "
        + "sum(case when started_at >= ? then 1 else 0 end), "
        + "sum(case when ended_at < ? then 1 else 0 end), "
        + "sum(case when ended_at < ? and legal_limit_met = true then 1 else 0 end), "
        + "sum(case when ended_at is null or ended_at >= ? then 1 else 0 end) "
        + "from kpi_case_fact where started_at < ? and (ended_at is null or ended_at >= ?) "
        + "and (outcome is null or outcome <> ?) group by process_key",
        rs -> {
          counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
              rs.getLong(6)));
        }, start, start, end, end, end, end, start, KpiRecorder.CANCELLED);
    return counts;
  }

  /** When the first case began, for the fiscal years the public page offers. */
  public Optional<Instant> firstCase() {
    OffsetDateTime first = jdbc.queryForObject("select min(started_at) from kpi_case_fact", OffsetDateTime.class);
    return Optional.ofNullable(first).map(OffsetDateTime::toInstant);
  }
}
