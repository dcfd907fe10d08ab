package th.go.senate.workflow.perf;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;


import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.webapp.Chromium;

/**
 * The webapp page-load benchmark (a program, not a test: nothing in the suite asserts timings). It starts the whole
 * application (test profile: in-memory H2, demo users) once per setting, opens a petition's acknowledgement task
 * for officePresidentUser, and measures in headless Chromium, counting with Chromium's Resource Timing of the
 * page: requests, bytes on the wire (transferSize: headers included, 0 for an answer from the browser's cache),
 * answers from the cache, 304 answers, and the time until the page is usable, for
 * <ul>
 *   <li>the login page (Tasklist's, until the sign-in form shows), and</li>
 *   <li>Tasklist with a task open ({@code #/?task=<id>}, sign-in included when cold, until the task form shows the
 *       case header's reference number),</li>
 * </ul>
 * each cold (a new browser profile) and warm (the same page reloaded). Settings: {@code before} = compression and
 * WebappAssetCaching off (main before issue 13 §7), {@code after} = application.yaml as shipped. Each figure is the
 * median of the runs. docs/performance-webapps.md has the results. Run:
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) th.go.senate.workflow.perf.WebappBenchmark \
 *   [--runs 3] [--throttle-mbit 0] [before] [after]
 * </pre>
 * {@code --throttle-mbit N} emulates an office line of N Mbit/s with 20 ms latency (DevTools
 * Network.emulateNetworkConditions); 0 (default) measures the loopback.
 */
public final class WebappBenchmark {

  private static final String USER = "officePresidentUser";
  private static final long QUIET_MS = 1500;

  /** One page load: what went over the network and how long until the page was usable. */
  record Load(int requests, long bytes, int fromCache, int notModified, long millis) {
  }

  private final int runs;
  private final double throttleMbit;

  private WebappBenchmark(int runs, double throttleMbit) {
    this.runs = runs;
    this.throttleMbit = throttleMbit;
  }

  public static void main(String[] args) throws Exception {
    int runs = 3;
    double throttle = 0;
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--throttle-mbit" -> throttle = Double.parseDouble(args[++i]);
        default -> settings.add(args[i]);
      }
    }
    if (settings.isEmpty()) {
      settings = List.of("before", "after");
    }
    if (!Files.isExecutable(java.nio.file.Paths.get(System.getProperty("senate.chromium", "/usr/bin/chromium")))) {
      throw new IllegalStateException("Needs Chromium and chromedriver (apt-get install -y chromium chromium-driver)");
    }
    WebappBenchmark benchmark = new WebappBenchmark(runs, throttle);
    Map<String, Map<String, Load>> results = new LinkedHashMap<>();
    for (String setting : settings) {
      results.put(setting, benchmark.measure(setting));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Webapp page loads: median of %d runs, %s, Chromium %s, %d cores, Java %s%n", runs,
        throttle > 0 ? "line emulated at " + throttle + " Mbit/s + 20 ms" : "loopback (no throttling)",
        chromiumVersion(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "| %-7s | %-34s | %8s | %12s | %10s | %8s | %9s |%n", "setting", "page", "requests",
        "transferred", "from cache", "304", "load (ms)");
    System.out.println("|---------|------------------------------------|---------:|-------------:|-----------:|---------:|----------:|");
    results.forEach((setting, loads) -> loads.forEach((page, load) -> System.out.printf(Locale.ROOT,
        "| %-7s | %-34s | %8d | %12s | %10d | %8d | %9d |%n", setting, page, load.requests(), size(load.bytes()),
        load.fromCache(), load.notModified(), load.millis())));
  }

  private Map<String, Load> measure(String setting) throws Exception {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", "jdbc:h2:mem:senate-webapp-bench;DB_CLOSE_DELAY=-1");
    properties.put("logging.level.root", "WARN");
    if (setting.equals("before")) {
      properties.put("server.compression.enabled", "false");
      properties.put("senate.webapp-assets.enabled", "false");
    } else if (!setting.equals("after")) {
      throw new IllegalArgumentException("setting: before or after, not " + setting);
    }
    System.out.println("== " + setting + ": starting the application with " + properties);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SenateWorkflowApplication.class)
        .web(WebApplicationType.SERVLET).profiles("test")
        .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    try {
      int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
      String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
      ProcessInstance petition = context.getBean(RuntimeService.class).startProcessInstanceByKey("petition",
          Map.of("channel", "LETTER", "petitionerName", "นางสาวสมใจ ใจดี", "petitionerContact", "081-234-5678",
              "subject", "ขอให้ตรวจสอบการก่อสร้างถนน", "details", "ถนนในหมู่บ้านชำรุดมานานกว่าหนึ่งปี",
              "receivedDate", "2026-11-26"));
      TaskService tasks = context.getBean(TaskService.class);
      Task task = tasks.createTaskQuery().processInstanceId(petition.getId()).singleResult();
      tasks.claim(task.getId(), USER);
      String taskUrl = tasklist + "#/?task=" + task.getId();
      String reference = petition.getBusinessKey();

      Map<String, List<Load>> samples = new LinkedHashMap<>();
      for (int run = 1; run <= runs; run++) {
        try (Chromium browser = new Chromium("th")) {
          throttle(browser);
          add(samples, "login page, cold", load(browser, () -> browser.open(tasklist), this::loginFormShown));
          add(samples, "login page, warm reload",
              load(browser, () -> browser.driver.navigate().refresh(), this::loginFormShown));
        }
        try (Chromium browser = new Chromium("th")) {
          throttle(browser);
          add(samples, "Tasklist, task open, cold (+login)", load(browser, () -> {
            browser.open(taskUrl);
            browser.visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(USER);
            browser.visible(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
            browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
          }, d -> caseHeaderShows(d, reference)));
          add(samples, "Tasklist, task open, warm reload",
              load(browser, () -> browser.driver.navigate().refresh(), d -> caseHeaderShows(d, reference)));
        }
        System.out.println("   run " + run + " done");
      }
      Map<String, Load> medians = new LinkedHashMap<>();
      samples.forEach((page, loads) -> medians.put(page, median(loads)));
      return medians;
    } finally {
      context.close();
    }
  }

  private boolean loginFormShown(WebDriver driver) {
    return !driver.findElements(By.cssSelector("form[name=signinForm] button[type=submit]")).isEmpty()
        && driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).isDisplayed();
  }

  private boolean caseHeaderShows(WebDriver driver, String reference) {
    return driver.findElements(By.cssSelector("[id$='Field_CaseReferenceNumber']")).stream()
        .anyMatch(e -> reference.equals(e.getDomProperty("value")));
  }

  private void throttle(Chromium browser) {
    if (throttleMbit > 0) {
      browser.driver.executeCdpCommand("Network.enable", Map.of());
      double bytesPerSecond = throttleMbit * 1_000_000 / 8;
      browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 20,
          "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
    }
  }

  /** Every request of the current document, from Chromium's Resource Timing (navigation entry first). */
  private static final String ENTRIES = "var all = performance.getEntriesByType('navigation')"
      + ".concat(performance.getEntriesByType('resource'));"
      + "return all.filter(function (e) { return e.name.indexOf('data:') !== 0; }).map(function (e) {"
      + "  return [e.transferSize, e.encodedBodySize, e.responseStatus || 0, e.name]; });";

  /**
   * Runs the navigation, waits until the page is usable (that time is the load time), then until no request has
   * been added for a moment, and counts the document's requests from Chromium's Resource Timing: transferSize is
   * the bytes on the wire including headers (0 when the browser's cache answered, a few hundred for a 304).
   */
  private Load load(Chromium browser, Runnable navigation, Predicate<WebDriver> usable) throws InterruptedException {
    long start = System.nanoTime();
    navigation.run();
    try {
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(180)).until(usable::test);
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("webapp-benchmark-failure");
      throw new IllegalStateException("page not usable at " + browser.driver.getCurrentUrl(), e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    browser.script("performance.setResourceTimingBufferSize(10000);");
    List<?> entries = (List<?>) browser.script(ENTRIES);
    long quietSince = System.currentTimeMillis();
    while (System.currentTimeMillis() - quietSince < QUIET_MS) {
      Thread.sleep(250);
      List<?> now = (List<?>) browser.script(ENTRIES);
      if (now.size() != entries.size()) {
        quietSince = System.currentTimeMillis();
      }
      entries = now;
    }
    int fromCache = 0;
    int notModified = 0;
    long bytes = 0;
    Map<String, Long> largest = new LinkedHashMap<>();
    for (Object entry : entries) {
      List<?> figures = (List<?>) entry;
      long transfer = ((Number) figures.get(0)).longValue();
      long body = ((Number) figures.get(1)).longValue();
      int status = ((Number) figures.get(2)).intValue();
      bytes += transfer;
      if (transfer > 20_000) {
        largest.merge(String.valueOf(figures.get(3)).replaceFirst("^https?://[^/]+", ""), transfer, Long::sum);
      }
      if (transfer == 0 && body > 0) {
        fromCache++;
      } else if (status == 304 || (transfer > 0 && body > 0 && transfer < Math.min(body, 1000))) {
        notModified++; // revalidated: headers only (Chromium reports the cached response's size as its body)
      }
    }
    // What makes the bytes: every answer over 20 KB on the wire.
    largest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e ->
        System.out.printf(Locale.ROOT, "        %10s  %s%n", size(e.getValue()), e.getKey()));
    return new Load(entries.size(), bytes, fromCache, notModified, millis);
  }

  private static void add(Map<String, List<Load>> samples, String page, Load load) {
    samples.computeIfAbsent(page, p -> new ArrayList<>()).add(load);
    System.out.printf(Locale.ROOT, "   %-34s %3d requests %10s %3d from cache %3d × 304 %6d ms%n", page, load.requests(),
        size(load.bytes()), load.fromCache(), load.notModified(), load.millis());
  }

  /** Median of each figure separately. */
  private static Load median(List<Load> loads) {
    return new Load((int) median(loads.stream().mapToLong(Load::requests).toArray()),
        median(loads.stream().mapToLong(Load::bytes).toArray()),
        (int) median(loads.stream().mapToLong(Load::fromCache).toArray()),
        (int) median(loads.stream().mapToLong(Load::notModified).toArray()),
        median(loads.stream().mapToLong(Load::millis).toArray()));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String size(long bytes) {
    return bytes >= 1_000_000 ? String.format(Locale.ROOT, "%.2f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
  }

  private static String chromiumVersion() {
    try {
      Process process = new ProcessBuilder(System.getProperty("senate.chromium", "/usr/bin/chromium"), "--version")
          .redirectErrorStream(true).start();
      // Debian's wrapper script may print other lines first: the one naming Chromium.
      return new String(process.getInputStream().readAllBytes()).lines()
          .filter(line -> line.matches("Chromium \\d.*")).map(line -> line.replaceAll("^\\D+", ""))
          .findFirst().orElse("?");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
