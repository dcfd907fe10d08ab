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
import th.go.senate.workflow.identity.TaskHandOver;
import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.notice.PetitionerNotices;
import th.go.senate.workflow.notice.StaffNotices;
import th.go.senate.workflow.sla.SlaTaskListener;
import th.go.senate.workflow.tasklist.TaskCardVariables;
import th.go.senate.workflow.tracking.TrackingCodes;

/**
 * Attaches the platform's mechanisms to every model at deployment, so that no model has to remember them
 * and no step escapes:
 * <ul>
 *   <li>every user task: who may hand it back or give it to whom (assignment, first, so a refusal comes before
 *       any fact or notice; update: what TASK_ASSIGN would let a clerk change besides the assignee), SLA due date
 *       and the next step offered to the previous step's clerk (create; the clerk noted on complete), KPI step
 *       fact (create, assignment, complete, delete), the reference number and subject for its Tasklist card
 *       (create, tasklist/TaskCardVariables),
 *       server-side form validation (complete, before the fact is written), the assignee's notice
 *       (assignment) and the petitioner's notice of the step (complete, after the form check);</li>
 *   <li>every process: start-form validation, reference number and case fact (start), then the tracking
 *       code; case fact (end);</li>
 *   <li>every top-level end event: the case outcome.</li>
 * </ul>
 * They are built-in listeners: they run before the model's own listeners and also when an operator
 * modifies an instance with "skip custom listeners".
 */
public class StepInstrumentation extends AbstractBpmnParseListener {

  /** The reference number and subject on the task, for its card in Tasklist. */
  private static final TaskCardVariables CARD_VARIABLES = new TaskCardVariables();

  private final SlaTaskListener sla;
  private final KpiRecorder kpi;
  private final FormValidator forms;
  private final CaseStart caseStart;
  private final TrackingCodes trackingCodes;
  private final StaffNotices staffNotices;
  private final PetitionerNotices petitionerNotices;
  private final TaskHandOver handOver;

  public StepInstrumentation(SlaTaskListener sla, KpiRecorder kpi, FormValidator forms, CaseStart caseStart,
      TrackingCodes trackingCodes, StaffNotices staffNotices, PetitionerNotices petitionerNotices,
      TaskHandOver handOver) {
    this.sla = sla;
    this.kpi = kpi;
    this.forms = forms;
    this.caseStart = caseStart;
    this.trackingCodes = trackingCodes;
    this.staffNotices = staffNotices;
    this.petitionerNotices = petitionerNotices;
    this.handOver = handOver;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) caseStart::started);
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) trackingCodes::started);
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) kpi::caseEnded);
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, sla);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, kpi);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CARD_VARIABLES);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, handOver);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, handOver);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, kpi);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, (TaskListener) staffNotices::taskAssigned);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) forms::validateTask);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, kpi);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) petitionerNotices::taskCompleted);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, sla);
    task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, kpi);
  }

  @Override
  public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
    if (scope instanceof ProcessDefinitionEntity) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) kpi::endEventReached);
    }
  }
}
