package th.go.senate.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The check of a text a staff member reads (issue 13 §8, docs/glossary.md): Thai only, no ISO date, no "18:01 น."
 * time. Used by {@link StaffTextTest} on the application's own texts and on planted bad ones.
 *
 * <p>Java sources are read statement by statement (literals, comments and text blocks told apart): a statement with
 * a Thai literal is a message, so its Thai literals may hold no Latin word, its other literals no English phrase
 * (Latin with a space: "(arrivalDate is required)"), and it may not join a date value (a variable of a java.time or
 * Date type declared in the same file, or a getter of a date) as it is: that prints 2026-04-07.
 */
final class StaffTexts {

  static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");
  /** File formats, which have no Thai name and are read as they are printed on the file (docs/glossary.md). */
  static final Set<String> NAMES = Set.of("CSV", "JSON", "XLSX", "PDF", "HTML");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|YYYY-MM-DD");
  private static final Pattern COLON_TIME = Pattern.compile("(\\d{1,2}|%0?2d|\\{[^}]*}):(\\d{2}|%0?2d)\\s*น\\.");
  private static final Pattern DATE_DECLARATION = Pattern.compile(
      "\\b(?:LocalDate|LocalDateTime|Instant|Date|ZonedDateTime|OffsetDateTime|YearMonth)\\s+(\\w+)\\s*[=;,)]");
  /** A getter or record accessor of a date joined as it is: {@code + task.getDueDate()}, {@code + round.cutOff()}. */
  private static final Pattern DATE_GETTER = Pattern.compile(
      "\\+\\s*\\w+(?:\\(\\))?(?:\\.\\w+\\(\\))*\\.(?:get\\w*(?:Date|Time|Day)|\\w*(?:Date|Day|On|Off)|date)\\(\\)(?!\\s*\\.)");

  private StaffTexts() {
  }

  /** What is wrong with one text shown to staff (placeholders and HTML tags left out), or nothing. */
  static List<String> problems(String text, Set<String> names) {
    List<String> found = new ArrayList<>();
    String plain = text.replaceAll("\\{\\{[^}]*}}|\\$\\{[^}]*}|\\{[A-Za-z]\\w*}|<[^>]*>|&[a-z]+;|%[0-9.]*[sd]", " ");
    Matcher latin = LATIN_WORD.matcher(plain);
    while (latin.find()) {
      if (!names.contains(latin.group())) {
        found.add("Latin \"" + latin.group() + "\"");
      }
    }
    if (ISO_DATE.matcher(text).find()) {
      found.add("ISO date");
    }
    if (COLON_TIME.matcher(text).find()) {
      found.add("time with a colon (18.01 น.)");
    }
    return found;
  }

  /** Problems of every message in one Java source file, each as "line: problem: text". */
  static List<String> javaProblems(String source) {
    List<String> found = new ArrayList<>();
    Set<String> dateNames = new LinkedHashSet<>();
    List<Statement> statements = statements(source);
    for (Statement statement : statements) {
      Matcher declaration = DATE_DECLARATION.matcher(statement.code());
      while (declaration.find()) {
        dateNames.add(declaration.group(1));
      }
    }
    for (Statement statement : statements) {
      for (List<Part> text : statement.texts()) {
        if (text.stream().noneMatch(part -> part.literal && THAI.matcher(part.text).find())) {
          continue;
        }
        StringBuilder code = new StringBuilder();
        for (Part part : text) {
          if (!part.literal) {
            code.append(part.text);
          } else if (THAI.matcher(part.text).find()) {
            for (String problem : problems(markupLeftOut(part.text), NAMES)) {
              found.add(part.line + ": " + problem + ": " + part.text);
            }
            code.append("\"\"");
          } else {
            String plain = markupLeftOut(part.text);
            if (plain.matches(".*[A-Za-z]{2,}.*") && plain.trim().contains(" ")) {
              found.add(part.line + ": English beside Thai: " + part.text);
            } else if (ISO_DATE.matcher(part.text).find()) {
              found.add(part.line + ": ISO date: " + part.text);
            }
            code.append("\"\"");
          }
        }
        for (String name : dateNames) {
          if (Pattern.compile("\\+\\s*" + name + "\\b(?!\\s*[.(\\[])|\\b(?<![.])" + name + "\\s*\\+").matcher(code).find()) {
            found.add(text.get(0).line + ": a date joined as it is (ISO): " + name);
          }
        }
        if (DATE_GETTER.matcher(code).find()) {
          found.add(text.get(0).line + ": a date joined as it is (ISO): " + code.toString().trim());
        }
      }
    }
    return found;
  }

  /**
   * HTML and CSS written in a literal (the public pages build theirs so) are markup, not text; the example values
   * of a reference number (PET-2570-00123) and a tracking code (ABCD-EFGH) are data a clerk types as printed.
   */
  static String markupLeftOut(String text) {
    return text.replaceAll("<[^<>]*>|<[!/]?\\w[^<>]*$|^[^<>]*>(?=[^<>]*($|<))", " ")
        .replaceAll("\\b[A-Z]{2,6}-\\d{1,4}(-\\d{3,6})?\\b|\\b[A-Z]{4}-[A-Z]{4}\\b", " ")
        .replaceAll("\"\\w+\":|about:blank", " ")
        .replaceAll("[\\w-]+\\s*:\\s*[^;{}]*;|[\\w.#:-]+(\\s+[\\w.#:-]+)*\\s*\\{[^}]*}?", " ");
  }

  /** Problems of the texts of a form-js schema (labels, texts, descriptions, options), each as "id: problem". */
  static List<String> formProblems(JsonNode component) {
    List<String> found = new ArrayList<>();
    for (String field : List.of("label", "text", "description", "placeholder")) {
      JsonNode value = component.get(field);
      if (value != null && value.isTextual()) {
        for (String problem : problems(value.asText(), NAMES)) {
          found.add(component.path("id").asText(component.path("key").asText()) + "." + field + ": " + problem);
        }
      }
    }
    for (JsonNode option : component.path("values")) {
      for (String problem : problems(option.path("label").asText(), NAMES)) {
        found.add(component.path("id").asText() + " option " + option.path("value").asText() + ": " + problem);
      }
    }
    for (JsonNode child : component.path("components")) {
      found.addAll(formProblems(child));
    }
    return found;
  }

  /** A literal (its text, unescaped) or the code between literals. */
  record Part(boolean literal, String text, int line) {
  }

  /** One statement: its literals and code in order. */
  static final class Statement {
    final List<Part> parts = new ArrayList<>();

    String code() {
      StringBuilder code = new StringBuilder();
      parts.forEach(part -> code.append(part.literal ? "\"\"" : part.text));
      return code.toString();
    }

    /**
     * The statement cut at its top-level commas: each piece is one argument or expression, so that the English
     * argument a refusal helper writes to the log is not read as part of the Thai message beside it.
     */
    List<List<Part>> texts() {
      List<List<Part>> texts = new ArrayList<>();
      List<Part> current = new ArrayList<>();
      int depth = 0;
      for (Part part : parts) {
        if (part.literal) {
          current.add(part);
          continue;
        }
        StringBuilder piece = new StringBuilder();
        for (char c : part.text.toCharArray()) {
          if (c == '(' || c == '[') {
            depth++;
          } else if (c == ')' || c == ']') {
            depth = Math.max(0, depth - 1);
          }
          if (c == ',' && depth <= 1) {
            current.add(new Part(false, piece.toString(), part.line));
            texts.add(current);
            current = new ArrayList<>();
            piece.setLength(0);
          } else {
            piece.append(c);
          }
        }
        current.add(new Part(false, piece.toString(), part.line));
      }
      texts.add(current);
      return texts;
    }
  }

  /** Splits Java source at ; { } outside literals and comments. */
  static List<Statement> statements(String source) {
    List<Statement> statements = new ArrayList<>();
    Statement current = new Statement();
    StringBuilder code = new StringBuilder();
    int line = 1;
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        while (i < n && source.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(source, i, end);
        i = end;
        continue;
      }
      if (c == '"' || c == '\'') {
        boolean block = source.startsWith("\"\"\"", i);
        StringBuilder text = new StringBuilder();
        int j = i + (block ? 3 : 1);
        while (j < n && (block ? !source.startsWith("\"\"\"", j) : source.charAt(j) != c)) {
          if (source.charAt(j) == '\\' && j + 1 < n) {
            char escaped = source.charAt(j + 1);
            text.append(escaped == 'n' ? '\n' : escaped);
            j += 2;
            continue;
          }
          text.append(source.charAt(j));
          j++;
        }
        if (c == '"') {
          current.parts.add(new Part(false, code.toString(), line));
          code.setLength(0);
          current.parts.add(new Part(true, text.toString(), line));
        }
        line += count(source, i, j);
        i = j + (block ? 3 : 1);
        continue;
      }
      if (c == '\n') {
        line++;
      }
      if (c == ';' || c == '{' || c == '}') {
        current.parts.add(new Part(false, code.toString(), line));
        code.setLength(0);
        statements.add(current);
        current = new Statement();
      } else {
        code.append(c);
      }
      i++;
    }
    current.parts.add(new Part(false, code.toString(), line));
    statements.add(current);
    return statements;
  }

  private static int count(String source, int from, int to) {
    int lines = 0;
    for (int k = from; k < Math.min(to, source.length()); k++) {
      if (source.charAt(k) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
