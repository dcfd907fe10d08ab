package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;


import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.kpi.CaseFact;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 17 §3 in Chromium (Thai): the public statistics page on a desktop and on a 390 px phone, figures of a fiscal
 * year with known cases, the year and round chosen with the plain form (the page has no script), no sideways
 * scrolling on the phone, every header cell named, each bar named as its cell reads, and no axe-core violation
 * (WCAG 2.1 A/AA). Screenshots: target/screenshots/17-public-statistics-desktop.png, -390px.png and -error.png.
 */
class PublicStatisticsBrowserTest extends PlatformTest {

  @Autowired KpiRepository facts;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @BeforeEach
  void chromiumInstalled() {
    Chromium.requireInstalled();
  }

  @Test
  void thePublicPageShowsTheCasesOfARoundOnADesktopAndOnAPhone() throws Exception {
    // FY 2545 (1 Oct 2001 – 30 Sep 2002), a year no other test writes or asks for (the page keeps a year's figures
    // for five minutes from the first request, which comes after these facts): 4 petitions received in the 6-month round,
    // 3 closed in it (2 on time), 1 still in progress at its end; one more closed on time in May (12-month round)
    String run = UUID.randomUUID().toString().substring(0, 8);
    fact(run + "-1", LocalDateTime.of(2001, 10, 8, 9, 0), LocalDateTime.of(2001, 10, 10, 9, 0), true);
    fact(run + "-2", LocalDateTime.of(2001, 11, 8, 9, 0), LocalDateTime.of(2001, 11, 20, 9, 0), true);
    fact(run + "-3", LocalDateTime.of(2002, 1, 8, 9, 0), LocalDateTime.of(2002, 3, 20, 9, 0), false);
    fact(run + "-4", LocalDateTime.of(2002, 2, 8, 9, 0), LocalDateTime.of(2002, 5, 2, 9, 0), true);
    String url = "http://localhost:" + port + "/public/statistics";
    // the rows by the processes' names as the page shows them (the models' names are the thai engineers' to change)
    String petition = name("petition");
    String motion = name("motion");

    try (Chromium browser = new Chromium("th")) {
      try {
        browser.open(url + "?fiscalYear=2545&round=6");
        browser.visible(By.tagName("table"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("ปีงบประมาณ พ.ศ. 2545 รอบ 6 เดือน");
        assertThat(browser.bodyText()).contains("สำนักงานเลขาธิการวุฒิสภา").contains("ข้อมูล ณ วันที่ 31 มี.ค. 2545");
        assertThat(cells(browser, petition)).containsExactly("4", "3", "1", "2", "66.7%", "");
        assertThat(cells(browser, motion)).containsExactly("0", "0", "0", "0", "–", "");
        readableToAScreenReader(browser);
        noAxeViolations(browser, "desktop");
        browser.screenshot("17-public-statistics-desktop");

        // The form, as a visitor uses it: the 12-month round of the same year
        new Select(browser.driver.findElement(By.id("round"))).selectByValue("12");
        assertThat(new Select(browser.driver.findElement(By.id("fiscalYear"))).getFirstSelectedOption().getText())
            .isEqualTo("พ.ศ. 2545");
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.wait.until(d -> d.getCurrentUrl().contains("round=12"));
        assertThat(browser.driver.getCurrentUrl()).contains("fiscalYear=2545");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("รอบ 12 เดือน");
        assertThat(cells(browser, petition)).containsExactly("4", "4", "0", "3", "75.0%", "");

        // A 390 px phone: the page fits, nothing scrolls sideways
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
            Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.open(url + "?fiscalYear=2545&round=6");
        browser.visible(By.tagName("table"));
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isEqualTo(390);
        long documentWidth = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
        long bodyWidth = ((Number) browser.script("return document.body.scrollWidth;")).longValue();
        System.out.println("public statistics at 390 px: document " + documentWidth + " px, body " + bodyWidth + " px");
        assertThat(documentWidth).as("document width at a 390 px screen").isLessThanOrEqualTo(390);
        assertThat(bodyWidth).as("body width at a 390 px screen").isLessThanOrEqualTo(390);
        assertThat(cells(browser, petition)).containsExactly("4", "3", "1", "2", "66.7%", "");
        readableToAScreenReader(browser);
        noAxeViolations(browser, "390 px");
        browser.screenshot("17-public-statistics-390px");

        // A bad year: a Thai page with the form, not a JSON document
        browser.open(url + "?fiscalYear=2026");
        assertThat(browser.visible(By.cssSelector("[role=alert]")).getText())
            .isEqualTo("ปีงบประมาณต้องเป็นปีพุทธศักราช (พ.ศ.) ไม่ใช่คริสต์ศักราช: ค.ศ. 2026 คือ พ.ศ. 2569");
        assertThat(browser.driver.findElements(By.cssSelector("form select#fiscalYear"))).hasSize(1);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).longValue())
            .isLessThanOrEqualTo(390);
        noAxeViolations(browser, "error page");
        browser.screenshot("17-public-statistics-error");
      } catch (AssertionError | RuntimeException e) {
        browser.screenshot("17-public-statistics-failure");
        throw e;
      }
    }
  }

  /** Header cells are named; each bar is an image named exactly as its percentage cell reads ("–" included). */
  private static void readableToAScreenReader(Chromium browser) {
    List<WebElement> headers = browser.driver.findElements(By.cssSelector("th"));
    assertThat(headers).hasSizeGreaterThan(7);
    for (WebElement header : headers) {
      assertThat(header.getText().trim()).as("header cell text").isNotEmpty();
    }
    List<WebElement> bars = browser.driver.findElements(By.cssSelector("td .bar[role=img]"));
    assertThat(bars).isNotEmpty();
    for (WebElement bar : bars) {
      WebElement cell = bar.findElement(By.xpath("./ancestor::td[1]/preceding-sibling::td[1]"));
      String cellName = cell.getAccessibleName();
      String shown = visibleText(browser, cell);
      assertThat(bar.getAccessibleName()).as("bar beside \"%s\"", shown).isEqualTo(cellName).isNotBlank();
      if (shown.equals("–")) {
        assertThat(cellName).isEqualTo("ไม่มีเรื่องที่แล้วเสร็จ");
      } else {
        assertThat(cellName).endsWith("%");
      }
    }
  }

  private static void noAxeViolations(Chromium browser, String where) {
    assertThat(Axe.seriousViolations(browser, List.of())).as("axe-core violations (%s)", where).isEmpty();
  }

  /** The data cells' texts of the row whose header is {@code process}. */
  private static List<String> cells(Chromium browser, String process) {
    return browser.driver.findElements(By.xpath("//tbody/tr[th[normalize-space(.)='" + process + "']]/td")).stream()
        .map(cell -> visibleText(browser, cell)).toList();
  }

  /** What a sighted reader sees in a cell: its text without the words kept for screen readers ({@code .sr}). */
  private static String visibleText(Chromium browser, WebElement cell) {
    return ((String) browser.script("const c = arguments[0].cloneNode(true);"
        + "c.querySelectorAll('.sr').forEach(e => e.remove()); return c.textContent;", cell)).trim();
  }

  /** A process's name on the page: the latest model's, without the English in brackets. */
  private String name(String processKey) {
    String name = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getName();
    return name.replaceFirst("\\s*\\([\\p{IsLatin}\\p{Punct}\\s\\d]*\\)\\s*$", "");
  }

  private void fact(String id, LocalDateTime started, LocalDateTime ended, boolean limitMet) {
    facts.insertCase(new CaseFact(id, "petition", "SECRET-" + id, bangkok(started).atZone(BangkokTime.ZONE)
        .toOffsetDateTime(), null, null, null, null));
    facts.caseEnded(id, bangkok(ended), "EndEvent_Test", limitMet, null);
  }
}
