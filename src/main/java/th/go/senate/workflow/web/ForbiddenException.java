package th.go.senate.workflow.web;

import org.springframework.http.HttpStatus;

/** Answered as HTTP 403 with the message, which says in the user's terms what was wrong. */
public class ForbiddenException extends ApiException {

  public ForbiddenException(String message) {
    super(HttpStatus.FORBIDDEN, message);
  }
}
