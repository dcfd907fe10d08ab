package th.go.senate.workflow.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.calendar.ThaiDates;

/**
 * The notices to a petitioner who gave an e-mail address ({@value #EMAIL_VARIABLE} on the intake form): the
 * steps named in {@code senate.notice.petitioner} (acknowledgement, each progress notice, the reply) mail them
 * from their template when the clerk completes the step, with the case's values (reference number, tracking
 * code, subject, what the clerk wrote for the petitioner on that step). What was written is recorded on the
 * case, in the variable {@value #RECORD_VARIABLE} that the clerk sees in Tasklist and Cockpit (and in full on
 * the outbox page).
 *
 * <p>Never for a confidential process (integrity cases): there the complainant's identity lives only in the
 * protected store, never in process variables, so nothing here can address them.
 */
@Component
public class PetitionerNotices {

  public static final String EMAIL_VARIABLE = "petitionerEmail";
  public static final String RECORD_VARIABLE = "petitionerNotices";

  private final Notices notices;

  public PetitionerNotices(Notices notices) {
    this.notices = notices;
  }

  /** Complete listener of every user task (after the server-side form check). */
  public void taskCompleted(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    ExecutionEntity execution = task.getExecution();
    String processKey = execution.getProcessDefinition().getKey();
    Map<String, String> steps = notices.properties().getPetitioner().get(processKey);
    String template = steps == null ? null : steps.get(task.getTaskDefinitionKey());
    if (template == null || !notices.enabled() || notices.properties().getConfidentialProcesses().contains(processKey)) {
      return;
    }
    Object email = task.getVariable(EMAIL_VARIABLE);
    if (email == null || String.valueOf(email).isBlank()) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> variable : task.getVariables().entrySet()) {
      if (!(variable.getValue() instanceof TypedValue) && !(variable.getValue() instanceof java.io.Serializable)) {
        continue;
      }
      values.put(variable.getKey(), ThaiDates.value(variable.getValue()));
    }
    values.put("referenceNumber", execution.getProcessBusinessKey());
    values.put("trackerLink", notices.properties().getTrackerUrl());
    List<String> written = notices.send(template, List.of(new Notices.Recipient(null, null, String.valueOf(email))),
        values, new Notices.About(execution.getProcessBusinessKey(), task.getProcessInstanceId(), task.getId()));
    if (!written.isEmpty()) {
      Object before = execution.getVariable(RECORD_VARIABLE);
      String line = ThaiDates.dateTime(ClockUtil.getCurrentTime()) + " " + task.getName() + ": อีเมลถึง "
          + email + " (" + template + ", รหัสหนังสือ " + written.get(0) + ")";
      execution.getProcessInstance().setVariable(RECORD_VARIABLE, before == null ? line : before + "\n" + line);
    }
  }
}
