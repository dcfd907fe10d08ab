package th.go.senate.workflow.process.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.motion.MotionPaths.*;

import java.time.Duration;
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
 * Every path of the motion model, its SLA chain, and the rules of s.153: one third of the existing senators must
 * sign a general debate, one general debate a year, no resolution. The once-a-year rule counts every motion in the
 * database, so each test that holds or schedules a general debate does so in a year of its own.
 */
class MotionProcessTest extends PlatformTest {

  @Autowired KpiRepository facts;
  @Autowired DueDatePlanner planner;
  @Autowired MotionRules rules;

  private final ObjectMapper json = new ObjectMapper();

  static List<Path> paths() {
    return List.of(generalDebate("2031-03-03", 0), generalDebate("2032-03-01", 1), ordinary("2030-03-04", true),
        withdrawnAtSitting("2030-03-06"), returnedForSignatures(), inadmissiblePath(),
        notApprovedPath());
  }

  /** Files a motion at 10:00 Bangkok on {@code filedOn}. */
  private ProcessInstance file(String type, int existing, int signatures, String filedOn) {
    clockAt(LocalDate.parse(filedOn).atTime(10, 0));
    return runtimeService.startProcessInstanceByKey("motion", filing(type, existing, signatures, filedOn));
  }

  private static String filedOn(Path path) {
    String name = path.name();
    int at = name.indexOf("filed ");
    return at < 0 ? "2030-03-07" : name.substring(at + 6, at + 16);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void everyPathPassesItsTasksInOrderAndReachesItsEndEvent(Path path) {
    boolean debate = path.name().startsWith("general debate");
    ProcessInstance instance = debate ? file(GENERAL_DEBATE, 200, 67, filedOn(path))
        : file(ORDINARY, 200, 5, filedOn(path));
    BpmnAwareTests.assertThat(instance).isStarted().isWaitingAt(CHECK);
    assertThat(instance.getBusinessKey()).matches("MOT-25\\d\\d-\\d{5}");

    PetitionPaths.walk(taskService, identityService, instance.getId(), path);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(path.endEvent());
    List<String> expected = new ArrayList<>(path.taskKeys());
    expected.add(path.endEvent());
    assertThat(userTasksAndEndEvents(instance.getId())).isEqualTo(expected);
    for (String other : ENDS) {
      if (!other.equals(path.endEvent())) {
        BpmnAwareTests.assertThat(instance).hasNotPassed(other);
      }
    }
    CaseFact fact = facts.findCase(instance.getId()).orElseThrow();
    assertThat(fact.outcome()).isEqualTo(path.endEvent());
    assertThat(fact.endedAt()).isNotNull();
    assertThat(facts.stepsOfInstance(instance.getId())).extracting(StepFact::stepId).isEqualTo(path.taskKeys());
  }

  @Test
  void anOrdinaryMotionWithoutTheCabinetNoticeEndsAfterTheMinutes() {
    Map<String, Object> values = new HashMap<>(filing(ORDINARY, 200, 5, "2030-04-01"));
    values.put("cabinetNoticeRequested", "NO");
    clockAt(LocalDateTime.of(2030, 4, 1, 10, 0));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("motion", values);
    assertThat(runtimeService.getVariable(instance.getId(), MotionRules.NOTIFY_CABINET)).isEqualTo(false);
    List<Step> steps = new ArrayList<>(toAgenda(5));
    steps.add(new Step(SCHEDULE, MEETING, schedule("2030-04-08")));
    steps.add(new Step(SITTING, MEETING, resolved("REJECTED")));
    steps.add(new Step(MINUTES, MINUTES_BUREAU, minutes()));
    PetitionPaths.walk(taskService, identityService, instance.getId(), upTo(steps));
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_CONCLUDED).hasNotPassed(NOTIFY_CABINET);
  }

  @Test
  void aGeneralDebateAlwaysTellsTheCabinetWhateverTheIntakeSays() {
    Map<String, Object> values = new HashMap<>(filing(GENERAL_DEBATE, 200, 67, "2030-04-02"));
    values.put("cabinetNoticeRequested", "NO");
    clockAt(LocalDateTime.of(2030, 4, 2, 10, 0));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("motion", values);
    assertThat(runtimeService.getVariable(instance.getId(), MotionRules.NOTIFY_CABINET)).isEqualTo(true);
    assertThat(runtimeService.getVariable(instance.getId(), MotionRules.REQUIRED_SIGNATURES)).isEqualTo(67);
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  void aGeneralDebateNeedsOneThirdOfTheExistingSenatorsRoundedUp() {
    MotionRule rule = rules.ruleFor(GENERAL_DEBATE);
    assertThat(rule.requiredSignatures(200)).isEqualTo(67);
    assertThat(rule.requiredSignatures(198)).isEqualTo(66);
    assertThat(rule.requiredSignatures(199)).isEqualTo(67);
    assertThat(rules.ruleFor(ORDINARY).requiredSignatures(200)).isEqualTo(5);

    // 66 of 200 is refused at the start; nothing is saved, no number is used up by a case.
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("motion").count();
    assertThatThrownBy(() -> file(GENERAL_DEBATE, 200, 66, "2033-02-01"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ไม่น้อยกว่า 1 ใน 3 ของจำนวนสมาชิกเท่าที่มีอยู่ (200 คน) คือ 67 คน")
        .hasMessageContaining("มาตรา 153").hasMessageContaining("มีผู้เข้าชื่อ 66 คน");
    // 66 of 198 existing senators is one third.
    ProcessInstance enough = file(GENERAL_DEBATE, 198, 66, "2033-02-01");
    assertThat(runtimeService.getVariable(enough.getId(), MotionRules.REQUIRED_SIGNATURES)).isEqualTo(66);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("motion").count())
        .isEqualTo(before + 1);
    // An ordinary motion needs its seconders.
    assertThatThrownBy(() -> file(ORDINARY, 200, 4, "2033-02-01")).hasMessageContaining("ไม่น้อยกว่า 5 คน")
        .hasMessageContaining("ข้อบังคับการประชุมวุฒิสภา");
    // More existing senators than the Senate has, or more signatures than senators, is refused too.
    assertThatThrownBy(() -> file(GENERAL_DEBATE, 201, 67, "2033-02-01")).hasMessageContaining("ต้องอยู่ระหว่าง 1 ถึง 200")
        .hasMessageContaining("มาตรา 107");
    assertThatThrownBy(() -> file(ORDINARY, 100, 150, "2033-02-01")).hasMessageContaining("มากกว่าจำนวนสมาชิกเท่าที่มีอยู่");
    clockAt(LocalDateTime.of(2033, 2, 1, 10, 0));
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("motion", filing(ORDINARY, 200, 5, "2033-02-02")))
        .hasMessageContaining("วันที่ยื่นญัตติ").hasMessageContaining("ต้องไม่เกินวันนี้");
    runtimeService.deleteProcessInstance(enough.getId(), "test");
  }

  @Test
  void verifiedSignaturesBelowTheThresholdMustBeReturnedNotPassed() {
    ProcessInstance instance = file(GENERAL_DEBATE, 200, 70, "2033-03-01");
    Task check = task(instance);
    assertThatThrownBy(() -> complete(instance, MEETING, check(66)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("มีผู้เข้าชื่อ 66 คน")
        .hasMessageContaining("คืนญัตติแก่ผู้เสนอ");
    assertThatThrownBy(() -> complete(instance, MEETING, check(71))).hasMessageContaining("มากกว่าจำนวนผู้เข้าชื่อที่ยื่นไว้");
    assertThat(task(instance).getId()).isEqualTo(check.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "verifiedSignatures")).isNull();
    assertThat(facts.findStep(check.getId()).orElseThrow().completedAt()).isNull();

    complete(instance, MEETING, returned(66));
    BpmnAwareTests.assertThat(instance).isWaitingAt(NOTIFY_PROPOSER);
    complete(instance, MEETING, proposerNotice());
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_RETURNED);
  }

  @Test
  void aSecondGeneralDebateInTheSameYearIsRefusedAtFilingAgendaAndSitting() {
    // The first general debate of 2034 is held.
    ProcessInstance first = file(GENERAL_DEBATE, 200, 67, "2034-02-06");
    PetitionPaths.walk(taskService, identityService, first.getId(), generalDebate("2034-02-06", 0));
    BpmnAwareTests.assertThat(first).isEnded().hasPassed(END_CABINET_NOTIFIED);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(first.getId())
        .variableName(MotionRules.DEBATE_YEAR).singleResult().getValue()).isEqualTo(2577);

    // A second one filed in 2034 is refused at the start, naming the debate already held.
    assertThatThrownBy(() -> file(GENERAL_DEBATE, 200, 80, "2034-06-01"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ได้ปีละ 1 ครั้ง")
        .hasMessageContaining("ปี พ.ศ. 2577").hasMessageContaining(first.getBusinessKey());
    // An ordinary motion is not limited.
    ProcessInstance ordinary = file(ORDINARY, 200, 5, "2034-06-01");
    runtimeService.deleteProcessInstance(ordinary.getId(), "test");

    // Late in 2034 too: the filing counts the year it is filed in.
    assertThatThrownBy(() -> file(GENERAL_DEBATE, 200, 80, "2034-12-20")).hasMessageContaining("ปี พ.ศ. 2577");

    // In 2035 the year is free: filed, put on the agenda, the year recorded on the case.
    ProcessInstance next = file(GENERAL_DEBATE, 200, 67, "2035-01-05");
    PetitionPaths.walk(taskService, identityService, next.getId(), upTo(toAgenda(67)));
    complete(next, MEETING, schedule("2035-01-12"));
    BpmnAwareTests.assertThat(next).isWaitingAt(SITTING);
    assertThat(runtimeService.getVariable(next.getId(), MotionRules.DEBATE_YEAR)).isEqualTo(2578);
    runtimeService.deleteProcessInstance(next.getId(), "test");
  }

  @Test
  void aGeneralDebateMayNotBeScheduledWhileAnotherOfTheYearIsOnTheAgenda() {
    ProcessInstance first = file(GENERAL_DEBATE, 200, 67, "2036-02-04");
    PetitionPaths.walk(taskService, identityService, first.getId(), upTo(toAgenda(67)));
    complete(first, MEETING, schedule("2036-02-11"));

    // Filed before the first is held (so accepted at filing), it cannot go on the agenda of the same year.
    ProcessInstance second = file(GENERAL_DEBATE, 200, 67, "2036-02-05");
    PetitionPaths.walk(taskService, identityService, second.getId(), upTo(toAgenda(67)));
    Task schedule = task(second);
    assertThatThrownBy(() -> complete(second, MEETING, schedule("2036-02-18")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("บรรจุระเบียบวาระแล้ว")
        .hasMessageContaining(first.getBusinessKey());
    assertThat(task(second).getId()).isEqualTo(schedule.getId());
    assertThat(runtimeService.getVariable(second.getId(), MotionRules.DEBATE_YEAR)).isNull();

    // The first is withdrawn at its sitting: the year is free again.
    complete(first, MEETING, withdrawn());
    BpmnAwareTests.assertThat(first).isEnded().hasPassed(END_WITHDRAWN);
    complete(second, MEETING, schedule("2036-02-18"));
    BpmnAwareTests.assertThat(second).isWaitingAt(SITTING);

    // A sitting in the past is refused too.
    runtimeService.deleteProcessInstance(second.getId(), "test");
    ProcessInstance third = file(GENERAL_DEBATE, 200, 67, "2036-03-02");
    PetitionPaths.walk(taskService, identityService, third.getId(), upTo(toAgenda(67)));
    assertThatThrownBy(() -> complete(third, MEETING, schedule("2036-03-01"))).hasMessageContaining("ต้องไม่ก่อนวันนี้");
    runtimeService.deleteProcessInstance(third.getId(), "test");
  }

  @Test
  void aGeneralDebateEndsWithoutAResolutionAndAnOrdinaryMotionWithOne() {
    ProcessInstance debate = file(GENERAL_DEBATE, 200, 67, "2037-02-02");
    PetitionPaths.walk(taskService, identityService, debate.getId(), upTo(toAgenda(67)));
    complete(debate, MEETING, schedule("2037-02-09"));
    assertThatThrownBy(() -> complete(debate, MEETING, resolved("ADOPTED")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ไม่มีการลงมติ").hasMessageNotContaining("s.153");
    assertThat(runtimeService.getVariable(debate.getId(), MotionRules.DEBATE_HELD)).isNull();
    complete(debate, MEETING, debated());
    assertThat(runtimeService.getVariable(debate.getId(), MotionRules.DEBATE_HELD)).isEqualTo(true);
    runtimeService.deleteProcessInstance(debate.getId(), "test");

    ProcessInstance ordinary = file(ORDINARY, 200, 5, "2037-02-02");
    PetitionPaths.walk(taskService, identityService, ordinary.getId(), upTo(toAgenda(5)));
    complete(ordinary, MEETING, schedule("2037-02-09"));
    assertThatThrownBy(() -> complete(ordinary, MEETING, debated())).hasMessageContaining("มติที่ประชุม");
    complete(ordinary, MEETING, resolved("REFERRED_TO_COMMITTEE"));
    BpmnAwareTests.assertThat(ordinary).isWaitingAt(MINUTES);
    runtimeService.deleteProcessInstance(ordinary.getId(), "test");
  }

  @Test
  void anUrgentMotionComesFirstOnTheAgendaClerksList() {
    Map<String, Object> values = new HashMap<>(filing(ORDINARY, 200, 5, "2030-05-06"));
    values.put("urgent", "YES");
    clockAt(LocalDateTime.of(2030, 5, 6, 10, 0));
    ProcessInstance urgent = runtimeService.startProcessInstanceByKey("motion", values);
    PetitionPaths.walk(taskService, identityService, urgent.getId(), upTo(toAgenda(5)));
    assertThat(task(urgent).getTaskDefinitionKey()).isEqualTo(SCHEDULE);
    assertThat(task(urgent).getPriority()).isEqualTo(80);
    runtimeService.deleteProcessInstance(urgent.getId(), "test");
  }

  @Test
  void everyStepHasItsSlaOnItsCalendarAndALateStepEscalates() {
    ProcessInstance instance = file(ORDINARY, 200, 5, "2030-06-03");
    Task check = task(instance);
    // 2 working days from Monday 3 June 2030 end at 16:30 on Wednesday 5 June.
    Instant due = bangkok(LocalDateTime.of(2030, 6, 5, 16, 30));
    assertThat(check.getDueDate().toInstant()).isEqualTo(due)
        .isEqualTo(planner.due(check.getCreateTime().toInstant(), 2, CalendarKind.WORKING_DAYS));
    assertThat(clerk.candidateGroups(check.getId())).containsExactly(MEETING);

    Job warning = slaTimer(instance);
    fireAtDueTime(warning);
    assertThat(task(instance).getPriority()).isEqualTo(75);
    Job breach = slaTimer(instance);
    assertThat(breach.getDuedate().toInstant()).isEqualTo(due);
    fireAtDueTime(breach);
    assertThat(clerk.candidateGroups(check.getId())).containsExactlyInAnyOrder(MEETING, "burMeetingHead");
    Job escalation = slaTimer(instance);
    Instant created = check.getCreateTime().toInstant();
    assertThat(escalation.getDuedate().toInstant())
        .isEqualTo(created.plus(Duration.between(created, due).multipliedBy(150).dividedBy(100)));
    fireAtDueTime(escalation);
    assertThat(clerk.candidateGroups(check.getId()))
        .containsExactlyInAnyOrder(MEETING, "burMeetingHead", "sgOffice");
    assertThat(facts.findStep(check.getId()).orElseThrow().slaMet()).isFalse();

    complete(instance, MEETING, check(5));
    Task review = task(instance);
    assertThat(clerk.candidateGroups(review.getId())).containsExactly(LEGAL);
    assertThat(review.getDueDate().toInstant())
        .isEqualTo(planner.due(review.getCreateTime().toInstant(), 5, CalendarKind.WORKING_DAYS));
    complete(instance, LEGAL, admissible());
    complete(instance, PRESIDENT, approved());
    complete(instance, MEETING, schedule(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BangkokTime.ZONE)
        .plusDays(7).toString()));
    Task sitting = task(instance);
    assertThat(sitting.getDueDate().toInstant())
        .isEqualTo(planner.due(sitting.getCreateTime().toInstant(), 30, CalendarKind.CALENDAR_DAYS));
    runtimeService.deleteProcessInstance(instance.getId(), "test");
  }

  @Test
  void onlyTheMeetingBureauMayFileAndEveryRefusalReachesEngineRestAs400WithTheThaiMessage() throws Exception {
    clockAt(LocalDateTime.of(2038, 2, 1, 10, 0));
    String path = "/engine-rest/process-definition/key/motion/submit-form";
    assertThat(post("burLegalUser", path, TasklistRest.formVariables(filing(ORDINARY, 200, 5, "2038-02-01"))).status())
        .as("burLegal may not file motions").isEqualTo(403);
    assertThat(post("officePresidentUser", path, TasklistRest.formVariables(filing(ORDINARY, 200, 5, "2038-02-01"))).status())
        .as("the President's office may not file motions").isEqualTo(403);

    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("motion").count();
    Reply tooFew = post("burMeetingUser", path, TasklistRest.formVariables(filing(GENERAL_DEBATE, 200, 60, "2038-02-01")));
    assertThat(tooFew.status()).as(tooFew.body()).isEqualTo(400);
    JsonNode problem = json.readTree(tooFew.body());
    assertThat(problem.path("message").asText()).startsWith("\"สมาชิกยื่นญัตติ\" ไม่ถูกต้อง")
        .contains("คือ 67 คน").doesNotContain("ENGINE-").doesNotContain("Exception");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("motion").count()).isEqualTo(before);

    // Each step through its form by the user of its group; the Cabinet is told.
    Reply started = post("burMeetingUser", path, TasklistRest.formVariables(filing(GENERAL_DEBATE, 200, 67, "2038-02-01")));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).path("id").asText();
    List<String> forms = new ArrayList<>();
    for (Step step : generalDebate("2038-02-01", 0).steps()) {
      String user = step.group() + "User";
      JsonNode tasks = json.readTree(get(user, "/engine-rest/task?processInstanceId=" + instanceId).body());
      assertThat(tasks).as("%s sees the task %s", user, step.taskKey()).hasSize(1);
      if (!MEETING.equals(step.group())) {
        assertThat(json.readTree(get("burMeetingUser", "/engine-rest/task?processInstanceId=" + instanceId).body()))
            .as("burMeeting does not see %s", step.taskKey()).isEmpty();
      }
      String taskId = tasks.get(0).path("id").asText();
      JsonNode form = json.readTree(get(user, "/engine-rest/task/" + taskId + "/deployed-form").body());
      forms.add(form.path("id").asText());
      assertThat(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
      Reply submitted = post(user, "/engine-rest/task/" + taskId + "/submit-form", TasklistRest.formVariables(step.values()));
      assertThat(submitted.status()).as("%s submits %s: %s", user, step.taskKey(), submitted.body()).isBetween(200, 204);
    }
    assertThat(forms).containsExactly("motion-check", "motion-admissibility", "motion-president", "motion-schedule",
        "motion-sitting", "motion-minutes", "motion-notify-cabinet");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getEndActivityId()).isEqualTo(END_CABINET_NOTIFIED);

    // The second general debate of 2038: 400 with the rule's Thai message, nothing started.
    Reply second = post("burMeetingUser", path, TasklistRest.formVariables(filing(GENERAL_DEBATE, 200, 90, "2038-02-01")));
    assertThat(second.status()).as(second.body()).isEqualTo(400);
    assertThat(json.readTree(second.body()).path("message").asText()).contains("ได้ปีละ 1 ครั้ง").contains("ปี พ.ศ. 2581")
        .doesNotContain("ENGINE-");

    // A task rule's refusal (too few verified signatures) is 400 as well, the task unchanged.
    ProcessInstance ordinary = file(ORDINARY, 200, 6, "2038-02-01");
    String taskId = task(ordinary).getId();
    post("burMeetingUser", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "burMeetingUser"));
    Reply refused = post("burMeetingUser", "/engine-rest/task/" + taskId + "/submit-form", TasklistRest.formVariables(check(4)));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).path("message").asText()).contains("ไม่น้อยกว่า 5 คน").doesNotContain("ENGINE-");
    assertThat(task(ordinary).getId()).isEqualTo(taskId);
    runtimeService.deleteProcessInstance(ordinary.getId(), "test");
  }

  // --- helpers ---

  /** Claims and completes the instance's one open task as the demo user of {@code group}, a minute later. */
  private void complete(ProcessInstance instance, String group, Map<String, Object> values) {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    completeAs(group + "User", List.of(group), instance, values);
  }

  private Reply get(String user, String path) {
    return ApiClient.send(port, "GET", path, user, null);
  }

  private Reply post(String user, String path, Object body) {
    return ApiClient.send(port, "POST", path, user, body);
  }
}
