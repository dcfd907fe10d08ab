package th.go.senate.workflow.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The checkpoints of one step: flagged at {@code warningAt}, breached at {@code dueAt}, escalated beyond
 * the bureau at {@code escalateAt}. Warning and escalation are shares of the time between the start
 * and the due instant as the planner counted it on the step's calendar.
 */
public record SlaSchedule(SlaPolicy policy, Instant start, Instant warningAt, Instant dueAt, Instant escalateAt) {

  static SlaSchedule of(SlaPolicy policy, Instant start, Instant dueAt) {
    Duration allowed = Duration.between(start, dueAt);
    return new SlaSchedule(policy, start,
        start.plus(allowed.multipliedBy(policy.warningPercent()).dividedBy(100)),
        dueAt,
        start.plus(allowed.multipliedBy(policy.escalationPercent()).dividedBy(100)));
  }

  /** The instant of the checkpoint that follows {@code level} checkpoints already passed. */
  public Instant checkpoint(int level) {
    return switch (level) {
      case 0 -> warningAt;
      case 1 -> dueAt;
      default -> escalateAt;
    };
  }
}
