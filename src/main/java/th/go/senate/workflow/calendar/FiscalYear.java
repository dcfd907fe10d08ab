package th.go.senate.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The Thai government fiscal year: 1 October to 30 September, named by the Buddhist-Era year in which it
 * ends (FY 2570 = 1 Oct 2026 – 30 Sep 2027).
 */
public final class FiscalYear {

  public static final int BUDDHIST_ERA_OFFSET = 543;

  private FiscalYear() {
  }

  public static int of(LocalDate day) {
    int endingYear = day.getMonthValue() >= 10 ? day.getYear() + 1 : day.getYear();
    return endingYear + BUDDHIST_ERA_OFFSET;
  }

  public static int of(Instant instant) {
    return of(BangkokTime.dateOf(instant));
  }

  public static LocalDate firstDay(int fiscalYearBe) {
    return LocalDate.of(fiscalYearBe - BUDDHIST_ERA_OFFSET - 1, 10, 1);
  }

  public static LocalDate lastDay(int fiscalYearBe) {
    return LocalDate.of(fiscalYearBe - BUDDHIST_ERA_OFFSET, 9, 30);
  }
}
