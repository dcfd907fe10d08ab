package th.go.senate.workflow.sla;

import th.go.senate.workflow.calendar.CalendarKind;

/**
 * The SLA of one step, as the decision table {@code slaPolicy} (bpmn/sla-policy.dmn) states it.
 *
 * @param durationDays the time allowed, in days of {@code calendar}
 * @param warningPercent share of the allowed time after which the task is flagged (follow-up, priority)
 * @param escalationPercent share of the allowed time after which {@code escalationGroup} is drawn in
 */
public record SlaPolicy(int durationDays, CalendarKind calendar, int warningPercent, int escalationPercent,
    String escalationGroup) {
}
