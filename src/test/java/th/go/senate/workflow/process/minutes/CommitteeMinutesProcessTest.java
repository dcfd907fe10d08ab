package th.go.senate.workflow.process.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.kpi.CaseFact;
import th.go.senate.workflow.kpi.IndicatorService;
import th.go.senate.workflow.kpi.KpiMeasure;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.KpiTarget;
import th.go.senate.workflow.kpi.KpiTargetRepository;
import th.go.senate.workflow.kpi.StepFact;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.process.petition.PetitionPaths.Step;
import th.go.senate.workflow.support.ApiClient;
import th.go.senate.workflow.support.TasklistRest;
import th.go.senate.workflow.support.ApiClient.Reply;
import th.go.senate.workflow.support.PlatformTest;

/**
 * Every path of the committeeMinutes model (returned drafts, redaction, a Senate sitting's verbatim record),
 * the draft's SLA counted from the meeting, the KPI days from meeting to publication and its indicator, the
 * date rules and who may do which step, in the Java API and through the forms over engine-rest.
 */
class CommitteeMinutesProcessTest extends PlatformTest {

  static final String DRAFT = "Task_DraftMinutes";
  static final String CHECK = "Task_CheckDraftMinutes";
  static final String CERTIFY = "Task_CertifyMinutes";
  static final String REDACT = "Task_RedactMinutes";
  static final String PUBLISH = "Task_PublishMinutes";
  static final String END = "EndEvent_MinutesPublished";
  static final String MINUTES = "burMinutes";
  static final String IT = "burIt";

  /** Thursday 26 November 2026; the minutes are registered on Monday 30 November. */
  static final String MEETING_DAY = "2026-11-26";
  static final LocalDateTime REGISTERED = LocalDateTime.of(2026, 11, 30, 9, 0);

  @Autowired KpiRepository facts;
  @Autowired DueDatePlanner planner;
  @Autowired IndicatorService indicators;
  @Autowired KpiTargetRepository targets;

  private final ObjectMapper json = new ObjectMapper();

  // --- values of the forms ---

  static Map<String, Object> register(String bureau, String kind, String meetingDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("subject", "การประชุมคณะกรรมาธิการการศึกษา ครั้งที่ 12/2569");
    v.put("meetingNo", "12/2569");
    v.put("meetingDate", meetingDate);
    v.put("recordKind", kind);
    v.put("certifyingBureau", bureau);
    v.put("secretSitting", "NO");
    return v;
  }

  static Map<String, Object> draft() {
    return Map.of("draftDocumentRef", "สรส. 12/2569", "draftPages", 14, "draftNote", "ร่างฉบับแรก");
  }

  static Map<String, Object> check(String result) {
    return "RETURN".equals(result) ? Map.of("checkResult", result, "checkComments", "แก้ชื่อผู้ชี้แจงในวาระที่ 2\nเพิ่มมติวาระที่ 3")
        : Map.of("checkResult", result);
  }

  static Map<String, Object> certify(String certifiedOn, boolean redaction) {
    Map<String, Object> v = new HashMap<>();
    v.put("certifiedOn", certifiedOn);
    v.put("certificationResult", "CERTIFIED_WITH_AMENDMENTS");
    v.put("amendments", "แก้ไขถ้อยคำในหน้า 3");
    v.put("redactionNeeded", redaction ? "YES" : "NO");
    if (redaction) {
      v.put("redactionScope", "วาระที่ 4 การประชุมลับเรื่องประวัติบุคคล");
    }
    return v;
  }

  static Map<String, Object> redact() {
    return Map.of("redactedDocumentRef", "สรส. 12/2569 ฉบับเผยแพร่", "redactionRecord", "ตัดทอนวาระที่ 4 หน้า 9-11");
  }

  static Map<String, Object> publish(String publishedOn) {
    return Map.of("publishedOn", publishedOn, "publicationUrl", "https://www.senate.go.th/minutes/12-2569");
  }

  static Path path(String name, String bureau, int returns, boolean redaction) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < returns; i++) {
      steps.add(new Step(DRAFT, MINUTES, draft()));
      steps.add(new Step(CHECK, bureau, check("RETURN")));
    }
    steps.add(new Step(DRAFT, MINUTES, draft()));
    steps.add(new Step(CHECK, bureau, check("CORRECT")));
    steps.add(new Step(CERTIFY, bureau, certify("2026-11-30", redaction)));
    if (redaction) {
      steps.add(new Step(REDACT, bureau, redact()));
    }
    steps.add(new Step(PUBLISH, IT, publish("2026-11-30")));
    return new Path(name, steps, END);
  }

  static List<Path> paths() {
    return List.of(path("committee minutes, correct at once", "burCommittee2", 0, false),
        path("returned once", "burCommittee1", 1, false), path("returned twice", "burCommittee3", 2, false),
        path("with confidential parts redacted", "burCommittee2", 0, true),
        path("Senate sitting, redacted after a return", "burMeeting", 1, true));
  }

  private ProcessInstance start(String bureau) {
    clockAt(REGISTERED);
    return runtimeService.startProcessInstanceByKey(CommitteeMinutesRules.PROCESS_KEY,
        register(bureau, "MINUTES", MEETING_DAY));
  }

  // --- paths ---

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void everyPathPassesItsTasksInOrderAndPublishes(Path path) {
    ProcessInstance instance = start(path.steps().get(1).group());
    assertThat(instance.getBusinessKey()).matches("MIN-2570-\\d{5}");
    BpmnAwareTests.assertThat(instance).isWaitingAt(DRAFT);

    PetitionPaths.walk(taskService, identityService, instance.getId(), path);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END);
    List<String> expected = new ArrayList<>(path.taskKeys());
    expected.add(END);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished()
        .orderPartiallyByOccurrence().asc().list().stream()
        .filter(a -> "userTask".equals(a.getActivityType()) || "noneEndEvent".equals(a.getActivityType()))
        .map(HistoricActivityInstance::getActivityId).toList()).isEqualTo(expected);
    if (!path.taskKeys().contains(REDACT)) {
      BpmnAwareTests.assertThat(instance).hasNotPassed(REDACT);
    }
    CaseFact fact = facts.findCase(instance.getId()).orElseThrow();
    assertThat(fact.outcome()).isEqualTo(END);
    // Meeting Thursday 26 Nov, published Monday 30 Nov: Friday and Monday are the working days after it.
    assertThat(fact.limitDaysUsed()).isEqualTo(2);
    assertThat(fact.legalLimitMet()).isTrue();
    assertThat(facts.stepsOfInstance(instance.getId())).extracting(StepFact::stepId).isEqualTo(path.taskKeys());
  }

  // --- the SLA of the draft counts from the meeting ---

  @Test
  void theDraftIsDueFiveWorkingDaysAfterTheMeetingAndItsHeadIsDrawnInWhenLate() {
    ProcessInstance instance = start("burCommittee2");
    Task draft = task(instance);
    Instant meeting = LocalDate.parse(MEETING_DAY).atStartOfDay(BangkokTime.ZONE).toInstant();
    // Fri 27 Nov, Mon 30 Nov, Tue 1, Wed 2, Thu 3 Dec: 16:30 on Thursday 3 December 2026.
    assertThat(draft.getDueDate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 3, 16, 30)))
        .isEqualTo(planner.due(meeting, 5, CalendarKind.WORKING_DAYS));
    assertThat(clerk.candidateGroups(draft.getId())).containsExactly(MINUTES);

    fireAtDueTime(slaTimer(instance)); // warning at 75 %
    assertThat(task(instance).getPriority()).isEqualTo(75);
    fireAtDueTime(slaTimer(instance)); // breach at 100 %
    assertThat(clerk.candidateGroups(draft.getId()))
        .containsExactlyInAnyOrder(MINUTES, "burMinutesHead");
    StepFact step = facts.findStep(draft.getId()).orElseThrow();
    assertThat(step.slaMet()).isFalse();
    assertThat(step.breachedAt().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 3, 16, 30)));
    fireAtDueTime(slaTimer(instance)); // escalation at 150 %
    assertThat(clerk.candidateGroups(draft.getId()))
        .containsExactlyInAnyOrder(MINUTES, "burMinutesHead", "sgOffice");
  }

  // --- KPI: working days from meeting to publication, and the plan review's indicator ---

  @Test
  void publicationWithinTheTableTargetMeetsItsLimitALateOneDoesNotAndTheIndicatorCountsBoth() {
    // Far from the other tests' cases: meetings in January 2031 (weekdays only; no holidays seeded then).
    LocalDateTime registered = LocalDateTime.of(2031, 1, 7, 9, 0);
    clockAt(registered);
    ProcessInstance onTime = runtimeService.startProcessInstanceByKey(CommitteeMinutesRules.PROCESS_KEY,
        register("burCommittee1", "MINUTES", "2031-01-06"));
    walkToPublication(onTime, "burCommittee1", "2031-01-13");
    clockAt(LocalDateTime.of(2031, 2, 17, 9, 0));
    complete(onTime, IT, publish("2031-02-17")); // Tue 7 Jan .. Mon 17 Feb: 30 working days, the target
    CaseFact met = facts.findCase(onTime.getId()).orElseThrow();
    assertThat(met.limitDaysUsed()).isEqualTo(30);
    assertThat(met.legalLimitMet()).isTrue();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(onTime.getId())
        .variableName(CommitteeMinutesRules.CERTIFICATION_WORKING_DAYS).singleResult().getValue()).isEqualTo(5);

    clockAt(registered);
    ProcessInstance late = runtimeService.startProcessInstanceByKey(CommitteeMinutesRules.PROCESS_KEY,
        register("burCommittee1", "MINUTES", "2031-01-06"));
    walkToPublication(late, "burCommittee1", "2031-01-13");
    clockAt(LocalDateTime.of(2031, 2, 18, 9, 0));
    complete(late, IT, publish("2031-02-18"));
    CaseFact missed = facts.findCase(late.getId()).orElseThrow();
    assertThat(missed.limitDaysUsed()).isEqualTo(31);
    assertThat(missed.legalLimitMet()).isFalse();

    IndicatorService.Measurement measured = indicators.measure(CommitteeMinutesRules.PROCESS_KEY,
        KpiMeasure.CASES_WITHIN_LIMIT_PERCENT, bangkok(LocalDateTime.of(2031, 2, 1, 0, 0)),
        bangkok(LocalDateTime.of(2031, 3, 1, 0, 0)));
    assertThat(measured.counted()).isEqualTo(2);
    assertThat(measured.met()).isEqualTo(1);
    assertThat(measured.percent()).isEqualByComparingTo("50.0");
    // The demo targets the plan review compares it with (and the reform monitoring's).
    assertThat(targets.byFiscalYear(2570)).extracting(KpiTarget::processKey)
        .contains(CommitteeMinutesRules.PROCESS_KEY, "reformMonitoring");
  }

  // --- refusals: nothing saved ---

  @Test
  void minutesOfAMeetingThatHasNotTakenPlaceAreRefused() {
    clockAt(REGISTERED);
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("committeeMinutes").count();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("committeeMinutes",
        register("burCommittee1", "MINUTES", "2026-12-01")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("วันที่ประชุม").hasMessageContaining("ต้องไม่เกินวันนี้");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("committeeMinutes").count())
        .isEqualTo(before);
    Map<String, Object> noBureau = register("burCommittee1", "MINUTES", MEETING_DAY);
    noBureau.put("certifyingBureau", "burFinance");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("committeeMinutes", noBureau))
        .hasMessageContaining("หน่วยงานผู้รับรองรายงาน").hasMessageContaining("ต้องเลือกจากรายการที่กำหนด");
  }

  @Test
  void aReturnedDraftNeedsItsCorrectionsAndARedactionItsScope() {
    ProcessInstance instance = start("burCommittee2");
    complete(instance, MINUTES, draft());
    assertThatThrownBy(() -> complete(instance, "burCommittee2", Map.of("checkResult", "RETURN")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ข้อแก้ไข");
    complete(instance, "burCommittee2", check("CORRECT"));
    Map<String, Object> noScope = certify("2026-11-30", true);
    noScope.remove("redactionScope");
    assertThatThrownBy(() -> complete(instance, "burCommittee2", noScope))
        .hasMessageContaining("ส่วนที่ต้องตัดทอนและเหตุผล");
    BpmnAwareTests.assertThat(instance).isWaitingAt(CERTIFY);
  }

  @Test
  void certificationBeforeTheMeetingOrPublicationBeforeCertificationIsRefusedAndNothingIsSaved() {
    ProcessInstance instance = start("burCommittee3");
    complete(instance, MINUTES, draft());
    complete(instance, "burCommittee3", check("CORRECT"));
    Task certify = task(instance);
    assertThatThrownBy(() -> complete(instance, "burCommittee3", certify("2026-11-25", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("วันที่ที่ประชุมรับรอง")
        .hasMessageContaining("ต้องไม่ก่อนวันที่ประชุม").hasMessageContaining("26 พ.ย. 2569");
    assertThatThrownBy(() -> complete(instance, "burCommittee3", certify("2026-12-24", false)))
        .hasMessageContaining("ต้องไม่เกินวันนี้");
    assertThat(task(instance).getId()).isEqualTo(certify.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "certifiedOn")).isNull();
    assertThat(facts.findStep(certify.getId()).orElseThrow().completedAt()).isNull();

    complete(instance, "burCommittee3", certify("2026-11-30", false));
    Task publish = task(instance);
    assertThatThrownBy(() -> complete(instance, IT, publish("2026-11-27")))
        .hasMessageContaining("วันที่เผยแพร่").hasMessageContaining("ต้องไม่ก่อนวันที่ที่ประชุมรับรอง");
    assertThat(task(instance).getId()).isEqualTo(publish.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "legalLimitMet")).isNull();
  }

  @Test
  void eachStepIsSeenOnlyByItsBureau() {
    ProcessInstance instance = start("burCommittee2");
    assertThat(clerk.visibleTo("burMinutesUser", MINUTES, instance)).isEqualTo(1);
    for (String other : List.of("burCommittee2", "burIt", "burMeeting")) {
      assertThat(clerk.visibleTo(other + "User", other, instance)).as(other).isZero();
    }
    complete(instance, MINUTES, draft());
    assertThat(clerk.visibleTo("burCommittee2User", "burCommittee2", instance)).isEqualTo(1);
    assertThat(clerk.visibleTo("burCommittee1User", "burCommittee1", instance)).isZero();
    assertThat(clerk.visibleTo("burMinutesUser", MINUTES, instance)).isZero();
  }

  // --- through the forms, over engine-rest, as each group's demo user ---

  @Test
  void theWholeCaseIsDoneThroughItsFormsOverRestAndARuleRefusalIs400InThai() throws Exception {
    clockAt(REGISTERED);
    String startPath = "/engine-rest/process-definition/key/committeeMinutes/submit-form";
    Map<String, Object> values = register("burCommittee1", "MINUTES", MEETING_DAY);
    assertThat(rest("POST", startPath, "burMeetingUser", TasklistRest.formVariables(values)).status())
        .as("only burMinutes registers minutes").isEqualTo(403);
    Reply started = rest("POST", startPath, "burMinutesUser", TasklistRest.formVariables(values));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    assertThat(json.readTree(rest("GET", "/engine-rest/process-definition/key/committeeMinutes/deployed-start-form",
        "burMinutesUser", null).body()).path("id").asText()).isEqualTo("committeeMinutes-register");

    List<String> forms = new ArrayList<>();
    for (Step step : path("rest", "burCommittee1", 0, true).steps()) {
      String user = step.group() + "User";
      JsonNode tasks = rest("GET", "/engine-rest/task?processInstanceId=" + instanceId, user, null).json();
      assertThat(tasks).as("%s sees %s", user, step.taskKey()).hasSize(1);
      String taskId = tasks.get(0).path("id").asText();
      assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(step.taskKey());
      forms.add(rest("GET", "/engine-rest/task/" + taskId + "/deployed-form", user, null).json().path("id").asText());
      assertThat(rest("POST", "/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user)).status())
          .isEqualTo(204);
      if (CERTIFY.equals(step.taskKey())) {
        Reply refused = rest("POST", "/engine-rest/task/" + taskId + "/submit-form", user,
            TasklistRest.formVariables(certify("2026-11-20", true)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("ต้องไม่ก่อนวันที่ประชุม").doesNotContain("ENGINE-");
      }
      Reply submitted = rest("POST", "/engine-rest/task/" + taskId + "/submit-form", user, TasklistRest.formVariables(step.values()));
      assertThat(submitted.status()).as("%s submits %s: %s", user, step.taskKey(), submitted.body()).isBetween(200, 204);
    }
    assertThat(forms).containsExactly("committeeMinutes-draft", "committeeMinutes-check", "committeeMinutes-certify",
        "committeeMinutes-redact", "committeeMinutes-publish");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo(END);
  }

  // --- helpers ---

  private void walkToPublication(ProcessInstance instance, String bureau, String certifiedOn) {
    complete(instance, MINUTES, draft());
    complete(instance, bureau, check("CORRECT"));
    clockAt(LocalDate.parse(certifiedOn).atTime(10, 0));
    complete(instance, bureau, certify(certifiedOn, false));
  }

  private void complete(ProcessInstance instance, String group, Map<String, Object> values) {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    completeAs(group + "User", List.of(group), instance, values);
  }

  private Reply rest(String method, String path, String user, Object body) {
    return ApiClient.send(port, method, path, user, body);
  }

}
