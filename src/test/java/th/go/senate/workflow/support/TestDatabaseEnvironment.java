package th.go.senate.workflow.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Moves the platform tests to a real PostgreSQL when the build asks for it ({@code -Dsenate.test.database=postgres},
 * set by the pom's second Surefire run): same tests, same Spring context, but the database is PostgreSQL and
 * Camunda's tables come from Camunda's Liquibase changelog, as in production. Contexts that bring their own
 * database (cluster and crash tests set {@code senate.test.own-database}) are left alone.
 * Registered in src/test/resources/META-INF/spring.factories.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

  private static String platformUrl;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!TestPostgres.requested() || environment.containsProperty("senate.test.own-database")) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", platformUrl());
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "");
    // At JVM exit the database may stop before the Spring context: fail fast instead of waiting 30 s.
    properties.put("spring.datasource.hikari.connection-timeout", "3000");
    properties.put("spring.liquibase.enabled", "true");
    properties.put("spring.liquibase.change-log", "classpath:db/changelog/camunda-senate.xml");
    properties.put("camunda.bpm.database.type", "postgres");
    properties.put("camunda.bpm.database.schema-update", "false");
    environment.getPropertySources().addFirst(new MapPropertySource("senate-test-postgres", properties));
  }

  private static synchronized String platformUrl() {
    if (platformUrl == null) {
      platformUrl = TestPostgres.createDatabase("senate_platform_test");
    }
    return platformUrl;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
