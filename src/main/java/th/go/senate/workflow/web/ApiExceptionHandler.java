package th.go.senate.workflow.web;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every error of the project's REST API into a problem document whose {@code detail} says what was
 * wrong (Thai first, English in brackets). Nothing is half-saved: services fail before they write. Only what the
 * caller can act on gets a 4xx: a refusal or bad input 400, a state that does not allow the request 409
 * ({@link ConflictException}); an internal fault ({@code IllegalStateException} and the like) stays a 500.
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

  /**
   * A rule's refusal ({@link Refusal}), wherever it sits in the cause chain: the engine wraps what a listener throws.
   */
  @ExceptionHandler(ProcessEngineException.class)
  public ProblemDetail engine(ProcessEngineException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
      }
    }
    if (e instanceof BadUserRequestException) {
      return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    // An internal fault: Spring answers 500 without showing its message.
    throw e;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ProblemDetail badRequest(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "ค่าของ '" + e.getName()
        + "' ไม่ถูกต้อง: '" + e.getValue() + "'");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ProblemDetail missing(MissingServletRequestParameterException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "ต้องระบุ '" + e.getParameterName()
        + "'");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "ข้อมูลที่ส่งมาไม่ถูกต้อง ตรวจสอบรูปแบบ JSON และวันที่");
  }

  @ExceptionHandler(AuthorizationException.class)
  public ProblemDetail forbidden(AuthorizationException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "ไม่มีสิทธิ์ดำเนินการนี้");
  }
}
