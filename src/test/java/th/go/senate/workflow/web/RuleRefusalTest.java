package th.go.senate.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Every process rule's refusal reaches engine-rest (and so Tasklist's submit-form, which answers through the same
 * mapping) as HTTP 400 with the rule's Thai message alone, not Camunda's ENGINE-03051 … 500 for an exception in a
 * task listener; and nothing is saved: the task stays open without the submitted values, a refused start leaves no
 * case. Each test reaches its step directly ({@code startBeforeActivity}) and submits as the bureau's demo user.
 */
class RuleRefusalTest extends PlatformTest {

  private static final String TAG = "RuleRefusalTest-";
  /** Session periods recorded for these tests; nothing is recorded from 2052 on. */
  private static final LocalDate SESSION_OPENS = LocalDate.of(2046, 1, 5);
  private static final LocalDate SESSION_CLOSES = LocalDate.of(2046, 12, 20);
  /** A Monday inside the session. */
  private static final LocalDate TODAY = LocalDate.of(2046, 3, 5).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

  @Autowired DueDatePlanner planner;

  @BeforeEach
  void recordASession() {
    jdbc.update("insert into calendar_session_period (name, opened_on, closed_on) values (?, ?, ?)", TAG + "2046",
        Date.valueOf(SESSION_OPENS), Date.valueOf(SESSION_CLOSES));
    planner.forget();
    clockAt(TODAY.atTime(10, 0));
  }

  @AfterEach
  void removeCasesAndSession() {
    ClockUtil.reset();
    for (String key : List.of("legislation", "interpellation")) {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(key).variableValueEquals("testTag", TAG).list()
          .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test cleanup"));
    }
    jdbc.update("delete from calendar_session_period where name like ?", TAG + "%");
    planner.forget();
  }

  // --- legislation ---------------------------------------------------------------------------------

  @Test
  void aSittingNoticeLessThanThreeDaysAheadIsRefusedWith400() {
    Task task = openStep(bill("ORDINARY", "Task_ScheduleAgenda"), "Task_ScheduleAgenda", "burMeetingUser");

    Reply reply = submit(task, "burMeetingUser", Map.of("agendaItem", "วาระที่ 3.1",
        "noticeDate", TODAY.toString(), "sittingDate", TODAY.plusDays(1).toString()));

    assertRefused(reply, "ต้องแจ้งนัดประชุมล่วงหน้าอย่างน้อย 3 วันก่อนวันประชุม");
    assertNothingSaved(task, "agendaItem");
  }

  @Test
  void anExtensionLongerThanTheBillTypeAllowsIsRefusedWith400() {
    // An appropriation bill's 20 days cannot be extended (bill-limit table: maxExtensionDays 0).
    Task task = openStep(bill("APPROPRIATION", "Task_RecordExtension"), "Task_RecordExtension", "burMeetingUser");

    Reply reply = submit(task, "burMeetingUser", Map.of("extensionResolutionDate", TODAY.toString(),
        "extensionDays", 10, "extensionNote", "ขยายเวลา"));

    assertRefused(reply, "ขยายเวลาได้ไม่เกิน 0 วัน สำหรับร่างประเภท APPROPRIATION (ได้รับ 10 วัน)");
    assertNothingSaved(task, "extensionNote");
  }

  @Test
  void aBillThatArrivesTomorrowIsRefusedWith400AndNotRegistered() {
    long before = cases("legislation");

    Reply reply = start("legislation", "burMeetingUser", billValues(TODAY.plusDays(1)));

    assertRefused(reply, "วันที่ร่างพระราชบัญญัติมาถึงวุฒิสภา " + ThaiDates.date(TODAY.plusDays(1)) + " อยู่หลังวันนี้");
    assertThat(cases("legislation")).isEqualTo(before);
  }

  @Test
  void aBillWhoseLimitTheRecordedSessionsCannotCountIsRefusedWith400NamingWhatToEnter() {
    LocalDate arrival = LocalDate.of(2052, 1, 10);
    clockAt(arrival.atTime(10, 0));
    long before = cases("legislation");

    Reply reply = start("legislation", "burMeetingUser", billValues(arrival));

    assertRefused(reply, "ไม่มีสมัยประชุมเพียงพอที่จะนับ ");
    assertThat(reply.json().path("message").asText()).contains(ThaiDates.date(arrival)).contains("ต้องบันทึกสมัยประชุมของวุฒิสภา")
        .contains("วันเปิดและวันปิดสมัยประชุม").contains("ในปฏิทินของระบบ");
    assertThat(cases("legislation")).isEqualTo(before);
  }

  // --- interpellation ------------------------------------------------------------------------------

  @Test
  void aQuestionSlotThatIsNotAMondayIsRefusedWith400() {
    Task task = openStep(question(), "Task_ScheduleQuestion", "burMeetingUser");

    Reply reply = submit(task, "burMeetingUser", Map.of("slotDate", TODAY.plusDays(1).toString()));

    assertRefused(reply, "ข้อมูลในแบบฟอร์ม \"บรรจุกระทู้ถามในวาระวันจันทร์\" ไม่ถูกต้อง: \"วันประชุมที่บรรจุกระทู้ถาม\" ต้องเป็นวันจันทร์");
    assertNothingSaved(task, "slotDate");
  }

  @Test
  void aWrittenAnswerDatedInTheFutureIsRefusedWith400() {
    Task task = openStep(question(), "Task_AwaitWrittenAnswer", "burMeetingUser");

    Reply reply = submit(task, "burMeetingUser", answer(TODAY.plusDays(1)));

    assertRefused(reply, "\"วันที่ได้รับคำตอบ\" ต้องไม่เกินวันนี้ (" + ThaiDates.date(TODAY) + ")");
    assertNothingSaved(task, "answerLetterNo");
  }

  @Test
  void aWrittenAnswerDatedBeforeTheQuestionWasSentIsRefusedWith400() {
    Task task = openStep(question(), "Task_AwaitWrittenAnswer", "burMeetingUser");

    Reply reply = submit(task, "burMeetingUser", answer(TODAY.minusDays(1)));

    assertRefused(reply, "\"วันที่ได้รับคำตอบ\" ต้องไม่ก่อนวันที่ส่งกระทู้ถามถึงรัฐมนตรี (" + ThaiDates.date(TODAY) + ")");
    assertNothingSaved(task, "answerLetterNo");
  }

  // --- plan review ---------------------------------------------------------------------------------

  @Test
  void aPlanReviewRoundThatHasNotEndedIsRefusedWith400AndNotOpened() {
    long before = cases("planReview");

    // Fiscal year B.E. 2600, first six months: they end on 31 March 2057.
    Reply reply = start("planReview", "burPolicyPlanUser", Map.of("fiscalYear", 2600, "round", "6",
        "openingNote", "ทดสอบ"));

    assertRefused(reply, "ยังไม่สิ้นสุด");
    assertThat(cases("planReview")).isEqualTo(before);
  }

  // --- helpers -------------------------------------------------------------------------------------

  private static void assertRefused(Reply reply, String thai) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    JsonNode body = reply.json();
    assertThat(body.path("type").asText()).isEqualTo("FormValidationException");
    assertThat(body.path("message").asText()).contains(thai).doesNotContain("ENGINE-").doesNotContain("Exception")
        .doesNotContain("Cannot submit");
  }

  private void assertNothingSaved(Task task, String submittedVariable) {
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), submittedVariable)).isNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(submittedVariable).count()).isZero();
  }

  /** A bill that arrived today, at one step of the Senate's consideration. */
  private ProcessInstance bill(String billType, String stepId) {
    Map<String, Object> values = billValues(TODAY);
    values.put("billType", billType);
    return runtimeService.createProcessInstanceByKey("legislation").setVariables(values)
        .setVariable("testTag", TAG).startBeforeActivity(stepId).execute();
  }

  private static Map<String, Object> billValues(LocalDate arrival) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("billTitle", "ร่างพระราชบัญญัติทดสอบ พ.ศ. ....");
    values.put("houseLetterNumber", "สผ 0014/1234");
    values.put("arrivalDate", arrival.toString());
    values.put("billType", "ORDINARY");
    values.put("billSummary", "แก้ไขบทบัญญัติว่าด้วยการทดสอบ");
    return values;
  }

  private ProcessInstance question() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("senatorName", "นายทดสอบ ระบบ");
    values.put("minister", "รัฐมนตรีว่าการกระทรวงทดสอบ");
    values.put("questionSubject", "การทดสอบ");
    values.put("questionText", "ขอทราบแผนการทดสอบ");
    values.put("answerMode", "GAZETTE");
    values.put("filedOn", TODAY.toString());
    // What the sitting path sets on the way to the slot (interpellationRules.sittingPathEntered).
    values.put("priority", false);
    values.put("postponements", 0);
    values.put("testTag", TAG);
    return runtimeService.createProcessInstanceByKey("interpellation").setVariables(values)
        .startBeforeActivity("Task_ScheduleQuestion").startBeforeActivity("Task_AwaitWrittenAnswer").execute();
  }

  private static Map<String, Object> answer(LocalDate received) {
    return Map.of("answerReceivedOn", received.toString(), "answerLetterNo", "นร 0503/77",
        "answerSummary", "ชี้แจงแผนการทดสอบ");
  }

  /** The step's open task, claimed by the clerk as in Tasklist. */
  private Task openStep(ProcessInstance instance, String stepId, String clerk) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(stepId)
        .singleResult();
    assertThat(task).as("open task " + stepId).isNotNull();
    taskService.claim(task.getId(), clerk);
    return task;
  }

  private Reply submit(Task task, String user, Map<String, Object> values) {
    return ApiClient.send(port, "POST", "/engine-rest/task/" + task.getId() + "/submit-form", user,
        Map.of("variables", restVariables(values)));
  }

  private Reply start(String processKey, String user, Map<String, Object> values) {
    return ApiClient.send(port, "POST", "/engine-rest/process-definition/key/" + processKey + "/submit-form", user,
        Map.of("variables", restVariables(values)));
  }

  private static Map<String, Object> restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Integer ? "Integer" : "String")));
    return variables;
  }

  private long cases(String processKey) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
  }
}
