package th.go.senate.workflow.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises the start-up seeding (administrator, groups, authorizations, Tasklist filters) of nodes that
 * start at the same moment on one PostgreSQL database: the work runs in one transaction that first takes a
 * transaction-scoped advisory lock, so the second node waits and then finds everything in place instead of
 * creating duplicates or failing on a unique key. The engine's services join this Spring transaction.
 * H2 serves one node only and needs no lock.
 */
@Component
public class StartupLock {

  /** An arbitrary constant that names this lock among PostgreSQL advisory locks. */
  static final long LOCK_KEY = 0x53454e415445L; // "SENATE"

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final boolean postgres;

  public StartupLock(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.postgres = isPostgres(dataSource);
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  public <T> T call(Supplier<T> work) {
    return transaction.execute(status -> {
      if (postgres) {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
      }
      return work.get();
    });
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to learn its kind", e);
    }
  }
}
