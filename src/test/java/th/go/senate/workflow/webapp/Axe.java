package th.go.senate.workflow.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (Deque's accessibility rules, the copy bundled in com.deque.html.axe-core:selenium) run in the page a
 * {@link Chromium} shows: the WCAG 2.0/2.1 A and AA rules, violations of impact critical or serious, minus the
 * listed exclusions (what is Camunda's and cannot be fixed from the Secretariat's scripts).
 */
final class Axe {

  /** A violation axe found on some elements; {@code nodes}: each element's CSS path and the start of its HTML. */
  record Violation(String rule, String impact, String help, List<String> nodes) {
    @Override
    public String toString() {
      return rule + " (" + impact + ": " + help + ")\n      " + String.join("\n      ", nodes);
    }
  }

  /** A rule on elements that are Camunda's: {@code where} is a fragment of the element's CSS path or HTML. */
  record Exclusion(String rule, String where, String reason) {
    boolean covers(String rule, String node) {
      return this.rule.equals(rule) && node.contains(where);
    }
  }

  private static final String SOURCE;

  static {
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
      }
      SOURCE = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String RUN = "var done = arguments[arguments.length - 1];"
      + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
      + "    resultTypes: ['violations']})"
      + "  .then(function (r) { done(r.violations.filter(function (v) {"
      + "      return v.impact === 'critical' || v.impact === 'serious'; }).map(function (v) {"
      + "    return {rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {"
      + "      return n.target.join(' ') + ' :: ' + n.html.substring(0, 240); })}; })); })"
      + "  .catch(function (e) { done('axe failed: ' + e); });";

  private Axe() {
  }

  /** The critical and serious violations of the page as it is now, minus the exclusions. */
  @SuppressWarnings("unchecked")
  static List<Violation> seriousViolations(Chromium browser, List<Exclusion> exclusions) {
    if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object' && !!window.axe.run;"))) {
      browser.script(SOURCE);
    }
    browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
    Object result = browser.driver.executeAsyncScript(RUN);
    if (!(result instanceof List<?> found)) {
      throw new IllegalStateException(String.valueOf(result));
    }
    List<Violation> violations = new ArrayList<>();
    for (Object item : found) {
      Map<String, Object> v = (Map<String, Object>) item;
      String rule = (String) v.get("rule");
      List<String> nodes = new ArrayList<>();
      for (Object node : (List<Object>) v.get("nodes")) {
        if (exclusions.stream().noneMatch(x -> x.covers(rule, (String) node))) {
          nodes.add((String) node);
        }
      }
      if (!nodes.isEmpty()) {
        violations.add(new Violation(rule, (String) v.get("impact"), (String) v.get("help"), nodes));
      }
    }
    return violations;
  }
}
