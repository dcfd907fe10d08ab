package th.go.senate.workflow.notice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The notice templates: plain UTF-8 text files under {@code src/main/resources/notices/}, one per notice, that a
 * clerk can read and correct without a programmer. The first line is {@code หัวเรื่อง: <subject>}, then an
 * empty line, then the body; {@code {name}} is replaced by the notice's value of that name (a value the notice
 * does not have reads "-", so a typo in a template shows in the mail rather than failing the step).
 */
@Component
public class NoticeTemplates {

  static final String SUBJECT_PREFIX = "หัวเรื่อง:";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  /** A rendered notice. */
  public record Rendered(String subject, String body) {
  }

  private record Template(String subject, String body) {
  }

  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public Rendered render(String name, Map<String, String> values) {
    Template template = templates.computeIfAbsent(name, NoticeTemplates::load);
    return new Rendered(fill(template.subject(), values), fill(template.body(), values));
  }

  private static String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "-" : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Template load(String name) {
    ClassPathResource resource = new ClassPathResource("notices/" + name + ".txt");
    try (InputStream in = resource.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      int end = text.indexOf('\n');
      String first = end < 0 ? text : text.substring(0, end);
      if (!first.startsWith(SUBJECT_PREFIX)) {
        throw new IllegalStateException("Notice template notices/" + name + ".txt must begin with '" + SUBJECT_PREFIX
            + " ...'");
      }
      return new Template(first.substring(SUBJECT_PREFIX.length()).strip(),
          end < 0 ? "" : text.substring(end + 1).strip() + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("No notice template notices/" + name + ".txt", e);
    }
  }
}
