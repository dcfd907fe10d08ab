package th.go.senate.workflow.process.motion;

/**
 * What the decision table {@code motionRules} (bpmn/motion-rules.dmn) says about one motion type.
 *
 * @param signatureShareNumerator with {@code signatureShareDenominator}: the share of the existing senators who must
 *     sign (0 = no share); the count is rounded up
 * @param minSignatures the least number of senators (mover and seconders) whatever the share
 * @param fullMembership the senators the Senate has in full (s.107): the most an intake may state as existing
 * @param debatesPerYear how many motions of the type may be debated per year; 0 = no limit
 * @param yearBasis {@code CALENDAR_YEAR} or {@code FISCAL_YEAR}
 * @param cabinetNotice {@code ALWAYS} or {@code ON_REQUEST}
 */
public record MotionRule(String motionType, int signatureShareNumerator, int signatureShareDenominator,
    int minSignatures, int fullMembership, int debatesPerYear, String yearBasis, String cabinetNotice) {

  /** The signatures a motion of this type needs when the Senate has {@code existingSenators} members. */
  public int requiredSignatures(int existingSenators) {
    int share = signatureShareNumerator <= 0 ? 0
        : (int) Math.ceil((double) existingSenators * signatureShareNumerator / signatureShareDenominator);
    return Math.max(share, minSignatures);
  }
}
