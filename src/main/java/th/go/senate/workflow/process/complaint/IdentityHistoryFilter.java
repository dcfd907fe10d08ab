package th.go.senate.workflow.process.complaint;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps a complainant's identity out of the form-field entries of history. At history level {@code full}
 * the engine writes every submitted text value twice: as the variable (with its history) and as a
 * form-field entry of {@code ACT_HI_DETAIL} that no variable deletion reaches. The variable is needed
 * while the petition or complaint runs and is purged if the case becomes an integrity case
 * ({@link IntegrityCaseService#handOver}); the form-field copy of an identity field is never needed, so it
 * is not written at all: this handler drops it before the engine's own handler stores the rest.
 * Always on (not subject to {@code senate.instrumentation.enabled}): it is a protection, not a measurement.
 */
@Component
public class IdentityHistoryFilter extends AbstractProcessEnginePlugin {

  static final Set<String> IDENTITY_FIELDS = IntegrityCaseService.IDENTITY_VARIABLES.values().stream()
      .flatMap(identity -> identity.names().stream()).collect(Collectors.toUnmodifiableSet());

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The engine reads its handler from the configuration at every event, so wrapping it here covers all.
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler()));
  }

  static boolean identityFormField(HistoryEvent event) {
    return event instanceof HistoricFormPropertyEventEntity field && IDENTITY_FIELDS.contains(field.getPropertyId());
  }

  private record Handler(HistoryEventHandler engine) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!identityFormField(event)) {
        engine.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      engine.handleEvents(events.stream().filter(event -> !identityFormField(event)).toList());
    }
  }
}
