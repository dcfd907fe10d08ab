package th.go.senate.workflow.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The table kpi_target. */
@Repository
public class KpiTargetRepository {

  private static final String COLUMNS =
      "id, fiscal_year, indicator_code, name_th, process_key, measure, target_value, owner_bureau";

  private final JdbcTemplate jdbc;

  public KpiTargetRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<KpiTarget> byFiscalYear(int fiscalYear) {
    return jdbc.query("select " + COLUMNS + " from kpi_target where fiscal_year = ? order by indicator_code",
        KpiTargetRepository::row, fiscalYear);
  }

  public Optional<KpiTarget> find(long id) {
    return jdbc.query("select " + COLUMNS + " from kpi_target where id = ?", KpiTargetRepository::row, id)
        .stream().findFirst();
  }

  public Optional<KpiTarget> find(int fiscalYear, String indicatorCode) {
    return jdbc.query("select " + COLUMNS + " from kpi_target where fiscal_year = ? and indicator_code = ?",
        KpiTargetRepository::row, fiscalYear, indicatorCode).stream().findFirst();
  }

  public long insert(KpiTarget t) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("insert into kpi_target (fiscal_year, indicator_code, name_th, "
          + "process_key, measure, target_value, owner_bureau) values (?,?,?,?,?,?,?)", new String[] {"id"});
      statement.setInt(1, t.fiscalYear());
      statement.setString(2, t.indicatorCode());
      statement.setString(3, t.nameTh());
      statement.setString(4, t.processKey());
      statement.setString(5, t.measure().name());
      statement.setBigDecimal(6, t.target());
      statement.setString(7, t.ownerBureau());
      return statement;
    }, keys);
    return keys.getKey().longValue();
  }

  public boolean update(KpiTarget t) {
    return jdbc.update("update kpi_target set fiscal_year = ?, indicator_code = ?, name_th = ?, process_key = ?, "
        + "measure = ?, target_value = ?, owner_bureau = ? where id = ?", t.fiscalYear(), t.indicatorCode(), t.nameTh(),
        t.processKey(), t.measure().name(), t.target(), t.ownerBureau(), t.id()) == 1;
  }

  public boolean delete(long id) {
    return jdbc.update("delete from kpi_target where id = ?", id) == 1;
  }

  private static KpiTarget row(ResultSet rs, int i) throws SQLException {
    return new KpiTarget(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
        KpiMeasure.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getString(8));
  }
}
