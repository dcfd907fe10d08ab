package th.go.senate.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

import th.go.senate.workflow.kpi.KpiRecorder;
import th.go.senate.workflow.sla.SlaTaskListener;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The parse listener on a model of its own: a one-task process built with the BPMN model API that names no
 * listener at all. Deployed, its task carries the SLA due-date listener and the KPI recorder as built-in
 * listeners (so an operator's "skip custom listeners" cannot skip them), the process its start and end
 * listeners, and its end event the outcome listener. Starting it shows the SLA listener at work: the policy
 * table has no row for this process, and the start is refused with the message that names the step.
 */
class StepInstrumentationTest extends PlatformTest {

  static final String PROBE = "stepInstrumentationProbe";
  static final String PROBE_TASK = "Task_ProbeStep";
  static final String PROBE_END = "EndEvent_ProbeDone";

  @Autowired SlaTaskListener sla;
  @Autowired KpiRecorder kpi;

  private RepositoryService repository;
  private Deployment deployment;
  private ProcessDefinition definition;

  @BeforeEach
  void deployTheProbe() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_ProbeStarted")
        .userTask(PROBE_TASK).camundaCandidateGroups("burIt")
        .endEvent(PROBE_END)
        .done();
    repository = processEngine.getRepositoryService();
    deployment = repository.createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", model).deploy();
    definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }

  @AfterEach
  void removeTheProbe() {
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void everyUserTaskGetsTheSlaAndKpiListenersAsBuiltInListenersOfTheEngine() {
    ProcessDefinitionEntity parsed = parsed();
    TaskDefinition task = ((UserTaskActivityBehavior) parsed.findActivity(PROBE_TASK).getActivityBehavior())
        .getTaskDefinition();

    // On creation the due date first, then the step fact, which records that due date.
    Object slaListener = AopTestUtils.getUltimateTargetObject(sla);
    Object kpiRecorder = AopTestUtils.getUltimateTargetObject(kpi);
    assertThat(builtIn(task, TaskListener.EVENTNAME_CREATE)).containsSubsequence(slaListener, kpiRecorder);
    for (String event : List.of(TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE,
        TaskListener.EVENTNAME_DELETE)) {
      assertThat(builtIn(task, event)).as("KPI recorder on " + event).contains(kpiRecorder);
    }
    // On completion the form check, then the step fact, then the petitioner's notice (and the engine's own
    // history listener after them).
    assertThat(builtIn(task, TaskListener.EVENTNAME_COMPLETE)).element(1).isSameAs(kpiRecorder);
    // The model itself declares none of them.
    for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
        TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
      assertThat(task.getTaskListeners().getOrDefault(event, List.of())).as("model listeners on " + event).isEmpty();
    }

    // The case: its start (form check, reference number, case fact; tracking code) and its end (case fact).
    assertThat(fromStepInstrumentation(parsed.getBuiltInListeners(ExecutionListener.EVENTNAME_START))).isEqualTo(2);
    assertThat(fromStepInstrumentation(parsed.getBuiltInListeners(ExecutionListener.EVENTNAME_END))).isEqualTo(1);
    // The engine's list of all listeners holds the built-in ones and the model's: here only the built-in ones.
    assertThat(parsed.getListeners(ExecutionListener.EVENTNAME_START))
        .containsExactlyElementsOf(parsed.getBuiltInListeners(ExecutionListener.EVENTNAME_START));
    // The outcome, at the top-level end event.
    ActivityImpl end = parsed.findActivity(PROBE_END);
    assertThat(fromStepInstrumentation(end.getBuiltInListeners(ExecutionListener.EVENTNAME_START))).isEqualTo(1);
    assertThat(end.getListeners(ExecutionListener.EVENTNAME_START))
        .containsExactlyElementsOf(end.getBuiltInListeners(ExecutionListener.EVENTNAME_START));
  }

  @Test
  void theSlaListenerLooksUpTheStepsPolicyEvenForAModelThatNamesNoListener() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE).count();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceById(definition.getId()))
        .hasMessageContaining("ไม่พบระยะเวลามาตรฐานของขั้นตอน " + PROBE + "/" + PROBE_TASK);
    // The refused start left no case and no step fact behind.
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROBE).count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from kpi_step_fact where process_key = ?", Integer.class, PROBE))
        .isZero();
  }

  /** The built-in listeners of a task event, unwrapped from any Spring proxy, in the order they run. */
  private static List<Object> builtIn(TaskDefinition task, String event) {
    return task.getBuiltinTaskListenersForEvent(event).stream().map(AopTestUtils::getUltimateTargetObject).toList();
  }

  /**
   * How many of the built-in listeners the parse listener attached: its method references are classes of
   * {@link StepInstrumentation}, unlike the engine's own (history) listeners on the same event.
   */
  private static long fromStepInstrumentation(List<?> listeners) {
    return listeners == null ? 0 : listeners.stream()
        .filter(l -> l.getClass().getName().startsWith(StepInstrumentation.class.getName() + "$$")).count();
  }

  /** The deployed definition as the engine parsed it (from its deployment cache). */
  private ProcessDefinitionEntity parsed() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired()
        .execute(context -> configuration.getDeploymentCache().findDeployedProcessDefinitionById(definition.getId()));
  }
}
