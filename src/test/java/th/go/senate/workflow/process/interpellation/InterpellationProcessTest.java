package th.go.senate.workflow.process.interpellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.interpellation.InterpellationIds.*;
import static th.go.senate.workflow.process.interpellation.InterpellationPaths.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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

import th.go.senate.workflow.calendar.CalendarKind;
import th.go.senate.workflow.calendar.DueDatePlanner;
import th.go.senate.workflow.kpi.CaseFact;
import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.kpi.StepFact;
import th.go.senate.workflow.process.petition.PetitionPaths;
import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.support.Clerk;
import th.go.senate.workflow.support.PlatformTest;

/** Every path of the interpellation model, the written answer's limit and SLA chain, and the Monday slot. */
class InterpellationProcessTest extends PlatformTest {

  /** Thursday 26 November 2026, 10:00 Bangkok. */
  private static final LocalDateTime FILED = LocalDateTime.of(2026, 11, 26, 10, 0);
  /** 30 calendar days from 26 November (day 1) end at 24:00 on 25 December. */
  private static final Instant ANSWER_DUE = bangkok(LocalDateTime.of(2026, 12, 26, 0, 0));

  @Autowired KpiRepository facts;
  @Autowired DueDatePlanner planner;

  static List<Path> paths() {
    return List.of(gazette("2026-11-26"), inadmissible(), notApproved(), sitting(0, "ANSWERED"),
        sitting(1, "ANSWERED"), sitting(2, "ANSWERED"), sitting(0, "ASKER_ABSENT"), sitting(0, "MINISTER_ABSENT"),
        sitting(1, "MINISTER_ABSENT"));
  }

  private ProcessInstance start(String answerMode) {
    clockAt(FILED);
    return runtimeService.startProcessInstanceByKey(PROCESS, filing(answerMode));
  }

  /**
   * A question filed at {@link #FILED} and started directly at {@code step}, with the filing and the values
   * of the steps before it that {@code step} reads (the path tests walk those steps).
   */
  private ProcessInstance startAtStep(String step, String answerMode, Map<String, Object> earlierSteps) {
    clockAt(FILED);
    Map<String, Object> values = new HashMap<>(filing(answerMode));
    values.putAll(earlierSteps);
    return startAt(PROCESS, step, values);
  }

  /** At the written answer: checked, admissible, approved and dispatched on the day of filing. */
  private ProcessInstance awaitingTheAnswer() {
    Map<String, Object> earlier = new HashMap<>(check());
    earlier.putAll(admissible());
    earlier.putAll(approved());
    earlier.putAll(dispatch());
    return startAtStep(AWAIT_ANSWER, "GAZETTE", earlier);
  }

  private void walk(ProcessInstance instance, Path path) {
    PetitionPaths.walk(clerk, instance.getId(), path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void everyPathPassesItsTasksInOrderAndReachesItsEndEvent(Path path) {
    ProcessInstance instance = start(path.name().startsWith("sitting") ? "SITTING" : "GAZETTE");
    BpmnAwareTests.assertThat(instance).isStarted().isWaitingAt(CHECK);
    assertThat(instance.getBusinessKey()).matches("QST-2570-\\d{5}");

    walk(instance, path);

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
  void gazetteAnswerWithinThirtyDaysIsRecordedInTime() {
    ProcessInstance instance = awaitingTheAnswer();
    Task await = task(instance);
    assertThat(await.getTaskDefinitionKey()).isEqualTo(AWAIT_ANSWER);
    // The SLA policy's 30 calendar days from dispatch, counted by the one planner.
    assertThat(await.getDueDate().toInstant()).isEqualTo(ANSWER_DUE)
        .isEqualTo(planner.due(await.getCreateTime().toInstant(), 30, CalendarKind.CALENDAR_DAYS));

    clockAt(LocalDateTime.of(2026, 12, 20, 10, 0));
    walk(instance, upTo(List.of(new PetitionPaths.Step(AWAIT_ANSWER, MEETING, answer("2026-12-18")),
        new PetitionPaths.Step(PUBLISH, MEETING, publish()))));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_PUBLISHED);
    assertThat(limitMet(instance)).isTrue();
    assertThat(facts.findCase(instance.getId()).orElseThrow().legalLimitMet()).isTrue();
  }

  @Test
  void answerArrivingOnTheLastDayIsInTimeEvenWhenRecordedTheNextMorning() {
    ProcessInstance instance = awaitingTheAnswer();
    clockAt(LocalDateTime.of(2026, 12, 26, 9, 0));
    complete(instance, MEETING, answer("2026-12-25"));
    assertThat(limitMet(instance)).isTrue();
    // The clerk's step missed its SLA, the minister's answer did not: two different facts.
    StepFact step = facts.stepsOfInstance(instance.getId()).stream()
        .filter(s -> AWAIT_ANSWER.equals(s.stepId())).findFirst().orElseThrow();
    assertThat(step.slaMet()).isFalse();
  }

  @Test
  void lateGazetteAnswerRemindsEscalatesToSgOfficeAndIsRecordedLate() {
    ProcessInstance instance = awaitingTheAnswer();
    Task await = task(instance);
    Instant created = await.getCreateTime().toInstant();

    // Reminder at 75 % of the 30 days.
    Job warning = slaTimer(instance);
    assertThat(warning.getDuedate().toInstant())
        .isEqualTo(created.plus(Duration.between(created, ANSWER_DUE).multipliedBy(75).dividedBy(100)));
    fireAtDueTime(warning);
    assertThat(task(instance).getPriority()).isEqualTo(75);
    assertThat(task(instance).getFollowUpDate()).isNotNull();
    assertThat(clerk.candidateGroups(await)).containsExactly(MEETING);

    // Late: the bureau head and, at the same instant (escalation at 100 %), the Secretary-General's office:
    // actions due at one instant are one checkpoint, so a single firing draws both in.
    Job breach = slaTimer(instance);
    assertThat(breach.getDuedate().toInstant()).isEqualTo(ANSWER_DUE);
    fireAtDueTime(breach);
    assertThat(clerk.candidateGroups(await))
        .containsExactlyInAnyOrder(MEETING, "burMeetingHead", "sgOffice");
    assertThat(slaTimer(instance)).isNull();
    assertThat(clerk.as(Clerk.userOf("sgOffice"), List.of("sgOffice"),
        () -> taskService.createTaskQuery().processInstanceId(instance.getId()).count())).isEqualTo(1);
    StepFact step = facts.findStep(await.getId()).orElseThrow();
    assertThat(step.slaMet()).isFalse();
    assertThat(step.breachedAt().toInstant()).isEqualTo(ANSWER_DUE);
    assertThat(step.escalations()).isEqualTo(2);

    clockAt(LocalDateTime.of(2026, 12, 28, 10, 0));
    complete(instance, MEETING, answer("2026-12-26"));
    assertThat(limitMet(instance)).isFalse();
    complete(instance, MEETING, publish());

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_PUBLISHED);
    CaseFact fact = facts.findCase(instance.getId()).orElseThrow();
    assertThat(fact.legalLimitMet()).isFalse();
    assertThat(fact.outcome()).isEqualTo(END_PUBLISHED);
  }

  @Test
  void answerDateInTheFutureOrBeforeDispatchIsRefusedAndNothingIsSaved() {
    ProcessInstance instance = awaitingTheAnswer();
    clockAt(LocalDateTime.of(2026, 12, 10, 10, 0));
    Task await = task(instance);

    assertThatThrownBy(() -> complete(instance, MEETING, answer("2026-12-11")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("วันที่ได้รับคำตอบ")
        .hasMessageContaining("ต้องไม่เกินวันนี้");
    assertThatThrownBy(() -> complete(instance, MEETING, answer("2026-11-25")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ต้องไม่ก่อนวันที่ส่งกระทู้ถาม");

    assertThat(task(instance).getId()).isEqualTo(await.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "answerReceivedOn")).isNull();
    assertThat(runtimeService.getVariable(instance.getId(), "legalLimitMet")).isNull();
    assertThat(facts.findStep(await.getId()).orElseThrow().completedAt()).isNull();
  }

  @Test
  void aSlotThatIsNotAMondayIsRefusedInThai() {
    // At the slot, as the sitting path leaves it: no postponement yet, so no priority.
    Map<String, Object> earlier = new HashMap<>(dispatch());
    earlier.putAll(Map.of("priority", false, "postponements", 0));
    ProcessInstance instance = startAtStep(SCHEDULE, "SITTING", earlier);
    Task schedule = task(instance);
    assertThat(schedule.getTaskDefinitionKey()).isEqualTo(SCHEDULE);

    assertThatThrownBy(() -> complete(instance, MEETING, schedule("2026-12-08")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ต้องเป็นวันจันทร์").hasMessageContaining("วันอังคาร");
    assertThat(task(instance).getId()).isEqualTo(schedule.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "slotDate")).isNull();
    assertThat(facts.findStep(schedule.getId()).orElseThrow().completedAt()).isNull();

    complete(instance, MEETING, schedule("2026-12-07"));
    BpmnAwareTests.assertThat(instance).isWaitingAt(SITTING);
  }

  @Test
  void aPostponedQuestionHasPriorityAtItsNextSlot() {
    ProcessInstance instance = start("SITTING");
    walk(instance, upTo(toDispatch()));
    Task first = task(instance);
    assertThat(first.getPriority()).isEqualTo(50);
    assertThat(runtimeService.getVariable(instance.getId(), "priority")).isEqualTo(false);
    assertThat(runtimeService.getVariable(instance.getId(), "postponements")).isEqualTo(0);

    complete(instance, MEETING, schedule("2026-12-07"));
    complete(instance, MEETING, sitting("POSTPONED"));

    Task second = task(instance);
    assertThat(second.getTaskDefinitionKey()).isEqualTo(SCHEDULE);
    assertThat(second.getPriority()).isEqualTo(80);
    assertThat(runtimeService.getVariable(instance.getId(), "priority")).isEqualTo(true);
    assertThat(runtimeService.getVariable(instance.getId(), "postponements")).isEqualTo(1);

    complete(instance, MEETING, schedule("2026-12-14"));
    complete(instance, MEETING, sitting("POSTPONED"));
    assertThat(runtimeService.getVariable(instance.getId(), "postponements")).isEqualTo(2);
    complete(instance, MEETING, schedule("2026-12-21"));
    complete(instance, MEETING, sitting("ANSWERED"));
    Task verbatim = task(instance);
    assertThat(verbatim.getTaskDefinitionKey()).isEqualTo(VERBATIM);
    assertThat(clerk.candidateGroups(verbatim)).containsExactly(MINUTES);
    complete(instance, MINUTES, verbatim());
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_ANSWERED_IN_SITTING).hasNotPassed(END_LAPSED);
  }

  @Test
  void reasonsAreRequiredWhenAQuestionIsInadmissibleAndReachTheSenatorNotice() {
    ProcessInstance instance = startAtStep(REVIEW, "GAZETTE", check());
    assertThatThrownBy(() -> complete(instance, LEGAL, Map.of("admissibility", "INADMISSIBLE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("เหตุผลที่รับไว้พิจารณาไม่ได้");
    complete(instance, LEGAL, inadmissible("ถามเรื่องที่อยู่ระหว่างการพิจารณาของศาล"));
    BpmnAwareTests.assertThat(instance).isWaitingAt(NOTIFY);
    assertThat(runtimeService.getVariable(instance.getId(), "rejectionReasons"))
        .isEqualTo("ถามเรื่องที่อยู่ระหว่างการพิจารณาของศาล");
    complete(instance, MEETING, rejectionNotice());
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_INADMISSIBLE).hasNotPassed(APPROVE, DISPATCH);
  }

  @Test
  void aStartWithoutTheAnswerModeIsRefused() {
    Map<String, Object> values = new HashMap<>(filing("GAZETTE"));
    values.remove("answerMode");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, values))
        .hasMessageContaining("วิธีตอบที่ผู้ถามเลือก");
    values.put("answerMode", "EMAIL");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, values))
        .hasMessageContaining("ต้องเลือกจากรายการที่กำหนด");
  }

  // --- helpers ---

  /** Claims and completes the instance's one open task as the demo user of {@code group}, a minute later. */
  private void complete(ProcessInstance instance, String group, Map<String, Object> values) {
    ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    clerk.complete(clerk.single(instance), group, values);
  }

  private Boolean limitMet(ProcessInstance instance) {
    return (Boolean) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("legalLimitMet").singleResult().getValue();
  }

}
