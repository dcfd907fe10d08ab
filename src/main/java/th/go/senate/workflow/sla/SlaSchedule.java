package th.go.senate.workflow.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checkpoints of one step: flagged at {@code warningAt}, the bureau head drawn in at {@code headAt},
 * breached at {@code dueAt}, escalated beyond the bureau at {@code escalateAt}. Warning and escalation are
 * shares of the time between the start and the due instant as the planner counted it on the step's
 * calendar; {@code headAt} is the due instant unless the policy names its own day ({@code headDays}).
 * Actions that fall on the same instant form one checkpoint, so the usual order is
 * warning → breach + head → escalation, and a policy with an early head gives
 * warning → head → breach (+ escalation when it is due at 100 %).
 */
public record SlaSchedule(SlaPolicy policy, Instant start, Instant warningAt, Instant headAt, Instant dueAt,
    Instant escalateAt) {

  /** What a checkpoint does, in the order applied when several fall on one instant. */
  public enum Action { WARN, HEAD, BREACH, ESCALATE }

  /** One firing of the SLA timer. */
  public record Checkpoint(Instant at, Set<Action> actions) {
  }

  static SlaSchedule of(SlaPolicy policy, Instant start, Instant dueAt, Instant headAt) {
    Duration allowed = Duration.between(start, dueAt);
    return new SlaSchedule(policy, start,
        start.plus(allowed.multipliedBy(policy.warningPercent()).dividedBy(100)),
        headAt == null ? dueAt : headAt,
        dueAt,
        start.plus(allowed.multipliedBy(policy.escalationPercent()).dividedBy(100)));
  }

  /** The checkpoints in time order; actions on the same instant are merged into one checkpoint. */
  public List<Checkpoint> checkpoints() {
    TreeMap<Instant, EnumSet<Action>> byInstant = new TreeMap<>();
    byInstant.computeIfAbsent(warningAt, i -> EnumSet.noneOf(Action.class)).add(Action.WARN);
    byInstant.computeIfAbsent(headAt, i -> EnumSet.noneOf(Action.class)).add(Action.HEAD);
    byInstant.computeIfAbsent(dueAt, i -> EnumSet.noneOf(Action.class)).add(Action.BREACH);
    byInstant.computeIfAbsent(escalateAt, i -> EnumSet.noneOf(Action.class)).add(Action.ESCALATE);
    List<Checkpoint> result = new ArrayList<>();
    byInstant.forEach((at, actions) -> result.add(new Checkpoint(at, actions)));
    return result;
  }

  /** The instant of the checkpoint that follows {@code level} checkpoints already passed. */
  public Instant checkpoint(int level) {
    List<Checkpoint> checkpoints = checkpoints();
    return checkpoints.get(Math.min(level, checkpoints.size() - 1)).at();
  }
}
