package th.go.senate.workflow.kpi;

import th.go.senate.workflow.calendar.CalendarKind;

/**
 * The calendar on which a step's working time is counted. The KPI recorder asks; the SLA policy answers
 * (sla/SlaPolicyService, from the decision table {@code slaPolicy}). The question is stated here, below sla, so
 * that kpi never imports sla: the SLA mechanisms write KPI facts, so the dependency runs sla → kpi only.
 */
public interface StepCalendar {

  CalendarKind calendarOf(String processKey, String stepId);
}
