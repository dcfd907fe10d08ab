package th.go.senate.workflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many steps (or cases) were counted and how many of them met their time: the one "% on time" of the
 * platform. The KPI reports and their exports, the step summary, the public statistics and the plan review's
 * indicators ({@link IndicatorService}, also for the cases within the legal limit) all take their percentage
 * from here.
 *
 * <p>The rule: {@code 100 × onTime ÷ counted}, computed exactly and rounded to one decimal half up (5 of 6 =
 * 83.3, 1 of 8 = 12.5, 1 of 2,000 = 0.05 → 0.1). Nothing counted is no figure ({@code null}), not 0 %: a
 * step that nobody completed is not late.
 */
public record OnTimeShare(long counted, long onTime) {

  public static final int DECIMALS = 1;
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  public OnTimeShare {
    if (counted < 0 || onTime < 0 || onTime > counted) {
      throw new IllegalArgumentException(onTime + " on time of " + counted + " counted");
    }
  }

  /** The percentage by the rule above; {@code null} when nothing was counted. */
  public BigDecimal percent() {
    return counted == 0 ? null
        : BigDecimal.valueOf(onTime).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(counted), DECIMALS,
            ROUNDING);
  }

  /** {@link #percent()} as the reports carry it (a JSON number, an XLSX number cell, "83.3" in CSV). */
  public Double percentValue() {
    BigDecimal percent = percent();
    return percent == null ? null : percent.doubleValue();
  }

  /** The two shares together (groups of a report add up to its total). */
  public OnTimeShare plus(OnTimeShare other) {
    return new OnTimeShare(counted + other.counted, onTime + other.onTime);
  }

  /**
   * A percentage computed otherwise (the year-end projection, {@link Projection}) rounded by the same rule, from
   * its shortest decimal form (what the double prints as).
   */
  public static Double round(double percent) {
    return BigDecimal.valueOf(percent).setScale(DECIMALS, ROUNDING).doubleValue();
  }
}
