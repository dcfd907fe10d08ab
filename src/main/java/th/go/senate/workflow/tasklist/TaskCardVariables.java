package th.go.senate.workflow.tasklist;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a task card shows (the filters' {@code variables}, {@link TasklistFilters#CARD_VARIABLES}): the case's
 * reference number and subject, copied onto each task as task-local variables when it is created. Tasklist reads a
 * card's variables with the variable query, which a clerk may run only on what they may read: a bureau reads its
 * tasks, not the process instances (that would open every bureau's cases to it), so a case variable would stay
 * blank on the card while a task's own variable shows. Other names than the case's, so that a form that edits the
 * subject never writes into the copy. Stateless: engine/StepInstrumentation attaches one instance to every user task.
 */
public class TaskCardVariables implements TaskListener {

  public static final String REFERENCE_NUMBER = "caseReferenceNumber";
  public static final String SUBJECT = "caseSubject";
  /** The subject under the name each process gives it (the case header's Field_CaseSubject keys). */
  static final List<String> SUBJECT_VARIABLES = List.of("subject", "questionSubject", "billTitle", "roundName");

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String reference = execution == null ? null : execution.getProcessBusinessKey();
    if (reference != null && !reference.isBlank()) {
      task.setVariableLocal(REFERENCE_NUMBER, reference);
    }
    for (String name : SUBJECT_VARIABLES) {
      if (task.getVariable(name) instanceof String subject && !subject.isBlank()) {
        task.setVariableLocal(SUBJECT, subject);
        return;
      }
    }
  }
}
