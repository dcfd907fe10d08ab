package th.go.senate.workflow.process.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.petition.PetitionIds.ACKNOWLEDGE;
import static th.go.senate.workflow.process.petition.PetitionIds.OFFICE;
import static th.go.senate.workflow.process.petition.PetitionIds.PROCESS;
import static th.go.senate.workflow.process.petition.PetitionIds.START;
import static th.go.senate.workflow.process.petition.PetitionIds.CLOSE;
import static th.go.senate.workflow.process.petition.PetitionIds.CONSIDER;
import static th.go.senate.workflow.process.petition.PetitionIds.END_CLOSED;
import static th.go.senate.workflow.process.petition.PetitionIds.END_FORWARDED;
import static th.go.senate.workflow.process.petition.PetitionIds.END_HANDED_OVER;
import static th.go.senate.workflow.process.petition.PetitionIds.FORWARD;
import static th.go.senate.workflow.process.petition.PetitionIds.PROGRESS_NOTICE;
import static th.go.senate.workflow.process.petition.PetitionIds.REPLY;
import static th.go.senate.workflow.process.petition.PetitionIds.TRIAGE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import th.go.senate.workflow.process.petition.PetitionPaths.Path;
import th.go.senate.workflow.support.PlatformTest;

/** Every path of the petition model, its candidate groups, and the reference number it is filed under. */
class PetitionProcessTest extends PlatformTest {

  private static final Pattern REFERENCE = Pattern.compile("PET-(\\d{4})-(\\d{5})");

  static List<Path> paths() {
    return PetitionPaths.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  void everyPathPassesItsTasksInOrderAndReachesItsEndEvent(Path path) {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance instance = startPetition();
    BpmnAwareTests.assertThat(instance).isStarted().isWaitingAt(ACKNOWLEDGE);

    PetitionPaths.walk(clerk, instance.getId(), path);

    BpmnAwareTests.assertThat(instance).isEnded();
    BpmnAwareTests.assertThat(instance).hasPassed(path.endEvent());
    List<String> expectedOrder = new ArrayList<>();
    expectedOrder.add(START);
    expectedOrder.addAll(path.taskKeys());
    expectedOrder.add(path.endEvent());
    BpmnAwareTests.assertThat(instance).hasPassedInOrder(expectedOrder.toArray(String[]::new));

    // The exact sequence of user tasks and the one end event (hasPassedInOrder tolerates extra activities).
    assertThat(userTasksAndEndEventsPassed(instance.getId())).isEqualTo(append(path.taskKeys(), path.endEvent()));
    for (String other : List.of(END_CLOSED, END_FORWARDED, END_HANDED_OVER)) {
      if (!other.equals(path.endEvent())) {
        BpmnAwareTests.assertThat(instance).hasNotPassed(other);
      }
    }
  }

  @Test
  void senateRemitConcludedDirectlyNeverSendsAProgressNotice() {
    ProcessInstance instance = startPetition();
    PetitionPaths.walk(clerk, instance.getId(),
        PetitionPaths.senateRemit("direct", "burCommittee2", 0));
    BpmnAwareTests.assertThat(instance).isEnded().hasPassedInOrder(ACKNOWLEDGE, TRIAGE, CONSIDER, REPLY, CLOSE, END_CLOSED)
        .hasNotPassed(PROGRESS_NOTICE, FORWARD);
  }

  @Test
  void committeeTasksGoToTheBureauChosenAtTriage() {
    ProcessInstance instance = startPetition();
    PetitionPaths.walk(clerk, instance.getId(), new Path("to triage",
        PetitionPaths.senateRemit("x", "burCommittee3", 0).steps().subList(0, 2), END_CLOSED));

    BpmnAwareTests.assertThat(instance).isWaitingAt(CONSIDER);
    var consider = task(instance);
    BpmnAwareTests.assertThat(consider).hasCandidateGroup("burCommittee3");
    assertThat(clerk.candidateGroups(consider)).containsExactly("burCommittee3");
    assertThat(taskService.createTaskQuery().taskId(consider.getId()).taskCandidateGroup("burCommittee2").count())
        .isZero();
    assertThat(taskService.createTaskQuery().taskId(consider.getId()).taskCandidateGroup(OFFICE).count())
        .isZero();
  }

  @Test
  void firstTasksGoToTheOfficeOfTheSenatePresident() {
    ProcessInstance instance = startPetition();
    var acknowledge = task(instance);
    BpmnAwareTests.assertThat(acknowledge).hasDefinitionKey(ACKNOWLEDGE).hasCandidateGroup(OFFICE)
        .isNotAssigned();
    assertThat(clerk.candidateGroups(acknowledge)).containsExactly(OFFICE);
  }

  @Test
  void businessKeyIsPetitionPrefixBuddhistFiscalYearAndRunningNumber() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance first = startPetition();
    ProcessInstance second = startPetition();

    assertThat(fiscalYear(first)).isEqualTo(2570);
    assertThat(fiscalYear(second)).isEqualTo(2570);
    assertThat(number(second)).isEqualTo(number(first) + 1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(first.getId()).singleResult()
        .getBusinessKey()).isEqualTo(first.getBusinessKey());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(second.getBusinessKey())
        .singleResult().getId()).isEqualTo(second.getId());
  }

  @Test
  void lastDayOfTheFiscalYearBelongsToTheYearThatEnds() {
    clockAt(LocalDateTime.of(2026, 9, 30, 10, 0));
    assertThat(fiscalYear(startPetition())).isEqualTo(2569);
    clockAt(LocalDateTime.of(2026, 9, 30, 23, 59));
    assertThat(fiscalYear(startPetition())).isEqualTo(2569);
  }

  @Test
  void fiscalYearTurnsAtMidnightBangkokTimeNotUtc() {
    // 00:30 on 1 October in Bangkok is still 30 September in UTC (the JVM's zone in these tests).
    clockAt(LocalDateTime.of(2026, 10, 1, 0, 30));
    ProcessInstance instance = startPetition();
    assertThat(fiscalYear(instance)).isEqualTo(2570);
  }

  @Test
  void runningNumbersAreCountedPerFiscalYear() {
    clockAt(LocalDateTime.of(2031, 9, 30, 12, 0)); // FY 2574: no other test files petitions then
    ProcessInstance lastOfOldYear = startPetition();
    clockAt(LocalDateTime.of(2031, 10, 1, 9, 0)); // FY 2575
    ProcessInstance firstOfNewYear = startPetition();
    ProcessInstance secondOfNewYear = startPetition();

    assertThat(fiscalYear(lastOfOldYear)).isEqualTo(2574);
    assertThat(firstOfNewYear.getBusinessKey()).isEqualTo("PET-2575-00001");
    assertThat(secondOfNewYear.getBusinessKey()).isEqualTo("PET-2575-00002");
  }

  @Test
  void aBusinessKeyGivenByTheCallerIsRefused() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    assertThatThrownBy(
        () -> runtimeService.startProcessInstanceByKey(PROCESS, "EXTERNAL-1", petitionIntake()))
        .hasMessageContaining("ระบบเป็นผู้กำหนด");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);
  }

  private static int fiscalYear(ProcessInstance instance) {
    return Integer.parseInt(reference(instance).group(1));
  }

  private static int number(ProcessInstance instance) {
    return Integer.parseInt(reference(instance).group(2));
  }

  private static Matcher reference(ProcessInstance instance) {
    assertThat(instance.getBusinessKey()).matches(REFERENCE);
    Matcher m = REFERENCE.matcher(instance.getBusinessKey());
    assertThat(m.matches()).isTrue();
    return m;
  }

  private List<String> userTasksAndEndEventsPassed(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished()
        .orderPartiallyByOccurrence().asc().list().stream()
        .filter(a -> "userTask".equals(a.getActivityType()) || a.getActivityType().endsWith("EndEvent"))
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private static List<String> append(List<String> list, String last) {
    List<String> result = new ArrayList<>(list);
    result.add(last);
    return result;
  }
}
