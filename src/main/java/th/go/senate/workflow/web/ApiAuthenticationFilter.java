package th.go.senate.workflow.web;

import java.io.IOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The authentication of the project's API ({@code /api/**}): HTTP Basic against the engine's identity
 * (Camunda's {@link ProcessEngineAuthenticationFilter}), and one alternative, in this one place: a
 * <b>read-only</b> request ({@code GET}/{@code HEAD}) to the KPI reports ({@code /api/kpi/**}) may instead come
 * with the session of a user logged in to the Camunda webapps. That is how the Cockpit KPI dashboard (a plugin
 * running in the browser with the webapp's session cookie) reads the reports and offers the XLSX/CSV
 * download as a plain link.
 *
 * <p>Only reads are accepted on the session: the session cookie is sent by the browser on its own, so a
 * state-changing call authenticated by it would be open to cross-site request forgery (the webapps protect
 * their own API with a CSRF token, which this API does not use). Groups are read again from the engine on every
 * request, so a membership revoked in Admin counts at once; an HTTP Basic header, when sent, always wins.
 */
public class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  static final String SESSION_READABLE_PREFIX = "/api/kpi/";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
    String userId = engine == null ? null : webappUser(http, engine);
    if (userId == null) {
      super.doFilter(request, response, chain);
      return;
    }
    setAuthenticatedUser(engine, userId, getGroupsOfUser(engine, userId), getTenantsOfUser(engine, userId));
    try {
      chain.doFilter(request, response);
    } finally {
      clearAuthentication(engine);
    }
  }

  /** The user of the webapp session, for a read of the KPI API without a Basic header; otherwise null. */
  static String webappUser(HttpServletRequest request, ProcessEngine engine) {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith(SESSION_READABLE_PREFIX)
        || request.getHeader("Authorization") != null) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication == null ? null : authentication.getIdentityId();
  }
}
