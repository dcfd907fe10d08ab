package th.go.senate.workflow.process.complaint;

/**
 * Who filed an integrity case. Never a process variable: it lives encrypted in {@code integrity_complainant}.
 * {@code toString} does not print the values, so that no log line carries them by accident.
 */
public record ComplainantIdentity(String name, String contact, String nationalId) {

  public boolean isEmpty() {
    return blank(name) && blank(contact) && blank(nationalId);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "ComplainantIdentity[protected]";
  }
}
