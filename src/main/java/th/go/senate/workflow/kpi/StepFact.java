package th.go.senate.workflow.kpi;

import java.time.OffsetDateTime;

/** What one user task did: who, when, due, business time used, SLA met, escalations. */
public record StepFact(
    String taskId,
    String processKey,
    String processInstanceId,
    String businessKey,
    String stepId,
    String stepName,
    String candidateGroup,
    String assignee,
    OffsetDateTime createdAt,
    OffsetDateTime claimedAt,
    OffsetDateTime completedAt,
    OffsetDateTime dueAt,
    String calendar,
    Integer workingMinutes,
    Boolean slaMet,
    OffsetDateTime breachedAt,
    int escalations,
    String endState) {
}
