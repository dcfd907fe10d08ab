package th.go.senate.workflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every response gets before anything else runs: the security headers ({@link SecurityHeaders}), and a 404 for
 * a direct request of Spring's error page {@code /error} (it exists for the server's own error dispatch; called
 * directly it has no error to show and answered 500).
 */
@Configuration
@EnableConfigurationProperties(SecurityHeaders.Settings.class)
public class ResponseHardeningConfig {

  @Bean
  public FilterRegistrationBean<SecurityHeaders> securityHeaders(SecurityHeaders.Settings settings) {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders(settings));
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> directErrorPageRequest() {
    Filter notFound = (request, response, chain) -> {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(HttpServletResponse.SC_NOT_FOUND);
      http.setContentType("application/problem+json;charset=UTF-8");
      http.getOutputStream().write(("{\"status\":404,\"title\":\"ไม่พบหน้า\",\"detail\":\"ไม่พบหน้าที่ระบุ\"}")
          .getBytes(StandardCharsets.UTF_8));
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(notFound);
    registration.setName("direct-error-page-request");
    registration.addUrlPatterns("/error", "/error/*");
    // Only a request from outside; the server's own error dispatch (DispatcherType.ERROR) passes.
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
