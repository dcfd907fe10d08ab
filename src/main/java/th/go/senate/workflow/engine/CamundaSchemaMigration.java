package th.go.senate.workflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Camunda's tables in the postgres profile: created and upgraded by the Liquibase changelog that camunda-engine
 * ships ({@code spring.liquibase.change-log}), before the engine is built (see {@link EngineAfterSchemaMigrations}).
 *
 * <p>Liquibase's own lock table is created without a lock, so two nodes starting together on an empty
 * database would both try to create it. The migration therefore runs under a PostgreSQL advisory lock: the
 * second node waits, then finds the changelog applied and does nothing.
 */
@Configuration
@ConditionalOnProperty(name = "spring.liquibase.enabled", havingValue = "true")
public class CamundaSchemaMigration {

  static final long LOCK_KEY = 0x43414d554e44L; // "CAMUND"

  @Bean
  public SpringLiquibase liquibase(DataSource dataSource, Environment environment) {
    SpringLiquibase liquibase = new SpringLiquibase() {
      @Override
      public void afterPropertiesSet() throws liquibase.exception.LiquibaseException {
        try (Connection lock = dataSource.getConnection()) {
          try (PreparedStatement statement = lock.prepareStatement("select pg_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
          }
          try {
            super.afterPropertiesSet();
          } finally {
            try (PreparedStatement statement = lock.prepareStatement("select pg_advisory_unlock(?)")) {
              statement.setLong(1, LOCK_KEY);
              statement.execute();
            }
          }
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException("Cannot take the schema migration lock", e);
        }
      }
    };
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(environment.getRequiredProperty("spring.liquibase.change-log"));
    return liquibase;
  }
}
