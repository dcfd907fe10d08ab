package th.go.senate.workflow.web;

import org.springframework.http.HttpStatus;

/** Answered as HTTP 400 with the message, which says in the user's terms what was wrong. */
public class BadRequestException extends ApiException {

  public BadRequestException(String message) {
    super(HttpStatus.BAD_REQUEST, message);
  }
}
