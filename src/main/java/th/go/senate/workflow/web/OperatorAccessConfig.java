package th.go.senate.workflow.web;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Actuator endpoints other than health are for authenticated operators ({@link OperatorAuthenticationFilter}). */
@Configuration
public class OperatorAccessConfig {

  @Bean
  public FilterRegistrationBean<OperatorAuthenticationFilter> actuatorAuthentication(IdentityService identityService,
      ScrapeCredential scrape) {
    FilterRegistrationBean<OperatorAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new OperatorAuthenticationFilter(identityService, scrape));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }
}
