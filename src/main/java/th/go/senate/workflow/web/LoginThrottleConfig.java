package th.go.senate.workflow.web;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Login throttling by client address ({@link LoginThrottleFilter}) in front of every password check, before the
 * authentication filters of engine-rest, the project's API, Actuator and the webapps. Camunda's own per-account
 * delay is switched off (application.yaml, loginDelayBase 0): it let anyone who knows a clerk's id keep that
 * clerk out.
 */
@Configuration
public class LoginThrottleConfig {

  @Bean
  public FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, Clock.systemUTC()));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/camunda/api/*");
    // After Spring's encoding and observation filters, before every authentication filter.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
