package th.go.senate.workflow.sla;

import th.go.senate.workflow.calendar.CalendarKind;

/**
 * The SLA of one step, as the decision table {@code slaPolicy} (bpmn/sla-policy.dmn) states it.
 *
 * @param durationDays the time allowed, in days of {@code calendar}
 * @param warningPercent share of the allowed time after which the task is flagged (follow-up, priority)
 * @param escalationPercent share of the allowed time after which {@code escalationGroup} is drawn in
 * @param headDays when the bureau head is drawn in, in days of {@code calendar} from the start; {@code null}
 *     (the default, an empty cell) draws the head in at the breach (100 %)
 * @param countFrom name of a process variable holding the instant (or date) the time is counted from;
 *     {@code null} (the usual case): counted from the task's creation
 * @param followsClerk the step is offered to the clerk who completed the previous step of the case, when that
 *     step was of the same bureau (see {@link NextStepAssignment})
 */
public record SlaPolicy(int durationDays, CalendarKind calendar, int warningPercent, int escalationPercent,
    String escalationGroup, Integer headDays, String countFrom, boolean followsClerk) {
}
