package th.go.senate.workflow.monitoring;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health check's database part ({@link DatabaseHealth}) and the engine REST API's uri label ({@link EngineRestUriTag}). */
@Configuration
public class MonitoringConfig {

  /** The name replaces Spring Boot's own database health indicator. */
  @Bean(name = "dbHealthIndicator")
  public DatabaseHealth dbHealthIndicator(DataSource dataSource,
      @Value("${senate.monitoring.health-timeout:1500ms}") Duration timeout) {
    return new DatabaseHealth(dataSource, timeout);
  }

  /** Applied by Spring Boot to Camunda's engine REST application (the starter's Jersey ResourceConfig). */
  @Bean
  public ResourceConfigCustomizer engineRestUriTag() {
    return config -> config.register(new EngineRestUriTag());
  }
}
