package th.go.senate.workflow.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the demo history is written the web server is already up, but the engine's clock (one for the whole JVM)
 * stands in the past: a case started or a task completed then would carry a date of last year, and the job
 * executor is stopped. So every request except the health check gets a Thai 503 with Retry-After until the history
 * is there (the log then says "Demo history: ..."). Outside that minute, and outside the demo profile, it passes
 * everything through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoHistoryGate extends OncePerRequestFilter {

  static final String MESSAGE = "ระบบกำลังสร้างข้อมูลตัวอย่างย้อนหลังสำหรับการสาธิต กรุณารอสักครู่แล้วลองใหม่";

  private final DemoHistory history;

  public DemoHistoryGate(DemoHistory history) {
    this.history = history;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!history.writing() || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "30");
    response.setContentType("text/html;charset=UTF-8");
    response.getOutputStream().write(("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"30\"><title>กรุณารอสักครู่</title></head><body><p>" + MESSAGE
        + "</p></body></html>").getBytes(StandardCharsets.UTF_8));
  }
}
