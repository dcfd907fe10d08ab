package th.go.senate.workflow.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.form.FormValidator;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.reference.ReferenceNumberService;
import th.go.senate.workflow.web.Refusal;

/**
 * What happens when any case starts, in this order: the start form's values are checked (a bad start
 * saves nothing and draws no number), the case gets its reference number as business key, and the KPI case
 * fact opens. A business key present at the start is accepted only under {@link ReferenceNumberService}'s rule
 * (a number it issued to the platform component starting this case, not used yet); any other, a caller's
 * included, is refused with a Thai 400 and the start saves nothing. The number is also kept as the variable
 * {@value #REFERENCE_NUMBER_VARIABLE} (a value a caller sent under that name is replaced), for the task forms.
 */
@Component
public class CaseStart {

  /** The refusal of a business key chosen by the caller (engine-rest start, submit-form, message, Tasklist). */
  public static final String CALLER_KEY_REFUSED = "ระบบเป็นผู้กำหนดเลขที่เรื่องเมื่อเริ่มเรื่อง "
      + "ไม่ต้องระบุเอง — ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาส่งใหม่โดยไม่ระบุเลขที่เรื่อง";

  /**
   * The reference number as a case variable too: form-js fields and templated text read variables only (never the
   * business key), and every task form's case header (Group_CaseHeader) shows it.
   */
  public static final String REFERENCE_NUMBER_VARIABLE = "referenceNumber";

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
    String given = execution.getProcessBusinessKey();
    if (given == null || given.isEmpty()) {
      execution.setProcessBusinessKey(referenceNumbers.assign(instance.getProcessDefinition().getKey(),
          ClockUtil.getCurrentTime().toInstant()));
    } else if (!referenceNumbers.acceptsAtStart(given)) {
      // Refused rather than replaced: a caller who sent a key would otherwise believe the case carries it.
      throw new Refusal(CALLER_KEY_REFUSED);
    }
    execution.setVariable(REFERENCE_NUMBER_VARIABLE, execution.getProcessBusinessKey());
    kpi.caseStarted(execution);
  }
}
