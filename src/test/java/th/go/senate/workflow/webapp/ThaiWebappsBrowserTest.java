package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.tasklist.TasklistFilters;

/**
 * What a clerk, the next bureau and a manager do in Tasklist and Cockpit, in a real browser (Debian
 * Chromium, Thai user language) against the application this test started: every screen in Thai, the
 * Secretariat's header instead of Camunda's banner, Thai form validation messages, Thai dates with
 * Buddhist Era years in Bangkok time. Screenshots of the main screens and of any failure:
 * target/screenshots/.
 */
class ThaiWebappsBrowserTest extends PlatformTest {

  @Autowired FilterService filterService;

  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  private static final String[] THAI_MONTHS = {"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
      "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
  private static final String HEADER = "สำนักงานเลขาธิการวุฒิสภา";

  /** Each test, so that Maven's summary counts them as skipped when Chromium is missing. */
  @BeforeEach
  void chromiumInstalled() {
    Chromium.requireInstalled();
  }

  private String app(String app) {
    return "http://localhost:" + port + "/camunda/app/" + app + "/default/";
  }

  private void logIn(Chromium browser, String app, String user) {
    browser.open(app(app));
    WebElement name = browser.visible(By.cssSelector("form[name=signinForm] input[type=text]"));
    assertThat(name.getAttribute("placeholder")).isEqualTo(Locales.th(app, "PAGE_LOGIN_USERNAME"));
    name.sendKeys(user);
    browser.visible(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    browser.wait.until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
    // The Secretariat's header, in place of "It is time to migrate to Camunda 8".
    browser.waitForText(HEADER);
    assertThat(browser.bodyText()).doesNotContain("Camunda 8");
    if (!app.equals("admin")) {
      // The engine's support status is for administrators, in Admin only.
      assertThat(browser.bodyText()).doesNotContain("เป็นรุ่นชุมชนรุ่นสุดท้าย");
    }
  }

  @Test
  void clerkBureauAndManagerWorkInThai() throws Exception {
    String petitioner = "นางสาวทดสอบ เบราว์เซอร์ " + System.nanoTime();

    // 1. The clerk registers a petition in Tasklist.
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "tasklist", "officePresidentUser");
        browser.waitForText("งานของฉัน", "งานของสำนักที่ยังไม่มีผู้รับ", "ครบกำหนดภายใน 2 วันทำการ", "เกินกำหนด",
            Locales.th("tasklist", "START_PROCESS"));
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("th");
        browser.screenshot("01-tasklist-clerk");

        browser.click(By.xpath("//a[normalize-space(.)='" + Locales.th("tasklist", "START_PROCESS") + "']"));
        browser.click(By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.),'การรับเรื่องราวร้องทุกข์')]"));
        // form-js writes "Select" in every empty dropdown; a Thai clerk reads "เลือก" (issue 13 §5).
        browser.wait.until(d -> "เลือก".equals(d.findElement(By.cssSelector("[id$='Field_channel-display']")).getText()));
        browser.click(By.cssSelector("[id$='Field_channel-display']"));
        browser.click(By.cssSelector(".fjs-dropdownlist-item"));
        browser.visible(By.cssSelector("input[id$='Field_petitionerName']")).sendKeys(petitioner);
        browser.visible(By.cssSelector("input[id$='Field_petitionerContact']")).sendKeys("081-234-5678");
        browser.visible(By.cssSelector("input[id$='Field_subject']")).sendKeys("ขอให้ตรวจสอบการก่อสร้างถนน");
        // The date picker's "today" (typing a date into form-js's field in a Thai browser is not reliable).
        browser.click(By.cssSelector("input[id*='Field_receivedDate']"));
        browser.click(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"));
        browser.screenshot("02-start-form");

        // The details are required and left empty: the form refuses, in Thai.
        browser.click(By.cssSelector(".modal-footer button.btn-primary"));
        browser.wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error li")).stream()
            .anyMatch(li -> li.getText().equals("กรุณากรอกข้อมูลในช่องนี้")));
        assertThat(browser.bodyText()).doesNotContain("Field is required");
        browser.screenshot("03-start-form-required-field");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("petitionerName", petitioner).count())
            .isZero();

        browser.visible(By.cssSelector("textarea[id$='Field_details']")).sendKeys("ถนนในหมู่บ้านชำรุดมานานกว่าหนึ่งปี");
        browser.click(By.cssSelector(".modal-footer button.btn-primary"));
        browser.wait.until(d -> runtimeService.createProcessInstanceQuery()
            .variableValueEquals("petitionerName", petitioner).count() == 1);
        browser.screenshot("04-petition-started");
      } catch (Throwable failure) {
        browser.screenshot("failure-clerk");
        throw failure;
      }
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .variableValueEquals("petitionerName", petitioner).singleResult();
    assertThat(instance.getBusinessKey()).startsWith("PET-");
    assertThat(runtimeService.getVariable(instance.getId(), "receivedDate"))
        .isIn(LocalDate.now(BANGKOK).toString(), LocalDate.now(ZoneId.of("UTC")).toString());

    // Acknowledgement and triage to the first committee bureau (covered step by step by the petition tests).
    List<String> office = List.of("officePresident");
    completeAs("officePresidentUser", office, instance, PetitionValues.acknowledge());
    completeAs("officePresidentUser", office, instance, PetitionPaths.triageSenateRemit("burCommittee1"));
    Task consider = task(instance);
    assertThat(consider.getTaskDefinitionKey()).isEqualTo(PetitionPaths.CONSIDER);

    // 2. The committee bureau finds the task among its unassigned ones, claims it and completes it.
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "tasklist", "burCommittee1User");
        browser.click(By.xpath("//a[contains(normalize-space(.),'งานของสำนักที่ยังไม่มีผู้รับ')]"));
        browser.waitForText(consider.getName());
        browser.open(app("tasklist") + "#/?task=" + consider.getId());
        browser.click(By.cssSelector("button.claim"));
        browser.wait.until(d -> "burCommittee1User".equals(task(instance).getAssignee()));
        // Claimed, the task moves to "my tasks": open it there (narrowed to this case, since the shared test
        // database holds other tasks of the same user, some created under a clock other tests moved ahead).
        try (CaseFilter thisCase = new CaseFilter(filterService, TasklistFilters.MY_TASKS, instance.getBusinessKey(),
            taskService.createTaskQuery().taskAssignee("burCommittee1User").processInstanceId(instance.getId()))) {
          thisCase.openIn(browser, port);
          browser.click(By.cssSelector("a[href*='" + consider.getId() + "']"));
          browser.visible(By.cssSelector("textarea[id$='Field_considerationSummary']"))
              .sendKeys("คณะกรรมาธิการพิจารณาแล้ว เห็นควรแจ้งผลให้ผู้ร้องทราบ");
          browser.choose("พิจารณาเสร็จแล้ว");
          browser.screenshot("05-tasklist-committee-task");
          browser.click(By.cssSelector("button[ng-click='complete()']"));
          browser.wait.until(d -> !PetitionPaths.CONSIDER.equals(task(instance).getTaskDefinitionKey()));
        }
      } catch (Throwable failure) {
        browser.screenshot("failure-committee");
        throw failure;
      }
    }
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(PetitionPaths.REPLY);

    // 3. A manager follows the instance in Cockpit: Thai screens, Thai dates with Buddhist Era years.
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "cockpit", "kpiManagersUser");
        browser.open(app("cockpit") + "#/process-definition/" + instance.getProcessDefinitionId() + "/runtime");
        LocalDate today = LocalDate.now(BANGKOK);
        String thaiDate = today.getDayOfMonth() + " " + THAI_MONTHS[today.getMonthValue() - 1] + " "
            + (today.getYear() + 543);
        browser.waitForText(instance.getId().substring(0, 8), thaiDate);
        browser.screenshot("06-cockpit-definition");
        browser.open(app("cockpit") + "#/process-instance/" + instance.getId() + "/runtime");
        browser.waitForText(instance.getBusinessKey());
        // The open user task, created today: its dates in Thai with the Buddhist Era year.
        browser.click(By.xpath("//a[normalize-space(.)='" + Locales.thaiOf("cockpit", "User Tasks") + "']"));
        browser.waitForText(task(instance).getName(), thaiDate);
        assertThat(browser.bodyText()).doesNotContain(" " + today.getYear() + " ");
        browser.screenshot("07-cockpit-instance");
      } catch (Throwable failure) {
        browser.screenshot("failure-manager");
        throw failure;
      }
    }
  }

  @Test
  void welcomeAndAdminReadThaiToo() throws Exception {
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "welcome", "demo");
        browser.waitForText(Locales.th("welcome", "TASKLIST_APP"));
        browser.screenshot("09-welcome");
        browser.open(app("admin") + "#/users");
        browser.waitForText(HEADER, Locales.th("admin", "USERS_LIST_OF_USERS"));
        assertThat(browser.bodyText()).doesNotContain("Camunda 8");
        // Administrators read the engine's support status beside the header (README, "Camunda 7 support status").
        browser.waitForText("Camunda 7 CE 7.24 เป็นรุ่นชุมชนรุ่นสุดท้าย");
        browser.screenshot("10-admin-users");
      } catch (Throwable failure) {
        browser.screenshot("failure-admin");
        throw failure;
      }
    }
  }

  /**
   * Issue 16: a petitioner opens the public tracker on a phone (390 px wide), with no login, types the reference
   * number and tracking code, and reads the stage and the responsible bureau; the page needs no sideways scroll.
   */
  @Test
  void aPetitionerTracksTheCaseOnAPhone() throws Exception {
    ProcessInstance instance = startPetition();
    String code = (String) runtimeService.getVariable(instance.getId(), "trackingCode");
    try (Chromium browser = new Chromium("th")) {
      try {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.open("http://localhost:" + port + "/public/track");
        browser.waitForText(HEADER, "ติดตามสถานะเรื่อง");
        browser.visible(By.id("ref")).sendKeys(instance.getBusinessKey());
        browser.visible(By.id("code")).sendKeys(code);
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.waitForText("สถานะ: รับเรื่องแล้ว", "หน่วยงานที่รับผิดชอบ: สำนักงานประธานวุฒิสภา",
            "คาดว่าจะดำเนินการขั้นตอนปัจจุบันแล้วเสร็จภายในวันที่");
        assertThat(((Number) browser.script("return window.innerWidth")).intValue()).isLessThanOrEqualTo(390);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
            .as("no sideways scroll on a phone")
            .isLessThanOrEqualTo(((Number) browser.script("return window.innerWidth")).intValue());
        browser.screenshot("12-public-tracker-phone");
      } catch (Throwable failure) {
        browser.screenshot("failure-public-tracker");
        throw failure;
      }
    }
  }

  /** Issue 5: a manager opens the KPI dashboard inside Cockpit and reads an on-time figure per process. */
  @Test
  void managerReadsTheKpiDashboardInCockpit() throws Exception {
    // A petition step completed today on time, so that this round has a petition figure.
    ProcessInstance instance = startPetition();
    completeAs("officePresidentUser", List.of("officePresident"), instance, PetitionValues.acknowledge());
    try (Chromium browser = new Chromium("th")) {
      try {
        logIn(browser, "cockpit", "kpiManagersUser");
        browser.click(By.xpath("//a[normalize-space(.)='ตัวชี้วัด KPI']"));
        browser.visible(By.id("senate-kpi-dashboard"));
        browser.waitForText("การรับเรื่องราวร้องทุกข์");
        browser.wait.until(d -> d.findElements(By.cssSelector(".senate-kpi-figure")).stream()
            .anyMatch(figure -> figure.getText().matches("\\d{1,3}\\.\\d %")));
        browser.screenshot("11-cockpit-kpi-dashboard");
      } catch (Throwable failure) {
        browser.screenshot("failure-kpi-dashboard");
        throw failure;
      }
    }
  }

  private static boolean loginPlaceholderIs(WebDriver driver, String text) {
    try {
      return text.equals(driver.findElement(By.cssSelector("form[name=signinForm] input[type=text]"))
          .getAttribute("placeholder"));
    } catch (WebDriverException reloading) {
      return false;
    }
  }

  @Test
  void englishStaysSelectable() throws Exception {
    try (Chromium browser = new Chromium("en")) {
      try {
        browser.open(app("tasklist"));
        WebElement name = browser.visible(By.cssSelector("form[name=signinForm] input[type=text]"));
        assertThat(name.getAttribute("placeholder")).isEqualTo("Username");
        browser.waitForText("The Secretariat of the Senate");
        assertThat(browser.bodyText()).doesNotContain("Camunda 8");
        browser.screenshot("08-tasklist-english-login");
        // Issue 13 §5: the login page's switch gives an English browser the Thai platform, and back.
        browser.click(By.cssSelector(".senate-language button[data-language='th']"));
        browser.wait.until(d -> loginPlaceholderIs(d, Locales.th("tasklist", "PAGE_LOGIN_USERNAME")));
        browser.waitForText(HEADER);
        assertThat(browser.script("return document.querySelector(\".senate-language button[aria-pressed='true']\")"
            + ".textContent")).isEqualTo("ภาษาไทย");
        browser.screenshot("08b-tasklist-login-switched-to-thai");
        browser.click(By.cssSelector(".senate-language button[data-language='en']"));
        browser.wait.until(d -> loginPlaceholderIs(d, "Username"));
      } catch (Throwable failure) {
        browser.screenshot("failure-english");
        throw failure;
      }
    }
  }

}
