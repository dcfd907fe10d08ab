package th.go.senate.workflow.web;

import java.io.IOException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every response the application serves (webapps, {@code /api}, {@code /engine-rest},
 * {@code /public/*}, {@code /actuator/*}, errors and 401s included), from {@code senate.security-headers} in
 * application.yaml: Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, Referrer-Policy and, in
 * production, Strict-Transport-Security. Set before the rest of the chain runs, so that a refusal by a later filter
 * carries them too. Camunda's webapp filter ({@code camunda.bpm.webapp.header-security}) runs later for
 * {@code /camunda/*} and replaces the CSP, nosniff and HSTS headers with its own (set, not added: each header is sent
 * once), so the webapps keep the CSP their scripts need.
 */
public class SecurityHeaders extends OncePerRequestFilter {

  private final Settings settings;

  public SecurityHeaders(Settings settings) {
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", settings.getContentSecurityPolicy());
    response.setHeader("X-Frame-Options", settings.getFrameOptions());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", settings.getReferrerPolicy());
    if (!settings.isHstsDisabled()) {
      response.setHeader("Strict-Transport-Security", "max-age=" + settings.getHstsMaxAge());
    }
    chain.doFilter(request, response);
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  /** {@code senate.security-headers}. */
  @ConfigurationProperties("senate.security-headers")
  public static class Settings {

    private String contentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    private String frameOptions = "DENY";
    private String referrerPolicy = "same-origin";
    private boolean hstsDisabled = true;
    private long hstsMaxAge = 31536000;

    public String getContentSecurityPolicy() {
      return contentSecurityPolicy;
    }

    public void setContentSecurityPolicy(String contentSecurityPolicy) {
      this.contentSecurityPolicy = contentSecurityPolicy;
    }

    public String getFrameOptions() {
      return frameOptions;
    }

    public void setFrameOptions(String frameOptions) {
      this.frameOptions = frameOptions;
    }

    public String getReferrerPolicy() {
      return referrerPolicy;
    }

    public void setReferrerPolicy(String referrerPolicy) {
      this.referrerPolicy = referrerPolicy;
    }

    public boolean isHstsDisabled() {
      return hstsDisabled;
    }

    public void setHstsDisabled(boolean hstsDisabled) {
      this.hstsDisabled = hstsDisabled;
    }

    public long getHstsMaxAge() {
      return hstsMaxAge;
    }

    public void setHstsMaxAge(long hstsMaxAge) {
      this.hstsMaxAge = hstsMaxAge;
    }
  }
}
