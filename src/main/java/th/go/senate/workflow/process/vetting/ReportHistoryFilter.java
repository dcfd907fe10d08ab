package th.go.senate.workflow.process.vetting;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps a vetting committee's confidential report out of history. The report reaches the engine once, as the
 * value the committee's bureau submits with its form; {@link AppointmentVettingRules#committeeActed} moves it into
 * {@link ConfidentialReportStore} and removes the variable in the same command (so the runtime row is never
 * written). At history level {@code full} the engine would still write the value as a historic variable, its
 * details and a form-field entry: this handler drops every history event of the report variable before the
 * engine's own handler stores the rest. Always on: a protection, not a measurement.
 */
@Component
public class ReportHistoryFilter extends AbstractProcessEnginePlugin {

  static final Set<String> CONFIDENTIAL_VARIABLES = Set.of(AppointmentVettingRules.REPORT);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler()));
  }

  static boolean confidential(HistoryEvent event) {
    if (event instanceof HistoricFormPropertyEventEntity field) {
      return CONFIDENTIAL_VARIABLES.contains(field.getPropertyId());
    }
    return event instanceof HistoricVariableUpdateEventEntity variable
        && CONFIDENTIAL_VARIABLES.contains(variable.getVariableName());
  }

  private record Handler(HistoryEventHandler engine) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!confidential(event)) {
        engine.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      engine.handleEvents(events.stream().filter(event -> !confidential(event)).toList());
    }
  }
}
