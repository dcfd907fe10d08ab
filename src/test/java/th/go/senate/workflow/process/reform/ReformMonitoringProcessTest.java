package th.go.senate.workflow.process.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.ThaiDates;
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
 * Every path of the reformMonitoring model, the reminder when a quarter's report has not arrived (fired,
 * worked, or ended by the report's arrival), the consideration KPI counted from arrival, the duty table's
 * retirement and the date rules, in the Java API and through the forms over engine-rest.
 */
class ReformMonitoringProcessTest extends PlatformTest {

  static final String RECEIVE = "Task_ReceiveReport";
  static final String REMIND = "Task_RemindCabinet";
  static final String DISTRIBUTE = "Task_DistributeReport";
  static final String ANALYSE = "Task_AnalyseReport";
  static final String SCHEDULE = "Task_ScheduleConsideration";
  static final String RECORD = "Task_RecordConsideration";
  static final String SEND = "Task_SendObservations";
  static final String END_SENT = "EndEvent_ObservationsSent";
  static final String END_NOTED = "EndEvent_ReportNoted";
  static final String REMINDER_TIMER = "BoundaryEvent_ReportOverdue";
  static final String MEETING = "burMeeting";

  /** The quarter July–September 2026 ends on 30 September; the round is opened on 1 October. */
  static final LocalDateTime OPENED = LocalDateTime.of(2026, 10, 1, 9, 0);
  /** 60 calendar days from 1 October (day 1) end at 24:00 on 29 November. */
  static final Instant REMINDER_DUE = bangkok(LocalDateTime.of(2026, 11, 30, 0, 0));

  @Autowired KpiRepository facts;
  @Autowired DueDatePlanner planner;
  @Autowired RepositoryService repositoryService;

  private static int period = 0;

  /** A period end of its own for every round (one round per duty and period). */
  private static String nextPeriodEnd() {
    period++;
    return java.time.LocalDate.of(2026, 9, 30).minusYears(period).toString();
  }

  static Map<String, Object> expect(String periodEnd) {
    Map<String, Object> v = new HashMap<>();
    v.put("reportingDuty", "REFORM_S270");
    v.put("periodLabel", "ไตรมาสที่ 4 (กรกฎาคม–กันยายน)");
    v.put("periodEnd", periodEnd);
    v.put("subject", "รายงานความคืบหน้าการดำเนินการตามแผนการปฏิรูปประเทศ ไตรมาสที่ 4");
    return v;
  }

  static Map<String, Object> receive(String receivedOn) {
    return Map.of("receivedOn", receivedOn, "cabinetLetterNo", "นร 0503/1234");
  }

  static Map<String, Object> remind() {
    return Map.of("reminderLetterNo", "สว 0012/555", "reminderSentOn", "2026-11-30");
  }

  static Map<String, Object> distribute(String bureau) {
    return Map.of("distributedOn", "2026-11-11", "distributionNote", "แจกจ่ายทางระบบเอกสารอิเล็กทรอนิกส์ 200 ชุด",
        "committeeBureau", bureau);
  }

  static Map<String, Object> analyse() {
    return Map.of("analysisSummary", "ความคืบหน้าด้านการศึกษาล่าช้ากว่าแผน", "proposedObservations", "ควรเร่งรัดการปฏิรูปการศึกษา");
  }

  static Map<String, Object> schedule(String sittingDate) {
    return Map.of("sittingDate", sittingDate, "agendaItem", "4.1");
  }

  static Map<String, Object> record(String result) {
    return "OBSERVATIONS".equals(result) ? Map.of("considerationResult", result, "observations", "ขอให้คณะรัฐมนตรีเร่งรัด")
        : Map.of("considerationResult", result);
  }

  static Map<String, Object> send() {
    return Map.of("observationsLetterNo", "สว 0012/777", "observationsSentOn", "2026-12-01");
  }

  static Path path(String result, String bureau, String receivedOn, String sittingDate) {
    List<Step> steps = new ArrayList<>(List.of(new Step(RECEIVE, MEETING, receive(receivedOn)),
        new Step(DISTRIBUTE, MEETING, distribute(bureau)), new Step(ANALYSE, bureau, analyse()),
        new Step(SCHEDULE, MEETING, schedule(sittingDate)), new Step(RECORD, MEETING, record(result))));
    if ("OBSERVATIONS".equals(result)) {
      steps.add(new Step(SEND, MEETING, send()));
    }
    return new Path(result, steps, "OBSERVATIONS".equals(result) ? END_SENT : END_NOTED);
  }

  private ProcessInstance open(String periodEnd) {
    clockAt(OPENED);
    return runtimeService.startProcessInstanceByKey(ReformMonitoringRules.PROCESS_KEY, expect(periodEnd));
  }

  // --- paths and the KPI ---

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"OBSERVATIONS", "NOTED"})
  void aReportArrivingInTimeIsDistributedAnalysedConsideredAndItsOutcomeRecorded(String result) {
    ProcessInstance instance = open(expectPeriod());
    assertThat(instance.getBusinessKey()).matches("RFM-2570-\\d{5}");
    Path path = path(result, "burCommittee1", "2026-11-10", "2026-11-30");
    clockAt(LocalDateTime.of(2026, 11, 10, 10, 0));
    PetitionPaths.walk(taskService, identityService, instance.getId(), path);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(path.endEvent()).hasNotPassed(REMIND);
    CaseFact fact = facts.findCase(instance.getId()).orElseThrow();
    assertThat(fact.outcome()).isEqualTo(path.endEvent());
    // 10 November (day 1) to the sitting on 30 November: 21 days, within the table's 30.
    assertThat(fact.limitDaysUsed()).isEqualTo(21);
    assertThat(fact.legalLimitMet()).isTrue();
    assertThat(facts.stepsOfInstance(instance.getId())).extracting(StepFact::stepId).isEqualTo(path.taskKeys());
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aConsiderationLaterThanTheTableAllowsIsRecordedLate() {
    ProcessInstance instance = open(expectPeriod());
    clockAt(LocalDateTime.of(2026, 12, 22, 10, 0));
    PetitionPaths.walk(taskService, identityService, instance.getId(),
        path("NOTED", "burCommittee3", "2026-11-10", "2026-12-21"));
    CaseFact fact = facts.findCase(instance.getId()).orElseThrow();
    assertThat(fact.limitDaysUsed()).isEqualTo(42);
    assertThat(fact.legalLimitMet()).isFalse();
  }

  // --- the reminder ---

  @Test
  void theReminderIsDueSixtyDaysAfterTheQuarterAndTheReportIsStillAwaitedAfterIt() {
    ProcessInstance instance = open("2026-09-30");
    try {
      Job reminder = reminderTimer(instance);
      assertThat(reminder.getDuedate().toInstant()).isEqualTo(REMINDER_DUE)
          .isEqualTo(planner.due(bangkok(LocalDateTime.of(2026, 10, 1, 0, 0)), 60, CalendarKind.CALENDAR_DAYS));
      assertThat(runtimeService.getVariable(instance.getId(), ReformMonitoringRules.REMINDER_DUE_ON)).isEqualTo("2026-11-29");

      ClockUtil.setCurrentTime(reminder.getDuedate());
      managementService.executeJob(reminder.getId());
      Task remind = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(REMIND).singleResult();
      assertThat(remind).isNotNull();
      assertThat(clerk.candidateGroups(remind.getId())).containsExactly(MEETING);
      assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RECEIVE).count())
          .isEqualTo(1);
      assertThat(reminderTimer(instance)).as("one reminder per round").isNull();

      completeTask(remind, MEETING, remind());
      BpmnAwareTests.assertThat(instance).hasPassed("EndEvent_ReminderSent").isWaitingAt(RECEIVE);
      assertThat(facts.findCase(instance.getId()).orElseThrow().outcome()).isNull();

      clockAt(LocalDateTime.of(2026, 12, 2, 10, 0));
      completeTask(single(instance, RECEIVE), MEETING, receive("2026-12-02"));
      BpmnAwareTests.assertThat(instance).isWaitingAt(DISTRIBUTE);
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test");
    }
  }

  @Test
  void aReportArrivingWhileTheReminderIsOpenEndsTheReminder() {
    ProcessInstance instance = open(expectPeriod());
    Job reminder = reminderTimer(instance);
    ClockUtil.setCurrentTime(reminder.getDuedate());
    managementService.executeJob(reminder.getId());
    Task remind = single(instance, REMIND);
    assertThat(remind).isNotNull();

    clockAt(LocalDateTime.of(2026, 11, 30, 10, 0));
    completeTask(single(instance, RECEIVE), MEETING, receive("2026-11-30"));

    assertThat(taskService.createTaskQuery().taskId(remind.getId()).count()).isZero();
    BpmnAwareTests.assertThat(instance).isWaitingAt(DISTRIBUTE).hasNotPassed("EndEvent_ReminderSent");
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(DISTRIBUTE);
  }

  // --- refusals: nothing saved ---

  @Test
  void aSecondRoundForTheSamePeriodIsRefused() {
    String periodEnd = expectPeriod();
    ProcessInstance first = open(periodEnd);
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("reformMonitoring").count();
    assertThatThrownBy(() -> open(periodEnd)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("มีเรื่องของรอบรายงานที่สิ้นสุดวันที่ " + ThaiDates.date(java.time.LocalDate.parse(periodEnd)) + " แล้ว")
        .hasMessageContaining(first.getBusinessKey());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("reformMonitoring").count())
        .isEqualTo(before);
    // A round opened by mistake and cancelled does not block the period.
    runtimeService.deleteProcessInstance(first.getId(), "เปิดผิดรอบ");
    ProcessInstance again = open(periodEnd);
    BpmnAwareTests.assertThat(again).isWaitingAt(RECEIVE);
  }

  @Test
  void aReportBeforeItsPeriodEndedOrInTheFutureAndASittingBeforeItArrivedAreRefused() {
    ProcessInstance instance = open(expectPeriod());
    String periodEnd = (String) runtimeService.getVariable(instance.getId(), "periodEnd");
    Task receive = task(instance);
    String dayBefore = java.time.LocalDate.parse(periodEnd).minusDays(1).toString();
    assertThatThrownBy(() -> completeTask(receive, MEETING, receive(dayBefore)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ต้องไม่ก่อนวันสิ้นรอบรายงาน");
    assertThatThrownBy(() -> completeTask(receive, MEETING, receive("2026-10-02")))
        .hasMessageContaining("ต้องไม่เกินวันนี้");
    assertThat(runtimeService.getVariable(instance.getId(), "receivedOn")).isNull();
    assertThat(facts.findStep(receive.getId()).orElseThrow().completedAt()).isNull();

    completeTask(receive, MEETING, receive("2026-10-01"));
    completeTask(task(instance), MEETING, distribute("burCommittee2"));
    completeTask(task(instance), "burCommittee2", analyse());
    Task schedule = task(instance);
    assertThatThrownBy(() -> completeTask(schedule, MEETING, schedule("2026-09-30")))
        .hasMessageContaining("ต้องไม่ก่อนวันที่รายงานมาถึงวุฒิสภา");
    assertThat(task(instance).getId()).isEqualTo(schedule.getId());
  }

  @Test
  void aDutyTheTableNoLongerHasInForceOpensNoRound() throws IOException {
    String table = Files.readString(java.nio.file.Path.of("bpmn/reform-reporting.dmn"))
        .replace("<text>true</text>", "<text>false</text>");
    String deployment = repositoryService.createDeployment().name("reform duty retired (test)")
        .addString("reform-reporting.dmn", table).deploy().getId();
    try {
      long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("reformMonitoring").count();
      assertThatThrownBy(() -> open(expectPeriod())).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("สิ้นสุดแล้ว").hasMessageContaining("มาตรา 270");
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("reformMonitoring").count())
          .isEqualTo(before);
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
    BpmnAwareTests.assertThat(open(expectPeriod())).isWaitingAt(RECEIVE);
  }

  @Test
  void theAnalysisIsSeenOnlyByTheCommitteeBureauChosen() {
    ProcessInstance instance = open(expectPeriod());
    assertThat(clerk.visibleTo("burCommittee1User", "burCommittee1", instance)).isZero();
    completeTask(task(instance), MEETING, receive("2026-10-01"));
    completeTask(task(instance), MEETING, distribute("burCommittee3"));
    assertThat(clerk.visibleTo("burCommittee3User", "burCommittee3", instance)).isEqualTo(1);
    assertThat(clerk.visibleTo("burCommittee1User", "burCommittee1", instance)).isZero();
    assertThat(clerk.visibleTo("burMeetingUser", MEETING, instance)).isZero();
  }

  // --- through the forms, over engine-rest ---

  @Test
  void theWholeRoundIsDoneThroughItsFormsOverRest() throws Exception {
    clockAt(OPENED);
    String startPath = "/engine-rest/process-definition/key/reformMonitoring/submit-form";
    String periodEnd = expectPeriod();
    assertThat(rest("POST", startPath, "burMinutesUser", TasklistRest.formVariables(expect(periodEnd))).status()).isEqualTo(403);
    Reply started = rest("POST", startPath, "burMeetingUser", TasklistRest.formVariables(expect(periodEnd)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    Reply duplicate = rest("POST", startPath, "burMeetingUser", TasklistRest.formVariables(expect(periodEnd)));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.body()).contains("มีเรื่องของรอบรายงาน").doesNotContain("ENGINE-");
    String instanceId = started.json().path("id").asText();

    clockAt(LocalDateTime.of(2026, 11, 10, 10, 0));
    List<String> forms = new ArrayList<>();
    for (Step step : path("OBSERVATIONS", "burCommittee2", "2026-11-10", "2026-11-30").steps()) {
      String user = step.group() + "User";
      JsonNode tasks = rest("GET", "/engine-rest/task?processInstanceId=" + instanceId, user, null).json();
      assertThat(tasks).as("%s sees %s", user, step.taskKey()).hasSize(1);
      String taskId = tasks.get(0).path("id").asText();
      forms.add(rest("GET", "/engine-rest/task/" + taskId + "/deployed-form", user, null).json().path("id").asText());
      assertThat(rest("POST", "/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user)).status())
          .isEqualTo(204);
      Reply submitted = rest("POST", "/engine-rest/task/" + taskId + "/submit-form", user, TasklistRest.formVariables(step.values()));
      assertThat(submitted.status()).as("%s submits %s: %s", user, step.taskKey(), submitted.body()).isBetween(200, 204);
    }
    assertThat(forms).containsExactly("reformMonitoring-receive", "reformMonitoring-distribute",
        "reformMonitoring-analyse", "reformMonitoring-schedule", "reformMonitoring-consider",
        "reformMonitoring-send-observations");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo(END_SENT);
  }

  // --- helpers ---

  private static String expectPeriod() {
    return nextPeriodEnd();
  }

  private Job reminderTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(REMINDER_TIMER)
        .singleResult();
  }

  private Task single(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  private void completeTask(Task task, String group, Map<String, Object> values) {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    String user = group + "User";
    identityService.setAuthentication(user, List.of(group));
    try {
      if (task.getAssignee() == null && taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Reply rest(String method, String path, String user, Object body) {
    return ApiClient.send(port, method, path, user, body);
  }

}
