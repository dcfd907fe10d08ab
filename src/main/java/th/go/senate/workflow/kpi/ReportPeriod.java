package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.calendar.ThaiDates;

/**
 * A reporting round of a Thai fiscal year: the 6-, 9- or 12-month report covers 1 October to the end of
 * March, June or September (Asia/Bangkok), half-open {@code [from, to)}.
 */
public record ReportPeriod(int fiscalYear, int round) {

  /** Checked once, by the fiscal round of the calendar (B.E. 2500–2700; 6, 9 or 12): a refusal, answered 400. */
  public ReportPeriod {
    new FiscalRound(fiscalYear, round);
  }

  public LocalDate firstDay() {
    return FiscalYear.firstDay(fiscalYear);
  }

  /** The last day of the round: 31 March, 30 June or 30 September. */
  public LocalDate lastDay() {
    return fiscalRound().cutOff();
  }

  public Instant from() {
    return fiscalRound().windowStart();
  }

  public Instant to() {
    return fiscalRound().windowEnd();
  }

  public FiscalRound fiscalRound() {
    return new FiscalRound(fiscalYear, round);
  }

  /** The same round one fiscal year earlier. */
  public ReportPeriod previous() {
    return new ReportPeriod(fiscalYear - 1, round);
  }

  /** The months of the whole fiscal year, October first. */
  public List<YearMonth> monthsOfYear() {
    List<YearMonth> months = new ArrayList<>();
    YearMonth first = YearMonth.from(firstDay());
    for (int i = 0; i < 12; i++) {
      months.add(first.plusMonths(i));
    }
    return months;
  }

  public static Instant startOf(YearMonth month) {
    return BangkokTime.startOf(month.atDay(1));
  }

  /** {@code 01/10/2568 – 31/03/2569}. */
  public String label() {
    return ThaiDates.civilDate(firstDay()) + " – " + ThaiDates.civilDate(lastDay());
  }
}
