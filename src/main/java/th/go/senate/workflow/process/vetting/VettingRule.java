package th.go.senate.workflow.process.vetting;

import th.go.senate.workflow.calendar.CalendarKind;

/** One row of the decision table {@code appointmentVettingRules}. */
public record VettingRule(int vettingDays, CalendarKind calendar, int extensionsAllowed, int maxExtensionDays,
    int fullMembership, int approvalNumerator, int approvalDenominator) {

  /** More than numerator/denominator of the existing senators (strictly: half of 200 is 100, approval needs 101). */
  public boolean approves(int votesInFavour, int existingSenators) {
    return (long) votesInFavour * approvalDenominator > (long) existingSenators * approvalNumerator;
  }

  /** The fewest votes in favour that approve. */
  public int requiredVotes(int existingSenators) {
    return (int) ((long) existingSenators * approvalNumerator / approvalDenominator) + 1;
  }
}
