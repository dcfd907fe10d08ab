package th.go.senate.workflow.process.complaint;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import th.go.senate.workflow.identity.ProtectedVariables;

/**
 * Keeps a complainant's identity out of the form-field entries of history. At history level {@code full}
 * the engine writes every submitted text value twice: as the variable (with its history) and as a
 * form-field entry of {@code ACT_HI_DETAIL} that no variable deletion reaches. The variable is needed
 * while the petition or complaint runs and is purged if the case becomes an integrity case
 * ({@link IntegrityCaseService#handOver}); the form-field copy of an identity field is never needed, so it
 * is not written at all (by the platform's one history filter, {@code engine/ProtectedHistoryFilter}).
 */
@Component
public class IdentityHistoryFilter implements ProtectedVariables {

  static final Set<String> IDENTITY_FIELDS = IntegrityCaseService.IDENTITY_VARIABLES.values().stream()
      .flatMap(identity -> identity.names().stream()).collect(Collectors.toUnmodifiableSet());

  @Override
  public Set<String> formFieldsKeptOutOfHistory() {
    return IDENTITY_FIELDS;
  }
}
