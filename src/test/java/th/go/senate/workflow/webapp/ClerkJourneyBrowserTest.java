package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.kpi.KpiTargetService;
import th.go.senate.workflow.kpi.KpiTargetService.TargetInput;
import th.go.senate.workflow.process.complaint.ComplaintIds;
import th.go.senate.workflow.process.interpellation.InterpellationPaths;
import th.go.senate.workflow.process.legislation.LegislationIds;
import th.go.senate.workflow.process.motion.MotionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.planreview.PlanReviewIds;
import th.go.senate.workflow.process.reform.ReformMonitoringRules;
import th.go.senate.workflow.support.Clerk;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.tasklist.TasklistFilters;

/**
 * Issue 13 "Done when", in Chromium (Thai): a clerk claims and completes a petition's acknowledgement in Tasklist,
 * reads the Thai success message with no red banner left, and finds the triage of the same case already assigned
 * to them (the next step follows the clerk); and the first task of every process that has a start form (all but
 * integrityCase, see below) opens, for a user of its candidate group, with the read-only case header naming the case's
 * reference number. The cases and KPI targets the tests record are removed after each test, the session period
 * recorded for the bill's start right after it.
 * Screenshots: target/screenshots/13-next-step-assigned.png, target/screenshots/13-case-header-&lt;processKey&gt;.png.
 */
class ClerkJourneyBrowserTest extends PlatformTest {

  private static final String CLERK = "officePresidentUser";
  private static final String COMPLETED = "ดำเนินการงานเสร็จสิ้นแล้ว";

  /** Names the session period this class records for its bill, so that only it is removed. */
  private static final String SESSION_TAG = "ClerkJourneyBrowserTest ";
  /**
   * The fiscal year of this class's plan review round: no other test records targets for it or opens its rounds,
   * and the demo targets are for 2569 and 2570 only.
   */
  private static final int PLAN_REVIEW_YEAR = 2557;

  @Autowired FilterService filterService;
  @Autowired KpiTargetService kpiTargets;
  @Autowired DueDatePlanner planner;

  /** The cases this class started, deleted after each test: other tests count the open tasks of these processes. */
  private final List<String> started = new ArrayList<>();
  private final List<Long> addedTargets = new ArrayList<>();

  @BeforeEach
  void chromiumInstalled() {
    Chromium.requireInstalled();
  }

  @AfterEach
  void removeCasesAndTargets() {
    identityService.clearAuthentication();
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test clean-up");
      }
    }
    addedTargets.forEach(kpiTargets::remove);
    if (!started.isEmpty()) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(new HashSet<>(started)).count())
          .as("the cases of this test left running").isZero();
    }
  }

  @Test
  void theNextStepFollowsTheClerkAndSuccessIsSaid() throws Exception {
    Map<String, Object> intake = new HashMap<>(petitionIntake());
    String subject = "ขอให้ขุดลอกคลองส่งน้ำหมู่ที่ 7 " + System.nanoTime();
    intake.put("subject", subject);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("petition", intake);
    started.add(instance.getId());
    String reference = instance.getBusinessKey();
    Task acknowledge = task(instance);
    assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo(PetitionPaths.ACKNOWLEDGE);
    assertThat(acknowledge.getAssignee()).isNull();
    Map<String, Object> values = PetitionValues.acknowledge();
    LocalDate acknowledgedOn = LocalDate.parse((String) values.get("acknowledgedOn"));

    try (Chromium browser = new Chromium("th")) {
      try {
        signIn(browser, CLERK, "#/?task=" + acknowledge.getId());
        browser.wait.until(d -> reference.equals(value(browser, "Field_CaseReferenceNumber")));

        // Claimed in the UI, as a clerk picks the task up.
        browser.click(By.cssSelector("button.claim"));
        browser.wait.until(d -> CLERK.equals(taskService.createTaskQuery().taskId(acknowledge.getId()).singleResult()
            .getAssignee()));

        // The form filled in the UI: the method from its list, the date typed in B.E.
        assertThat(values.get("acknowledgementMethod")).isEqualTo("LETTER");
        By method = By.cssSelector("[id$='Field_acknowledgementMethod-display']");
        By letter = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'หนังสือ')]");
        browser.wait.until(d -> {
          try {
            WebElement display = d.findElement(method);
            if (display.getText().contains("หนังสือ")) {
              return true;
            }
            List<WebElement> items = d.findElements(letter);
            if (items.isEmpty()) {
              browser.script("arguments[0].scrollIntoView({block: 'center'});", display);
              display.click();
            } else {
              items.get(0).click();
            }
            return false;
          } catch (org.openqa.selenium.WebDriverException e) {
            return false;
          }
        });
        By date = By.cssSelector("input[id*='Field_acknowledgedOn']");
        type(browser, date, ThaiDates.civilDate(acknowledgedOn));
        assertThat(browser.visible(date).getAttribute("value")).isEqualTo(ThaiDates.civilDate(acknowledgedOn));

        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.waitForText(COMPLETED);
        browser.wait.until(d -> d.findElements(By.cssSelector(".alert-danger")).stream()
            .noneMatch(WebElement::isDisplayed));
        browser.screenshot("13-completed-success-message");

        // What was saved: the values of the form, in the engine's terms.
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(acknowledge.getId()).finished().count())
            .isEqualTo(1);
        assertThat(runtimeService.getVariable(instance.getId(), "acknowledgementMethod")).isEqualTo("LETTER");
        assertThat(runtimeService.getVariable(instance.getId(), "acknowledgedOn")).isEqualTo(acknowledgedOn.toString());

        // The next step follows the clerk: the triage of the case is theirs already.
        Task triage = task(instance);
        assertThat(triage.getTaskDefinitionKey()).isEqualTo(PetitionPaths.TRIAGE);
        assertThat(triage.getAssignee()).isEqualTo(CLERK);

        // And Tasklist shows it so: the card in the clerk's own list ("งานของฉัน", narrowed to this case, since the
        // shared test database holds many open tasks of the same user) names the assignee.
        try (CaseFilter thisCase = new CaseFilter(filterService, TasklistFilters.MY_TASKS, reference,
            taskService.createTaskQuery().taskAssignee(CLERK).processInstanceBusinessKey(reference))) {
          thisCase.openIn(browser, port);
          By card = By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'" + reference + "')]]");
          browser.visible(card);
          String shown = displayName(CLERK);
          browser.wait.until(d -> {
            List<WebElement> assignee = d.findElement(card).findElements(By.cssSelector(".assignee"));
            return !assignee.isEmpty() && assignee.get(0).getText().contains(shown);
          });
          browser.wait.until(d -> d.findElement(card).getText().contains(subject));
          browser.screenshot("13-next-step-assigned");
        }
      } catch (Throwable failure) {
        browser.screenshot("failure-13-next-step");
        throw failure;
      }
    }
  }

  @Test
  void everyProcessOpensItsFirstTaskWithTheCaseHeader() throws Exception {
    // Every process that has a start form. integrityCase has none: its cases are opened only through the integrity
    // channel (process/complaint/IntegrityCaseService keeps the complainant's identity out of the engine), and what
    // its forms may show is checked by ModelRulesTest and the integrity tests. A process whose first task does not
    // open with its header is named in the failure, the others still tried.
    Map<String, Supplier<ProcessInstance>> starts = new LinkedHashMap<>();
    String today = BangkokTime.today().toString();
    starts.put("petition", this::startPetition);
    starts.put("complaint", () -> {
      Map<String, Object> v = new HashMap<>();
      v.put("channel", "WEB");
      v.put("complaintType", "SERVICE_COMPLAINT");
      v.put("complainantName", "นายผู้ร้อง ทดสอบเส้นทาง");
      v.put("complainantContact", "0812345678");
      v.put("subject", "เรื่องทดสอบ SERVICE_COMPLAINT");
      v.put("details", "รายละเอียดเรื่อง");
      v.put("staffName", "นายดี มีน้ำใจ");
      v.put("receivedDate", receivedDate());
      return asUserOf(ComplaintIds.INTAKE, () -> runtimeService.startProcessInstanceByKey("complaint", v));
    });
    starts.put("interpellation", () -> runtimeService.startProcessInstanceByKey("interpellation",
        InterpellationPaths.filing("GAZETTE", "นายสมชาย ตัวอย่าง", "รัฐมนตรีว่าการกระทรวงคมนาคม", receivedDate())));
    starts.put("legislation", this::registerBill);
    starts.put("motion", () -> runtimeService.startProcessInstanceByKey("motion",
        MotionPaths.filing(MotionPaths.ORDINARY, 200, 5, today)));
    starts.put("committeeMinutes", () -> {
      Map<String, Object> v = new HashMap<>();
      v.put("subject", "การประชุมคณะกรรมาธิการการศึกษา ครั้งที่ 12/2569");
      v.put("meetingNo", "12/2569");
      v.put("meetingDate", receivedDate());
      v.put("recordKind", "MINUTES");
      v.put("certifyingBureau", "burCommittee2");
      v.put("secretSitting", "NO");
      return runtimeService.startProcessInstanceByKey("committeeMinutes", v);
    });
    starts.put("appointmentVetting", () -> runtimeService.startProcessInstanceByKey("appointmentVetting",
        Map.of("subject", "กรรมการการเลือกตั้ง", "nomineeName", "นายสมศักดิ์ ตัวอย่าง",
            "nominatingBody", "คณะกรรมการสรรหากรรมการการเลือกตั้ง",
            "nominatingBodyContact", "สำนักงานศาลรัฐธรรมนูญ 02-141-7777", "receivedDate", receivedDate())));
    starts.put("planReview", this::startPlanReviewRound);
    starts.put("reformMonitoring", this::startReformRound);

    Map<String, Chromium> browsers = new HashMap<>();
    List<String> opened = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Supplier<ProcessInstance>> start : starts.entrySet()) {
        String processKey = start.getKey();
        failures.put(processKey, "not reached");
        try {
          ProcessInstance instance = start.getValue().get();
          started.add(instance.getId());
          String reference = instance.getBusinessKey();
          assertThat(reference).as(processKey + " reference number").isNotBlank();
          List<Task> first = taskService.createTaskQuery().processInstanceId(instance.getId()).orderByTaskId().asc().list();
          assertThat(first).as(processKey + " first task").isNotEmpty();
          Task task = first.get(0);
          String group = clerk.candidateGroups(task).stream()
              .filter(g -> identityService.createUserQuery().userId(Clerk.userOf(g)).count() == 1).findFirst()
              .orElseThrow(() -> new AssertionError(processKey + ": no demo user for " + clerk.candidateGroups(task)));
          String user = Clerk.userOf(group);
          assertThat(clerk.visibleTo(user, group, instance)).as(user + " sees the " + processKey + " task").isPositive();

          Chromium browser = browsers.get(user);
          String hash = "#/?task=" + task.getId();
          if (browser == null) {
            browser = new Chromium("th");
            browsers.put(user, browser);
            signIn(browser, user, hash);
          } else {
            browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/" + hash);
          }
          Chromium b = browser;
          try {
            browser.visible(By.xpath("//*[contains(@class,'fjs-form-field-group')][.//*[normalize-space(.)='ข้อมูลเรื่อง']]"));
            browser.wait.withMessage(() -> processKey + ": the header shows " + reference + ", not "
                    + value(b, "Field_CaseReferenceNumber"))
                .until(d -> reference.equals(value(b, "Field_CaseReferenceNumber")));
            WebElement field = browser.driver.findElement(By.cssSelector("[id$='Field_CaseReferenceNumber']"));
            assertThat(field.getAttribute("readonly")).as(processKey + " reference number read-only").isNotNull();
            browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
            browser.screenshot("13-case-header-" + processKey);
            opened.add(processKey);
            failures.remove(processKey);
          } catch (Throwable failure) {
            browser.screenshot("failure-13-case-header-" + processKey);
            throw failure;
          }
        } catch (Throwable failure) {
          String cause = failure.getCause() == null ? "" : " (" + failure.getCause() + ")";
          failures.put(processKey, (failure + cause).lines().findFirst().orElse(""));
        }
      }
    } finally {
      browsers.values().forEach(Chromium::close);
    }
    assertThat(failures).as("the processes whose first task did not open with its case header").isEmpty();
    assertThat(opened).containsExactlyElementsOf(starts.keySet());
  }

  /**
   * A bill the House sent today, registered by the meeting bureau. Its start counts the 60-day limit on the Senate's
   * session calendar, and the test database records no session for the present (the demo periods are seeded in the
   * demo profile only): this class records one around today under its own name for the start alone.
   */
  private ProcessInstance registerBill() {
    LocalDate arrival = BangkokTime.today();
    Map<String, Object> v = new HashMap<>();
    v.put("billTitle", "ร่างพระราชบัญญัติการทดสอบหัวเรื่อง พ.ศ. ....");
    v.put("houseLetterNumber", "สผ 0014/5678");
    v.put("arrivalDate", arrival.toString());
    v.put("billType", "ORDINARY");
    v.put("billSummary", "แก้ไขบทบัญญัติว่าด้วยการทดสอบหัวเรื่องของงาน");
    jdbc.update("insert into calendar_session_period (name, opened_on, closed_on) values (?, ?, ?)",
        SESSION_TAG + "สมัยประชุมสามัญ", Date.valueOf(arrival.minusDays(10)), Date.valueOf(arrival.plusDays(110)));
    planner.forget();
    try {
      return asUserOf(LegislationIds.MEETING, () -> runtimeService.startProcessInstanceByKey(LegislationIds.PROCESS, v));
    } finally {
      // The limit is planned at the start; removed at once (directly, so no re-planning event), the period does not
      // count the days of any other case, in this class or after it.
      jdbc.update("delete from calendar_session_period where name like ?", SESSION_TAG + "%");
      planner.forget();
    }
  }

  /**
   * The 12-month round of fiscal year {@link #PLAN_REVIEW_YEAR}, opened by Policy and Planning. The start opens a
   * round only for a fiscal year that has KPI targets (their owning bureaus report), so this class records one,
   * owned by Policy and Planning and removed after the test; the round closed long ago, as the rule requires.
   */
  private ProcessInstance startPlanReviewRound() {
    String owner = PlanReviewIds.POLICY_PLAN;
    addedTargets.add(kpiTargets.add(new TargetInput(String.valueOf(PLAN_REVIEW_YEAR), "HDR-57",
        "ร้อยละของขั้นตอนการทบทวนแผนที่ดำเนินการทันเวลามาตรฐาน (ทดสอบหัวเรื่อง)", PlanReviewIds.PROCESS,
        "ON_TIME_PERCENT", "100", owner)).id());
    return asUserOf(owner, () -> runtimeService.startProcessInstanceByKey(PlanReviewIds.PROCESS,
        Map.of("fiscalYear", PLAN_REVIEW_YEAR, "round", "12", "openingNote", "ทดสอบหัวเรื่อง")));
  }

  /**
   * A reform monitoring round of a period of its own (one round per duty and period, a deleted round not counted): the
   * quarter April–June 2015, which no other test opens (ReformMonitoringProcessTest uses July–September), within the
   * 30 years back a form date may lie (form/FormDateRules).
   */
  private ProcessInstance startReformRound() {
    Map<String, Object> v = new HashMap<>();
    v.put("reportingDuty", "REFORM_S270");
    v.put("periodLabel", "ไตรมาสที่ 3 (เมษายน–มิถุนายน)");
    v.put("periodEnd", "2015-06-30");
    v.put("subject", "รายงานความคืบหน้าการดำเนินการตามแผนการปฏิรูปประเทศ ไตรมาสที่ 3");
    return runtimeService.startProcessInstanceByKey(ReformMonitoringRules.PROCESS_KEY, v);
  }

  private <T> T asUserOf(String group, Supplier<T> work) {
    return clerk.as(Clerk.userOf(group), List.of(group), work);
  }

  private void signIn(Chromium browser, String user, String hash) {
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/" + hash);
    browser.visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.visible(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));
  }

  /** How Tasklist names an assignee on a card: first and last name, else the login. */
  private String displayName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name;
  }

  /** Types a date into a form-js date field as a clerk does: select what is there, type, Enter. */
  private static void type(Chromium browser, By field, String text) {
    WebElement input = browser.visible(field);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
  }

  /** The value a form-js field shows (input, textarea or the text of a read-only select). */
  private static String value(Chromium browser, String fieldId) {
    return (String) browser.script("var e = document.querySelector(\"[id$='\" + arguments[0] + \"']\");"
        + "return e ? (e.value !== undefined ? e.value : e.textContent) : null;", fieldId);
  }
}
