package th.go.senate.workflow.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.support.TasklistRest;

/**
 * The server's one rule for every date of every form (FormDateRules, senate.form-dates), over the REST API a
 * Tasklist form is sent to: an implausible date gets a Thai 400 naming the field's label, and nothing is saved.
 */
class FormDatesRestTest extends PlatformTest {

  private static final String CLERK = "officePresidentUser";
  private static final String START_FORM = "/engine-rest/process-definition/key/petition/submit-form";

  @Autowired FormDateRules rules;

  @Test
  void aBuddhistEraYearSentAsGregorianIsRefusedNamingTheFieldAndNothingIsStarted() {
    clockAt(LocalDateTime.of(2026, 12, 2, 9, 0));
    long before = instances();
    // 02/12/2569 typed into a Gregorian field: the year 2569, 543 years ahead.
    Reply reply = startWith("receivedDate", "2569-12-02");
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("\"วันที่รับเรื่อง\"").contains("พ.ศ.")
        .doesNotContain("2569-12-02").doesNotContain("Exception");
    assertThat(instances()).isEqualTo(before);

    // Centuries back is the same slip the other way (2026 typed into a B.E. field, read back as 1483).
    assertThat(startWith("receivedDate", "1483-12-02").status()).isEqualTo(400);
    assertThat(instances()).isEqualTo(before);
  }

  @Test
  void aReceivedDateInTheFutureIsRefusedAndTodayIsAccepted() {
    clockAt(LocalDateTime.of(2026, 12, 2, 9, 0));
    long before = instances();
    Reply tomorrow = startWith("receivedDate", "2026-12-03");
    assertThat(tomorrow.status()).as(tomorrow.body()).isEqualTo(400);
    assertThat(tomorrow.json().path("message").asText()).contains("\"วันที่รับเรื่อง\"").contains("3 ธ.ค. 2569")
        .contains("ยังมาไม่ถึง");
    assertThat(instances()).isEqualTo(before);

    Reply today = startWith("receivedDate", "2026-12-02");
    assertThat(today.status()).as(today.body()).isEqualTo(200);
    assertThat(today.json().path("businessKey").asText()).matches("PET-25\\d\\d-\\d{5}");
    assertThat(instances()).isEqualTo(before + 1);
  }

  @Test
  void theWindowIsConfiguredAndItsEdgesHold() {
    LocalDate today = LocalDate.of(2026, 12, 2);
    assertThat(rules.getNotAfterToday()).contains("receivedDate");
    LocalDate earliest = today.minusYears(rules.getYearsBack());
    LocalDate latest = today.plusYears(rules.getYearsAhead());
    assertThat(rules.problem("\"วันประชุม\"", "sittingDate", earliest, today)).isNull();
    assertThat(rules.problem("\"วันประชุม\"", "sittingDate", earliest.minusDays(1), today)).contains("\"วันประชุม\"");
    assertThat(rules.problem("\"วันประชุม\"", "sittingDate", latest, today)).isNull();
    assertThat(rules.problem("\"วันประชุม\"", "sittingDate", latest.plusDays(1), today)).contains("นอกช่วง");
    // A planned date may be ahead; a received one may not.
    assertThat(rules.problem("\"วันประชุม\"", "sittingDate", today.plusDays(30), today)).isNull();
    assertThat(rules.problem("\"วันที่รับเรื่อง\"", "receivedDate", today.plusDays(1), today)).contains("ยังมาไม่ถึง");
  }

  @Test
  void aTaskFormWithAnImplausibleDateIsRefusedAndTheTaskStaysOpen() {
    clockAt(LocalDateTime.of(2026, 12, 2, 9, 0));
    ProcessInstance instance = startPetition();
    Task task = task(instance);
    taskService.claim(task.getId(), CLERK);

    Map<String, Object> values = new HashMap<>(PetitionValues.acknowledge());
    values.put("acknowledgedOn", "2569-12-02");
    Reply refused = tasklist.submit(CLERK, task.getId(), values);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("\"วันที่แจ้งตอบรับ\"").contains("ยังไม่ได้บันทึก");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance.getId(), "acknowledgedOn")).isNull();

    // A date ahead is fine where the rule does not forbid it (an acknowledgement may be dated for the mail run).
    values.put("acknowledgedOn", "2026-12-03");
    Reply accepted = tasklist.submit(CLERK, task.getId(), values);
    assertThat(accepted.status()).as(accepted.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  private Reply startWith(String name, Object value) {
    Map<String, Object> intake = new HashMap<>(petitionIntake());
    intake.put(name, value);
    return ApiClient.send(port, "POST", START_FORM, CLERK, TasklistRest.formVariables(intake));
  }

  private long instances() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("petition").count();
  }

}
