package th.go.senate.workflow.calendar;

/** The three calendars the Secretariat's deadlines count on (domain.md, "Calendars"). */
public enum CalendarKind {
  /** Mon–Fri, 08:30–16:30 Asia/Bangkok, minus government holidays; the day of receipt is not counted. */
  WORKING_DAYS,
  /** Calendar days inside an open parliamentary session; the arrival day is day 1; recess is skipped. */
  SESSION_DAYS,
  /** Plain days; the arrival day is day 1. */
  CALENDAR_DAYS
}
