package th.go.senate.workflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;


import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Boot Actuator ({@code /actuator/**}) for operators only: the health check stays open (load balancers,
 * Docker's health check); every other endpoint needs HTTP Basic of a user of the engine's identity in
 * {@code camunda-admin}, or, for {@code /actuator/prometheus} and {@code /actuator/metrics} only, the scrape
 * credential ({@link ScrapeCredential}), which is checked here and never by the engine, so that no failed login of
 * an engine account can lock the scrape out. Guessing either is throttled by client address (LoginThrottleFilter).
 */
public class OperatorAuthenticationFilter implements Filter {

  static final String HEALTH = "/actuator/health";

  private final IdentityService identityService;
  private final ScrapeCredential scrape;

  public OperatorAuthenticationFilter(IdentityService identityService, ScrapeCredential scrape) {
    this.identityService = identityService;
    this.scrape = scrape;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(HEALTH) || path.startsWith(HEALTH + "/")) {
      chain.doFilter(req, res);
      return;
    }
    String[] credentials = basic(request.getHeader("Authorization"));
    if (credentials != null && scrape.isScrapeUser(credentials[0])) {
      if (!scrape.matches(credentials[0], credentials[1])) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"senate-workflow operator\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      } else if (!isScrapeable(path) || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN); // read-only, metrics only
      } else {
        chain.doFilter(req, res);
      }
      return;
    }
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"senate-workflow operator\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    if (identityService.createGroupQuery().groupMember(credentials[0]).groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    chain.doFilter(req, res);
  }

  static boolean isScrapeable(String path) {
    return path.equals("/actuator/prometheus") || path.equals("/actuator/metrics") || path.startsWith("/actuator/metrics/");
  }

  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
