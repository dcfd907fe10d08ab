package th.go.senate.workflow.tracking;

import java.security.SecureRandom;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tracking code a petitioner or complainant gets at intake, besides the reference number: 8 characters from
 * an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, U/V), shown as {@code XXXX-XXXX} so that it can be
 * read out on the phone. 25^8 ≈ 1.5 × 10^11 codes per reference number, drawn with {@link SecureRandom}:
 * with the tracker's rate limit, guessing one is hopeless. Only cases of {@code senate.tracking.processes} get
 * one (the cases a member of the public asks about).
 */
@Component
public class TrackingCodes {

  public static final String VARIABLE = "trackingCode";
  static final String ALPHABET = "346789ABCDEFGHJKMNPQRTWXY";
  static final int LENGTH = 8;

  private final SecureRandom random = new SecureRandom();
  private final List<String> processes;

  public TrackingCodes(@Value("${senate.tracking.processes:petition,complaint,integrityCase}") List<String> processes) {
    this.processes = processes;
  }

  /** Start listener of every process (after the reference number is drawn). */
  public void started(DelegateExecution execution) {
    String processKey = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
        .getProcessDefinition().getKey();
    if (processes.contains(processKey) && execution.getVariable(VARIABLE) == null) {
      execution.setVariable(VARIABLE, next());
    }
  }

  public String next() {
    StringBuilder code = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == LENGTH / 2) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** A code as a person may type it: case, spaces and the dash do not matter. */
  public static String normalise(String code) {
    if (code == null) {
      return "";
    }
    String plain = code.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
    return plain.length() == LENGTH ? plain.substring(0, LENGTH / 2) + "-" + plain.substring(LENGTH / 2) : plain;
  }
}
