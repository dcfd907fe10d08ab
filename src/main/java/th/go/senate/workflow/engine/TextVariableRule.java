package th.go.senate.workflow.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

import th.go.senate.workflow.web.InputRules;
import th.go.senate.workflow.web.Refusal;

/**
 * The input rule ({@link InputRules}) for every String variable any engine command writes, whatever the route:
 * engine-rest start, submit-form, complete and variable updates, Tasklist and Cockpit (through the webapps' engine
 * API), hand-overs between processes, the project's own starts. The engine reports each variable created or
 * changed to its history event handlers inside the command that writes it; refusing here rolls the command back,
 * so a refused value is saved nowhere (runtime or history). Form fields are checked again with their labels and
 * single-line rule by {@code form/FormValidator}; a variable may have several lines here.
 */
public class TextVariableRule implements HistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && (HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(variable.getEventType())
            || HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName().equals(variable.getEventType()))
        && "string".equals(variable.getSerializerName())) {
      String problem = InputRules.problem("ข้อมูล '" + variable.getVariableName() + "'", variable.getTextValue(), true);
      if (problem != null) {
        throw new Refusal(problem + " — ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาแก้ไขแล้วส่งใหม่");
      }
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
