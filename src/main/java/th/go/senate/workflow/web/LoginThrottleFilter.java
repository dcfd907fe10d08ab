package th.go.senate.workflow.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stands before every place where a password is checked — HTTP Basic on {@code /engine-rest/**}, {@code /api/**}
 * and {@code /actuator/**}, and the webapps' login ({@code POST …/api/admin/auth/user/{engine}/login/{app}}) — and
 * applies {@link LoginThrottle} to the client's address: a login attempt that answers 401 counts as a failure of
 * that address; an address that failed too often gets 429 with a Thai message and {@code Retry-After}, before any
 * password is checked. Requests without credentials (a webapp session, the open health check) are never held.
 *
 * <p>The address is {@link HttpServletRequest#getRemoteAddr()}: behind the reverse proxy that is the client's
 * own address, as Tomcat's RemoteIpValve takes it from {@code X-Forwarded-For}
 * ({@code server.forward-headers-strategy: native}).
 */
public class LoginThrottleFilter implements Filter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;
  private final Clock clock;

  public LoginThrottleFilter(LoginThrottle throttle, Clock clock) {
    this.throttle = throttle;
    this.clock = clock;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!isLoginAttempt(request)) {
      chain.doFilter(req, res);
      return;
    }
    String address = request.getRemoteAddr();
    Duration closed = throttle.closedFor(address, clock.instant());
    if (!closed.isZero()) {
      refuse(response, closed);
      return;
    }
    chain.doFilter(req, res);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, clock.instant());
    }
  }

  /** A request that carries a password: an HTTP Basic header, or the webapps' login form. */
  static boolean isLoginAttempt(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
  }

  private static void refuse(HttpServletResponse response, Duration closed) throws IOException {
    long seconds = Math.max(1, (closed.toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"เข้าสู่ระบบบ่อยเกินไป\",\"status\":429,"
        + "\"detail\":\"เข้าสู่ระบบไม่สำเร็จหลายครั้งจากเครื่องนี้ กรุณารอ " + seconds + " วินาทีแล้วลองใหม่\"}");
  }
}
