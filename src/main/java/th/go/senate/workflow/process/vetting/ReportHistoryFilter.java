package th.go.senate.workflow.process.vetting;

import java.util.Set;

import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.ProtectedVariables;

/**
 * Keeps a vetting committee's confidential report out of history. The report reaches the engine once, as the
 * value the committee's bureau submits with its form; {@link AppointmentVettingRules#committeeActed} moves it into
 * {@link ConfidentialReportStore} and removes the variable in the same command (so the runtime row is never
 * written). At history level {@code full} the engine would still write the value as a historic variable, its
 * details and a form-field entry: the platform's one history filter ({@code engine/ProtectedHistoryFilter}) drops
 * every history event of the report variable.
 */
@Component
public class ReportHistoryFilter implements ProtectedVariables {

  @Override
  public Set<String> variablesKeptOutOfHistory() {
    return Set.of(AppointmentVettingRules.REPORT);
  }
}
