package th.go.senate.workflow.web;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No anonymous REST: Camunda's own authentication filter (HTTP Basic against the engine's identity
 * service) stands in front of the engine REST API and of the project's API. It sets the authenticated
 * user and groups on the engine, so every engine call made for the request is authorization-checked.
 */
@Configuration
public class RestAuthenticationConfig {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    // HTTP Basic; and, for reads of the KPI reports only, the Camunda webapp session (see ApiAuthenticationFilter).
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter());
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    // The API is served by Spring MVC at the root: an empty prefix makes the filter see the whole path,
    // so that "/api/..." is never mistaken for the filter's own anonymous root resource.
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, ""));
    return registration;
  }
}
