package th.go.senate.workflow.calendar;

/**
 * Published after holidays or session periods changed, inside the transaction of the change, so that
 * the SLA package re-plans every open deadline with the new calendar.
 */
public record CalendarChangedEvent(String what) {
}
