package th.go.senate.workflow.identity;

import java.util.Set;

/**
 * What a process declares about variables that must not stay in the engine's history: a protected complainant's
 * identity, a vetting committee's confidential report. Each process that has such variables provides one bean;
 * the one history filter of the platform ({@code engine/ProtectedHistoryFilter}) reads them all, so a new
 * process protects a variable by declaring it here, not by writing another filter.
 */
public interface ProtectedVariables {

  /**
   * Variables whose form-field entries ({@code ACT_HI_DETAIL}, written once per submit at history level full, out
   * of reach of any variable deletion) are never written. The variable itself lives while its case needs it and
   * its process purges it (and its history) when protection begins.
   */
  default Set<String> formFieldsKeptOutOfHistory() {
    return Set.of();
  }

  /** Variables of which history keeps nothing at all: no historic variable, no detail, no form-field entry. */
  default Set<String> variablesKeptOutOfHistory() {
    return Set.of();
  }
}
