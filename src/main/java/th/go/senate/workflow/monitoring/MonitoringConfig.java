package th.go.senate.workflow.monitoring;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

/** The health check's database part ({@link DatabaseHealth}) and the engine REST API's uri label ({@link EngineRestUriTag}). */
@Configuration
public class MonitoringConfig {

  /** The name replaces Spring Boot's own database health indicator. */
  @Bean(name = "dbHealthIndicator")
  public DatabaseHealth dbHealthIndicator(DataSource dataSource,
      @Value("${senate.monitoring.health-timeout:1500ms}") Duration timeout) {
    return new DatabaseHealth(dataSource, timeout);
  }

  /**
   * An engine REST request that never reaches a resource (refused by authentication, throttled) is labelled
   * {@code /engine-rest/**} rather than {@code UNKNOWN}; {@link EngineRestUriTag} replaces it with the resource's
   * pattern when one matched. Runs after Spring's observation filter, which creates the context.
   */
  @Bean
  public FilterRegistrationBean<Filter> engineRestUriFallback() {
    Filter filter = (request, response, chain) -> {
      ServerHttpObservationFilter.findObservationContext((HttpServletRequest) request)
          .filter(context -> context.getPathPattern() == null)
          .ifPresent(context -> context.setPathPattern(EngineRestUriTag.PREFIX + "/**"));
      chain.doFilter(request, response);
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("engine-rest-uri-fallback");
    registration.addUrlPatterns(EngineRestUriTag.PREFIX + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  /** Applied by Spring Boot to Camunda's engine REST application (the starter's Jersey ResourceConfig). */
  @Bean
  public ResourceConfigCustomizer engineRestUriTag() {
    return config -> config.register(new EngineRestUriTag());
  }
}
