package th.go.senate.workflow.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

import th.go.senate.workflow.form.FormValidator;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.reference.CaseStart;
import th.go.senate.workflow.sla.SlaTaskListener;

/**
 * Attaches the platform's mechanisms to every model at deployment, so that no model has to remember them
 * and no step escapes:
 * <ul>
 *   <li>every user task: SLA due date (create), KPI step fact (create, assignment, complete, delete),
 *       server-side form validation (complete, before the fact is written);</li>
 *   <li>every process: start-form validation, reference number and case fact (start); case fact (end);</li>
 *   <li>every top-level end event: the case outcome.</li>
 * </ul>
 * They are built-in listeners: they run before the model's own listeners and also when an operator
 * modifies an instance with "skip custom listeners".
 */
public class StepInstrumentation extends AbstractBpmnParseListener {

  private final SlaTaskListener sla;
  private final KpiRecorder kpi;
  private final FormValidator forms;
  private final CaseStart caseStart;

  public StepInstrumentation(SlaTaskListener sla, KpiRecorder kpi, FormValidator forms, CaseStart caseStart) {
    this.sla = sla;
    this.kpi = kpi;
    this.forms = forms;
    this.caseStart = caseStart;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) caseStart::started);
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) kpi::caseEnded);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, sla);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, kpi);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, kpi);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) forms::validateTask);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, kpi);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, kpi);
  }

  @Override
  public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
    if (scope instanceof ProcessDefinitionEntity) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) kpi::endEventReached);
    }
  }
}
