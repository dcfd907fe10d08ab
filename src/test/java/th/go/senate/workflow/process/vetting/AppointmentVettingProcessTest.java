package th.go.senate.workflow.process.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.kpi.CaseFact;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.StepFact;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.process.petition.PetitionPaths.Step;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.TasklistRest;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Every path of the appointmentVetting model, the committee's limit (60 days, one extension of at most 30) on the
 * one planner, the majority of the existing senators, and the confidentiality of the committee's report: the
 * report text is found nowhere in the engine's tables and only the committee's bureau and sgOffice read it.
 */
class AppointmentVettingProcessTest extends PlatformTest {

  static final String APPOINT = "Task_AppointVettingCommittee";
  static final String VET = "Task_VetNominee";
  static final String SCHEDULE = "Task_ScheduleSecretSitting";
  static final String VOTE = "Task_RecordSecretVote";
  static final String NOTIFY = "Task_NotifyNominatingBody";
  static final String END_APPROVED = "EndEvent_NomineeApproved";
  static final String END_NOT_APPROVED = "EndEvent_NomineeNotApproved";
  static final String TIME_UP = "BoundaryEvent_VettingTimeUp";
  static final String MEETING = "burMeeting";
  static final String PRESIDENT = "officePresident";
  static final String COMMITTEE = "burCommittee2";

  @Autowired KpiRepository facts;
  @Autowired DueDatePlanner planner;
  @Autowired AppointmentVettingRules rules;

  private final ObjectMapper json = new ObjectMapper();

  static Map<String, Object> nomination(String receivedDate) {
    return Map.of("subject", "กรรมการการเลือกตั้ง", "nomineeName", "นายสมศักดิ์ ตัวอย่าง",
        "nominatingBody", "คณะกรรมการสรรหากรรมการการเลือกตั้ง", "nominatingBodyContact", "สำนักงานศาลรัฐธรรมนูญ 02-141-7777",
        "receivedDate", receivedDate);
  }

  static Map<String, Object> appoint(String on) {
    return Map.of("committeeName", "คณะกรรมาธิการสามัญตรวจสอบประวัติ ความประพฤติ และพฤติกรรมทางจริยธรรมของผู้ได้รับการเสนอชื่อ",
        "committeeAppointedOn", on, "committeeBureau", COMMITTEE);
  }

  static Map<String, Object> report(String text) {
    return Map.of("committeeAction", "REPORT", "vettingReport", text);
  }

  static Map<String, Object> extend(int days) {
    return Map.of("committeeAction", "EXTEND", "requestedExtensionDays", days, "extensionReason", "รอเอกสารจากหน่วยงานที่เกี่ยวข้อง");
  }

  static Map<String, Object> schedule(String sitting) {
    return Map.of("sittingDate", sitting, "agendaItem", "4.1");
  }

  static Map<String, Object> vote(int existing, int favour, int against, int abstaining) {
    return Map.of("existingSenators", existing, "votesInFavour", favour, "votesAgainst", against, "votesAbstaining", abstaining);
  }

  static Map<String, Object> notice() {
    return Map.of("noticeNumber", "สว 0010/123", "noticeDate", "2030-03-20");
  }

  static List<Path> paths() {
    return List.of(
        new Path("approved on the committee's report", List.of(new Step(APPOINT, MEETING, appoint("2030-01-10")),
            new Step(VET, COMMITTEE, report("รายงานลับ: ประวัติเรียบร้อย")), new Step(SCHEDULE, MEETING, schedule("2030-01-20")),
            new Step(VOTE, MEETING, vote(200, 101, 80, 10)), new Step(NOTIFY, PRESIDENT, notice())), END_APPROVED),
        new Path("not approved: half is not more than half", List.of(new Step(APPOINT, MEETING, appoint("2030-01-10")),
            new Step(VET, COMMITTEE, report("รายงานลับ: มีข้อสังเกต")), new Step(SCHEDULE, MEETING, schedule("2030-01-20")),
            new Step(VOTE, MEETING, vote(200, 100, 90, 10)), new Step(NOTIFY, PRESIDENT, notice())), END_NOT_APPROVED),
        new Path("extended once, then reported and approved", List.of(new Step(APPOINT, MEETING, appoint("2030-01-10")),
            new Step(VET, COMMITTEE, extend(30)), new Step(VET, COMMITTEE, report("รายงานลับหลังขยายเวลา")),
            new Step(SCHEDULE, MEETING, schedule("2030-01-20")), new Step(VOTE, MEETING, vote(198, 100, 50, 0)),
            new Step(NOTIFY, PRESIDENT, notice())), END_APPROVED));
  }

  private ProcessInstance receive() {
    clockAt(LocalDateTime.of(2030, 1, 10, 9, 0));
    return runtimeService.startProcessInstanceByKey("appointmentVetting", nomination("2030-01-09"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void everyPathPassesItsTasksInOrderAndReachesItsEndEvent(Path path) {
    ProcessInstance instance = receive();
    assertThat(instance.getBusinessKey()).matches("VET-25\\d\\d-\\d{5}");
    PetitionPaths.walk(taskService, identityService, instance.getId(), path);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(path.endEvent());
    List<String> expected = new ArrayList<>(path.taskKeys());
    expected.add(path.endEvent());
    assertThat(userTasksAndEndEvents(instance.getId())).isEqualTo(expected);
    CaseFact fact = facts.findCase(instance.getId()).orElseThrow();
    assertThat(fact.outcome()).isEqualTo(path.endEvent());
    assertThat(facts.stepsOfInstance(instance.getId())).extracting(StepFact::stepId).isEqualTo(path.taskKeys());
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("legalLimitMet").singleResult().getValue()).isEqualTo(true);
  }

  @Test
  void theCommitteeHasSixtyCalendarDaysFromItsAppointmentAndTheTimerEndsItsTime() {
    ProcessInstance instance = receive();
    completeAs("burMeetingUser", List.of(MEETING), instance, appoint("2030-01-10"));
    // Day 1 is 10 January; day 60 is 10 March 2030; the limit is 24:00 that day (the one planner's CALENDAR_DAYS).
    Job timer = vettingTimer(instance);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2030, 3, 11, 0, 0)))
        .isEqualTo(planner.due(bangkok(LocalDateTime.of(2030, 1, 10, 0, 0)), 60, CalendarKind.CALENDAR_DAYS));
    assertThat(runtimeService.getVariable(instance.getId(), "reportDueDate")).isEqualTo("2030-03-10");

    // The clock moved to the minute before: the timer is not due; at the limit it fires and ends the committee's time.
    clockAt(LocalDateTime.of(2030, 3, 10, 23, 59));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TIME_UP).executable().count()).isZero();
    fireAtDueTime(timer);
    BpmnAwareTests.assertThat(instance).isWaitingAt(SCHEDULE).hasPassed(TIME_UP);
    assertThat(runtimeService.getVariable(instance.getId(), "vettingTimeExpired")).isEqualTo(true);
    assertThat(runtimeService.getVariable(instance.getId(), "legalLimitMet")).isEqualTo(false);
    assertThat(runtimeService.getVariable(instance.getId(), "limitDaysUsed")).isEqualTo(61);
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  void oneExtensionOfAtMostThirtyDaysMovesTheLimitAndASecondIsRefused() {
    ProcessInstance instance = receive();
    completeAs("burMeetingUser", List.of(MEETING), instance, appoint("2030-01-10"));
    String taskBefore = task(instance).getId();

    // More than 30 days, or none: refused, nothing saved, the same task open.
    assertThatThrownBy(() -> completeAs("burCommittee2User", List.of(COMMITTEE), instance, extend(31)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ต้องอยู่ระหว่าง 1 ถึง 30 วัน");
    assertThatThrownBy(() -> completeAs("burCommittee2User", List.of(COMMITTEE), instance, extend(0)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ต้องอยู่ระหว่าง 1 ถึง 30 วัน");
    assertThat(task(instance).getId()).isEqualTo(taskBefore);
    assertThat(runtimeService.getVariable(instance.getId(), "extensionsGranted")).isEqualTo(0);

    completeAs("burCommittee2User", List.of(COMMITTEE), instance, extend(30));
    // Day 90 is 9 April 2030: the timer of the task entered again is due at its 24:00.
    assertThat(vettingTimer(instance).getDuedate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2030, 4, 10, 0, 0)));
    assertThat(runtimeService.getVariable(instance.getId(), "reportDueDate")).isEqualTo("2030-04-09");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TIME_UP).count()).isEqualTo(1);

    assertThatThrownBy(() -> completeAs("burCommittee2User", List.of(COMMITTEE), instance, extend(5)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ขยายเวลาของคณะกรรมาธิการได้ 1 ครั้ง");
    BpmnAwareTests.assertThat(instance).isWaitingAt(VET);
    assertThat(runtimeService.getVariable(instance.getId(), "extensionDays")).isEqualTo(30);
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  void approvalNeedsMoreThanHalfOfTheExistingSenatorsAndImpossibleCountsAreRefused() {
    VettingRule rule = rules.rule();
    assertThat(rule.approves(101, 200)).isTrue();
    assertThat(rule.approves(100, 200)).isFalse();
    assertThat(rule.approves(100, 199)).isTrue();
    assertThat(rule.approves(99, 199)).isFalse();
    assertThat(rule.requiredVotes(200)).isEqualTo(101);
    assertThat(rule.requiredVotes(199)).isEqualTo(100);

    clockAt(LocalDateTime.of(2030, 1, 10, 9, 0)); // the nomination arrived the day before
    ProcessInstance instance = startAt("appointmentVetting", VOTE, withKey(nomination("2030-01-09")));
    clockAt(LocalDateTime.of(2030, 2, 1, 10, 0));
    for (Map<String, Object> impossible : List.of(vote(201, 150, 0, 0), vote(0, 0, 0, 0), vote(150, 100, 51, 0),
        vote(200, -1, 0, 0))) {
      assertThatThrownBy(() -> completeAs("burMeetingUser", List.of(MEETING), instance, impossible))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ยังไม่ได้บันทึกข้อมูลใด ๆ");
    }
    BpmnAwareTests.assertThat(instance).isWaitingAt(VOTE);
    assertThat(runtimeService.getVariable(instance.getId(), "vettingOutcome")).isNull();
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  void theSittingAndTheAppointmentCannotBeInThePast() {
    ProcessInstance instance = receive();
    assertThatThrownBy(() -> completeAs("burMeetingUser", List.of(MEETING), instance, appoint("2030-01-08")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ต้องไม่ก่อนวันที่ได้รับการเสนอชื่อ");
    assertThatThrownBy(() -> completeAs("burMeetingUser", List.of(MEETING), instance, appoint("2030-01-11")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ต้องไม่เกินวันนี้");
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  /**
   * The whole case through the forms over engine-rest as each group's demo user; the report text then is in no
   * engine table, no engine-rest answer to an administrator, and the report endpoint serves it to the committee's
   * bureau and sgOffice only, recording every attempt. Impossible vote counts are a Thai 400.
   */
  @Test
  void theReportIsConfidentialAndTheCaseWalksThroughTheFormsOverEngineRest() throws Exception {
    clockAt(LocalDateTime.of(2030, 5, 6, 9, 0));
    String secret = "รายงานลับ-" + System.nanoTime() + " พบข้อเท็จจริงเกี่ยวกับประวัติการทำงาน";
    Reply started = post("burMeetingUser", "/engine-rest/process-definition/key/appointmentVetting/submit-form",
        TasklistRest.formVariables(nomination("2030-05-06")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).path("id").asText();
    String businessKey = json.readTree(started.body()).path("businessKey").asText();

    List<String> forms = new ArrayList<>();
    submit("burMeetingUser", instanceId, appoint("2030-05-06"), forms);
    // Another bureau sees no task of the committee's bureau.
    assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("burCommittee1").count()).isZero();
    submit("burCommittee2User", instanceId, report(secret), forms);
    // While the case runs: no variable holds it, no row of the engine, no engine-rest answer to an administrator.
    assertThat(runtimeService.getVariables(instanceId)).doesNotContainKey(AppointmentVettingRules.REPORT);
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where NAME_ = ? or TEXT_ like ?", Integer.class,
        AppointmentVettingRules.REPORT, "%" + secret + "%")).isZero();
    for (String user : List.of("demo", "kpiManagersUser", "burCommittee2User")) {
      Reply running = get(user, "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId);
      assertThat(running.status()).isEqualTo(200);
      assertThat(running.body()).doesNotContain(secret).doesNotContain(AppointmentVettingRules.REPORT);
    }
    submit("burMeetingUser", instanceId, schedule("2030-05-13"), forms);
    String voteTask = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    post("burMeetingUser", "/engine-rest/task/" + voteTask + "/claim", Map.of("userId", "burMeetingUser"));
    Reply impossible = post("burMeetingUser", "/engine-rest/task/" + voteTask + "/submit-form", TasklistRest.formVariables(vote(200, 150, 60, 0)));
    assertThat(impossible.status()).as(impossible.body()).isEqualTo(400);
    assertThat(json.readTree(impossible.body()).path("message").asText()).contains("มากกว่าจำนวนสมาชิกเท่าที่มีอยู่")
        .doesNotContain("ENGINE-");
    submit("burMeetingUser", instanceId, vote(200, 150, 40, 5), forms);
    submit("officePresidentUser", instanceId, notice(), forms);
    assertThat(forms).containsExactly("appointmentVetting-appoint", "appointmentVetting-vet", "appointmentVetting-schedule",
        "appointmentVetting-vote", "appointmentVetting-notify");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo(END_APPROVED);

    // Nowhere in the engine: no variable, no history of one, no form-field entry, no text in any row.
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(AppointmentVettingRules.REPORT).includeDeleted().count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instanceId).list())
        .noneMatch(detail -> String.valueOf(detail).contains(AppointmentVettingRules.REPORT));
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.queryForObject("select count(*) from " + table + " where TEXT_ like ? or TEXT2_ like ?", Integer.class,
          "%" + secret + "%", "%" + secret + "%")).as(table).isZero();
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where NAME_ = ?", Integer.class,
        AppointmentVettingRules.REPORT)).isZero();
    // engine-rest, as the administrator and as the KPI managers: nothing of it.
    for (String user : List.of("demo", "kpiManagersUser")) {
      Reply history = get(user, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId);
      assertThat(history.body()).doesNotContain(secret).doesNotContain(AppointmentVettingRules.REPORT);
      Reply details = get(user, "/engine-rest/history/detail?processInstanceId=" + instanceId);
      assertThat(details.body()).doesNotContain(secret);
    }

    // The report endpoint: the committee's bureau and sgOffice read it; an administrator, another bureau, the
    // bureau that ran the sitting and the KPI managers are refused; every attempt is recorded.
    String path = "/api/appointment-vettings/" + businessKey + "/report";
    int auditedBefore = audited(businessKey);
    for (String refused : List.of("demo", "burCommittee1User", "burMeetingUser", "kpiManagersUser", "officePresidentUser")) {
      Reply reply = get(refused, path);
      assertThat(reply.status()).as(refused).isEqualTo(403);
      assertThat(reply.body()).doesNotContain(secret).contains("ไม่มีสิทธิ์อ่านรายงานลับ");
    }
    for (String reader : List.of("burCommittee2User", "sgOfficeUser")) {
      Reply reply = get(reader, path);
      assertThat(reply.status()).as(reader + ": " + reply.body()).isEqualTo(200);
      assertThat(reply.json().path("report").asText()).isEqualTo(secret);
      assertThat(reply.json().path("committeeBureau").asText()).isEqualTo(COMMITTEE);
    }
    assertThat(audited(businessKey) - auditedBefore).isEqualTo(7);
    assertThat(jdbc.queryForObject("select count(*) from vetting_report_access where business_key = ? and granted = true",
        Integer.class, businessKey)).isEqualTo(2);
    // A key without a report: refused for an outsider (nothing learnt), 404 for sgOffice.
    assertThat(get("burCommittee1User", "/api/appointment-vettings/VET-2573-99999/report").status()).isEqualTo(403);
    assertThat(get("sgOfficeUser", "/api/appointment-vettings/VET-2573-99999/report").status()).isEqualTo(404);
    assertThat(get(null, path).status()).isEqualTo(401);
  }

  // --- helpers ---

  private void submit(String user, String instanceId, Map<String, Object> values, List<String> forms) throws Exception {
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    JsonNode form = json.readTree(get(user, "/engine-rest/task/" + taskId + "/deployed-form").body());
    forms.add(form.path("id").asText().isEmpty() ? form.path("schema").path("id").asText() : form.path("id").asText());
    assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
    Reply submitted = post(user, "/engine-rest/task/" + taskId + "/submit-form", TasklistRest.formVariables(values));
    assertThat(submitted.status()).as("%s submits: %s", user, submitted.body()).isBetween(200, 204);
  }

  private int audited(String businessKey) {
    return jdbc.queryForObject("select count(*) from vetting_report_access where business_key = ?", Integer.class, businessKey);
  }

  private Map<String, Object> withKey(Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("existingSenators", 200);
    return all;
  }

  private Job vettingTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(TIME_UP).singleResult();
  }

  private Reply get(String user, String path) {
    return ApiClient.send(port, "GET", path, user, null);
  }

  private Reply post(String user, String path, Object body) {
    return ApiClient.send(port, "POST", path, user, body);
  }

  @SuppressWarnings("unused")
  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }
}
