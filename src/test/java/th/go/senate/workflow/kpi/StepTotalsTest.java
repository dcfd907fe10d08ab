package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.kpi.StepTotals.Count;
import th.go.senate.workflow.kpi.StepTotals.Key;
import th.go.senate.workflow.kpi.StepTotals.Row;

/** What one fact adds to the report's pre-aggregate, by Bangkok month, and the bands a percentile needs. */
class StepTotalsTest {

  private static final LocalDate MARCH = LocalDate.of(2018, 3, 1);
  private static final LocalDate APRIL = LocalDate.of(2018, 4, 1);

  @Test
  void aStepCountsInTheBangkokMonthOfEachOfItsMoments() {
    // Arrived 31 Mar 23:30 Bangkok (16:30 UTC, still March there too), breached and completed on 1 Apr 00:10 (in
    // UTC still 31 Mar), due 31 Mar 16:30: settled in April, the later of its end and due.
    StepFact fact = fact(at(2018, 3, 31, 23, 30), at(2018, 4, 1, 0, 10), at(2018, 3, 31, 16, 30),
        at(2018, 4, 1, 0, 10), 745, false, 2, KpiRecorder.COMPLETED);
    Map<Key, Row> rows = StepTotals.of(fact);
    assertThat(counts(rows, MARCH)).containsEntry(Count.STARTED, 1L).containsEntry(Count.ESCALATIONS, 2L)
        .containsEntry(Count.DUE, 1L).containsEntry(Count.COMPLETED, 0L);
    assertThat(counts(rows, APRIL)).containsEntry(Count.BREACHES, 1L).containsEntry(Count.ENDED, 1L)
        .containsEntry(Count.COMPLETED, 1L).containsEntry(Count.ON_TIME, 0L).containsEntry(Count.SETTLED, 1L)
        .containsEntry(Count.STARTED, 0L);
    assertThat(rows.get(new Key(MARCH, "p", "Task_Step", "burIt", null)).stepName()).isEqualTo("ขั้นตอน");
    assertThat(rows.get(new Key(APRIL, "p", "Task_Step", "burIt", null)).stepName()).isNull();
    assertThat(rows.get(new Key(APRIL, "p", "Task_Step", "burIt", 24)).counts()).containsExactly(1L); // 745 min, Q2
  }

  @Test
  void aCancelledStepEndsButIsNotCompletedAndAnOpenOneOnlyStarts() {
    StepFact cancelled = fact(at(2018, 3, 5, 9, 0), at(2018, 4, 20, 9, 0), at(2018, 4, 30, 16, 30), null, 480,
        null, 0, KpiRecorder.CANCELLED);
    Map<Key, Row> rows = StepTotals.of(cancelled);
    assertThat(counts(rows, APRIL)).containsEntry(Count.ENDED, 1L).containsEntry(Count.COMPLETED, 0L)
        .containsEntry(Count.SETTLED, 1L).containsEntry(Count.DUE, 1L);
    assertThat(rows.keySet()).noneMatch(key -> key.band() != null);

    StepFact open = fact(at(2018, 3, 5, 9, 0), null, null, null, null, null, 0, null);
    assertThat(StepTotals.of(open)).containsOnlyKeys(new Key(MARCH, "p", "Task_Step", "burIt", null));
  }

  @Test
  void theDifferenceOfAChangeMovesOnlyWhatChanged() {
    StepFact open = fact(at(2018, 3, 5, 9, 0), null, at(2018, 3, 9, 16, 30), null, null, null, 0, null);
    StepFact replanned = fact(at(2018, 3, 5, 9, 0), null, at(2018, 4, 2, 16, 30), null, null, null, 0, null);
    Map<Key, Row> difference = StepTotals.difference(open, replanned);
    assertThat(counts(difference, MARCH)).containsEntry(Count.DUE, -1L).containsEntry(Count.STARTED, 0L);
    assertThat(counts(difference, APRIL)).containsEntry(Count.DUE, 1L);
    assertThat(StepTotals.difference(open, open)).isEmpty();
  }

  @Test
  void durationsCountByQuarterEveryRoundEndingOnAQuartersEnd() {
    assertThat(StepTotals.quarter(at(2018, 5, 20, 9, 0))).isEqualTo(APRIL);
    assertThat(StepTotals.quarter(at(2018, 1, 1, 0, 5))).isEqualTo(LocalDate.of(2018, 1, 1)); // 31 Dec in UTC
    assertThat(StepTotals.quarter(at(2017, 12, 31, 23, 59))).isEqualTo(LocalDate.of(2017, 10, 1));
  }

  @Test
  void aPercentileNeedsTheBandsOfItsTwoNeighbours() {
    // 4 values: median at position 1.5 (ranks 1 and 2), 90th percentile at 2.7 (ranks 2 and 3)
    TreeMap<Integer, Long> bands = new TreeMap<>(Map.of(0, 1L, 1, 1L, 5, 2L));
    assertThat(KpiTotalsQueries.bandsHolding(bands)).containsExactlyInAnyOrder(1, 5);
    assertThat(KpiTotalsQueries.bandsHolding(new TreeMap<>(Map.of(3, 1L)))).containsExactly(3);
    assertThat(KpiTotalsQueries.bandsHolding(new TreeMap<>())).isEmpty();
  }

  private static Map<Count, Long> counts(Map<Key, Row> rows, LocalDate month) {
    Row row = rows.get(new Key(month, "p", "Task_Step", "burIt", null));
    Map<Count, Long> counts = new java.util.EnumMap<>(Count.class);
    for (Count count : Count.values()) {
      counts.put(count, row == null ? 0L : row.counts()[count.ordinal()]);
    }
    return counts;
  }

  private static StepFact fact(OffsetDateTime created, OffsetDateTime completed, OffsetDateTime due,
      OffsetDateTime breached, Integer minutes, Boolean met, int escalations, String endState) {
    return new StepFact("t", "p", "pi", null, "Task_Step", "ขั้นตอน", "burIt", null, created, null, completed, due,
        "WORKING_DAYS", minutes, met, breached, escalations, endState);
  }

  /** A Bangkok time, given in UTC as the database may return it. */
  private static OffsetDateTime at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(BangkokTime.ZONE).toOffsetDateTime()
        .withOffsetSameInstant(java.time.ZoneOffset.UTC);
  }
}
