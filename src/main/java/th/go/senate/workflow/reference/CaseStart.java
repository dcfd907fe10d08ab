package th.go.senate.workflow.reference;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.form.FormValidator;
import th.go.senate.workflow.kpi.KpiRecorder;

/**
 * What happens when any case starts, in this order: the start form's values are checked (a bad start
 * saves nothing and draws no number), the case gets its reference number as business key unless the
 * caller gave one, and the KPI case fact opens.
 */
@Component
public class CaseStart {

  private final FormValidator forms;
  private final ReferenceNumberService referenceNumbers;
  private final KpiRecorder kpi;

  public CaseStart(FormValidator forms, ReferenceNumberService referenceNumbers, KpiRecorder kpi) {
    this.forms = forms;
    this.referenceNumbers = referenceNumbers;
    this.kpi = kpi;
  }

  public void started(DelegateExecution execution) {
    ExecutionEntity instance = (ExecutionEntity) execution;
    if (instance.getProcessDefinition().getInitial() != null
        && execution.getBpmnModelInstance().getModelElementById(instance.getProcessDefinition().getInitial().getId())
            instanceof StartEvent start) {
      forms.validateStart(start, instance);
    }
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      execution.setProcessBusinessKey(referenceNumbers.next(instance.getProcessDefinition().getKey(),
          ClockUtil.getCurrentTime().toInstant()));
    }
    kpi.caseStarted(execution);
  }
}
