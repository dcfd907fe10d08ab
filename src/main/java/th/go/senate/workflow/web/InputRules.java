package th.go.senate.workflow.web;

import java.util.regex.Pattern;

/**
 * The one rule every free-text value entering the platform obeys, whatever the entry point: Camunda Forms
 * checked on the server ({@code form/FormValidator}), every String variable an engine command writes
 * ({@code engine/TextVariableRule}: engine-rest, Tasklist, hand-overs between processes) and the project's API.
 * Refused, with a Thai 400 naming the field and nothing saved:
 * <ul>
 * <li><b>markup</b>: a tag opening ({@code <a}, {@code </}, {@code <!}, {@code <?}), a script URL
 * ({@code javascript:}, {@code vbscript:}, {@code data:text/html}) or an inline handler ({@code onerror=}).
 * Such text would be shown back in Tasklist, Cockpit, letters and reports; Thai text never needs an HTML tag, so
 * refusing it costs a clerk nothing. A lone {@code <} or {@code >} ("จำนวน < 5") stays allowed.</li>
 * <li><b>control characters</b>: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F); tab, CR and LF only
 * where the value may have several lines (text areas, free-text variables). NUL in particular is refused by
 * PostgreSQL text columns and truncates strings in C libraries.</li>
 * </ul>
 */
public final class InputRules {

  /** A tag opening, a script URL, or an inline handler. */
  private static final Pattern MARKUP = Pattern.compile(
      "<\\s*[a-zA-Z/!?]|javascript\\s*:|vbscript\\s*:|data\\s*:\\s*text/html|\\bon[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  /** A process key as the engine knows them (letters, digits, '_', '-'). */
  private static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,254}");

  /** How the refusal of a value with markup reads (after the field's name). */
  public static final String MARKUP_REFUSED = "มีแท็ก HTML หรือสคริปต์ซึ่งไม่อนุญาต";
  /** How the refusal of a value with a control character reads (after the field's name). */
  public static final String CONTROL_REFUSED = "มีอักขระควบคุมซึ่งไม่อนุญาต";

  private InputRules() {
  }

  public static boolean containsMarkup(String text) {
    return text != null && MARKUP.matcher(text).find();
  }

  /** A control character other than tab, CR and LF (those too when {@code multiLine} is false). */
  public static boolean containsControl(String text, boolean multiLine) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        if (multiLine && (c == '\t' || c == '\r' || c == '\n')) {
          continue;
        }
        return true;
      }
    }
    return false;
  }

  /**
   * What is wrong with the text under the rule, in Thai after the field's {@code label} (e.g.
   * {@code "เรื่อง" มีแท็ก HTML หรือสคริปต์ซึ่งไม่อนุญาต}); null when it obeys the rule.
   */
  public static String problem(String label, String text, boolean multiLine) {
    if (containsMarkup(text)) {
      return label + " " + MARKUP_REFUSED;
    }
    if (containsControl(text, multiLine)) {
      return label + " " + CONTROL_REFUSED + (multiLine ? " (ขึ้นบรรทัดใหม่และแท็บได้)" : " (ต้องเป็นข้อความบรรทัดเดียว)");
    }
    return null;
  }

  /** Throws 400 naming the field when the single-line text contains markup or a control character. */
  public static void requireText(String field, String text) {
    requireText(field, text, false);
  }

  /** Throws 400 naming the field when the text contains markup or a control character. */
  public static void requireText(String field, String text, boolean multiLine) {
    String problem = problem("'" + field + "'", text, multiLine);
    if (problem != null) {
      throw new BadRequestException(problem + " ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
  }

  public static void requireProcessKey(String processKey) {
    if (processKey == null || !PROCESS_KEY.matcher(processKey).matches()) {
      throw new BadRequestException("รหัสกระบวนงานไม่ถูกต้อง ใช้ตัวอักษรอังกฤษและตัวเลข เช่น petition ");
    }
  }
}
