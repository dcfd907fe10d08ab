package th.go.senate.workflow.web;

import org.springframework.http.HttpStatus;

/**
 * Answered as HTTP 409 with the message: the request is sound but the platform's present state does not allow it
 * (e.g. the accounts come from the directory, or a calendar change would leave open deadlines uncountable).
 */
public class ConflictException extends ApiException {

  public ConflictException(String message) {
    super(HttpStatus.CONFLICT, message);
  }
}
