package th.go.senate.workflow.web;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The caller's input refused inside an engine command (a business key the caller chose, a variable against the
 * input rule): an engine exception, so that the command rolls back and nothing is saved, answered as HTTP 400
 * with the Thai message alone by engine-rest ({@link EngineRestErrors}) and by the project's API
 * ({@link ApiExceptionHandler}).
 */
public class InputRefusedException extends BadUserRequestException {

  public InputRefusedException(String message) {
    super(message);
  }
}
