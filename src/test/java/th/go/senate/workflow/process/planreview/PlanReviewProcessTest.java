package th.go.senate.workflow.process.planreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.planreview.PlanReviewIds.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.calendar.FiscalRound;
import th.go.senate.workflow.calendar.Holiday;
import th.go.senate.workflow.calendar.HolidayRepository;
import th.go.senate.workflow.calendar.HolidayService;
import th.go.senate.workflow.kpi.IndicatorService;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.KpiTarget;
import th.go.senate.workflow.kpi.KpiTargetRepository;
import th.go.senate.workflow.kpi.KpiTargetService;
import th.go.senate.workflow.kpi.KpiTargetService.TargetInput;
import th.go.senate.workflow.support.Clerk;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Every path of planReview run by the users of each step's group; reporting due dates counted from the round's
 * cut-off across the fiscal-year boundary; corrective plans for exactly the KPIs under target, from a fixture
 * of KPI facts with known on-time percentages. Each test uses its own fiscal year, so that shared tables do
 * not disturb it.
 */
class PlanReviewProcessTest extends PlatformTest {

  @Autowired KpiTargetService targets;
  @Autowired KpiTargetRepository targetRepository;
  @Autowired IndicatorService indicators;
  @Autowired KpiRepository facts;
  @Autowired th.go.senate.workflow.kpi.KpiTotalsRepository totals;
  @Autowired HolidayService holidays;
  @Autowired HolidayRepository holidayRepository;

  private final List<String> started = new ArrayList<>();
  private final List<Long> addedTargets = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    for (String id : started) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test clean-up");
      }
    }
    addedTargets.forEach(id -> targetRepository.find(id).ifPresent(t -> targets.remove(id)));
  }

  // --- paths -------------------------------------------------------------------------------------

  /**
   * 6-month round of FY 2562 (Oct 2018 – Mar 2019): two KPIs under target get corrective plans (one reworked
   * once), the report is returned once by the executives, then published.
   */
  @Test
  void roundWithKpisBelowTargetRunsCorrectivePlansWithReworkAndReturnedReportToPublication() {
    FactsFixture fixture = fy2562Fixture();
    clockAt(LocalDateTime.of(2019, 4, 1, 9, 0));
    ProcessInstance round = startRound(2562, "6");

    // Reporting: one task per bureau owning a target, due 15 working days after the cut-off (31 Mar 2019)
    List<Task> reports = tasks(round, REPORT);
    assertThat(reports).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder("burCommittee1", "burCommittee2", POLICY_PLAN, "officePresident");
    Instant due = planner.due(new FiscalRound(2562, 6).closedAt(), 15, CalendarKind.WORKING_DAYS);
    assertThat(reports).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(due));
    // another bureau neither sees nor may claim a bureau's report
    assertThat(clerk.as(Clerk.userOf("burIt"), List.of("burIt"),
        () -> taskService.createTaskQuery().processInstanceId(round.getId()).count())).isZero();
    for (String bureau : List.of("burCommittee1", "burCommittee2", POLICY_PLAN, "officePresident")) {
      clerk.completeFromList(round, REPORT, bureau, Map.of("resultSummary", "ผลการดำเนินงานของ " + bureau));
    }

    // Corrective plans: exactly for the KPIs below target, each for its owning bureau
    List<Task> plans = tasks(round, PREPARE);
    Map<String, String> planOwners = new HashMap<>();
    plans.forEach(t -> planOwners.put((String) taskService.getVariable(t.getId(), "indicatorCode"), candidateGroup(t)));
    assertThat(planOwners).isEqualTo(fixture.expectedBelowTarget());
    String kpiResults = (String) runtimeService.getVariable(round.getId(), "kpiResults");
    assertThat(kpiResults).contains("ร้อยละ 70.0").contains("ร้อยละ 90.0").contains("ไม่มีข้อมูลในรอบนี้");
    assertThat((String) runtimeService.getVariable(round.getId(), "bureauReports"))
        .contains("ผลการดำเนินงานของ burCommittee1").contains("ผลการดำเนินงานของ officePresident");

    clerk.completeFromList(round, PREPARE, "officePresident", correctivePlan("ฉบับแรก"));
    clerk.completeFromList(round, PREPARE, "burCommittee2", correctivePlan("ฉบับเดียว"));
    // burPolicyPlan reviews both: officePresident's goes back once
    for (Task review : tasks(round, REVIEW)) {
      String code = (String) taskService.getVariable(review.getId(), "indicatorCode");
      boolean rework = "officePresident".equals(planOwners.get(code));
      clerk.complete(review, POLICY_PLAN, rework
          ? Map.of("correctivePlanDecision", "REWORK", "reviewComment", "ระบุตัวชี้วัดย่อยให้ชัดเจน")
          : Map.of("correctivePlanDecision", "ACCEPTED"));
    }
    Task again = clerk.open(round, PREPARE);
    assertThat(candidateGroup(again)).isEqualTo("officePresident");
    assertThat(taskService.getVariable(again.getId(), "reviewComment")).isEqualTo("ระบุตัวชี้วัดย่อยให้ชัดเจน");
    clerk.completeFromList(round, PREPARE, "officePresident", correctivePlan("ฉบับแก้ไข"));
    clerk.completeFromList(round, REVIEW, POLICY_PLAN, Map.of("correctivePlanDecision", "ACCEPTED"));

    // Consolidation (6-month round: no input for next year's plan needed), returned once, then approved
    clerk.completeFromList(round, CONSOLIDATE, POLICY_PLAN, Map.of("roundReport", "สรุปผลรอบ 6 เดือน"));
    clerk.completeFromList(round, APPROVE, "sgOffice", Map.of("reportDecision", "RETURNED", "executiveComment", "เพิ่มการเปรียบเทียบกับปีก่อน"));
    clerk.completeFromList(round, CONSOLIDATE, POLICY_PLAN, Map.of("roundReport", "สรุปผลรอบ 6 เดือน (ปรับปรุง)"));
    clerk.completeFromList(round, APPROVE, "sgOffice", Map.of("reportDecision", "APPROVED"));
    publish(round);

    BpmnAwareTests.assertThat(round).isEnded().hasPassed(END);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(round.getId())
        .taskDefinitionKey(PREPARE).count()).isEqualTo(3);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(round.getId())
        .taskDefinitionKey(CONSOLIDATE).count()).isEqualTo(2);
    assertThat(facts.findCase(round.getId())).get().extracting(c -> c.outcome()).isEqualTo(END);
  }

  /** 12-month round of FY 2563 where every KPI meets its target: no corrective plan; next year's plan input. */
  @Test
  void twelveMonthRoundWithAllTargetsMetGoesStraightToTheReportAndFeedsNextYearsPlan() {
    addTarget(2563, "T63-A", "petition", "ON_TIME_PERCENT", "50", "officePresident");
    stepFact("petition", LocalDateTime.of(2020, 9, 30, 23, 59), true);
    stepFact("petition", LocalDateTime.of(2019, 10, 1, 0, 0), true);
    clockAt(LocalDateTime.of(2020, 10, 1, 9, 0));
    ProcessInstance round = startRound(2563, "12");
    assertThat(runtimeService.getVariable(round.getId(), "closesFiscalYear")).isEqualTo(true);
    clerk.completeFromList(round, REPORT, "officePresident", Map.of("resultSummary", "ครบถ้วน"));

    BpmnAwareTests.assertThat(round).isWaitingAt(CONSOLIDATE).hasPassed(CORRECTIVE_PLANS_DONE)
        .hasNotPassed(CORRECTIVE_PLANS, PREPARE);
    assertThat(runtimeService.getVariable(round.getId(), "kpisBelowTargetCount")).isEqualTo(0);
    // the 12-month round must say what it feeds into next year's plan
    assertThatThrownBy(() -> clerk.completeFromList(round, CONSOLIDATE, POLICY_PLAN, Map.of("roundReport", "สรุปผลรอบ 12 เดือน")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ข้อเสนอสำหรับแผนปฏิบัติราชการปีงบประมาณถัดไป");
    BpmnAwareTests.assertThat(round).isWaitingAt(CONSOLIDATE);
    clerk.completeFromList(round, CONSOLIDATE, POLICY_PLAN, Map.of("roundReport", "สรุปผลรอบ 12 เดือน",
        "nextYearPlanInput", "เพิ่มตัวชี้วัดการตอบกระทู้ถามในแผนปี 2564"));
    clerk.completeFromList(round, APPROVE, "sgOffice", Map.of("reportDecision", "APPROVED"));
    publish(round);
    BpmnAwareTests.assertThat(round).isEnded().hasPassed(END);
  }

  // --- due dates across the fiscal-year boundary --------------------------------------------------

  /** FY 2569 closes 30 Sep 2026; 15 working days later, skipping 13 and 23 Oct 2026, is 22 Oct 2026 16:30. */
  @Test
  void twelveMonthReportsOfFy2569AreDueFifteenWorkingDaysAfterThirtySeptember() {
    clockAt(LocalDateTime.of(2026, 9, 30, 10, 0));
    ProcessInstance round = startRound(2569, "12");
    Instant due = bangkok(LocalDateTime.of(2026, 10, 22, 16, 30));
    List<Task> reports = tasks(round, REPORT);
    assertThat(reports).isNotEmpty().allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(due));
    assertThat(facts.findStep(reports.get(0).getId())).get().extracting(f -> f.dueAt().toInstant()).isEqualTo(due);

    // the SLA timer's warning is 75 % of the span from the cut-off (16:30 on 30 Sep), not from the task's creation
    Instant closed = bangkok(LocalDateTime.of(2026, 9, 30, 16, 30));
    Instant warning = closed.plus(java.time.Duration.between(closed, due).multipliedBy(75).dividedBy(100));
    Job timer = managementService.createJobQuery().processInstanceId(round.getId()).timers().list().get(0);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(warning);

    // a holiday added within the span moves the due date, counted from the cut-off still
    LocalDate bridge = LocalDate.of(2026, 10, 15);
    try {
      holidays.add(new Holiday(bridge, "วันหยุดพิเศษ (ทดสอบ)", null));
      Task reloaded = taskService.createTaskQuery().taskId(reports.get(0).getId()).singleResult();
      assertThat(reloaded.getDueDate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 10, 26, 16, 30)));
    } finally {
      if (holidayRepository.find(bridge).isPresent()) {
        holidays.remove(bridge);
      }
    }
    Task reloaded = taskService.createTaskQuery().taskId(reports.get(0).getId()).singleResult();
    assertThat(reloaded.getDueDate().toInstant()).isEqualTo(due);
  }

  /** FY 2569's 6-month round closes 31 Mar 2026; skipping Chakri Day and Songkran, reports are due 27 Apr 2026. */
  @Test
  void sixMonthReportsOpenedLateAreStillDueFifteenWorkingDaysAfterThirtyFirstMarch() {
    clockAt(LocalDateTime.of(2026, 4, 20, 9, 0)); // opened three weeks after the cut-off
    ProcessInstance round = startRound(2569, "6");
    assertThat(tasks(round, REPORT)).isNotEmpty().allSatisfy(t -> assertThat(t.getDueDate().toInstant())
        .isEqualTo(bangkok(LocalDateTime.of(2026, 4, 27, 16, 30))));
  }

  @Test
  void reportingBureausOfTheDemoTargetsReportWithTheirOwnGroups() {
    clockAt(LocalDateTime.of(2026, 7, 1, 9, 0));
    ProcessInstance round = startRound(2569, "9");
    List<String> owners = targets.owningBureaus(2569);
    assertThat(owners).isNotEmpty();
    assertThat(tasks(round, REPORT)).extracting(this::candidateGroup).containsExactlyInAnyOrderElementsOf(owners);
  }

  // --- refusals: nothing starts -------------------------------------------------------------------

  @Test
  void aRoundThatHasNotClosedYetIsRefused() {
    clockAt(LocalDateTime.of(2026, 9, 29, 9, 0));
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    assertThatThrownBy(() -> startRound(2569, "12")).isInstanceOf(NotValidException.class).hasMessageContaining("30 ก.ย. 2569");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
  }

  @Test
  void aFiscalYearWithoutTargetsAGregorianYearAndAnUnknownRoundAreRefused() {
    clockAt(LocalDateTime.of(2026, 10, 5, 9, 0));
    assertThatThrownBy(() -> startRound(2555, "12")).isInstanceOf(NotValidException.class)
        .hasMessageContaining("ยังไม่มีตัวชี้วัดเป้าหมายของปีงบประมาณ 2555");
    assertThatThrownBy(() -> startRound(2026, "12")).isInstanceOf(NotValidException.class)
        .hasMessageContaining("ปีงบประมาณ");
    assertThatThrownBy(() -> startRound(2569, "7")).isInstanceOf(NotValidException.class)
        .hasMessageContaining("รอบการรายงาน");
  }

  @Test
  void aRoundUnderReviewCannotBeOpenedTwiceAndOnlyPolicyAndPlanningOpensRounds() {
    addTarget(2564, "T64-A", "petition", "ON_TIME_PERCENT", "80", "burLegal");
    clockAt(LocalDateTime.of(2021, 7, 1, 9, 0));
    startRound(2564, "9");
    assertThatThrownBy(() -> startRound(2564, "9")).isInstanceOf(NotValidException.class)
        .hasMessageContaining("อยู่ระหว่างการทบทวนแล้ว");
    identityService.setAuthentication("burItUser", List.of("burIt"));
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS,
          Map.of("fiscalYear", 2564, "round", "6"))).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
  }

  // --- fixture -----------------------------------------------------------------------------------

  /** KPIs of FY 2562 with known values over the 6-month window (1 Oct 2018 – 31 Mar 2019). */
  record FactsFixture(Map<String, String> expectedBelowTarget) {
  }

  private FactsFixture fy2562Fixture() {
    // petition on time: 7 of 10 completed steps in the window met their SLA → 70.0 %
    for (int i = 0; i < 10; i++) {
      stepFact("petition", LocalDateTime.of(2018, 10, 1, 0, 0).plusDays(i * 17L), i < 7);
    }
    // outside the window or cancelled: must not count
    stepFact("petition", LocalDateTime.of(2018, 9, 30, 23, 59), false);
    stepFact("petition", LocalDateTime.of(2019, 4, 1, 0, 0), false);
    cancelledStepFact("petition", LocalDateTime.of(2019, 1, 10, 10, 0));
    // petition cases within limit: 9 of 10 → 90.0 %
    for (int i = 0; i < 10; i++) {
      caseFact("petition", LocalDateTime.of(2018, 11, 1, 10, 0).plusDays(i * 10L), i < 9);
    }
    addTarget(2562, "T62-A", "petition", "ON_TIME_PERCENT", "80", "officePresident");       // 70.0 < 80 → plan
    addTarget(2562, "T62-B", "petition", "CASES_WITHIN_LIMIT_PERCENT", "90", "burCommittee1"); // 90.0 = 90 → met
    addTarget(2562, "T62-C", "petition", "ON_TIME_PERCENT", "70", "officePresident");       // 70.0 = 70 → met
    addTarget(2562, "T62-D", "petition", "ON_TIME_PERCENT", "70.1", "burCommittee2");       // 70.0 < 70.1 → plan
    addTarget(2562, "T62-E", PROCESS, "ON_TIME_PERCENT", "100", POLICY_PLAN);     // no facts → not compared
    List<IndicatorService.IndicatorResult> results = indicators.evaluate(new FiscalRound(2562, 6));
    assertThat(results).extracting(r -> r.target().indicatorCode() + "=" + r.value())
        .containsExactly("T62-A=70.0", "T62-B=90.0", "T62-C=70.0", "T62-D=70.0", "T62-E=null");
    return new FactsFixture(Map.of("T62-A", "officePresident", "T62-D", "burCommittee2"));
  }

  private void addTarget(int fiscalYear, String code, String processKey, String measure, String target, String owner) {
    KpiTarget added = targets.add(new TargetInput(String.valueOf(fiscalYear), code, "ตัวชี้วัดทดสอบ " + code,
        processKey, measure, target, owner));
    addedTargets.add(added.id());
  }

  private void stepFact(String processKey, LocalDateTime completedBangkok, boolean met) {
    insertStep(processKey, completedBangkok, met, "COMPLETED");
  }

  private void cancelledStepFact(String processKey, LocalDateTime at) {
    insertStep(processKey, at, null, "CANCELLED");
  }

  private void insertStep(String processKey, LocalDateTime completedBangkok, Boolean met, String endState) {
    var at = completedBangkok.atZone(BangkokTime.ZONE).toOffsetDateTime();
    jdbc.update("insert into kpi_step_fact (task_id, process_key, process_instance_id, step_id, created_at, "
        + "completed_at, sla_met, end_state, escalations) values (?,?,?,?,?,?,?,?,0)", "fixture-" + UUID.randomUUID(),
        processKey, "fixture-" + UUID.randomUUID(), "Task_Fixture", at.minusDays(1), at, met, endState);
    totals.rebuild(); // a fact written by SQL, not by the recorder: the repair command adds it to the totals
  }

  private void caseFact(String processKey, LocalDateTime endedBangkok, boolean met) {
    var at = endedBangkok.atZone(BangkokTime.ZONE).toOffsetDateTime();
    jdbc.update("insert into kpi_case_fact (process_instance_id, process_key, started_at, ended_at, outcome, "
        + "legal_limit_met) values (?,?,?,?,?,?)", "fixture-" + UUID.randomUUID(), processKey, at.minusDays(5), at,
        "EndEvent_Fixture", met);
  }

  // --- helpers -----------------------------------------------------------------------------------

  @Autowired DueDatePlanner planner;

  private ProcessInstance startRound(int fiscalYear, String round) {
    ProcessInstance instance = clerk.as(Clerk.userOf(POLICY_PLAN), List.of(POLICY_PLAN), () -> runtimeService
        .startProcessInstanceByKey(PROCESS, Map.of("fiscalYear", fiscalYear, "round", round, "openingNote", "ทดสอบ")));
    started.add(instance.getId());
    return instance;
  }

  private List<Task> tasks(ProcessInstance instance, String key) {
    return clerk.openAll(instance, key);
  }

  /** The bureau a task is offered to (each task of this model goes to one group). */
  private String candidateGroup(Task task) {
    return clerk.candidateGroups(task).stream().findFirst().orElse(null);
  }

  private static Map<String, Object> correctivePlan(String version) {
    return Map.of("rootCause", "ภาระงานสูงในช่วงปิดสมัยประชุม (" + version + ")",
        "correctiveActions", "จัดเวรรับเรื่องเพิ่มและติดตามรายสัปดาห์", "responsiblePerson", "ผู้อำนวยการสำนัก",
        "plannedCompletion", "2019-06-30");
  }

  private void publish(ProcessInstance round) {
    clerk.completeFromList(round, WEBSITE, "burIt", Map.of("disclosure", "OPEN", "publishedUrl", "https://www.senate.go.th/plan/round",
        "publishedDate", "2019-05-20"));
    clerk.completeFromList(round, ANNOUNCE, "burPr", Map.of("announcementChannel", "WEBSITE_NEWS", "announcedDate", "2019-05-21"));
  }

  @SuppressWarnings("unused")
  private static Date date(Instant instant) {
    return Date.from(instant);
  }
}
