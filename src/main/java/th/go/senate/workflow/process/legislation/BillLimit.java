package th.go.senate.workflow.process.legislation;

import th.go.senate.workflow.calendar.CalendarKind;

/**
 * The Senate's limit on one bill type, as the decision table {@code billLimit} (bpmn/bill-limit.dmn) states it.
 *
 * @param limitDays the days the Senate has, counted on {@code calendar} from the bill's arrival (day 1)
 * @param maxExtensionDays the most days one extension by Senate resolution may add; 0 = no extension
 * @param sittingNoticeDays the least number of days between the sitting notice and the sitting
 */
public record BillLimit(String billType, int limitDays, CalendarKind calendar, int maxExtensionDays,
    int sittingNoticeDays) {
}
