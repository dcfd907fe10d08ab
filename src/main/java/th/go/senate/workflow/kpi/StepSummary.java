package th.go.senate.workflow.kpi;

/**
 * One step of a process over all its facts ({@code GET /api/kpi/summary}): every fact, those completed, the
 * % on time of the completed ({@link OnTimeShare}) and their median working minutes ({@code null} when none
 * completed), and the escalations.
 */
public record StepSummary(String processKey, String stepId, String stepName, int count, int completed,
    Double onTimePercent, Double medianWorkingMinutes, int escalations) {
}
