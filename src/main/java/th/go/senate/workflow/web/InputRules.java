package th.go.senate.workflow.web;

import java.util.regex.Pattern;

/**
 * Rules every free-text value entering the platform obeys, whatever the entry point (Camunda Forms checked
 * on the server, the project's API): no markup or script. Such text would be shown back in Tasklist, Cockpit,
 * letters and reports; Thai text never needs an HTML tag, so refusing it costs a clerk nothing.
 */
public final class InputRules {

  /** A tag opening ({@code <a}, {@code </}, {@code <!}, {@code <?}), a script URL, or an inline handler. */
  private static final Pattern MARKUP = Pattern.compile(
      "<\\s*[a-zA-Z/!?]|javascript\\s*:|vbscript\\s*:|\\bon[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  /** A process key as the engine knows them (letters, digits, '_', '-'). */
  private static final Pattern PROCESS_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,254}");

  private InputRules() {
  }

  public static boolean containsMarkup(String text) {
    return text != null && MARKUP.matcher(text).find();
  }

  /** Throws 400 naming the field when the text contains markup or script. */
  public static void requireNoMarkup(String field, String text) {
    if (containsMarkup(text)) {
      throw new BadRequestException("'" + field + "' มีแท็ก HTML หรือสคริปต์ซึ่งไม่อนุญาต (markup or script is not allowed in '"
          + field + "')");
    }
  }

  public static void requireProcessKey(String processKey) {
    if (processKey == null || !PROCESS_KEY.matcher(processKey).matches()) {
      throw new BadRequestException("รหัสกระบวนงานไม่ถูกต้อง ใช้ตัวอักษรอังกฤษและตัวเลข เช่น petition "
          + "(malformed process key)");
    }
  }
}
