package th.go.senate.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Issue 13 §1: the committee clerk opens a petition's task in Tasklist (Chromium, Thai) and finds the case in
 * view before the step's own fields: the real reference number, subject, petitioner and contact, received date,
 * and what the triage decided and why, all read-only. Completing the step sends the header back unchanged and
 * adds no empty variable for the header fields the case does not have. Screenshot:
 * target/screenshots/13-case-header-committee-task.png.
 */
class CaseHeaderBrowserTest extends PlatformTest {

  @BeforeEach
  void chromiumInstalled() {
    Chromium.requireInstalled();
  }

  @Test
  void theCommitteeTaskOpensWithTheCaseInView() throws Exception {
    Map<String, Object> intake = new HashMap<>(petitionIntake());
    String subject = "ขอให้ซ่อมสะพานข้ามคลองหมู่ที่ 4 " + System.nanoTime();
    intake.put("subject", subject);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("petition", intake);
    String reference = instance.getBusinessKey();
    assertThat(reference).startsWith("PET-");
    assertThat(runtimeService.getVariable(instance.getId(), "referenceNumber")).isEqualTo(reference);

    List<String> office = List.of("officePresident");
    completeAs("officePresidentUser", office, instance, PetitionValues.acknowledge());
    Map<String, Object> triage = new HashMap<>(PetitionPaths.triageSenateRemit("burCommittee1"));
    triage.put("triageReason", "อยู่ในอำนาจหน้าที่ของคณะกรรมาธิการการคมนาคม");
    completeAs("officePresidentUser", office, instance, triage);
    Task consider = task(instance);
    assertThat(consider.getTaskDefinitionKey()).isEqualTo(PetitionPaths.CONSIDER);
    taskService.claim(consider.getId(), "burCommittee1User");

    try (Chromium browser = new Chromium("th")) {
      try {
        browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + consider.getId());
        browser.visible(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("burCommittee1User");
        browser.visible(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
        browser.click(By.cssSelector("form[name=signinForm] button[type=submit]"));

        // The header: a group titled "ข้อมูลเรื่อง" above the step's own fields, every field read-only.
        WebElement header = browser.visible(By.xpath("//*[contains(@class,'fjs-form-field-group')]"
            + "[.//*[normalize-space(.)='ข้อมูลเรื่อง']]"));
        browser.wait.until(d -> reference.equals(value(browser, "Field_CaseReferenceNumber")));
        assertThat(value(browser, "Field_CaseSubject")).isEqualTo(subject);
        assertThat(value(browser, "Field_Case_petitionerName")).isEqualTo("นางสาวสมใจ ใจดี");
        assertThat(value(browser, "Field_Case_petitionerContact")).isEqualTo("081-234-5678");
        assertThat(value(browser, "Field_Case_details")).isEqualTo("ถนนในหมู่บ้านชำรุดมานานกว่าหนึ่งปี");
        assertThat(value(browser, "Field_Case_triageReason")).isEqualTo("อยู่ในอำนาจหน้าที่ของคณะกรรมาธิการการคมนาคม");
        // Codes read as their Thai labels: the channel and the triage category.
        assertThat(header.getText()).contains("หนังสือ/ไปรษณีย์", "ข้อมูลเรื่อง", "เลขที่เรื่อง", "วันที่รับเรื่อง",
            "ผลการคัดกรอง", "เหตุผลประกอบการคัดกรอง");
        assertThat(header.getText()).doesNotContain("LETTER", "SENATE_REMIT");
        // No e-mail was given: its field is hidden, not an empty box.
        assertThat(browser.driver.findElements(By.cssSelector("[id$='Field_Case_petitionerEmail']"))).isEmpty();
        // Read-only: the clerk cannot change the case from this step.
        for (String field : List.of("Field_CaseReferenceNumber", "Field_CaseSubject", "Field_Case_petitionerName",
            "Field_Case_details")) {
          WebElement input = browser.driver.findElement(By.cssSelector("[id$='" + field + "']"));
          assertThat(input.getAttribute("readonly")).as(field + " read-only").isNotNull();
        }
        // The header comes before the step's own fields.
        assertThat((Boolean) browser.script("var h = document.querySelector(\"[id$='Field_CaseReferenceNumber']\");"
            + "var f = document.querySelector(\"[id$='Field_considerationSummary']\");"
            + "return !!(h && f && (h.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING));")).isTrue();
        browser.screenshot("13-case-header-committee-task");

        browser.visible(By.cssSelector("textarea[id$='Field_considerationSummary']"))
            .sendKeys("คณะกรรมาธิการพิจารณาแล้ว เห็นควรแจ้งผลให้ผู้ร้องทราบ");
        browser.choose("พิจารณาเสร็จแล้ว");
        browser.click(By.cssSelector("button[ng-click='complete()']"));
        browser.wait.until(d -> !PetitionPaths.CONSIDER.equals(task(instance).getTaskDefinitionKey()));
      } catch (Throwable failure) {
        browser.screenshot("failure-case-header");
        throw failure;
      }
    }

    // What came back with the completion: the header's values unchanged, in their types; nothing empty added.
    assertThat(runtimeService.getVariable(instance.getId(), "referenceNumber")).isEqualTo(reference);
    assertThat(runtimeService.getVariable(instance.getId(), "subject")).isEqualTo(subject);
    TypedValue received = runtimeService.getVariableTyped(instance.getId(), "receivedDate");
    assertThat(received.getValue()).isEqualTo("2026-11-26");
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("petitionerEmail");
    assertThat(runtimeService.getVariable(instance.getId(), "considerationStatus")).isNotNull();
  }

  /** The value a form-js field shows (input, textarea or the text of a read-only select). */
  private static String value(Chromium browser, String fieldId) {
    return (String) browser.script("var e = document.querySelector(\"[id$='\" + arguments[0] + \"']\");"
        + "return e ? (e.value !== undefined ? e.value : e.textContent) : null;", fieldId);
  }
}
