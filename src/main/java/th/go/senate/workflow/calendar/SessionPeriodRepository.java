package th.go.senate.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Parliamentary session periods: the days on which the Senate's time on a bill runs. */
@Repository
public class SessionPeriodRepository {

  private static final String COLUMNS = "select id, name, opened_on, closed_on from calendar_session_period ";
  private static final RowMapper<SessionPeriod> ROW = (rs, i) -> new SessionPeriod(rs.getLong(1), rs.getString(2),
      rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));

  private final JdbcTemplate jdbc;

  public SessionPeriodRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<SessionPeriod> findAll() {
    return jdbc.query(COLUMNS + "order by opened_on", ROW);
  }

  public Optional<SessionPeriod> find(long id) {
    return jdbc.query(COLUMNS + "where id = ?", ROW, id).stream().findFirst();
  }

  /** Periods other than {@code exceptId} that share at least one day with [openedOn, closedOn]. */
  public List<SessionPeriod> overlapping(LocalDate openedOn, LocalDate closedOn, Long exceptId) {
    return jdbc.query(COLUMNS + "where opened_on <= ? and closed_on >= ? and id <> ? order by opened_on", ROW,
        closedOn, openedOn, exceptId == null ? -1L : exceptId);
  }

  public long insert(SessionPeriod period) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(
          "insert into calendar_session_period (name, opened_on, closed_on) values (?, ?, ?)", new String[] {"id"});
      statement.setString(1, period.name());
      statement.setObject(2, period.openedOn());
      statement.setObject(3, period.closedOn());
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  public boolean update(SessionPeriod period) {
    return jdbc.update("update calendar_session_period set name = ?, opened_on = ?, closed_on = ? where id = ?",
        period.name(), period.openedOn(), period.closedOn(), period.id()) > 0;
  }

  public boolean delete(long id) {
    return jdbc.update("delete from calendar_session_period where id = ?", id) > 0;
  }
}
