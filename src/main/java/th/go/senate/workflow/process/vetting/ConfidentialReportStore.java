package th.go.senate.workflow.process.vetting;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store of vetting committees' confidential reports: a table of the project's own, not an engine variable,
 * so neither Cockpit, engine-rest nor history (which administrators and monitoring groups read) holds the report.
 * Written in the transaction of the step that submits the report; read only by {@link VettingReportController},
 * which checks the reader's groups and records every attempt.
 */
@Component
public class ConfidentialReportStore {

  public record Stored(String businessKey, String committeeBureau, String content, String storedBy) {

    @Override
    public String toString() {
      return "Stored[" + businessKey + ", bureau=" + committeeBureau + ", content=confidential]";
    }
  }

  private final JdbcTemplate jdbc;

  public ConfidentialReportStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps the report of a case; a case reports once (a second report is refused by the primary key). */
  public void store(String businessKey, String committeeBureau, String content, String storedBy) {
    jdbc.update("insert into vetting_report (business_key, committee_bureau, content, stored_at, stored_by) values (?, ?, ?, ?, ?)",
        businessKey, committeeBureau, content, new Timestamp(ClockUtil.getCurrentTime().getTime()), storedBy);
  }

  /** The stored report; empty when the case has none. Callers check rights and audit first. */
  public Optional<Stored> read(String businessKey) {
    List<Stored> rows = jdbc.query("select business_key, committee_bureau, content, stored_by from vetting_report where business_key = ?",
        (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), businessKey);
    return rows.stream().findFirst();
  }

  /** The committee bureau of a case's report, without its content. */
  public Optional<String> bureauOf(String businessKey) {
    return jdbc.queryForList("select committee_bureau from vetting_report where business_key = ?", String.class, businessKey)
        .stream().findFirst();
  }

  public void audit(String businessKey, String userId, boolean granted) {
    String key = businessKey == null ? "" : businessKey.replaceAll("\\p{Cntrl}", "?");
    jdbc.update("insert into vetting_report_access (business_key, user_id, accessed_at, granted) values (?, ?, ?, ?)",
        key.length() > 255 ? key.substring(0, 255) : key, userId, new Timestamp(ClockUtil.getCurrentTime().getTime()), granted);
  }
}
