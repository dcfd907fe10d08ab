package th.go.senate.workflow.process;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.web.Refusal;

/**
 * Values from Camunda Forms as process rules read them (dates: form-js submits "YYYY-MM-DD", the engine API may pass
 * a Date; whole numbers: form-js may submit 67 or 67.0) and the Thai refusal of a process rule, worded like the form check's; a {@link Refusal}, so both REST layers answer it as 400 with the
 * message alone. Used by the complete and start listeners of process rules.
 */
public final class FormValues {

  private static final Logger LOG = LoggerFactory.getLogger(FormValues.class);

  private FormValues() {
  }

  /** The Bangkok date of a form value, or {@code null} when missing or malformed. */
  public static LocalDate toDate(Object value) {
    return BangkokTime.date(value);
  }

  /** Today in Bangkok, on the engine's clock. */
  public static LocalDate today() {
    return BangkokTime.today();
  }

  /** A required date of the step; the form check has refused a missing one already, this is a second lock. */
  public static LocalDate required(VariableScope scope, String key, String label, String stepName) {
    LocalDate date = toDate(scope.getVariable(key));
    if (date == null) {
      throw refusal(stepName, "กรุณากรอก \"" + label + "\" ให้เป็นวันที่ที่ถูกต้อง", "missing or malformed " + key);
    }
    return date;
  }

  /** Refuses a date after today. */
  public static void notInFuture(LocalDate date, String label, String stepName, String key) {
    LocalDate today = today();
    if (date.isAfter(today)) {
      throw refusal(stepName, "\"" + label + "\" ต้องไม่เกินวันนี้ (" + ThaiDates.date(today) + ")", key + " " + date + " is in the future");
    }
  }

  /** Refuses {@code date} before {@code earliest}, naming what {@code earliest} is. */
  public static void notBefore(LocalDate date, LocalDate earliest, String label, String earlierLabel, String stepName,
      String key) {
    if (date.isBefore(earliest)) {
      throw refusal(stepName, "\"" + label + "\" ต้องไม่ก่อน" + earlierLabel + " (" + ThaiDates.date(earliest) + ")",
          key + " " + date + " is before " + earliest);
    }
  }

  /** A whole number of a form value; 0 when missing or not a number (the form check refuses those first). */
  public static int number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value == null || String.valueOf(value).isBlank()) {
      return 0;
    }
    try {
      return (int) Double.parseDouble(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A form value as text, {@code null} when missing. */
  public static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** The clerk reads the Thai reason alone; the English one goes to the log (issue 13 §8). */
  public static Refusal refusal(String stepName, String thai, String english) {
    LOG.info("Refused step '{}': {}", stepName, english);
    return new Refusal("\"" + stepName + "\" ไม่ถูกต้อง: " + thai
        + " — ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาแก้ไขแล้วส่งใหม่");
  }
}
