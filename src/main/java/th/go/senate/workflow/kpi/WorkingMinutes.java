package th.go.senate.workflow.kpi;

import java.util.Map;
import java.util.TreeMap;

/**
 * The working-minutes distribution of a group of completed steps, as counts per distinct value, and its
 * percentiles by the definition of SQL's {@code percentile_cont}: the value at position f × (n − 1) of the
 * sorted values, interpolated linearly between the two nearest ones. The database returns the counts (cheap
 * to aggregate); sorting a million durations to read two of them is what made the report slow.
 */
final class WorkingMinutes {

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;

  void add(int minutes, long count) {
    counts.merge(minutes, count, Long::sum);
    total += count;
  }

  /** A new distribution with the values of both (a report's total merges its groups'). */
  WorkingMinutes plus(WorkingMinutes other) {
    WorkingMinutes both = new WorkingMinutes();
    counts.forEach(both::add);
    other.counts.forEach(both::add);
    return both;
  }

  /** The {@code fraction} percentile (0–1), or null when there are no values. */
  Double percentile(double fraction) {
    if (total == 0) {
      return null;
    }
    double position = fraction * (total - 1);
    long lower = (long) Math.floor(position);
    long upper = (long) Math.ceil(position);
    Integer lowerValue = null;
    long seen = 0;
    for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
      seen += entry.getValue();
      if (lowerValue == null && lower < seen) {
        lowerValue = entry.getKey();
      }
      if (upper < seen) {
        return lowerValue + (position - lower) * (entry.getKey() - lowerValue);
      }
    }
    throw new IllegalStateException("position " + position + " beyond " + total + " values");
  }
}
