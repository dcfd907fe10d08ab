package th.go.senate.workflow.process.legislation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.SessionPeriod;
import th.go.senate.workflow.calendar.SessionPeriodRepository;
import th.go.senate.workflow.calendar.SessionPeriodService;
import th.go.senate.workflow.kpi.CaseFact;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.sla.SlaPlanner;
import th.go.senate.workflow.support.PlatformTest;
import th.go.senate.workflow.web.ConflictException;

/**
 * Every path of the legislation model, walked by the demo user of each step's group, with the bill's legal
 * limit counted on the session calendar: recess, reclassification, extension, the deemed-approval timer,
 * the budget bill's approve/reject-only vote, and re-planning when a session changes.
 */
class LegislationProcessTest extends PlatformTest {

  /** Sessions of this class (far-future years no other test uses); removed after each test. */
  static final String TAG = "LegislationProcessTest ";
  static final LocalDate S1_OPEN = LocalDate.of(2046, 1, 5);
  static final LocalDate S1_CLOSE = LocalDate.of(2046, 4, 30);
  static final LocalDate S2_OPEN = LocalDate.of(2046, 7, 1);
  static final LocalDate S2_CLOSE = LocalDate.of(2046, 10, 28);
  static final LocalDate S3_OPEN = LocalDate.of(2046, 12, 1);
  static final LocalDate S3_CLOSE = LocalDate.of(2047, 3, 30);
  /** Ten session days before the recess of May–June 2046 (21–30 April). */
  static final LocalDate TEN_DAYS_BEFORE_RECESS = LocalDate.of(2046, 4, 21);

  static final String MEETING = "burMeetingUser";

  @Autowired DueDatePlanner planner;
  @Autowired SessionPeriodRepository sessions;
  @Autowired SessionPeriodService sessionService;
  @Autowired KpiRepository facts;
  @Autowired BillLimitPlanner billLimits;

  @BeforeEach
  void recordSessions() {
    insertSession("S1", S1_OPEN, S1_CLOSE);
    insertSession("S2", S2_OPEN, S2_CLOSE);
    insertSession("S3", S3_OPEN, S3_CLOSE);
  }

  @AfterEach
  void removeBillsAndSessions() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    runtimeService.createProcessInstanceQuery().processDefinitionKey("legislation").list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test cleanup"));
    jdbc.update("delete from calendar_session_period where name like ?", TAG + "%");
    planner.forget();
  }

  void insertSession(String name, LocalDate from, LocalDate to) {
    jdbc.update("insert into calendar_session_period (name, opened_on, closed_on) values (?, ?, ?)", TAG + name,
        Date.valueOf(from), Date.valueOf(to));
    planner.forget();
  }

  // --- helpers ------------------------------------------------------------------------------------

  static Instant midnightBefore(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(DueDatePlanner.ZONE).toInstant();
  }

  ProcessInstance register(String billType, LocalDate arrival) {
    clockAt(arrival.atTime(10, 0));
    Map<String, Object> values = new HashMap<>();
    values.put("billTitle", "ร่างพระราชบัญญัติทดสอบ พ.ศ. ....");
    values.put("houseLetterNumber", "สผ 0014/1234");
    values.put("arrivalDate", arrival.toString());
    values.put("billType", billType);
    values.put("billSummary", "แก้ไขบทบัญญัติว่าด้วยการทดสอบ");
    identityService.setAuthentication(MEETING, List.of("burMeeting"));
    try {
      return runtimeService.startProcessInstanceByKey("legislation", values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  Task open(ProcessInstance instance, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    return task;
  }

  /** Claims and completes the task as the demo user of {@code group}, as a clerk does in Tasklist. */
  void complete(ProcessInstance instance, String taskKey, String group, Map<String, Object> values) {
    Task task = open(instance, taskKey);
    String user = group + "User";
    identityService.setAuthentication(user, List.of(group));
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  Job deemedApprovalTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(BillLimitPlanner.DEEMED_APPROVAL_TIMER).singleResult();
  }

  Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  void classify(ProcessInstance instance, String billType) {
    complete(instance, "Task_ClassifyBill", "burLegal", Map.of("billType", billType, "classificationNote", "ตรวจแล้ว"));
  }

  /** From classification up to the vote that follows the agenda (first reading or budget vote). */
  void toTheSitting(ProcessInstance instance, String billType) {
    classify(instance, billType);
    complete(instance, "Task_PrepareLegalBrief", "burLegal",
        Map.of("legalBriefReference", "กม. 1/2589", "legalBriefSummary", "ไม่ขัดรัฐธรรมนูญ"));
    complete(instance, "Task_PrepareAcademicBrief", "burAcademic",
        Map.of("academicBriefReference", "วช. 1/2589", "academicBriefSummary", "ข้อมูลประกอบ"));
    complete(instance, "Task_PrintBill", "burPrinting", Map.of("billCopiesPrinted", 300L, "billDistributedDate", "2046-04-22"));
    complete(instance, "Task_ScheduleAgenda", "burMeeting",
        Map.of("agendaItem", "4.1", "noticeDate", "2046-04-22", "sittingDate", "2046-04-25"));
  }

  /** From the first reading (accepted) to the second and third readings. */
  void throughCommittee(ProcessInstance instance, String bureau) {
    complete(instance, "Task_FirstReading", "burMeeting",
        Map.of("firstReading", "ACCEPT", "committeeBureau", bureau, "firstReadingNote", "รับหลักการ 150 เสียง"));
    complete(instance, "Task_CommitteeScrutiny", bureau, Map.of("committeeProgress", "พิจารณาครบทุกมาตรา",
        "requestExtension", "NO"));
    complete(instance, "Task_RecordCommitteeMinutes", "burMinutes", Map.of("minutesReference", "รง. 5/2589",
        "meetingsRecorded", 6L));
    complete(instance, "Task_PrintCommitteeReport", "burPrinting", Map.of("reportCopiesPrinted", 300L,
        "reportDistributedDate", "2046-07-10"));
  }

  void notifyAndPublish(ProcessInstance instance) {
    complete(instance, "Task_NotifyHouse", "burMeeting", Map.of("houseNoticeNumber", "สว 0010/99",
        "houseNotifiedDate", "2046-07-20"));
    complete(instance, "Task_PublishResult", "burIt", Map.of("publishedUrl", "https://www.senate.go.th/bill/1",
        "publishedDate", "2046-07-21"));
  }

  CaseFact caseFact(ProcessInstance instance) {
    return facts.findCase(instance.getId()).orElseThrow();
  }

  // --- the limit on the session calendar -----------------------------------------------------------

  @Test
  void aBillArrivingTenDaysBeforeARecessHasItsLimitPushedByTheRecess() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    // 21–30 April are days 1–10; May and June are recess; 1 July is day 11; day 60 is 19 August.
    Instant deadline = midnightBefore(2046, 8, 20);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(deadline);
    assertThat(planner.due(bangkok(TEN_DAYS_BEFORE_RECESS.atTime(10, 0)), 60, CalendarKind.SESSION_DAYS))
        .as("the one planner agrees").isEqualTo(deadline);
    assertThat(((java.util.Date) variable(bill, SlaPlanner.CASE_DEADLINE_VARIABLE)).toInstant()).isEqualTo(deadline);
    assertThat(variable(bill, BillLimitPlanner.LEGAL_DEADLINE_TEXT)).isEqualTo("24.00 น. ของวันที่ 19 สิงหาคม พ.ศ. 2589");
    // Without the recess the limit would have ended on 19 June: the recess pushed it by 61 days.
    assertThat(deadline).isAfter(midnightBefore(2046, 6, 20));
    BpmnAwareTests.assertThat(bill).isWaitingAt("Task_ClassifyBill");
    assertThat(bill.getBusinessKey()).startsWith("BILL-2589-");
  }

  @Test
  void theLegalDeadlineCapsTheDueDateOfEveryTaskOfTheConsideration() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    clockAt(LocalDateTime.of(2046, 8, 10, 9, 0));
    complete(bill, "Task_FirstReading", "burMeeting",
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee2", "firstReadingNote", "รับหลักการ"));
    // The committee's 30 session days from 10 August would end on 9 September; the bill's limit ends first.
    Task scrutiny = open(bill, "Task_CommitteeScrutiny");
    assertThat(scrutiny.getDueDate().toInstant()).isEqualTo(midnightBefore(2046, 8, 20));
    assertThat(taskService.createTaskQuery().taskId(scrutiny.getId()).taskCandidateGroup("burCommittee2").count())
        .isEqualTo(1);
  }

  @Test
  void reclassificationFromOrdinaryToMoneyBillReplansFromTheArrivalDay() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 8, 20));
    clockAt(LocalDateTime.of(2046, 4, 23, 11, 0));
    classify(bill, "MONEY");
    // 30 session days from 21 April (day 1): 10 in April, 20 in July → 24:00 of 20 July.
    Instant deadline = midnightBefore(2046, 7, 21);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(deadline);
    assertThat(((java.util.Date) variable(bill, SlaPlanner.CASE_DEADLINE_VARIABLE)).toInstant()).isEqualTo(deadline);
    assertThat(variable(bill, BillLimitPlanner.LEGAL_DEADLINE_TEXT)).isEqualTo("24.00 น. ของวันที่ 20 กรกฎาคม พ.ศ. 2589");
    BpmnAwareTests.assertThat(bill).hasPassed("Task_ReplanAfterClassification")
        .isWaitingAt("Task_PrepareLegalBrief", "Task_PrepareAcademicBrief");
  }

  @Test
  void anExtensionAddsItsDaysOnTheSessionCalendarToTheDeadlineInForceOnce() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    complete(bill, "Task_FirstReading", "burMeeting",
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee1", "firstReadingNote", "รับหลักการ"));
    complete(bill, "Task_CommitteeScrutiny", "burCommittee1", Map.of("committeeProgress", "ยังไม่เสร็จ",
        "requestExtension", "YES"));
    // More than 30 days is refused by the form's own rule, on the server, and changes nothing.
    Task extension = open(bill, "Task_RecordExtension");
    identityService.setAuthentication(MEETING, List.of("burMeeting"));
    try {
      taskService.claim(extension.getId(), MEETING);
      assertThatThrownBy(() -> taskService.complete(extension.getId(), Map.of("extensionResolutionDate", "2046-07-15",
          "extensionDays", 45L, "extensionNote", "มติที่ประชุม"))).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("จำนวนวันที่ขยาย");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 8, 20));

    complete(bill, "Task_RecordExtension", "burMeeting", Map.of("extensionResolutionDate", "2046-07-15",
        "extensionDays", 30L, "extensionNote", "มติที่ประชุมขยายเวลา 30 วัน"));
    // 30 more session days from 20 August (day 1) → 18 September.
    Instant extended = midnightBefore(2046, 9, 19);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(extended);
    assertThat(variable(bill, BillLimitPlanner.EXTENSION_GRANTED)).isEqualTo("YES");
    Task again = open(bill, "Task_CommitteeScrutiny");
    assertThat(again.getDueDate().toInstant()).isBeforeOrEqualTo(extended);

    // A second request cannot extend again: the bill goes on to the minutes with its deadline unchanged.
    complete(bill, "Task_CommitteeScrutiny", "burCommittee1", Map.of("committeeProgress", "เสร็จแล้ว",
        "requestExtension", "YES"));
    BpmnAwareTests.assertThat(bill).isWaitingAt("Task_RecordCommitteeMinutes");
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(extended);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(bill.getId())
        .activityId("Task_RecordExtension").count()).isEqualTo(1);
  }

  @Test
  void theDeemedApprovalTimerFiresAtExactlyTheComputedInstantAndEndsTheCase() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    complete(bill, "Task_FirstReading", "burMeeting",
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee3", "firstReadingNote", "รับหลักการ"));
    Instant deadline = billLimits.legalDeadline("ORDINARY", TEN_DAYS_BEFORE_RECESS, 0);
    Job timer = deemedApprovalTimer(bill);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline).isEqualTo(midnightBefore(2046, 8, 20));

    ClockUtil.setCurrentTime(java.util.Date.from(deadline.minusSeconds(1)));
    assertThat(managementService.createJobQuery().processInstanceId(bill.getId()).executable()
        .activityId(BillLimitPlanner.DEEMED_APPROVAL_TIMER).count()).as("not due one second before").isZero();
    ClockUtil.setCurrentTime(java.util.Date.from(deadline));
    assertThat(managementService.createJobQuery().processInstanceId(bill.getId()).executable()
        .activityId(BillLimitPlanner.DEEMED_APPROVAL_TIMER).count()).as("due at the instant").isEqualTo(1);
    managementService.executeJob(timer.getId());

    BpmnAwareTests.assertThat(bill).isWaitingAt("Task_NotifyHouse").hasNotPassed("Task_SecondThirdReading");
    assertThat(variable(bill, BillLimitPlanner.SENATE_DECISION)).isEqualTo("DEEMED_APPROVED");
    assertThat(variable(bill, "legalLimitMet")).isEqualTo(false);
    assertThat(variable(bill, "limitDaysUsed")).isEqualTo(60);
    assertThat(taskService.createTaskQuery().processInstanceId(bill.getId()).taskDefinitionKey("Task_CommitteeScrutiny")
        .count()).as("the committee's task ended with the consideration").isZero();
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_DeemedApproved");
    CaseFact fact = caseFact(bill);
    assertThat(fact.outcome()).isEqualTo("EndEvent_DeemedApproved");
    assertThat(fact.legalLimitMet()).isFalse();
    assertThat(fact.limitDaysUsed()).isEqualTo(60);
  }

  // --- every path ----------------------------------------------------------------------------------

  @Test
  void ordinaryBillApprovedAtTheThirdReading() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee1");
    clockAt(LocalDateTime.of(2046, 7, 15, 14, 0));
    complete(bill, "Task_SecondThirdReading", "burMeeting", Map.of("senateDecision", "APPROVE", "voteNote", "เห็นชอบ"));
    assertThat(variable(bill, "legalLimitMet")).isEqualTo(true);
    assertThat(variable(bill, "limitDaysUsed")).as("21–30 April and 1–15 July").isEqualTo(25);
    assertThat(deemedApprovalTimer(bill)).as("the timer ends with the consideration").isNull();
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassedInOrder("Task_ClassifyBill", "Task_PrintBill",
        "Task_ScheduleAgenda", "Task_FirstReading", "Task_CommitteeScrutiny", "Task_RecordCommitteeMinutes",
        "Task_PrintCommitteeReport", "Task_SecondThirdReading", "Task_NotifyHouse", "Task_PublishResult",
        "EndEvent_BillApproved").hasNotPassed("Task_RecordHouseResolution", "Task_ConsiderBudgetBill");
    CaseFact fact = caseFact(bill);
    assertThat(fact.outcome()).isEqualTo("EndEvent_BillApproved");
    assertThat(fact.legalLimitMet()).isTrue();
    assertThat(fact.limitDaysUsed()).isEqualTo(25);
  }

  @Test
  void billRejectedAtTheFirstReadingIsWithheld() {
    ProcessInstance bill = register("MONEY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "MONEY");
    complete(bill, "Task_FirstReading", "burMeeting", Map.of("firstReading", "REJECT", "firstReadingNote", "ไม่รับหลักการ"));
    assertThat(variable(bill, "senateDecision")).isEqualTo("REJECT");
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_BillWithheld").hasNotPassed("Task_CommitteeScrutiny");
    assertThat(caseFact(bill).legalLimitMet()).isTrue();
    assertThat(caseFact(bill).limitDaysUsed()).isEqualTo(1);
  }

  @Test
  void billRejectedAtTheThirdReadingIsWithheld() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee2");
    complete(bill, "Task_SecondThirdReading", "burMeeting", Map.of("senateDecision", "REJECT", "voteNote", "ไม่เห็นชอบ"));
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_BillWithheld");
  }

  @Test
  void amendedBillAgreedByTheHouse() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee1");
    complete(bill, "Task_SecondThirdReading", "burMeeting", Map.of("senateDecision", "AMEND",
        "amendmentsSummary", "แก้ไขมาตรา 5", "voteNote", "แก้ไขเพิ่มเติม"));
    complete(bill, "Task_NotifyHouse", "sgOffice", Map.of("houseNoticeNumber", "สว 0010/100",
        "houseNotifiedDate", "2046-04-26"));
    complete(bill, "Task_RecordHouseResolution", "burMeeting", Map.of("houseResolution", "AGREE",
        "houseResolutionDate", "2046-07-08"));
    complete(bill, "Task_PublishResult", "burPr", Map.of("publishedUrl", "https://www.senate.go.th/bill/2",
        "publishedDate", "2046-07-09"));
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_AmendmentsAgreed").hasNotPassed("Task_JointCommittee");
  }

  @Test
  void amendedBillDisagreedByTheHouseGoesToAJointCommittee() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee3");
    complete(bill, "Task_SecondThirdReading", "burMeeting", Map.of("senateDecision", "AMEND",
        "amendmentsSummary", "แก้ไขมาตรา 7", "voteNote", "แก้ไขเพิ่มเติม"));
    complete(bill, "Task_NotifyHouse", "burMeeting", Map.of("houseNoticeNumber", "สว 0010/101",
        "houseNotifiedDate", "2046-04-26"));
    complete(bill, "Task_RecordHouseResolution", "burMeeting", Map.of("houseResolution", "DISAGREE",
        "houseResolutionDate", "2046-07-08"));
    complete(bill, "Task_JointCommittee", "burCommittee3", Map.of("jointCommitteeReport", "ปรับถ้อยคำมาตรา 7",
        "jointCommitteeReportDate", "2046-07-30"));
    notifyAndPublishTail(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_JointCommitteeReported");
  }

  void notifyAndPublishTail(ProcessInstance bill) {
    complete(bill, "Task_PublishResult", "burIt", Map.of("publishedUrl", "https://www.senate.go.th/bill/3",
        "publishedDate", "2046-08-01"));
  }

  @Test
  void budgetBillCountsCalendarDaysAndCanOnlyBeApprovedOrRejected() {
    // Arriving in recess: a budget bill's 20 days are calendar days, recess or not.
    LocalDate arrival = LocalDate.of(2046, 11, 10);
    ProcessInstance bill = register("APPROPRIATION", arrival);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 11, 30));
    toTheSitting(bill, "APPROPRIATION");
    BpmnAwareTests.assertThat(bill).isWaitingAt("Task_ConsiderBudgetBill");

    Task vote = open(bill, "Task_ConsiderBudgetBill");
    identityService.setAuthentication(MEETING, List.of("burMeeting"));
    try {
      taskService.claim(vote.getId(), MEETING);
      assertThatThrownBy(() -> taskService.complete(vote.getId(), Map.of("senateDecision", "AMEND",
          "amendmentsSummary", "ตัดงบกลาง", "voteNote", "แก้ไข"))).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("มติของวุฒิสภา");
    } finally {
      identityService.clearAuthentication();
    }
    BpmnAwareTests.assertThat(bill).isWaitingAt("Task_ConsiderBudgetBill");

    taskService.complete(vote.getId(), Map.of("senateDecision", "APPROVE", "voteNote", "เห็นชอบ"));
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_BillApproved")
        .hasNotPassed("Task_FirstReading", "Task_CommitteeScrutiny", "Task_SecondThirdReading", "Task_RecordHouseResolution");
    assertThat(caseFact(bill).limitDaysUsed()).as("10 Nov, the day of the vote").isEqualTo(1);
  }

  @Test
  void budgetBillRejected() {
    ProcessInstance bill = register("APPROPRIATION", LocalDate.of(2046, 11, 10));
    toTheSitting(bill, "APPROPRIATION");
    complete(bill, "Task_ConsiderBudgetBill", "burMeeting", Map.of("senateDecision", "REJECT", "voteNote", "ไม่เห็นชอบ"));
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed("EndEvent_BillWithheld");
  }

  @Test
  void theSittingNoticeMustGoOutAtLeastThreeDaysBeforeTheSitting() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    classify(bill, "ORDINARY");
    complete(bill, "Task_PrepareLegalBrief", "burLegal", Map.of("legalBriefReference", "1", "legalBriefSummary", "ก"));
    complete(bill, "Task_PrepareAcademicBrief", "burAcademic", Map.of("academicBriefReference", "1", "academicBriefSummary", "ข"));
    complete(bill, "Task_PrintBill", "burPrinting", Map.of("billCopiesPrinted", 300L, "billDistributedDate", "2046-04-22"));
    assertThatThrownBy(() -> complete(bill, "Task_ScheduleAgenda", "burMeeting",
        Map.of("agendaItem", "4.1", "noticeDate", "2046-04-23", "sittingDate", "2046-04-25")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("อย่างน้อย 3 วัน");
    BpmnAwareTests.assertThat(bill).isWaitingAt("Task_ScheduleAgenda");
  }

  @Test
  void aBillCannotArriveInTheFutureNorWithoutAType() {
    clockAt(LocalDateTime.of(2046, 4, 21, 10, 0));
    identityService.setAuthentication(MEETING, List.of("burMeeting"));
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("legislation").count();
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("legislation", Map.of("billTitle", "ร่าง",
          "houseLetterNumber", "1", "arrivalDate", "2046-04-25", "billType", "ORDINARY", "billSummary", "ก")))
          .hasMessageContaining("อยู่หลังวันนี้");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("legislation", Map.of("billTitle", "ร่าง",
          "houseLetterNumber", "1", "arrivalDate", "2046-04-21", "billType", "TREATY", "billSummary", "ก")))
          .hasMessageContaining("ประเภทร่างตามที่สภาผู้แทนราษฎรแจ้ง");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("legislation").count()).isEqualTo(before);
  }

  @Test
  void aBillCountingSessionDaysCannotBeRegisteredWithoutRecordedSessions() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("legislation").count();
    // No session is recorded from 2052 on: the limit cannot be counted, and nothing is registered.
    assertThatThrownBy(() -> register("ORDINARY", LocalDate.of(2052, 1, 10)))
        .hasMessageContaining("ไม่มีสมัยประชุมเพียงพอ");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("legislation").count()).isEqualTo(before);
  }

  // --- re-planning when a session changes ----------------------------------------------------------

  @Test
  void extendingAndClosingSessionsReplansTheBillsDeadlineAndItsTasks() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    complete(bill, "Task_FirstReading", "burMeeting",
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee1", "firstReadingNote", "รับหลักการ"));
    SessionPeriod s1 = sessions.findAll().stream().filter(s -> s.name().equals(TAG + "S1")).findFirst().orElseThrow();

    // The first session is extended by royal decree to 10 May: 20 days before the recess, 40 after → 9 August.
    sessionService.change(s1.id(), new SessionPeriod(null, s1.name(), s1.openedOn(), LocalDate.of(2046, 5, 10)));
    Instant replanned = midnightBefore(2046, 8, 10);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(replanned);
    assertThat(((java.util.Date) variable(bill, SlaPlanner.CASE_DEADLINE_VARIABLE)).toInstant()).isEqualTo(replanned);
    assertThat(variable(bill, BillLimitPlanner.LEGAL_DEADLINE_TEXT)).isEqualTo("24.00 น. ของวันที่ 9 สิงหาคม พ.ศ. 2589");

    // Back as it was: the deadline returns to 19 August.
    sessionService.change(s1.id(), s1);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 8, 20));

    // Closing the second session early with no later session left to count in is refused whole.
    SessionPeriod s2 = sessions.findAll().stream().filter(s -> s.name().equals(TAG + "S2")).findFirst().orElseThrow();
    SessionPeriod s3 = sessions.findAll().stream().filter(s -> s.name().equals(TAG + "S3")).findFirst().orElseThrow();
    jdbc.update("delete from calendar_session_period where id = ?", s3.id());
    planner.forget();
    assertThatThrownBy(() -> sessionService.change(s2.id(),
        new SessionPeriod(null, s2.name(), s2.openedOn(), LocalDate.of(2046, 7, 20))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("บันทึกสมัยประชุมถัดไปก่อน");
    assertThat(sessions.find(s2.id()).orElseThrow().closedOn()).isEqualTo(S2_CLOSE);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 8, 20));
    // The rolled-back change left nothing behind in the planner either.
    assertThat(planner.due(bangkok(TEN_DAYS_BEFORE_RECESS.atTime(10, 0)), 60, CalendarKind.SESSION_DAYS))
        .isEqualTo(midnightBefore(2046, 8, 20));
  }
}
