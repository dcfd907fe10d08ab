package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each Thai label file has every label of the English file of the Camunda webjar on the classpath (so a
 * Camunda upgrade that adds labels fails here until they are translated: run i18n/build_th_locales.py),
 * keeps every {{placeholder}} and HTML tag (a text such as "<null>" is a label, not a tag), and is actually Thai; the apps with dates carry a Thai
 * moment.js date locale.
 */
class LocaleCompletenessTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*\\}\\}|\\{\\}");
  private static final Pattern TAG = Pattern.compile("</?(a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>");
  private static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
  void everyEnglishLabelHasAThaiOneWithItsPlaceholdersAndTags(String app) {
    Map<String, String> english = Locales.labels(app, "en");
    Map<String, String> thai = Locales.labels(app, "th");
    assertThat(english).hasSizeGreaterThan(100);

    assertThat(new TreeSet<>(english.keySet())).as("keys of %s/locales/th.json", app)
        .isSubsetOf(thai.keySet());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> label : english.entrySet()) {
      String th = thai.get(label.getKey());
      if (!tokens(PLACEHOLDER, label.getValue()).equals(tokens(PLACEHOLDER, th))) {
        wrong.add(label.getKey() + ": placeholders " + tokens(PLACEHOLDER, label.getValue()) + " vs " + th);
      }
      if (!tokens(TAG, label.getValue()).equals(tokens(TAG, th)) && !label.getKey().equals("BANNER_CE_EOL_TEXT")) {
        wrong.add(label.getKey() + ": HTML " + tokens(TAG, label.getValue()) + " vs " + th);
      }
    }
    assertThat(wrong).as("labels of %s/locales/th.json", app).isEmpty();

    long thaiLabels = english.keySet().stream().filter(k -> THAI.matcher(thai.get(k)).find()).count();
    assertThat(thaiLabels).as("labels written in Thai script").isGreaterThan(english.size() * 9 / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datesAreThai(String app) {
    JsonNode dates = Locales.file(app, "th").get("dateLocales");
    assertThat(dates.get("months").get(0).asText()).isEqualTo("มกราคม");
    assertThat(dates.get("weekdays").get(4).asText()).isEqualTo("พฤหัสบดี");
    assertThat(dates.get("longDateFormat").get("LL").asText()).isEqualTo("D MMMM YYYY");
    assertThat(Locales.file(app, "en").get("dateLocales").fieldNames()).toIterable()
        .allSatisfy(field -> assertThat(dates.has(field)).as(field).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
  void theBannerIsTheSecretariatsHeader(String app) {
    assertThat(Locales.th(app, "BANNER_CE_EOL_TEXT")).contains("สำนักงานเลขาธิการวุฒิสภา")
        .doesNotContain("Camunda 8");
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.groupCount() > 0 && matcher.group(1) != null ? matcher.group(1).toLowerCase() : matcher.group());
    }
    found.sort(null);
    return found;
  }
}
