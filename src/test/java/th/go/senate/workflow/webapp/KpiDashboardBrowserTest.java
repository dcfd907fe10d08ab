package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 17 §2 in Chromium (Thai), on cases worked through the engine in FY 2570, round 6: a petition whose triage
 * is overdue, one acknowledged late, one triaged to a committee bureau (open there), read today. The KPI manager reads the
 * dashboard in Cockpit, its figures equal to the API's, opens the late steps of the office bureau in one click,
 * and sees the diagram's labels; the head of the office bureau opens the bureau's view in Tasklist, with its
 * overdue work and nothing of the committee bureau; a clerk is not offered the view. The charts' text sizes, bar
 * contrasts, data tables and live regions are checked in the page (axe-core is not a dependency of this branch).
 * Screenshots: target/screenshots/17-*.png.
 */
class KpiDashboardBrowserTest extends PlatformTest {

  private static final String OFFICE = "officePresident";
  private static final String COMMITTEE = "burCommittee1";
  private static final String ROUND = "fiscalYear=2570&round=6";

  @BeforeEach
  void chromiumInstalled() {
    Chromium.requireInstalled();
  }

  @Test
  void managerDrillsIntoAFigureAndAHeadSeesOnlyTheOwnBureau() throws Exception {
    List<String> office = List.of(OFFICE);
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance overdue = startPetition();
    ProcessInstance late = startPetition();
    ProcessInstance committee = startPetition();
    clockAt(LocalDateTime.of(2026, 11, 26, 11, 0));
    completeAs("officePresidentUser", office, overdue, PetitionValues.acknowledge());
    completeAs("officePresidentUser", office, committee, PetitionValues.acknowledge());
    Map<String, Object> triage = new HashMap<>(PetitionPaths.triageSenateRemit(COMMITTEE));
    triage.put("triageReason", "อยู่ในอำนาจหน้าที่ของคณะกรรมาธิการ");
    completeAs("officePresidentUser", office, committee, triage);
    // the acknowledgement of the second petition: warning, breach, then completed after its due time
    fireAtDueTime(slaTimer(late));
    fireAtDueTime(slaTimer(late));
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000L));
    completeAs("officePresidentUser", office, late, PetitionValues.acknowledge());
    // The dashboard is read today (the webapps' login does not start under a stopped engine clock): the first
    // petition's triage was due by 30 November 2569, so it is overdue today or at the end of the round.
    ClockUtil.reset();
    LocalDate roundEnd = LocalDate.of(2027, 3, 31);
    String asOf = ThaiDates.date(BangkokTime.today().isAfter(roundEnd) ? roundEnd : BangkokTime.today());
    String overdueTask = task(overdue).getId();

    JsonNode byBureau = api("/api/kpi/report?" + ROUND + "&groupBy=bureau", "kpiManagersUser");
    JsonNode officeRow = row(byBureau, OFFICE);
    JsonNode committeeRow = row(byBureau, COMMITTEE);
    long officeLate = officeRow.path("current").path("completed").asLong()
        - officeRow.path("current").path("onTime").asLong();
    assertThat(officeLate).isPositive();
    assertThat(officeRow.path("current").path("overdue").asLong()).isPositive();
    String officeName = officeRow.path("name").asText();
    String committeeName = committeeRow.path("name").asText();

    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "cockpit", "kpiManagersUser");
        browser.click(By.xpath("//a[normalize-space(.)='ตัวชี้วัด KPI']"));
        WebElement dashboard = visible(browser, By.id("senate-kpi-dashboard"));
        choose(browser, dashboard, "fiscalYear", "2570");
        choose(browser, dashboard, "round", "6");
        choose(browser, dashboard, "groupBy", "bureau");
        patient(browser).until(d -> reportCell(browser, officeName, 4) != null);
        // the table's figures are the API's; the as-of date is the reading day, Buddhist Era
        assertThat(reportCell(browser, officeName, 4)).isEqualTo(String.valueOf(officeLate));
        assertThat(reportCell(browser, officeName, 8))
            .isEqualTo(officeRow.path("current").path("overdue").asText());
        assertThat(reportCell(browser, officeName, 3))
            .isEqualTo(String.format("%.1f %%", officeRow.path("current").path("onTimePercent").asDouble()));
        assertThat(visible(browser, By.cssSelector(".senate-kpi-period")).getText())
            .isEqualTo("ช่วงเวลา 01/10/2569 – 31/03/2570 · ข้อมูล ณ " + asOf);
        patient(browser).until(d -> dashboard.getText().contains("90 % เสร็จภายใน"));
        String page = dashboard.getText();
        assertThat(page).contains("ครึ่งหนึ่งเสร็จภายใน", "90 % เสร็จภายใน").doesNotContain("P90", "นาทีทำการ");
        // durations in working hours or days, as the API's minutes
        assertThat(reportCell(browser, officeName, 5))
            .isEqualTo(workingTime(officeRow.path("current").path("medianWorkingMinutes")));
        assertThat(reportCell(browser, officeName, 6))
            .isEqualTo(workingTime(officeRow.path("current").path("p90WorkingMinutes")));
        accessible(browser, dashboard);
        browser.screenshot("17-cockpit-kpi-dashboard");

        // one click from the office bureau's late steps to the cases
        WebElement lateButton = patient(browser).until(d -> d.findElement(By.xpath(
            "//table[contains(@class,'senate-kpi-table')]//tr[th[normalize-space(.)='" + officeName
            + "']]/td[4]/button")));
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", lateButton);
        WebElement cases = visible(browser, By.cssSelector(".senate-kpi-cases-list h3"));
        patient(browser).until(d -> cases.getText().startsWith("งานที่เสร็จเกินกำหนด " + officeLate + " รายการ"));
        WebElement list = visible(browser, By.cssSelector(".senate-kpi-cases"));
        assertThat(list.getText()).contains(late.getBusinessKey()).doesNotContain(committeeName);
        assertThat((Boolean) browser.script("return document.activeElement === arguments[0]", cases)).isTrue();
        // the reference number opens the running case in Cockpit
        assertThat(list.findElement(By.linkText(late.getBusinessKey())).getAttribute("href"))
            .endsWith("#/process-instance/" + late.getId() + "/runtime");
        browser.screenshot("17-cockpit-kpi-drilldown");

        // reloads on a chosen value, not on each arrow key
        browser.script("window.__kpiFetches = 0; const f = window.fetch;"
            + " window.fetch = function () { window.__kpiFetches++; return f.apply(this, arguments); };");
        WebElement groupBy = dashboard.findElement(By.name("groupBy"));
        groupBy.sendKeys(Keys.ARROW_UP);
        Thread.sleep(800);
        assertThat(new Select(groupBy).getFirstSelectedOption().getAttribute("value")).isEqualTo("step");
        assertThat(((Number) browser.script("return window.__kpiFetches")).intValue()).isZero();
        groupBy.sendKeys(Keys.ENTER);
        patient(browser).until(d -> ((Number) browser.script("return window.__kpiFetches")).intValue() > 0);
        patient(browser).until(d -> String.valueOf(browser.script(
            "return document.querySelector('.senate-kpi-status').textContent")).startsWith("แสดงรายงานแล้ว"));

        // the diagram: a label above each step, no cryptic dashes, clear of Cockpit's instance badges
        String definitionId = processEngine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey("petition").latestVersion().singleResult().getId();
        browser.open(app("cockpit") + "#/process-definition/" + definitionId + "/runtime");
        WebElement label = visible(browser, By.cssSelector("[data-container-id='" + PetitionPaths.TRIAGE
            + "'] .senate-kpi-overlay, .djs-overlays[data-container-id='" + PetitionPaths.TRIAGE
            + "'] .senate-kpi-overlay"));
        assertThat(label.getText()).matches("ตรงเวลา \\d{1,3}\\.\\d % · ครึ่งหนึ่งเสร็จใน \\d+\\.\\d (ชม\\.ทำการ|วันทำการ)"
            + "|ยังไม่มีงานที่เสร็จ( · ค้าง \\d+)?");
        assertThat(browser.driver.findElements(By.cssSelector(".senate-kpi-overlay")).stream()
            .map(WebElement::getText)).noneMatch(t -> t.contains("–"));
        List<WebElement> badges = patient(browser).until(d -> {
          List<WebElement> found = d.findElements(By.cssSelector(".djs-overlays[data-container-id='"
              + PetitionPaths.TRIAGE + "'] .badge"));
          return found.isEmpty() ? null : found;
        });
        for (WebElement badge : badges) {
          assertThat(overlap(badge, label)).as("the KPI label covers an instance badge").isFalse();
        }
        browser.screenshot("17-cockpit-kpi-diagram");
      } catch (Throwable failure) {
        browser.screenshot("failure-17-cockpit");
        throw failure;
      }
    }

    // The head of the office bureau: the same figures of the own bureau in Tasklist, nothing of another bureau.
    JsonNode headReport = api("/api/kpi/report?" + ROUND + "&groupBy=bureau", "officePresidentHeadUser");
    assertThat(headReport.path("rows").findValuesAsText("key")).containsExactly(OFFICE);
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "tasklist", "officePresidentHeadUser");
        browser.click(By.cssSelector(".senate-bureau-kpi-open"));
        WebElement view = visible(browser, By.id("senate-bureau-kpi-dashboard"));
        assertThat(visible(browser, By.cssSelector("[role=dialog]")).getAttribute("aria-labelledby"))
            .isEqualTo("senate-bureau-kpi-dashboard-title");
        assertThat(view.findElement(By.tagName("h2")).getText()).isEqualTo("ตัวชี้วัดของ" + officeName);
        choose(browser, view, "fiscalYear", "2570");
        choose(browser, view, "round", "6");
        choose(browser, view, "groupBy", "bureau");
        patient(browser).until(d -> reportCell(browser, officeName, 8) != null);
        assertThat(reportCell(browser, officeName, 8)).isEqualTo(officeRow.path("current").path("overdue").asText());
        assertThat(reportCell(browser, officeName, 4)).isEqualTo(String.valueOf(officeLate));
        // overdue work first: the triage of the first petition, as a task to open
        WebElement cases = visible(browser, By.cssSelector(".senate-kpi-cases-list h3"));
        patient(browser).until(d -> cases.getText().startsWith("งานค้างที่เกินกำหนด "
            + officeRow.path("current").path("overdue").asText() + " รายการ"));
        WebElement list = visible(browser, By.cssSelector(".senate-kpi-cases"));
        assertThat(list.getText()).contains(overdue.getBusinessKey());
        assertThat(list.findElements(By.cssSelector("tbody tr td:nth-child(4)")).stream().map(WebElement::getText))
            .containsOnly(officeName);
        assertThat(view.getText()).doesNotContain(committeeName).doesNotContain(committee.getBusinessKey());
        accessible(browser, view);
        browser.screenshot("17-tasklist-bureau-head-view");

        browser.click(By.linkText(overdue.getBusinessKey()));
        patient(browser).until(d -> d.findElements(By.cssSelector(".senate-kpi-dialog")).isEmpty());
        patient(browser).until(d -> d.getCurrentUrl().contains("task=" + overdueTask));
        browser.screenshot("17-tasklist-bureau-head-task");
      } catch (Throwable failure) {
        browser.screenshot("failure-17-tasklist-head");
        throw failure;
      }
    }

    // A clerk of the bureau is not its head: Tasklist offers no bureau view (and the API refuses the figures).
    assertThat(ApiClient.send(port, "GET", "/api/kpi/report?" + ROUND, "officePresidentUser", null).status())
        .isEqualTo(403);
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "tasklist", "officePresidentUser");
        patient(browser).until(d -> (Boolean) browser.script("return performance.getEntriesByType('resource')"
            + ".some(e => e.name.indexOf('/api/kpi/scope') > -1 && e.responseEnd > 0)"));
        Thread.sleep(500);
        assertThat(browser.driver.findElements(By.cssSelector(".senate-bureau-kpi-open"))).isEmpty();
      } catch (Throwable failure) {
        browser.screenshot("failure-17-tasklist-clerk");
        throw failure;
      }
    }
  }

  // ------------------------------------------------------------------------------------ checks in the page

  /**
   * The charts: SVG text 12 px or more, dark enough (4.5:1); bars and marks 3:1 against white; each chart hidden
   * from screen readers and followed by its data table; an alert region for errors, a status region for updates.
   */
  @SuppressWarnings("unchecked")
  private static void accessible(Chromium browser, WebElement root) {
    Map<String, Object> found = (Map<String, Object>) browser.script(
        "const root = arguments[0];"
        + "const rgb = c => { const m = c.match(/\\d+(\\.\\d+)?/g).map(Number); return m.slice(0, 3); };"
        + "const lum = c => { const v = rgb(c).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92"
        + "  : Math.pow((x + 0.055) / 1.055, 2.4); }); return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };"
        + "const contrast = c => 1.05 / (lum(c) + 0.05);"
        + "const texts = [...root.querySelectorAll('svg text')];"
        + "const marks = [...root.querySelectorAll('svg rect, svg circle')].filter(e => e.getAttribute('height') !== '0'"
        + "  && e.getAttribute('width') !== '0');"
        + "return {texts: texts.length,"
        + " small: texts.filter(t => parseFloat(getComputedStyle(t).fontSize) < 12).map(t => t.textContent),"
        + " faint: texts.filter(t => contrast(getComputedStyle(t).fill) < 4.5).map(t => t.textContent),"
        + " marks: marks.length,"
        + " pale: marks.filter(m => contrast(getComputedStyle(m).fill) < 3).map(m => getComputedStyle(m).fill),"
        + " charts: root.querySelectorAll('.senate-kpi-chart').length,"
        + " hidden: root.querySelectorAll('.senate-kpi-chart[aria-hidden=true]').length,"
        + " tables: root.querySelectorAll('.senate-kpi-chart + .senate-kpi-legend + details table,"
        + "   .senate-kpi-chart + details table').length,"
        + " alert: root.querySelectorAll('[role=alert]').length, status: root.querySelectorAll('[role=status]').length};",
        root);
    assertThat(((Number) found.get("texts")).intValue()).isPositive();
    assertThat((List<Object>) found.get("small")).as("chart text under 12 px").isEmpty();
    assertThat((List<Object>) found.get("faint")).as("chart text under 4.5:1").isEmpty();
    assertThat(((Number) found.get("marks")).intValue()).isPositive();
    assertThat((List<Object>) found.get("pale")).as("bars under 3:1 against white").isEmpty();
    assertThat(((Number) found.get("charts")).intValue()).isEqualTo(3);
    assertThat(found.get("hidden")).isEqualTo(found.get("charts"));
    assertThat(found.get("tables")).as("a data table after each chart").isEqualTo(found.get("charts"));
    assertThat(((Number) found.get("alert")).intValue()).isEqualTo(1);
    assertThat(((Number) found.get("status")).intValue()).isEqualTo(1);
  }

  /** Working minutes as the dashboard writes them: under 8 hours in working hours, else working days. */
  private static String workingTime(JsonNode minutes) {
    if (minutes.isNull() || minutes.isMissingNode()) {
      return "–";
    }
    double m = minutes.asDouble();
    return m < 480 ? String.format("%.1f ชม.ทำการ", m / 60) : String.format("%.1f วันทำการ", m / 480);
  }

  private static boolean overlap(WebElement a, WebElement b) {
    org.openqa.selenium.Rectangle r = a.getRect(), s = b.getRect();
    return r.x < s.x + s.width && s.x < r.x + r.width && r.y < s.y + s.height && s.y < r.y + r.height;
  }

  /** The text of column {@code column} (1 = first figure) of the report line of a group, or null. */
  private static String reportCell(Chromium browser, String name, int column) {
    return (String) browser.script("const rows = [...document.querySelectorAll('.senate-kpi-table tbody tr')];"
        + "const row = rows.find(r => r.querySelector('th').textContent.trim() === arguments[0]);"
        + "return row ? row.querySelectorAll('td')[arguments[1] - 1].textContent.trim() : null;", name, column);
  }

  /** Chooses a filter's value as a mouse does (one change event). */
  private static void choose(Chromium browser, WebElement root, String filter, String value) {
    WebElement select = patient(browser).until(d -> {
      WebElement s = root.findElement(By.name(filter));
      return s.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty() ? null : s;
    });
    browser.script("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", select, value);
  }

  private JsonNode api(String path, String user) {
    ApiClient.Reply reply = ApiClient.send(port, "GET", path, user, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode row(JsonNode report, String key) {
    for (JsonNode row : report.path("rows")) {
      if (row.path("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + report);
  }

  /** A wait as long as a loaded machine needs: Cockpit's first start compiles nothing but loads 2 MB of scripts. */
  private static WebDriverWait patient(Chromium browser) {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(180));
  }

  private static WebElement visible(Chromium browser, By by) {
    return patient(browser).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private String app(String app) {
    return "http://localhost:" + port + "/camunda/app/" + app + "/default/";
  }

  private void logIn(Chromium browser, String app, String user) {
    browser.logIn(app(app), user);
  }
}
