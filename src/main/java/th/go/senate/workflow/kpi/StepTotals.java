package th.go.senate.workflow.kpi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import th.go.senate.workflow.calendar.BangkokTime;

/**
 * The one definition of the KPI report's pre-aggregate ({@code kpi_step_month}, {@code kpi_step_duration},
 * {@code V18_1__kpi_step_totals.sql}): what one step fact adds to which row. The recorder writes the difference
 * between a fact's contributions after and before each change ({@link #difference}), the repair command adds up
 * the contributions of every fact ({@link #of}), so the tables always equal the sum over the facts.
 *
 * <p>Months are Bangkok calendar months: every report window ({@link ReportPeriod}) starts on 1 October and ends
 * on the first of January, April, July or October, so a window's counts are the sum of its months and its
 * durations the sum of its quarters (three times fewer band rows to read than by month).
 */
final class StepTotals {

  /**
   * Width of a duration band in working minutes: half an hour, so that a round's bands are few to read and the
   * facts of one band (the exact look-up) few as well (KpiReportBenchmark, docs/performance.md).
   */
  static final int BAND_MINUTES = 30;

  /**
   * The columns of a month row, in this order in {@link Row#counts}. Started: by arrival; escalations: by the
   * step's arrival; breaches: by the breach; completed and on time: by the completion; ended: by the later of
   * arrival and end (completed or cancelled); due: by the later of arrival and due time; settled (a step with a due
   * time that ended): by the latest of arrival, due time and end.
   */
  enum Count {
    STARTED, ESCALATIONS, BREACHES, ENDED, COMPLETED, ON_TIME, DUE, SETTLED;

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A row of either table: a month row when {@code band} is null ({@code month}: the month's first day), else a
   * duration band row ({@code month}: the first day of the quarter; one count, the completed steps).
   * {@code bureau} is the candidate group, {@code ""} for none (a key column is never null).
   */
  record Key(LocalDate month, String processKey, String stepId, String bureau, Integer band) implements Comparable<Key> {

    /** Month rows before band rows, then by every column: the order in which a transaction locks the rows. */
    private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.band != null)
        .thenComparing(Key::month).thenComparing(Key::processKey).thenComparing(Key::stepId)
        .thenComparing(Key::bureau).thenComparing(k -> k.band == null ? -1 : k.band);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /** What is added to one row: its counts, and for a month row the step's name (from the facts created in it). */
  record Row(long[] counts, String stepName) {

    boolean isZero() {
      for (long count : counts) {
        if (count != 0) {
          return false;
        }
      }
      return true;
    }
  }

  private StepTotals() {
  }

  /** What one fact adds, per row. */
  static Map<Key, Row> of(StepFact fact) {
    Map<Key, Row> rows = new TreeMap<>();
    String bureau = Objects.toString(fact.candidateGroup(), "");
    add(rows, fact, bureau, fact.createdAt(), Count.STARTED, 1);
    add(rows, fact, bureau, fact.createdAt(), Count.ESCALATIONS, fact.escalations());
    if (fact.breachedAt() != null) {
      add(rows, fact, bureau, fact.breachedAt(), Count.BREACHES, 1);
    }
    // Ended, due and settled count at the latest of their moments and the step's arrival: "open at X" and
    // "overdue at X" only count steps that had arrived by X, also when two nodes' clocks put an end a moment
    // before the arrival (the report over the facts counts them so).
    if (fact.dueAt() != null) {
      add(rows, fact, bureau, latest(fact.createdAt(), fact.dueAt()), Count.DUE, 1);
    }
    if (fact.completedAt() != null) {
      add(rows, fact, bureau, latest(fact.createdAt(), fact.completedAt()), Count.ENDED, 1);
      if (fact.dueAt() != null) {
        add(rows, fact, bureau, latest(latest(fact.createdAt(), fact.dueAt()), fact.completedAt()), Count.SETTLED, 1);
      }
      if (KpiRecorder.COMPLETED.equals(fact.endState())) {
        add(rows, fact, bureau, fact.completedAt(), Count.COMPLETED, 1);
        add(rows, fact, bureau, fact.completedAt(), Count.ON_TIME, Boolean.TRUE.equals(fact.slaMet()) ? 1 : 0);
        if (fact.workingMinutes() != null) {
          rows.merge(new Key(quarter(fact.completedAt()), fact.processKey(), fact.stepId(), bureau,
              band(fact.workingMinutes())), new Row(new long[] {1}, null), StepTotals::plus);
        }
      }
    }
    return rows;
  }

  /** What changes when a fact goes from {@code before} (null: it is new) to {@code after}: rows that are not zero. */
  static Map<Key, Row> difference(StepFact before, StepFact after) {
    Map<Key, Row> rows = new TreeMap<>(of(after));
    if (before != null) {
      of(before).forEach((key, row) -> rows.merge(key, negated(row), StepTotals::plus));
    }
    // A new fact's created month counts one started step, so its row (and the name it carries) always stays.
    rows.values().removeIf(Row::isZero);
    return rows;
  }

  /** Both rows' counts added; the name is either's (the larger if both, as the rebuild keeps the largest). */
  static Row plus(Row a, Row b) {
    long[] counts = a.counts().clone();
    for (int i = 0; i < counts.length; i++) {
      counts[i] += b.counts()[i];
    }
    return new Row(counts, larger(a.stepName(), b.stepName()));
  }

  static String larger(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }

  private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
    return b.isAfter(a) ? b : a;
  }

  /** The first day of the Bangkok month of {@code time}. */
  static LocalDate month(OffsetDateTime time) {
    return BangkokTime.dateOf(time.toInstant()).withDayOfMonth(1);
  }

  /** The first day of the Bangkok calendar quarter of {@code time} (October, January, April or July). */
  static LocalDate quarter(OffsetDateTime time) {
    LocalDate month = month(time);
    return month.withMonth(month.getMonthValue() - (month.getMonthValue() - 1) % 3);
  }

  static int band(int workingMinutes) {
    return Math.floorDiv(workingMinutes, BAND_MINUTES);
  }

  private static void add(Map<Key, Row> rows, StepFact fact, String bureau, OffsetDateTime at, Count count,
      long value) {
    long[] counts = new long[Count.values().length];
    counts[count.ordinal()] = value;
    // The name goes with the created month, as the report names a step from the facts created in its round.
    String name = count == Count.STARTED ? fact.stepName() : null;
    rows.merge(new Key(month(at), fact.processKey(), fact.stepId(), bureau, null), new Row(counts, name),
        StepTotals::plus);
  }

  private static Row negated(Row row) {
    long[] counts = row.counts().clone();
    for (int i = 0; i < counts.length; i++) {
      counts[i] = -counts[i];
    }
    return new Row(counts, null);
  }
}
