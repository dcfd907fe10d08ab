package th.go.senate.workflow.process.interpellation;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One question of the register.
 *
 * @param answerDueAt the written answer's deadline (Gazette path, once dispatched)
 * @param answeredWithinLimit Gazette: whether the answer arrived by its deadline; sitting: whether every step
 *     kept its SLA (the case fact); {@code null} while not answered or when never answered
 * @param overdue a written answer still awaited after its deadline
 */
public record QuestionEntry(
    String processInstanceId,
    String referenceNumber,
    Integer fiscalYear,
    QuestionStatus status,
    String statusTh,
    String answerMode,
    String senator,
    String minister,
    String subject,
    LocalDate filedOn,
    LocalDate dispatchedOn,
    OffsetDateTime answerDueAt,
    LocalDate slotDate,
    int postponements,
    boolean priority,
    LocalDate answeredOn,
    Boolean answeredWithinLimit,
    boolean overdue,
    String outcome,
    OffsetDateTime endedAt) {
}
