package th.go.senate.workflow.web;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's authentication filter for engine-rest, without its one anonymous resource: Camunda lets
 * {@code GET /engine-rest/engine} (the list of engine names) through unauthenticated; here every engine-rest
 * call needs a user, as the README promises.
 */
public class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }
}
