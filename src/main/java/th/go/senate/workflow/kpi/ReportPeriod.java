package th.go.senate.workflow.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.FiscalYear;
import th.go.senate.workflow.web.BadRequestException;

/**
 * A reporting round of a Thai fiscal year: the 6-, 9- or 12-month report covers 1 October to the end of
 * March, June or September (Asia/Bangkok), half-open {@code [from, to)}.
 */
public record ReportPeriod(int fiscalYear, int round) {

  public static final Set<Integer> ROUNDS = Set.of(6, 9, 12);
  /** Years a report may ask for: the platform's data start long after 2500 B.E. and end before 2700. */
  static final int FIRST_YEAR = 2500;
  static final int LAST_YEAR = 2700;

  private static final String[] THAI_MONTHS = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
      "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

  public ReportPeriod {
    if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR) {
      throw new BadRequestException("ปีงบประมาณต้องเป็นปีพุทธศักราช ระหว่าง " + FIRST_YEAR + " ถึง " + LAST_YEAR
          + " เช่น 2569 (fiscalYear must be a Buddhist-Era year between " + FIRST_YEAR + " and " + LAST_YEAR + ")");
    }
    if (!ROUNDS.contains(round)) {
      throw new BadRequestException("รอบการรายงานต้องเป็น 6, 9 หรือ 12 เดือน (round must be 6, 9 or 12)");
    }
  }

  public LocalDate firstDay() {
    return FiscalYear.firstDay(fiscalYear);
  }

  /** The last day of the round: 31 March, 30 June or 30 September. */
  public LocalDate lastDay() {
    return firstDay().plusMonths(round).minusDays(1);
  }

  public Instant from() {
    return firstDay().atStartOfDay(BangkokTime.ZONE).toInstant();
  }

  public Instant to() {
    return lastDay().plusDays(1).atStartOfDay(BangkokTime.ZONE).toInstant();
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
    return month.atDay(1).atStartOfDay(BangkokTime.ZONE).toInstant();
  }

  /** {@code 26/11/2569}: the Thai civil format, Buddhist Era. */
  public static String thaiDate(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("dd/MM/")) + (day.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET);
  }

  /** {@code ต.ค. 2568}. */
  public static String thaiMonth(YearMonth month) {
    return THAI_MONTHS[month.getMonthValue() - 1] + " " + (month.getYear() + FiscalYear.BUDDHIST_ERA_OFFSET);
  }

  /** {@code 01/10/2568 – 31/03/2569}. */
  public String label() {
    return thaiDate(firstDay()) + " – " + thaiDate(lastDay());
  }
}
