package th.go.senate.workflow.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The table {@code notice_outbox}. Written through the application's JdbcTemplate, which joins the engine's
 * Spring transaction: a notice written by a step commits or rolls back with the step.
 */
@Repository
public class NoticeOutbox {

  /** One notice: what was (or is to be) sent to whom, about which case. */
  public record Notice(String id, String kind, String recipient, String recipientUser, String subject, String body,
      String businessKey, String processInstanceId, String taskId, Instant createdAt, Instant sentAt, int attempts,
      String lastError) {
  }

  private static final String COLUMNS = "id, kind, recipient, recipient_user, subject, body, business_key, "
      + "process_instance_id, task_id, created_at, sent_at, attempts, last_error";

  private static final RowMapper<Notice> ROW = (rs, i) -> new Notice(rs.getString("id"), rs.getString("kind"),
      rs.getString("recipient"), rs.getString("recipient_user"), rs.getString("subject"), rs.getString("body"),
      rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("task_id"),
      instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")), rs.getInt("attempts"),
      rs.getString("last_error"));

  private final JdbcTemplate jdbc;

  public NoticeOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public String insert(String kind, String recipient, String recipientUser, String subject, String body,
      String businessKey, String processInstanceId, String taskId, Instant createdAt) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into notice_outbox (id, kind, recipient, recipient_user, subject, body, business_key, "
            + "process_instance_id, task_id, created_at, attempts) values (?,?,?,?,?,?,?,?,?,?,0)",
        id, kind, recipient, recipientUser, subject, body, businessKey, processInstanceId, taskId,
        Timestamp.from(createdAt));
    return id;
  }

  public Optional<Notice> find(String id) {
    return jdbc.query("select " + COLUMNS + " from notice_outbox where id = ?", ROW, id).stream().findFirst();
  }

  public void sent(String id, Instant at) {
    jdbc.update("update notice_outbox set sent_at = ?, attempts = attempts + 1 where id = ?", Timestamp.from(at), id);
  }

  /** After a failed attempt (in the engine's failed-job transaction, which commits). */
  public void failed(String id, String error) {
    jdbc.update("update notice_outbox set attempts = attempts + 1, last_error = ? where id = ?",
        error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error, id);
  }

  /**
   * Removes the mails of a case to addresses outside the platform's users (the petitioner's), sent or not: when a
   * case becomes an integrity case, the person's address may stay only in the protected store. A message job
   * whose row is gone sends nothing. Returns the rows removed.
   */
  public int forgetOutsideRecipients(String businessKey) {
    return jdbc.update("delete from notice_outbox where business_key = ? and recipient_user is null", businessKey);
  }

  /** The latest notices, newest first; of one case when {@code businessKey} is given. */
  public List<Notice> latest(String businessKey, int limit) {
    // Both H2 and PostgreSQL read the standard row limit; the limit is an int, never text from a request.
    String fetch = " order by created_at desc fetch first " + Math.max(1, limit) + " rows only";
    if (businessKey != null && !businessKey.isBlank()) {
      return jdbc.query("select " + COLUMNS + " from notice_outbox where business_key = ?" + fetch, ROW, businessKey);
    }
    return jdbc.query("select " + COLUMNS + " from notice_outbox" + fetch, ROW);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
