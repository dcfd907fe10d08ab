package th.go.senate.workflow.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every error of the project's REST API into a problem document whose {@code detail} says what was
 * wrong (Thai first, English in brackets). Nothing is half-saved: services fail before they write.
 */
@RestControllerAdvice(basePackages = "th.go.senate.workflow")
// Before Spring's generic problem-details advice (spring.mvc.problemdetails), which would answer an unreadable
// body with its English "Failed to read request".
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  public ProblemDetail api(ApiException e) {
    return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
  }

  @ExceptionHandler({IllegalArgumentException.class, BadUserRequestException.class})
  public ProblemDetail badRequest(RuntimeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "ค่าของ '" + e.getName()
        + "' ไม่ถูกต้อง: '" + e.getValue() + "' (invalid value for parameter '" + e.getName() + "')");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ProblemDetail missing(MissingServletRequestParameterException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "ต้องระบุ '" + e.getParameterName()
        + "' (missing parameter '" + e.getParameterName() + "')");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "ข้อมูลที่ส่งมาไม่ถูกต้อง ตรวจสอบรูปแบบ JSON และวันที่ (YYYY-MM-DD) (malformed request body)");
  }

  @ExceptionHandler(IllegalStateException.class)
  public ProblemDetail conflict(IllegalStateException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  public ProblemDetail forbidden(AuthorizationException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "ไม่มีสิทธิ์ดำเนินการนี้ (forbidden)");
  }
}
