package th.go.senate.workflow.web;

import org.springframework.http.HttpStatus;

/** Answered as HTTP 404 with the message, which says in the user's terms what was wrong. */
public class NotFoundException extends ApiException {

  public NotFoundException(String message) {
    super(HttpStatus.NOT_FOUND, message);
  }
}
