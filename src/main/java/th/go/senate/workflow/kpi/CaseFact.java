package th.go.senate.workflow.kpi;

import java.time.OffsetDateTime;

/** What one process instance did: started, ended, outcome (its end event), legal limit met. */
public record CaseFact(
    String processInstanceId,
    String processKey,
    String businessKey,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    String outcome,
    Boolean legalLimitMet) {
}
