package th.go.senate.workflow.perf;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.SenateWorkflowApplication;
import th.go.senate.workflow.webapp.Chromium;

/**
 * The webapp page-load benchmark (a program, not a test: nothing in the suite asserts timings). It starts the whole
 * application (test profile: in-memory H2, demo users) once per setting, opens a petition's acknowledgement task
 * for officePresidentUser, and measures in headless Chromium, counting with Chromium's performance log (DevTools
 * Network events): requests sent, bytes on the wire (headers included; Network.loadingFinished encodedDataLength),
 * answers from the browser's cache, 304 answers, and the time until the page is usable, for
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

  private static final ObjectMapper JSON = new ObjectMapper();
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
        try (Chromium browser = new Chromium("th", true)) {
          throttle(browser);
          add(samples, "login page, cold", load(browser, () -> browser.open(tasklist), this::loginFormShown));
          add(samples, "login page, warm reload",
              load(browser, () -> browser.driver.navigate().refresh(), this::loginFormShown));
        }
        try (Chromium browser = new Chromium("th", true)) {
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
    browser.driver.executeCdpCommand("Network.enable", Map.of());
    if (throttleMbit > 0) {
      double bytesPerSecond = throttleMbit * 1_000_000 / 8;
      browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 20,
          "downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
    }
  }

  /**
   * Runs the navigation, waits until the page is usable (that time is the load time), then until the network has
   * been quiet for a moment, and counts what the performance log recorded in between.
   */
  private Load load(Chromium browser, Runnable navigation, Predicate<WebDriver> usable) throws InterruptedException {
    browser.networkEvents(); // what came before is not this load's
    long start = System.nanoTime();
    navigation.run();
    try {
      new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(180)).until(usable::test);
    } catch (org.openqa.selenium.TimeoutException e) {
      browser.screenshot("webapp-benchmark-failure");
      throw new IllegalStateException("page not usable at " + browser.driver.getCurrentUrl() + ": "
          + browser.driver.findElement(By.tagName("body")).getText(), e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<String> events = new ArrayList<>();
    long quietSince = System.currentTimeMillis();
    while (System.currentTimeMillis() - quietSince < QUIET_MS) {
      Thread.sleep(250);
      List<String> more = browser.networkEvents();
      if (more.stream().anyMatch(e -> e.contains("\"Network.requestWillBeSent\""))) {
        quietSince = System.currentTimeMillis();
      }
      events.addAll(more);
    }
    return count(events, millis);
  }

  private static Load count(List<String> events, long millis) {
    Set<String> requests = new HashSet<>();
    Set<String> fromCache = new HashSet<>();
    Set<String> notModified = new HashSet<>();
    Map<String, Long> bytes = new HashMap<>();
    for (String event : events) {
      try {
        JsonNode message = JSON.readTree(event).path("message");
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        String id = params.path("requestId").asText();
        switch (method) {
          case "Network.requestWillBeSent" -> {
            if (!params.path("request").path("url").asText().startsWith("data:")) {
              requests.add(id);
            }
          }
          case "Network.requestServedFromCache" -> fromCache.add(id);
          case "Network.responseReceived" -> {
            if (params.path("response").path("status").asInt() == 304) {
              notModified.add(id);
            }
            if (params.path("response").path("fromDiskCache").asBoolean(false)
                || params.path("response").path("fromMemoryCache").asBoolean(false)) {
              fromCache.add(id);
            }
          }
          case "Network.loadingFinished" -> bytes.put(id, params.path("encodedDataLength").asLong());
          default -> {
          }
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException("unreadable performance log entry", e);
      }
    }
    long total = requests.stream().filter(id -> !fromCache.contains(id)).mapToLong(id -> bytes.getOrDefault(id, 0L))
        .sum();
    fromCache.retainAll(requests);
    notModified.retainAll(requests);
    return new Load(requests.size(), total, fromCache.size(), notModified.size(), millis);
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
      return new String(process.getInputStream().readAllBytes()).trim().replaceAll("^\\D+", "");
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
