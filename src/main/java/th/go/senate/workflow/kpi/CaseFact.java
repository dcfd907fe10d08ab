package th.go.senate.workflow.kpi;

import java.time.OffsetDateTime;

/**
 * What one process instance did: started, ended, outcome (its end event), legal limit met, and the days of
 * its legal limit it used (on the limit's calendar; null without a legal limit).
 */
public record CaseFact(
    String processInstanceId,
    String processKey,
    String businessKey,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    String outcome,
    Boolean legalLimitMet,
    Integer limitDaysUsed) {
}
