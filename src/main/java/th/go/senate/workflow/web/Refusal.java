package th.go.senate.workflow.web;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * The platform's one refusal: a rule said no to what the caller asked, and the message says why in Thai (English in
 * brackets). Thrown by the form check on the server (form/FormValidator), by every process rule (a sitting notice
 * too short, a bill's limit that the recorded sessions cannot count, a question slot that is not a Monday …), by the
 * input rule and by the refusal of a business key chosen by the caller.
 *
 * <p>It is an engine exception (Camunda's {@link NotValidException}, a bad user request), so the command it
 * interrupts rolls back and nothing is saved, even when it is thrown from a task or execution listener inside the
 * engine. Both REST layers recognise it by its type, wherever it sits in
 * the cause chain, and answer HTTP 400 with its message alone: engine-rest and the webapps' engine API
 * ({@link EngineRestErrors}), through which Tasklist submits forms, and the project's API ({@link ApiExceptionHandler}).
 */
public class Refusal extends NotValidException {

  public Refusal(String message) {
    super(message);
  }
}
