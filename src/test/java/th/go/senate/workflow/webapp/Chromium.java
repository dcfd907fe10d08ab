package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium with a fresh profile and a Thai user language, driven by the system's
 * chromedriver (Selenium Manager is never asked to download anything). Screenshots go to
 * target/screenshots/.
 */
public final class Chromium implements AutoCloseable {

  static final Path BROWSER = Paths.get(System.getProperty("senate.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Paths.get(System.getProperty("senate.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  public final ChromeDriver driver;
  public final WebDriverWait wait;
  private final Path profile;

  /**
   * Skips the calling test with a loud message when Chromium is missing on a developer's machine;
   * in CI (CI set) a missing browser fails, since .ci/run installs it.
   */
  public static void requireInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message = "Browser tests need " + BROWSER + " and " + DRIVER
        + " (Debian: apt-get install -y chromium chromium-driver fonts-thai-tlwg; .ci/run does it).";
    if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
      fail("CI: " + message);
    }
    System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPING THE BROWSER TESTS: " + message + "\n"
        + "!".repeat(100) + "\n");
    Assumptions.abort(message);
  }

  public Chromium(String language) throws IOException {
    // Selenium Manager would download a driver; this machine uses the distribution's.
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
    profile = Files.createTempDirectory("senate-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    // Tasklist and Cockpit re-render their lists while they load: an element a condition has just found may be
    // replaced before the condition reads it (stale), which means "not yet", not a failure.
    wait = new WebDriverWait(driver, PATIENCE);
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  public void open(String url) {
    driver.get(url);
  }

  /**
   * Signs in on a webapp's login page ({@code appUrl}, e.g. {@code …/camunda/app/cockpit/default/}) as a demo user
   * (password {@code demo}). The page is loaded again when its form does not come within a minute: on a machine
   * loaded far beyond its cores a webapp's first load can stay on its splash screen (its plugin bundle timed out),
   * which a new load, the bundles now cached, cures; so, a few times. Then up to three minutes for the sign-in.
   */
  public void logIn(String appUrl, String user) {
    By name = By.cssSelector("form[name=signinForm] input[type=text]");
    for (int attempt = 1; ; attempt++) {
      open(appUrl);
      try {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(name));
        break;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 4) {
          throw e;
        }
      }
    }
    WebDriverWait signIn = new WebDriverWait(driver, Duration.ofSeconds(180));
    signIn.until(ExpectedConditions.visibilityOfElementLocated(name)).sendKeys(user);
    signIn.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=password]")))
        .sendKeys("demo");
    click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    signIn.until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  public void click(By by) {
    // Tasklist re-renders its lists while they load: an element found a moment ago may be replaced before the
    // click reaches it (stale), so it is looked up again, a few times.
    for (int attempt = 1; ; attempt++) {
      WebElement element = clickable(by);
      try {
        element.click();
        return;
      } catch (org.openqa.selenium.ElementClickInterceptedException e) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
        return;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /**
   * Chooses a form-js radio option by its label, as a clerk clicks it, until the option is really selected. A long
   * task form (the case header above the step's own fields) scrolls while form-js re-renders after the previous
   * field's change, so a click aimed at where the option was a moment ago can land beside it; the option is
   * brought to the middle of the view and clicked again until its input reports checked.
   */
  public void choose(String optionLabel) {
    By label = By.xpath("//label[contains(@class,'fjs') and .//input[@type='radio']"
        + " and contains(normalize-space(.),'" + optionLabel + "')]"
        + " | //label[contains(normalize-space(.),'" + optionLabel + "')][@for]");
    wait.until(d -> {
      try {
        WebElement element = d.findElement(label);
        script("arguments[0].scrollIntoView({block: 'center'});", element);
        String inputId = element.getAttribute("for");
        WebElement input = inputId == null || inputId.isEmpty()
            ? element.findElement(By.xpath(".//input[@type='radio']")) : d.findElement(By.id(inputId));
        if (!input.isSelected()) {
          element.click();
        }
        return input.isSelected();
      } catch (org.openqa.selenium.WebDriverException e) {
        return false;
      }
    });
  }

  /** Waits until the page's visible text contains every one of the texts. */
  void waitForText(String... texts) {
    new WebDriverWait(driver, PATIENCE).withMessage(() -> "page text should contain " + List.of(texts))
        .until(d -> {
          String body = d.findElement(By.tagName("body")).getText();
          return Stream.of(texts).allMatch(body::contains);
        });
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (Exception e) {
      System.err.println("screenshot " + name + " failed: " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temp dir left behind
      }
    }
  }
}
