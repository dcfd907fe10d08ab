package th.go.senate.workflow.perf;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/** The models that only the benchmark deploys, built in memory with Camunda's model API. */
final class BenchModels {

  static final String ANCHOR = "benchAnchor";
  static final String PETITION_BARE = "petitionBare";

  private BenchModels() {
  }

  /**
   * The yardstick: delegate → user task with a non-interrupting timer (30 days, so it never fires during a
   * run) → delegate. One user task, one timer job, two Java delegates.
   */
  static BpmnModelInstance anchor() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(ANCHOR)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Anchor")
        .serviceTask("Activity_Before").camundaClass(TouchDelegate.class.getName())
        .userTask("Task_Anchor").camundaCandidateGroups("officePresident")
        .boundaryEvent("BoundaryEvent_Reminder").cancelActivity(false).timerWithDuration("P30D")
        .endEvent("EndEvent_Reminded")
        .moveToActivity("Task_Anchor")
        .serviceTask("Activity_After").camundaClass(TouchDelegate.class.getName())
        .endEvent("EndEvent_Anchor")
        .done();
    return model;
  }

  /**
   * bpmn/petition.bpmn without its SLA timers (every {@code SlaTimer} timeout listener removed), as process
   * {@code petitionBare}: the "instrumentation off" model, run with {@code senate.instrumentation.enabled=false}.
   */
  static BpmnModelInstance petitionBare() {
    try (InputStream in = BenchModels.class.getResourceAsStream("/bpmn/petition.bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      List<CamundaTaskListener> timers = new ArrayList<>();
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        if ("timeout".equals(listener.getCamundaEvent())) {
          timers.add(listener);
        }
      }
      for (CamundaTaskListener timer : timers) {
        timer.getParentElement().removeChildElement(timer);
      }
      Process process = model.getModelElementById("petition");
      process.setId(PETITION_BARE);
      return model;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The anchor's delegate: writes one process variable, as a typical service task does. */
  public static class TouchDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("lastStep", execution.getCurrentActivityId());
    }
  }
}
