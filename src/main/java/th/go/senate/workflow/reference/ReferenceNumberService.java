package th.go.senate.workflow.reference;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import th.go.senate.workflow.calendar.FiscalYear;

/**
 * Reference numbers that staff quote on letters: {@code PET-2570-00042}, the 42nd petition of fiscal year
 * 2570. Numbers are drawn in a transaction of their own so that concurrent starts on several nodes never
 * share one; a start that later fails leaves a gap, never a duplicate.
 */
@Service
public class ReferenceNumberService {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final ReferenceNumberProperties properties;
  /** The database's product name, read once (it decides the SQL of a draw). */
  private volatile String dialect;

  public ReferenceNumberService(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      ReferenceNumberProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  private String dialect() {
    String known = dialect;
    if (known == null) {
      known = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
      dialect = known;
    }
    return known;
  }

  public String next(String processKey, Instant at) {
    int fiscalYear = FiscalYear.of(at);
    String prefix = properties.getPrefixes().getOrDefault(processKey, processKey.toUpperCase());
    int number;
    try {
      number = ownTransaction.execute(tx -> draw(processKey, fiscalYear));
    } catch (DuplicateKeyException firstOfTheYearRace) {
      // Another node opened the fiscal year's counter at the same moment; its row exists now.
      number = ownTransaction.execute(tx -> draw(processKey, fiscalYear));
    }
    return String.format("%s-%d-%05d", prefix, fiscalYear, number);
  }

  private int draw(String processKey, int fiscalYear) {
    String increment = "update reference_sequence set last_value = last_value + 1 where process_key = ? and fiscal_year = ?";
    String incremented = switch (dialect()) {
      // The incremented value in the same statement as the increment (one round trip instead of two).
      case "PostgreSQL" -> increment + " returning last_value";
      case "H2" -> "select last_value from final table (" + increment + ")";
      default -> null;
    };
    if (incremented != null) {
      List<Integer> drawn = jdbc.queryForList(incremented, Integer.class, processKey, fiscalYear);
      if (!drawn.isEmpty()) {
        return drawn.get(0);
      }
      jdbc.update("insert into reference_sequence (process_key, fiscal_year, last_value) values (?, ?, 1)",
          processKey, fiscalYear);
      return 1;
    }
    int updated = jdbc.update(increment, processKey, fiscalYear);
    if (updated == 0) {
      jdbc.update("insert into reference_sequence (process_key, fiscal_year, last_value) values (?, ?, 1)",
          processKey, fiscalYear);
      return 1;
    }
    return jdbc.queryForObject("select last_value from reference_sequence where process_key = ? and fiscal_year = ?",
        Integer.class, processKey, fiscalYear);
  }
}
