package th.go.senate.workflow.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The webapps' label files on the classpath: Camunda's (webjar) and the Secretariat's Thai ones. */
final class Locales {

  static final String[] APPS = {"welcome", "tasklist", "cockpit", "admin"};
  private static final ObjectMapper JSON = new ObjectMapper();

  private Locales() {
  }

  static JsonNode file(String app, String language) {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    try (InputStream in = Locales.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("not on the classpath: " + path);
      }
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> labels(String app, String language) {
    Map<String, String> labels = new LinkedHashMap<>();
    file(app, language).get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  /** The Thai label of the first key whose English label is the given text. */
  static String thaiOf(String app, String english) {
    return labels(app, "en").entrySet().stream().filter(e -> e.getValue().equals(english)).findFirst()
        .map(e -> th(app, e.getKey())).orElseThrow(() -> new IllegalArgumentException("no label " + english));
  }

  static String th(String app, String key) {
    String label = labels(app, "th").get(key);
    if (label == null) {
      throw new IllegalArgumentException("no Thai label " + app + ":" + key);
    }
    return label;
  }
}
