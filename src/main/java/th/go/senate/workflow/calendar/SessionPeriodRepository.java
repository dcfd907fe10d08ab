package th.go.senate.workflow.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Parliamentary session periods: the days on which the Senate's time on a bill runs. */
@Repository
public class SessionPeriodRepository {

  private final JdbcTemplate jdbc;

  public SessionPeriodRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<SessionPeriod> findAll() {
    return jdbc.query("select id, name, opened_on, closed_on from calendar_session_period order by opened_on",
        (rs, i) -> new SessionPeriod(rs.getLong(1), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
  }
}
