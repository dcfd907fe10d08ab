package th.go.senate.workflow.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  /** Numbers drawn by {@link #next} and not yet used by a start; a start that failed leaves its entry to expire. */
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private static final Duration UNUSED_FOR = Duration.ofMinutes(10);

  private record Issued(long threadId, Instant at) {
  }

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

  /**
   * Draws the next number for a case that a platform component is about to start with it as business key
   * ({@code runtimeService.startProcessInstanceByKey(key, businessKey, …)}: integrity-case intake and
   * hand-overs). The number is remembered as issued to the drawing thread until that start uses it
   * ({@link #acceptsAtStart}); a caller's key is never among them.
   */
  public String next(String processKey, Instant at) {
    String number = draw(processKey, at);
    Instant now = Instant.now();
    issued.values().removeIf(i -> i.at().isBefore(now.minus(UNUSED_FOR)));
    issued.put(number, new Issued(Thread.currentThread().getId(), now));
    return number;
  }

  /** Draws the number that engine/CaseStart gives a case started without a business key. */
  public String assign(String processKey, Instant at) {
    return draw(processKey, at);
  }

  /**
   * The one rule for a business key present at the start of a case: only a number that {@link #next} drew, on
   * this thread (the start follows the draw in the same request or job), and that no start has used yet. It is
   * used up by this call, so a number serves one case only. Every other key (a caller's, a reused one) is refused.
   */
  public boolean acceptsAtStart(String businessKey) {
    Issued drawn = issued.get(businessKey);
    return drawn != null && drawn.threadId() == Thread.currentThread().getId() && issued.remove(businessKey, drawn);
  }

  private String draw(String processKey, Instant at) {
    int fiscalYear = FiscalYear.of(at);
    String prefix = properties.getPrefixes().getOrDefault(processKey, processKey.toUpperCase());
    int number;
    try {
      number = ownTransaction.execute(tx -> increment(processKey, fiscalYear));
    } catch (DuplicateKeyException firstOfTheYearRace) {
      // Another node opened the fiscal year's counter at the same moment; its row exists now.
      number = ownTransaction.execute(tx -> increment(processKey, fiscalYear));
    }
    return String.format("%s-%d-%05d", prefix, fiscalYear, number);
  }

  private int increment(String processKey, int fiscalYear) {
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
