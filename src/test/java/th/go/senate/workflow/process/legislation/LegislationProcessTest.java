package th.go.senate.workflow.process.legislation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.legislation.LegislationIds.*;

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

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.SessionPeriod;
import th.go.senate.workflow.calendar.SessionPeriodRepository;
import th.go.senate.workflow.calendar.SessionPeriodService;
import th.go.senate.workflow.kpi.CaseFact;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.sla.SlaPlanner;
import th.go.senate.workflow.support.Clerk;
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

  static final String MEETING_CLERK = Clerk.userOf(MEETING);

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
    runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list()
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
    return LocalDate.of(year, month, day).atStartOfDay(BangkokTime.ZONE).toInstant();
  }

  /** The values of the registration form (burMeeting records the bill the House sent). */
  static Map<String, Object> registration(String billType, LocalDate arrival) {
    Map<String, Object> values = new HashMap<>();
    values.put("billTitle", "ร่างพระราชบัญญัติทดสอบ พ.ศ. ....");
    values.put("houseLetterNumber", "สผ 0014/1234");
    values.put("arrivalDate", arrival.toString());
    values.put("billType", billType);
    values.put("billSummary", "แก้ไขบทบัญญัติว่าด้วยการทดสอบ");
    return values;
  }

  ProcessInstance register(String billType, LocalDate arrival) {
    clockAt(arrival.atTime(10, 0));
    return clerk.as(MEETING_CLERK, List.of(MEETING),
        () -> runtimeService.startProcessInstanceByKey(PROCESS, registration(billType, arrival)));
  }

  /**
   * A bill registered on {@code arrival} and started directly at {@code step} of the consideration, with the
   * values of the steps before it that {@code step} reads: the limit is counted as for a registered bill.
   */
  ProcessInstance registeredAt(String step, String billType, LocalDate arrival, Map<String, Object> stepValues) {
    clockAt(arrival.atTime(10, 0));
    Map<String, Object> values = registration(billType, arrival);
    values.putAll(stepValues);
    return startAt(PROCESS, step, values);
  }

  Job deemedApprovalTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(BillLimitPlanner.DEEMED_APPROVAL_TIMER).singleResult();
  }

  Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  void classify(ProcessInstance instance, String billType) {
    clerk.complete(instance, CLASSIFY, LEGAL, Map.of("billType", billType, "classificationNote", "ตรวจแล้ว"));
  }

  /** From classification up to the vote that follows the agenda (first reading or budget vote). */
  void toTheSitting(ProcessInstance instance, String billType) {
    classify(instance, billType);
    clerk.complete(instance, LEGAL_BRIEF, LEGAL,
        Map.of("legalBriefReference", "กม. 1/2589", "legalBriefSummary", "ไม่ขัดรัฐธรรมนูญ"));
    clerk.complete(instance, ACADEMIC_BRIEF, ACADEMIC,
        Map.of("academicBriefReference", "วช. 1/2589", "academicBriefSummary", "ข้อมูลประกอบ"));
    clerk.complete(instance, PRINT_BILL, PRINTING, Map.of("billCopiesPrinted", 300L, "billDistributedDate", "2046-04-22"));
    clerk.complete(instance, SCHEDULE_AGENDA, MEETING,
        Map.of("agendaItem", "4.1", "noticeDate", "2046-04-22", "sittingDate", "2046-04-25"));
  }

  /** From the first reading (accepted) to the second and third readings. */
  void throughCommittee(ProcessInstance instance, String bureau) {
    clerk.complete(instance, FIRST_READING, MEETING,
        Map.of("firstReading", "ACCEPT", "committeeBureau", bureau, "firstReadingNote", "รับหลักการ 150 เสียง"));
    clerk.complete(instance, COMMITTEE_SCRUTINY, bureau, Map.of("committeeProgress", "พิจารณาครบทุกมาตรา",
        "requestExtension", "NO"));
    clerk.complete(instance, COMMITTEE_MINUTES, MINUTES, Map.of("minutesReference", "รง. 5/2589",
        "meetingsRecorded", 6L));
    clerk.complete(instance, PRINT_COMMITTEE_REPORT, PRINTING, Map.of("reportCopiesPrinted", 300L,
        "reportDistributedDate", "2046-07-10"));
  }

  void notifyAndPublish(ProcessInstance instance) {
    clerk.complete(instance, NOTIFY_HOUSE, MEETING, Map.of("houseNoticeNumber", "สว 0010/99",
        "houseNotifiedDate", "2046-07-20"));
    clerk.complete(instance, PUBLISH_RESULT, IT, Map.of("publishedUrl", "https://www.senate.go.th/bill/1",
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
    BpmnAwareTests.assertThat(bill).isWaitingAt(CLASSIFY);
    assertThat(bill.getBusinessKey()).startsWith("BILL-2589-");
  }

  @Test
  void theLegalDeadlineCapsTheDueDateOfEveryTaskOfTheConsideration() {
    ProcessInstance bill = registeredAt(FIRST_READING, "ORDINARY", TEN_DAYS_BEFORE_RECESS, Map.of());
    clockAt(LocalDateTime.of(2046, 8, 10, 9, 0));
    clerk.complete(bill, FIRST_READING, MEETING,
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee2", "firstReadingNote", "รับหลักการ"));
    // The committee's 30 session days from 10 August would end on 9 September; the bill's limit ends first.
    Task scrutiny = clerk.open(bill, COMMITTEE_SCRUTINY);
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
    BpmnAwareTests.assertThat(bill).hasPassed(REPLAN_AFTER_CLASSIFICATION)
        .isWaitingAt(LEGAL_BRIEF, ACADEMIC_BRIEF);
  }

  @Test
  void anExtensionAddsItsDaysOnTheSessionCalendarToTheDeadlineInForceOnce() {
    ProcessInstance bill = registeredAt(COMMITTEE_SCRUTINY, "ORDINARY", TEN_DAYS_BEFORE_RECESS,
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee1"));
    clerk.complete(bill, COMMITTEE_SCRUTINY, "burCommittee1", Map.of("committeeProgress", "ยังไม่เสร็จ",
        "requestExtension", "YES"));
    // More than 30 days is refused by the form's own rule, on the server, and changes nothing.
    Task extension = clerk.open(bill, RECORD_EXTENSION);
    assertThatThrownBy(() -> clerk.complete(extension, MEETING, Map.of("extensionResolutionDate", "2046-07-15",
        "extensionDays", 45L, "extensionNote", "มติที่ประชุม"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("จำนวนวันที่ขยาย");
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 8, 20));

    clerk.complete(bill, RECORD_EXTENSION, MEETING, Map.of("extensionResolutionDate", "2046-07-15",
        "extensionDays", 30L, "extensionNote", "มติที่ประชุมขยายเวลา 30 วัน"));
    // 30 more session days from 20 August (day 1) → 18 September.
    Instant extended = midnightBefore(2046, 9, 19);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(extended);
    assertThat(variable(bill, BillLimitPlanner.EXTENSION_GRANTED)).isEqualTo("YES");
    Task again = clerk.open(bill, COMMITTEE_SCRUTINY);
    assertThat(again.getDueDate().toInstant()).isBeforeOrEqualTo(extended);

    // A second request cannot extend again: the bill goes on to the minutes with its deadline unchanged.
    clerk.complete(bill, COMMITTEE_SCRUTINY, "burCommittee1", Map.of("committeeProgress", "เสร็จแล้ว",
        "requestExtension", "YES"));
    BpmnAwareTests.assertThat(bill).isWaitingAt(COMMITTEE_MINUTES);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(extended);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(bill.getId())
        .activityId(RECORD_EXTENSION).count()).isEqualTo(1);
  }

  @Test
  void theDeemedApprovalTimerFiresAtExactlyTheComputedInstantAndEndsTheCase() {
    ProcessInstance bill = registeredAt(COMMITTEE_SCRUTINY, "ORDINARY", TEN_DAYS_BEFORE_RECESS,
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee3"));
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

    BpmnAwareTests.assertThat(bill).isWaitingAt(NOTIFY_HOUSE).hasNotPassed(SECOND_THIRD_READING);
    assertThat(variable(bill, BillLimitPlanner.SENATE_DECISION)).isEqualTo("DEEMED_APPROVED");
    assertThat(variable(bill, "legalLimitMet")).isEqualTo(false);
    assertThat(variable(bill, "limitDaysUsed")).isEqualTo(60);
    assertThat(taskService.createTaskQuery().processInstanceId(bill.getId()).taskDefinitionKey(COMMITTEE_SCRUTINY)
        .count()).as("the committee's task ended with the consideration").isZero();
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_DEEMED_APPROVED);
    CaseFact fact = caseFact(bill);
    assertThat(fact.outcome()).isEqualTo(END_DEEMED_APPROVED);
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
    clerk.complete(bill, SECOND_THIRD_READING, MEETING, Map.of("senateDecision", "APPROVE", "voteNote", "เห็นชอบ"));
    assertThat(variable(bill, "legalLimitMet")).isEqualTo(true);
    assertThat(variable(bill, "limitDaysUsed")).as("21–30 April and 1–15 July").isEqualTo(25);
    assertThat(deemedApprovalTimer(bill)).as("the timer ends with the consideration").isNull();
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassedInOrder(CLASSIFY, PRINT_BILL,
        SCHEDULE_AGENDA, FIRST_READING, COMMITTEE_SCRUTINY, COMMITTEE_MINUTES,
        PRINT_COMMITTEE_REPORT, SECOND_THIRD_READING, NOTIFY_HOUSE, PUBLISH_RESULT,
        END_BILL_APPROVED).hasNotPassed(HOUSE_RESOLUTION, CONSIDER_BUDGET_BILL);
    CaseFact fact = caseFact(bill);
    assertThat(fact.outcome()).isEqualTo(END_BILL_APPROVED);
    assertThat(fact.legalLimitMet()).isTrue();
    assertThat(fact.limitDaysUsed()).isEqualTo(25);
  }

  @Test
  void billRejectedAtTheFirstReadingIsWithheld() {
    ProcessInstance bill = register("MONEY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "MONEY");
    clerk.complete(bill, FIRST_READING, MEETING, Map.of("firstReading", "REJECT", "firstReadingNote", "ไม่รับหลักการ"));
    assertThat(variable(bill, "senateDecision")).isEqualTo("REJECT");
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_BILL_WITHHELD).hasNotPassed(COMMITTEE_SCRUTINY);
    assertThat(caseFact(bill).legalLimitMet()).isTrue();
    assertThat(caseFact(bill).limitDaysUsed()).isEqualTo(1);
  }

  @Test
  void billRejectedAtTheThirdReadingIsWithheld() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee2");
    clerk.complete(bill, SECOND_THIRD_READING, MEETING, Map.of("senateDecision", "REJECT", "voteNote", "ไม่เห็นชอบ"));
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_BILL_WITHHELD);
  }

  @Test
  void amendedBillAgreedByTheHouse() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee1");
    clerk.complete(bill, SECOND_THIRD_READING, MEETING, Map.of("senateDecision", "AMEND",
        "amendmentsSummary", "แก้ไขมาตรา 5", "voteNote", "แก้ไขเพิ่มเติม"));
    clerk.complete(bill, NOTIFY_HOUSE, "sgOffice", Map.of("houseNoticeNumber", "สว 0010/100",
        "houseNotifiedDate", "2046-04-26"));
    clerk.complete(bill, HOUSE_RESOLUTION, MEETING, Map.of("houseResolution", "AGREE",
        "houseResolutionDate", "2046-07-08"));
    clerk.complete(bill, PUBLISH_RESULT, "burPr", Map.of("publishedUrl", "https://www.senate.go.th/bill/2",
        "publishedDate", "2046-07-09"));
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_AMENDMENTS_AGREED).hasNotPassed(JOINT_COMMITTEE);
  }

  @Test
  void amendedBillDisagreedByTheHouseGoesToAJointCommittee() {
    ProcessInstance bill = register("ORDINARY", TEN_DAYS_BEFORE_RECESS);
    toTheSitting(bill, "ORDINARY");
    throughCommittee(bill, "burCommittee3");
    clerk.complete(bill, SECOND_THIRD_READING, MEETING, Map.of("senateDecision", "AMEND",
        "amendmentsSummary", "แก้ไขมาตรา 7", "voteNote", "แก้ไขเพิ่มเติม"));
    clerk.complete(bill, NOTIFY_HOUSE, MEETING, Map.of("houseNoticeNumber", "สว 0010/101",
        "houseNotifiedDate", "2046-04-26"));
    clerk.complete(bill, HOUSE_RESOLUTION, MEETING, Map.of("houseResolution", "DISAGREE",
        "houseResolutionDate", "2046-07-08"));
    clerk.complete(bill, JOINT_COMMITTEE, "burCommittee3", Map.of("jointCommitteeReport", "ปรับถ้อยคำมาตรา 7",
        "jointCommitteeReportDate", "2046-07-30"));
    notifyAndPublishTail(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_JOINT_COMMITTEE_REPORTED);
  }

  void notifyAndPublishTail(ProcessInstance bill) {
    clerk.complete(bill, PUBLISH_RESULT, IT, Map.of("publishedUrl", "https://www.senate.go.th/bill/3",
        "publishedDate", "2046-08-01"));
  }

  @Test
  void budgetBillCountsCalendarDaysAndCanOnlyBeApprovedOrRejected() {
    // Arriving in recess: a budget bill's 20 days are calendar days, recess or not.
    LocalDate arrival = LocalDate.of(2046, 11, 10);
    ProcessInstance bill = register("APPROPRIATION", arrival);
    assertThat(deemedApprovalTimer(bill).getDuedate().toInstant()).isEqualTo(midnightBefore(2046, 11, 30));
    toTheSitting(bill, "APPROPRIATION");
    BpmnAwareTests.assertThat(bill).isWaitingAt(CONSIDER_BUDGET_BILL);

    Task vote = clerk.open(bill, CONSIDER_BUDGET_BILL);
    assertThatThrownBy(() -> clerk.complete(vote, MEETING, Map.of("senateDecision", "AMEND",
        "amendmentsSummary", "ตัดงบกลาง", "voteNote", "แก้ไข"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("มติของวุฒิสภา");
    BpmnAwareTests.assertThat(bill).isWaitingAt(CONSIDER_BUDGET_BILL);

    clerk.complete(vote, MEETING, Map.of("senateDecision", "APPROVE", "voteNote", "เห็นชอบ"));
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_BILL_APPROVED)
        .hasNotPassed(FIRST_READING, COMMITTEE_SCRUTINY, SECOND_THIRD_READING, HOUSE_RESOLUTION);
    assertThat(caseFact(bill).limitDaysUsed()).as("10 Nov, the day of the vote").isEqualTo(1);
  }

  @Test
  void budgetBillRejected() {
    ProcessInstance bill = register("APPROPRIATION", LocalDate.of(2046, 11, 10));
    toTheSitting(bill, "APPROPRIATION");
    clerk.complete(bill, CONSIDER_BUDGET_BILL, MEETING, Map.of("senateDecision", "REJECT", "voteNote", "ไม่เห็นชอบ"));
    notifyAndPublish(bill);
    BpmnAwareTests.assertThat(bill).isEnded().hasPassed(END_BILL_WITHHELD);
  }

  @Test
  void theSittingNoticeMustGoOutAtLeastThreeDaysBeforeTheSitting() {
    ProcessInstance bill = registeredAt(SCHEDULE_AGENDA, "ORDINARY", TEN_DAYS_BEFORE_RECESS, Map.of());
    assertThatThrownBy(() -> clerk.complete(bill, SCHEDULE_AGENDA, MEETING,
        Map.of("agendaItem", "4.1", "noticeDate", "2046-04-23", "sittingDate", "2046-04-25")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("อย่างน้อย 3 วัน");
    BpmnAwareTests.assertThat(bill).isWaitingAt(SCHEDULE_AGENDA);
    assertThat(variable(bill, "sittingDate")).as("nothing of the refused form is kept").isNull();
    // Three days before is in time.
    clerk.complete(bill, SCHEDULE_AGENDA, MEETING,
        Map.of("agendaItem", "4.1", "noticeDate", "2046-04-22", "sittingDate", "2046-04-25"));
    BpmnAwareTests.assertThat(bill).isWaitingAt(FIRST_READING);
  }

  @Test
  void aBillCannotArriveInTheFutureNorWithoutAType() {
    clockAt(LocalDateTime.of(2046, 4, 21, 10, 0));
    identityService.setAuthentication(MEETING_CLERK, List.of(MEETING));
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, Map.of("billTitle", "ร่าง",
          "houseLetterNumber", "1", "arrivalDate", "2046-04-25", "billType", "ORDINARY", "billSummary", "ก")))
          .hasMessageContaining("อยู่หลังวันนี้");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, Map.of("billTitle", "ร่าง",
          "houseLetterNumber", "1", "arrivalDate", "2046-04-21", "billType", "TREATY", "billSummary", "ก")))
          .hasMessageContaining("ประเภทร่างตามที่สภาผู้แทนราษฎรแจ้ง");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
  }

  @Test
  void aBillCountingSessionDaysCannotBeRegisteredWithoutRecordedSessions() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    // No session is recorded from 2052 on: the limit cannot be counted, and nothing is registered.
    assertThatThrownBy(() -> register("ORDINARY", LocalDate.of(2052, 1, 10)))
        .hasMessageContaining("ไม่มีสมัยประชุมเพียงพอ");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
  }

  // --- re-planning when a session changes ----------------------------------------------------------

  @Test
  void extendingAndClosingSessionsReplansTheBillsDeadlineAndItsTasks() {
    ProcessInstance bill = registeredAt(COMMITTEE_SCRUTINY, "ORDINARY", TEN_DAYS_BEFORE_RECESS,
        Map.of("firstReading", "ACCEPT", "committeeBureau", "burCommittee1"));
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
