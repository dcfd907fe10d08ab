package th.go.senate.workflow.web;

import org.springframework.http.HttpStatus;

/** An error of the project's own API, with its HTTP status; the message is shown to the caller as is. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
