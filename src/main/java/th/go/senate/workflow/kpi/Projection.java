package th.go.senate.workflow.kpi;

/**
 * The projection of the year-end % on time from the months so far: a least-squares line through the monthly
 * on-time percentages (month 1 = October), each month weighted by its completed steps, extended to month 12;
 * the remaining months are assumed to complete as many steps as the average month so far. The projected
 * year-end figure is the on-time share of all steps, actual and projected. Before the fourth month of the year,
 * or with fewer than two months of data, the line is flat (today's share); a finished year projects to its actual
 * share. Rounded as every % on time ({@link OnTimeShare#round}).
 */
final class Projection {

  static final int MONTHS = 12;

  /**
   * The first month whose projection follows a line: two or three months, the last of them just begun, extended to
   * twelve swing with every early month (on the demo history on 2 Dec 2569, October 85 % and November 70 % on time
   * projected a year-end 19.9 % beside 75 % so far). From January, a full quarter is behind the line.
   */
  static final int TREND_FROM_MONTH = 4;

  private Projection() {
  }

  /** {@code completed[i]}, {@code onTime[i]}: month {@code i + 1} of the fiscal year; null when nothing completed. */
  static Double yearEndPercent(long[] completed, long[] onTime) {
    int k = completed.length;
    double sumW = 0;
    double sumOnTime = 0;
    for (int i = 0; i < k; i++) {
      sumW += completed[i];
      sumOnTime += onTime[i];
    }
    if (sumW == 0) {
      return null;
    }
    if (k >= MONTHS) {
      return round(100.0 * sumOnTime / sumW);
    }
    double meanX = 0;
    double meanY = 0;
    int points = 0;
    for (int i = 0; i < k; i++) {
      if (completed[i] > 0) {
        meanX += completed[i] * (i + 1);
        meanY += 100.0 * onTime[i];
        points++;
      }
    }
    meanX /= sumW;
    meanY /= sumW;
    double slope = 0;
    if (points >= 2 && k >= TREND_FROM_MONTH) {
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < k; i++) {
        if (completed[i] > 0) {
          double y = 100.0 * onTime[i] / completed[i];
          sxy += completed[i] * (i + 1 - meanX) * (y - meanY);
          sxx += completed[i] * (i + 1 - meanX) * (i + 1 - meanX);
        }
      }
      slope = sxx == 0 ? 0 : sxy / sxx;
    }
    double intercept = meanY - slope * meanX;
    double volume = sumW / k;
    double projectedOnTime = sumOnTime;
    double projectedTotal = sumW;
    for (int month = k + 1; month <= MONTHS; month++) {
      double share = Math.max(0, Math.min(100, intercept + slope * month)) / 100.0;
      projectedOnTime += volume * share;
      projectedTotal += volume;
    }
    return round(100.0 * projectedOnTime / projectedTotal);
  }

  /** One decimal, by the rule of every % on time. */
  private static Double round(double percent) {
    return OnTimeShare.round(percent);
  }
}
