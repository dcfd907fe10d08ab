package th.go.senate.workflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.kpi.KpiReport.Row;
import th.go.senate.workflow.kpi.ReportQuery.GroupBy;
import th.go.senate.workflow.support.PlatformTest;

/**
 * A whole report from the pre-aggregate ({@link KpiTotalsQueries}) is the report of the two statements over the facts
 * ({@link KpiReportQueries#whole}), which is the report the five statements gave before
 * ({@link KpiReportService#fiveStatementReport}): every grouping, round and filter, over a fixture of two
 * processes of their own that has each case the statements treat apart (a step only completed in the round, one
 * without working minutes, a cancelled one, one open at the round's end and completed after it, one with no
 * bureau, last year's facts), and over all the facts other tests left; with a round over and a round in progress.
 * The report tests with known answers ({@link KpiReportTest}) check the figures themselves; a few are checked here
 * too, where the two statements differ most from the five (last year's slices, the months, a step's name).
 *
 * <pre>
 *  process step         bureau    created       completed            min  met  due        breach/esc
 *  A       Task_Intake  burLegal  3 Oct 2016    5 Oct 2016           30   yes
 *  A       Task_Intake  burLegal  1 Nov 2016    10 Dec 2016          600  no              10 Nov / 1
 *  A       Task_Decide  burIt     20 Sep 2016   2 Oct 2016           45   yes  (arrived before the round)
 *  A       Task_Sign    burIt     5 Jan 2017    6 Jan 2017           –    yes  (no working minutes)
 *  B       Task_Review  –         1 Feb 2017    open                           10 Feb     10 Feb / 2
 *  B       Task_Review  burIt     25 Mar 2017   open                           20 Apr
 *  B       Task_Review  burIt     10 Jan 2017   1 May 2017           900  no
 *  B       Task_Review  burLegal  1 Dec 2016    2 Dec 2016 (CANCELLED)
 *  A       Task_Intake  burLegal  10 Oct 2015   12 Oct 2015          20   yes  (FY 2559)
 *  A       Task_Intake  burIt     1 Jan 2016    5 Jan 2016           50   no              3 Jan / 1
 *  B       Task_Review  burIt     1 Mar 2016    1 Jun 2016           100  yes  (open at 1 Apr 2016)
 *  C       Task_Skewed  burPr     ended (and due) seconds before it arrived, at the round's end and at 15 Feb
 *                                 2017 10:00 (twice): another node's clock
 * </pre>
 * Last year's figures are those of the same round of FY 2559 (from 1 Oct 2015), open at the same instant a year
 * before.
 */
class KpiReportStatementsTest extends PlatformTest {

  private static String processA;
  private static String processB;
  @Autowired KpiReportService reports;
  @Autowired KpiTotalsRepository totals;

  @BeforeEach
  void fixture() {
    if (processA == null) {
      insertFixture();
    }
    // The fixture's facts, and those other tests wrote by SQL, are not the recorder's: the repair command adds them.
    totals.rebuild();
  }

  private void insertFixture() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    processA = "kpiWholeA" + suffix;
    processB = "kpiWholeB" + suffix;
    fact(processA, "Task_Intake", "burLegal", at(2016, 10, 3), at(2016, 10, 5), "COMPLETED", 30, true, null, null, 0);
    fact(processA, "Task_Intake", "burLegal", at(2016, 11, 1), at(2016, 12, 10), "COMPLETED", 600, false, null,
        at(2016, 11, 10), 1);
    fact(processA, "Task_Decide", "burIt", at(2016, 9, 20), at(2016, 10, 2), "COMPLETED", 45, true, null, null, 0);
    fact(processA, "Task_Sign", "burIt", at(2017, 1, 5), at(2017, 1, 6), "COMPLETED", null, true, null, null, 0);
    fact(processB, "Task_Review", null, at(2017, 2, 1), null, null, null, null, at(2017, 2, 10), at(2017, 2, 10), 2);
    fact(processB, "Task_Review", "burIt", at(2017, 3, 25), null, null, null, null, at(2017, 4, 20), null, 0);
    fact(processB, "Task_Review", "burIt", at(2017, 1, 10), at(2017, 5, 1), "COMPLETED", 900, false, null, null, 0);
    fact(processB, "Task_Review", "burLegal", at(2016, 12, 1), at(2016, 12, 2), "CANCELLED", 480, null, null, null, 0);
    fact(processA, "Task_Intake", "burLegal", at(2015, 10, 10), at(2015, 10, 12), "COMPLETED", 20, true, null, null, 0);
    fact(processA, "Task_Intake", "burIt", at(2016, 1, 1), at(2016, 1, 5), "COMPLETED", 50, false, null,
        at(2016, 1, 3), 1);
    fact(processB, "Task_Review", "burIt", at(2016, 3, 1), at(2016, 6, 1), "COMPLETED", 100, true, null, null, 0);
    // Two nodes' clocks a minute apart: steps that ended (and were due) moments before they arrived, around the
    // round's end and the instant of the round-in-progress test (15 Feb 2017 10:00). They had not arrived by
    // then, so they are neither open nor overdue at it.
    String skewed = "kpiWholeC" + suffix;
    fact(skewed, "Task_Skewed", "burPr", LocalDateTime.of(2017, 4, 1, 0, 0, 30), LocalDateTime.of(2017, 3, 31, 23, 59, 30),
        "COMPLETED", 0, true, LocalDateTime.of(2017, 3, 31, 23, 59, 50), null, 0);
    fact(skewed, "Task_Skewed", "burPr", LocalDateTime.of(2017, 2, 15, 10, 0, 30), LocalDateTime.of(2017, 2, 15, 9, 59, 30),
        "COMPLETED", 0, true, LocalDateTime.of(2017, 2, 15, 9, 59, 45), null, 0);
    fact(skewed, "Task_Skewed", "burPr", LocalDateTime.of(2017, 2, 15, 10, 0, 30), null, null, null, null,
        LocalDateTime.of(2017, 2, 15, 9, 59, 0), null, 0);
  }

  @Test
  void preAggregateTwoStatementsAndFiveGiveOneReportForEveryGroupingRoundAndFilter() {
    List<ReportQuery> queries = queries();
    assertThat(queries).hasSize(3 * 3 * 8);
    for (ReportQuery query : queries) {
      allThreeAgree(query);
    }
  }

  @Test
  void preAggregateTwoStatementsAndFiveGiveOneReportInARoundInProgress() {
    clockAt(LocalDateTime.of(2017, 2, 15, 10, 0));
    for (ReportQuery query : queries()) {
      allThreeAgree(query);
    }
    KpiReport report = reports.report(new ReportQuery(new ReportPeriod(2560, 6), GroupBy.PROCESS, processA, null));
    // October to February have begun: 2/2 on time, 0, 0/1, 1/1, 0
    assertThat(report.months()).extracting(KpiReport.Month::completed).containsExactly(2L, 0L, 1L, 1L, 0L);
    assertThat(report.months()).extracting(KpiReport.Month::onTime).containsExactly(2L, 0L, 0L, 1L, 0L);
  }

  @Test
  void lastYearTheMonthsAndTheNameOfAStepOnlyCompletedInTheRound() {
    KpiReport byStep = reports.report(new ReportQuery(new ReportPeriod(2560, 6), GroupBy.STEP, processA, null));
    assertThat(byStep.rows()).extracting(Row::key).containsExactly(processA + "/Task_Decide",
        processA + "/Task_Intake", processA + "/Task_Sign");
    Row decide = byStep.rows().get(0);
    // Arrived in September 2016 (after last year's round), completed in this round: named from its fact.
    assertThat(decide.name()).isEqualTo("ขั้นตอน Task_Decide");
    assertThat(decide.current().completed()).isEqualTo(1);
    assertThat(decide.current().started()).isZero();
    assertThat(decide.previous()).isNull();
    Row intake = byStep.rows().get(1);
    assertThat(intake.current().completed()).isEqualTo(2);
    assertThat(intake.current().breaches()).isEqualTo(1);
    assertThat(intake.previous().completed()).isEqualTo(2);
    assertThat(intake.previous().onTime()).isEqualTo(1);
    assertThat(intake.previous().breaches()).isEqualTo(1);
    assertThat(intake.previous().medianWorkingMinutes()).isEqualTo(35.0);
    assertThat(byStep.rows().get(2).current().medianWorkingMinutes()).isNull(); // no working minutes
    // 30, 45, 600: median 45, 90th percentile at rank 1.8 = 45 + 0.8 × 555
    assertThat(byStep.total().current().medianWorkingMinutes()).isEqualTo(45.0);
    assertThat(byStep.total().current().p90WorkingMinutes()).isEqualTo(489.0);
    assertThat(byStep.months()).extracting(KpiReport.Month::completed).containsExactly(2L, 0L, 1L, 1L, 0L, 0L);

    KpiReport byBureau = reports.report(new ReportQuery(new ReportPeriod(2560, 6), GroupBy.BUREAU, processB, null));
    assertThat(byBureau.rows()).extracting(Row::key).containsExactly("-", "burIt", "burLegal");
    Row none = byBureau.rows().get(0);
    assertThat(none.current().open()).isEqualTo(1);
    assertThat(none.current().overdue()).isEqualTo(1);
    assertThat(none.current().escalations()).isEqualTo(2);
    assertThat(none.previous()).isNull();
    Row it = byBureau.rows().get(1);
    // open at 1 Apr 2017: arrived 25 Mar (4–7 days) and 10 Jan (completed 1 May); a year before, at 1 Apr 2016:
    // arrived 1 Mar 2016 (31 days), completed 1 Jun
    assertThat(it.current().open()).isEqualTo(2);
    assertThat(it.current().backlogByAge()).containsExactly(0L, 1L, 0L, 0L, 1L);
    assertThat(it.previous().started()).isEqualTo(1);
    assertThat(it.previous().open()).isEqualTo(1);
    assertThat(it.previous().backlogByAge()).containsExactly(0L, 0L, 0L, 0L, 1L);
    assertThat(byBureau.rows().get(2).current().completed()).isZero(); // cancelled
    assertThat(byBureau.rows().get(2).current().started()).isEqualTo(1);
  }

  private void allThreeAgree(ReportQuery query) {
    KpiReport fromTotals = reports.report(query);
    KpiReport overFacts = reports.factsReport(query);
    assertThat(fromTotals).as("pre-aggregate: " + query).isEqualTo(overFacts);
    assertThat(overFacts).as("two statements: " + query).isEqualTo(reports.fiveStatementReport(query));
  }

  /** Every grouping of rounds 6, 9 and 12 of FY 2560, all facts or filtered by process, bureau or both. */
  private static List<ReportQuery> queries() {
    List<ReportQuery> queries = new ArrayList<>();
    for (int round : new int[] {6, 9, 12}) {
      ReportPeriod period = new ReportPeriod(2560, round);
      for (GroupBy groupBy : GroupBy.values()) {
        queries.add(new ReportQuery(period, groupBy, null, null));
        queries.add(new ReportQuery(period, groupBy, processA, null));
        queries.add(new ReportQuery(period, groupBy, processB, null));
        queries.add(new ReportQuery(period, groupBy, null, List.of("burLegal")));
        queries.add(new ReportQuery(period, groupBy, processA, List.of("burIt")));
        queries.add(new ReportQuery(period, groupBy, processB, List.of("burIt", "burLegal")));
        queries.add(new ReportQuery(period, groupBy, processA, List.of()));
        queries.add(new ReportQuery(period, groupBy, "kpiWholeNoSuchProcess", null));
      }
    }
    return queries;
  }

  private void fact(String processKey, String step, String bureau, LocalDateTime created, LocalDateTime completed,
      String endState, Integer minutes, Boolean met, LocalDateTime due, LocalDateTime breached, int escalations) {
    String id = processKey + "-" + UUID.randomUUID();
    jdbc.update("insert into kpi_step_fact (task_id, process_key, process_instance_id, business_key, step_id, "
        + "step_name, candidate_group, assignee, created_at, completed_at, due_at, calendar_kind, working_minutes, "
        + "sla_met, breached_at, escalations, end_state) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        id, processKey, id + "-pi", null, step, "ขั้นตอน " + step, bureau, null, time(created), time(completed),
        time(due), "WORKING_DAYS", minutes, met, time(breached), escalations, endState);
  }

  private static java.time.OffsetDateTime time(LocalDateTime bangkok) {
    return bangkok == null ? null : KpiRepository.time(bangkok(bangkok));
  }

  private static LocalDateTime at(int y, int m, int d) {
    return LocalDateTime.of(y, m, d, 10, 0);
  }
}
