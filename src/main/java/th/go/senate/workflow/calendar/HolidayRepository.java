package th.go.senate.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The holiday table: Thai government holidays on weekdays, edited at run time by administrators. */
@Repository
public class HolidayRepository {

  private final JdbcTemplate jdbc;

  public HolidayRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Holiday> findAll() {
    return jdbc.query("select holiday_date, name_th, name_en from calendar_holiday order by holiday_date",
        (rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)));
  }

  public List<Holiday> findByYear(int year) {
    return jdbc.query("select holiday_date, name_th, name_en from calendar_holiday "
            + "where holiday_date between ? and ? order by holiday_date",
        (rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)),
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  public Optional<Holiday> find(LocalDate date) {
    return jdbc.query("select holiday_date, name_th, name_en from calendar_holiday where holiday_date = ?",
        (rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)), date)
        .stream().findFirst();
  }

  public void insert(Holiday holiday) {
    jdbc.update("insert into calendar_holiday (holiday_date, name_th, name_en) values (?, ?, ?)",
        holiday.date(), holiday.nameTh(), holiday.nameEn());
  }

  public boolean delete(LocalDate date) {
    return jdbc.update("delete from calendar_holiday where holiday_date = ?", date) > 0;
  }
}
