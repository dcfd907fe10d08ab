package th.go.senate.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;

import th.go.senate.workflow.web.Refusal;

/**
 * A reporting round of a fiscal year (domain.md, category 6 "รอบ 6 9 12 เดือน"): the 6-month round closes on
 * 31 March, the 9-month round on 30 June, the 12-month round on 30 September. Its window runs from the first
 * day of the fiscal year (1 October) to the end of the cut-off day, Bangkok time.
 *
 * @param fiscalYear Buddhist-Era fiscal year (FY 2570 = 1 Oct 2026 – 30 Sep 2027)
 * @param months 6, 9 or 12
 */
public record FiscalRound(int fiscalYear, int months) {

  /** Fiscal years the platform accepts: B.E. 2500–2700 (a Gregorian year such as 2026 is refused). */
  public static final int MIN_FISCAL_YEAR = 2500;
  public static final int MAX_FISCAL_YEAR = 2700;

  /**
   * The one check of a fiscal year and round, for every caller (reports, KPI targets, the plan review, the question
   * register): a bad one is a {@link Refusal}, so the REST layers answer 400 with the Thai message.
   */
  public FiscalRound {
    checkFiscalYear(fiscalYear);
    if (months != 6 && months != 9 && months != 12) {
      throw new Refusal("รอบการรายงานต้องเป็น 6, 9 หรือ 12 เดือน");
    }
  }

  public static void checkFiscalYear(int fiscalYear) {
    if (fiscalYear < MIN_FISCAL_YEAR || fiscalYear > MAX_FISCAL_YEAR) {
      throw new Refusal("ปีงบประมาณต้องเป็นปีพุทธศักราช " + MIN_FISCAL_YEAR + "–" + MAX_FISCAL_YEAR
          + " เช่น 2570");
    }
  }

  /** The last day of the round: 31 Mar, 30 Jun or 30 Sep of the year in which the fiscal year ends. */
  public LocalDate cutOff() {
    int year = fiscalYear - FiscalYear.BUDDHIST_ERA_OFFSET;
    return switch (months) {
      case 6 -> LocalDate.of(year, Month.MARCH, 31);
      case 9 -> LocalDate.of(year, Month.JUNE, 30);
      default -> LocalDate.of(year, Month.SEPTEMBER, 30);
    };
  }

  /** 00:00 Bangkok on 1 October: the window's first instant (inclusive). */
  public Instant windowStart() {
    return BangkokTime.startOf(FiscalYear.firstDay(fiscalYear));
  }

  /** 24:00 Bangkok at the end of the cut-off day: the window's end (exclusive). */
  public Instant windowEnd() {
    return BangkokTime.startOf(cutOff().plusDays(1));
  }

  /** 16:30 Bangkok on the cut-off day: the round is closed; deadlines of the round count from here. */
  public Instant closedAt() {
    return cutOff().atTime(DueDatePlanner.OFFICE_CLOSES).atZone(BangkokTime.ZONE).toInstant();
  }

  /** The 12-month round closes the fiscal year and feeds the next year's plan. */
  public boolean closesFiscalYear() {
    return months == 12;
  }

  /** As staff say it: "รอบ 12 เดือน ปีงบประมาณ 2569". */
  public String nameTh() {
    return "รอบ " + months + " เดือน ปีงบประมาณ " + fiscalYear;
  }
}
