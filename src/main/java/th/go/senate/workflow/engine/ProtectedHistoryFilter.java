package th.go.senate.workflow.engine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.ProtectedVariables;

/**
 * The platform's one filter of history events for protected variables (see {@link ProtectedVariables}): it drops
 * the form-field entries of the declared form fields and every history event of the declared variables before
 * the engine's own handler stores the rest. Always on (not subject to {@code senate.instrumentation.enabled}): it
 * is a protection, not a measurement.
 */
@Component
public class ProtectedHistoryFilter extends AbstractProcessEnginePlugin {

  private final Set<String> formFields;
  private final Set<String> variables;

  public ProtectedHistoryFilter(List<ProtectedVariables> declarations) {
    this.formFields = declarations.stream().flatMap(d -> d.formFieldsKeptOutOfHistory().stream())
        .collect(Collectors.toUnmodifiableSet());
    this.variables = declarations.stream().flatMap(d -> d.variablesKeptOutOfHistory().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The engine reads its handler from the configuration at every event, so wrapping it here covers all.
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler(), this));
  }

  boolean protectedEvent(HistoryEvent event) {
    if (event instanceof HistoricFormPropertyEventEntity field) {
      return formFields.contains(field.getPropertyId()) || variables.contains(field.getPropertyId());
    }
    return event instanceof HistoricVariableUpdateEventEntity variable && variables.contains(variable.getVariableName());
  }

  private record Handler(HistoryEventHandler engine, ProtectedHistoryFilter filter) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!filter.protectedEvent(event)) {
        engine.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      engine.handleEvents(events.stream().filter(event -> !filter.protectedEvent(event)).toList());
    }
  }
}
