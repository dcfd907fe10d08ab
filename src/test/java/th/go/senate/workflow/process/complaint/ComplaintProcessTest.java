package th.go.senate.workflow.process.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.go.senate.workflow.process.complaint.ComplaintIds.*;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import th.go.senate.workflow.kpi.KpiRepository;
import th.go.senate.workflow.process.petition.PetitionIds;
import th.go.senate.workflow.support.Clerk;
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/** Every path of the complaint model, its routing table, its 10/15-day escalation, and the petition hand-over. */
class ComplaintProcessTest extends PlatformTest {

  static final String INTAKE_CLERK = Clerk.userOf(INTAKE);
  static final List<String> INTAKE_GROUPS = List.of(INTAKE);

  @Autowired KpiRepository facts;
  @Autowired ProtectedIdentityStore identities;

  static Map<String, Object> intake(String type, String name) {
    Map<String, Object> values = new HashMap<>();
    values.put("channel", "WEB");
    values.put("complaintType", type);
    values.put("complainantName", name);
    values.put("complainantContact", "0812345678");
    values.put("subject", "เรื่องทดสอบ " + type);
    values.put("details", "รายละเอียดเรื่อง");
    values.put("staffName", "นายดี มีน้ำใจ");
    values.put("receivedDate", "2026-11-26");
    return values;
  }

  static Map<String, Object> classify(String type, String category, String supervisor) {
    Map<String, Object> values = new HashMap<>();
    values.put("complaintType", type);
    if (category != null) {
      values.put("complaintCategory", category);
    }
    if (supervisor != null) {
      values.put("staffSupervisorGroup", supervisor);
    }
    return values;
  }

  static Map<String, Object> investigate() {
    return Map.of("findings", "ตรวจสอบแล้ว", "complaintSubstantiated", "YES", "responseSummary", "แก้ไขแล้ว",
        "responseMethod", "EMAIL", "respondedOn", "2026-12-01");
  }

  static Map<String, Object> close(int score) {
    return Map.of("satisfactionSurveyed", "YES", "satisfactionScore", score);
  }

  private ProcessInstance register(Map<String, Object> values) {
    return clerk.as(INTAKE_CLERK, INTAKE_GROUPS, () -> runtimeService.startProcessInstanceByKey(PROCESS, values));
  }

  /**
   * A complaint registered with {@code intake} and started directly at {@code step}, with the values of the
   * steps before it that {@code step} reads (the path tests walk those steps).
   */
  private ProcessInstance registeredAt(String step, Map<String, Object> intake, Map<String, Object> earlierSteps) {
    Map<String, Object> values = new HashMap<>(intake);
    values.putAll(earlierSteps);
    return startAt(PROCESS, step, values);
  }

  private Object historicValue(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery().includeDeleted()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  @Test
  void aServiceComplaintGoesToTheBureauOfTheRoutingTableAndClosesWithASatisfactionScore() {
    ProcessInstance complaint = register(intake("SERVICE_COMPLAINT", "นายผู้ร้อง ทดสอบ"));
    assertThat(complaint.getBusinessKey()).matches("CMP-25\\d\\d-\\d{5}");
    BpmnAwareTests.assertThat(complaint).isWaitingAt(CLASSIFY);
    assertThat(clerk.candidateGroups(clerk.open(complaint, CLASSIFY))).containsExactly(INTAKE);

    clerk.completeAsCandidate(complaint, CLASSIFY, INTAKE, classify("SERVICE_COMPLAINT", "IT_SYSTEM", null));
    Task investigate = clerk.open(complaint, INVESTIGATE);
    assertThat(clerk.candidateGroups(investigate)).containsExactly("burIt");
    assertThat(clerk.as(Clerk.userOf("burLegal"), List.of("burLegal"),
        () -> taskService.createTaskQuery().taskId(investigate.getId()).count())).as("another bureau").isZero();

    clerk.completeAsCandidate(complaint, INVESTIGATE, "burIt", investigate());
    clerk.completeAsCandidate(complaint, CLOSE, INTAKE, close(4));

    BpmnAwareTests.assertThat(complaint).isEnded().hasPassedInOrder(CLASSIFY, ROUTE,
        INVESTIGATE, CLOSE, END_CLOSED)
        .hasNotPassed(INFORM_SUPERVISOR, RECORD_COMPLIMENT, END_HANDED_OVER_TO_INTEGRITY);
    assertThat(historicValue(complaint.getId(), "satisfactionScore")).isIn(4, 4L, 4.0);
    assertThat(historicValue(complaint.getId(), "responsibleBureau")).isEqualTo("burIt");
  }

  @Test
  void everyCategoryOfTheClassifyFormIsRoutedByTheTable() {
    Map<String, String> expected = Map.of("MEETING_SERVICE", "burMeeting", "FINANCE_PROCUREMENT", "burFinance",
        "STAFF_CONDUCT", "burHrd", "SERVICE_COUNTER", INTAKE, "POLICY_OTHER", "burPolicyPlan");
    expected.forEach((category, bureau) -> {
      ProcessInstance complaint = register(intake("STAFF_COMPLAINT", "x"));
      clerk.completeAsCandidate(complaint, CLASSIFY, INTAKE, classify("STAFF_COMPLAINT", category, null));
      assertThat(clerk.candidateGroups(clerk.open(complaint, INVESTIGATE))).as(category).containsExactly(bureau);
    });
  }

  @Test
  void aSuggestionIsAnsweredByTheBureauConcerned() {
    ProcessInstance suggestion = register(intake("SUGGESTION", ""));
    clerk.completeAsCandidate(suggestion, CLASSIFY, INTAKE, classify("SUGGESTION", "MEETING_SERVICE", null));
    assertThat(clerk.candidateGroups(clerk.open(suggestion, INVESTIGATE))).containsExactly("burMeeting");
    clerk.completeAsCandidate(suggestion, INVESTIGATE, "burMeeting", Map.of("findings", "รับข้อเสนอแนะไว้พิจารณา",
        "complaintSubstantiated", "NOT_APPLICABLE", "responseSummary", "ขอบคุณ", "responseMethod", "NOT_POSSIBLE",
        "respondedOn", "2026-12-01"));
    clerk.completeAsCandidate(suggestion, CLOSE, INTAKE, Map.of("satisfactionSurveyed", "NO"));
    BpmnAwareTests.assertThat(suggestion).isEnded().hasPassed(END_CLOSED);
  }

  @Test
  void aComplimentGoesToTheStaffMembersSupervisorAndToHrd() {
    ProcessInstance compliment = register(intake("COMPLIMENT", "นางชื่นชม ยินดี"));
    clerk.completeAsCandidate(compliment, CLASSIFY, INTAKE,
        classify("COMPLIMENT", "SERVICE_COUNTER", "burFinanceHead"));
    BpmnAwareTests.assertThat(compliment).isWaitingAt(INFORM_SUPERVISOR, RECORD_COMPLIMENT);
    assertThat(clerk.candidateGroups(clerk.open(compliment, INFORM_SUPERVISOR))).containsExactly("burFinanceHead");
    assertThat(clerk.candidateGroups(clerk.open(compliment, RECORD_COMPLIMENT))).containsExactly("burHrd");

    clerk.completeAsCandidate(compliment, INFORM_SUPERVISOR, "burFinanceHead",
        Map.of("supervisorNote", "ขอชื่นชม", "staffInformedOn", "2026-11-30"));
    BpmnAwareTests.assertThat(compliment).isWaitingAt(RECORD_COMPLIMENT);
    clerk.completeAsCandidate(compliment, RECORD_COMPLIMENT, "burHrd",
        Map.of("staffName", "นายดี มีน้ำใจ", "hrdRecordNo", "HR-123", "recordedOn", "2026-11-30"));
    clerk.completeAsCandidate(compliment, CLOSE, INTAKE, close(5));
    BpmnAwareTests.assertThat(compliment).isEnded().hasPassed(END_CLOSED)
        .hasNotPassed(INVESTIGATE);
  }

  @Test
  void aSatisfactionScoreOutsideOneToFiveIsRefusedAndNothingCloses() {
    Map<String, Object> earlier = new HashMap<>(classify("OPINION", "IT_SYSTEM", null));
    earlier.put("responsibleBureau", "burIt");
    earlier.putAll(investigate());
    ProcessInstance complaint = registeredAt(CLOSE, intake("OPINION", "x"), earlier);
    assertThatThrownBy(() -> clerk.completeAsCandidate(complaint, CLOSE, INTAKE, close(6)))
        .hasMessageContaining("คะแนนความพึงพอใจ");
    BpmnAwareTests.assertThat(complaint).isWaitingAt(CLOSE);
    assertThatThrownBy(() -> clerk.completeAsCandidate(complaint, CLOSE, INTAKE, close(0)))
        .hasMessageContaining("คะแนนความพึงพอใจ");
    BpmnAwareTests.assertThat(complaint).isWaitingAt(CLOSE);
    // Five is the top of the scale and closes the complaint.
    clerk.completeAsCandidate(complaint, CLOSE, INTAKE, close(5));
    BpmnAwareTests.assertThat(complaint).isEnded().hasPassed(END_CLOSED);
  }

  @Test
  void corruptionFoundAtClassificationBecomesAnIntegrityCaseAndTheIdentityLeavesTheComplaint() {
    String name = "นายลับ" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> values = intake("SERVICE_COMPLAINT", name);
    values.put("subject", "เรื่องทุจริต " + UUID.randomUUID());
    ProcessInstance complaint = register(values);
    clerk.completeAsCandidate(complaint, CLASSIFY, INTAKE, classify("CORRUPTION", null, null));

    BpmnAwareTests.assertThat(complaint).isEnded().hasPassed(END_HANDED_OVER_TO_INTEGRITY);
    ProcessInstance integrity = integrityCaseAbout((String) values.get("subject"));
    assertThat(integrity.getBusinessKey()).matches("INT-25\\d\\d-\\d{5}");
    assertThat(clerk.candidateGroups(clerk.open(integrity, PRELIMINARY_REVIEW))).containsExactly(INTERNAL_AUDIT);
    // Neither case names the other; the link lives in the protected store with the identity.
    assertThat(historicValue(complaint.getId(), "integrityCaseBusinessKey")).isNull();
    assertThat(runtimeService.getVariables(integrity.getId())).doesNotContainKey("complaintBusinessKey")
        .doesNotContainValue(complaint.getBusinessKey());
    ProtectedIdentityStore.Stored stored = identities.read(integrity.getBusinessKey()).orElseThrow();
    assertThat(stored.sourceBusinessKey()).isEqualTo(complaint.getBusinessKey());
    assertThat(stored.identity().name()).isEqualTo(name);
    assertThat(historicValue(complaint.getId(), "complainantName")).isNull();
    assertThat(IntegrityProbeTest.occurrencesInEngineTables(jdbc, name)).isZero();
  }

  @Test
  void aPetitionHandedOverStartsAnIndependentComplaintLinkedBothWays() {
    ProcessInstance petition = startPetition();
    clerk.complete(petition, PetitionIds.ACKNOWLEDGE, PetitionIds.OFFICE, PetitionValues.acknowledge());
    clerk.complete(petition, PetitionIds.TRIAGE, PetitionIds.OFFICE, PetitionValues.triage("SERVICE_COMPLAINT"));

    BpmnAwareTests.assertThat(petition).isEnded().hasPassed(PetitionIds.END_HANDED_OVER);
    String complaintKey = (String) historicValue(petition.getId(), "complaintBusinessKey");
    assertThat(complaintKey).matches("CMP-25\\d\\d-\\d{5}");
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(complaintKey)
        .singleResult();
    assertThat(complaint).isNotNull();
    assertThat(runtimeService.getVariable(complaint.getId(), "petitionBusinessKey")).isEqualTo(petition.getBusinessKey());
    assertThat(runtimeService.getVariable(complaint.getId(), "channel")).isEqualTo("PETITION");
    BpmnAwareTests.assertThat(complaint).isWaitingAt(CLASSIFY);
  }

  @Test
  void aCorruptionPetitionBecomesAnIntegrityCaseWithoutThePetitionersIdentity() {
    String name = "นางร้องทุกข์" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> values = new HashMap<>(petitionIntake());
    values.put("petitionerName", name);
    values.put("subject", "ร้องเรียนการทุจริต " + UUID.randomUUID());
    ProcessInstance petition = runtimeService.startProcessInstanceByKey(PetitionIds.PROCESS, values);
    clerk.complete(petition, PetitionIds.ACKNOWLEDGE, PetitionIds.OFFICE, PetitionValues.acknowledge());
    clerk.complete(petition, PetitionIds.TRIAGE, PetitionIds.OFFICE, PetitionValues.triage("CORRUPTION"));

    ProcessInstance integrity = integrityCaseAbout((String) values.get("subject"));
    assertThat(historicValue(petition.getId(), "integrityCaseBusinessKey")).isNull();
    assertThat(runtimeService.getVariables(integrity.getId())).doesNotContainKey("petitionBusinessKey")
        .doesNotContainValue(petition.getBusinessKey()).containsEntry("channel", "PETITION");
    assertThat(identities.read(integrity.getBusinessKey()).orElseThrow().sourceBusinessKey())
        .isEqualTo(petition.getBusinessKey());
    assertThat(historicValue(petition.getId(), "petitionerName")).isNull();
    assertThat(historicValue(petition.getId(), "petitionerContact")).isNull();
    assertThat(IntegrityProbeTest.occurrencesInEngineTables(jdbc, name)).as("the petitioner's name in any table").isZero();
  }

  /** The integrity case a hand-over started, found by the subject it carried over (unique per test). */
  private ProcessInstance integrityCaseAbout(String subject) {
    ProcessInstance integrity = runtimeService.createProcessInstanceQuery().processDefinitionKey(INTEGRITY_PROCESS)
        .variableValueEquals("subject", subject).singleResult();
    assertThat(integrity).as("the integrity case about " + subject).isNotNull();
    return integrity;
  }

  @Test
  void theInvestigationEscalatesToTheBureauHeadOnDayTenAndToSgOfficeOnDayFifteen() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    // Routed to burIt as the table routes IT_SYSTEM (see the routing tests above).
    Map<String, Object> routed = new HashMap<>(classify("SERVICE_COMPLAINT", "IT_SYSTEM", null));
    routed.put("responsibleBureau", "burIt");
    ProcessInstance complaint = registeredAt(INVESTIGATE, intake("SERVICE_COMPLAINT", "x"), routed);
    Task task = clerk.open(complaint, INVESTIGATE);
    // 15 calendar days, arrival day = day 1: due at 24:00 of Thu 10 December 2026.
    assertThat(task.getDueDate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 11, 0, 0)));

    Job warning = slaTimer(complaint);
    fireAtDueTime(warning);
    assertThat(clerk.candidateGroups(clerk.open(complaint, INVESTIGATE))).containsExactly("burIt");

    Job head = slaTimer(complaint);
    // Day 10 ends at 24:00 of Sat 5 December 2026.
    assertThat(head.getDuedate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 6, 0, 0)));
    ClockUtil.setCurrentTime(new java.util.Date(head.getDuedate().getTime() - 60_000));
    assertThat(managementService.createJobQuery().jobId(head.getId()).executable().count()).as("not before day 10").isZero();
    fireAtDueTime(head);
    task = clerk.open(complaint, INVESTIGATE);
    assertThat(clerk.candidateGroups(task)).containsExactlyInAnyOrder("burIt", "burItHead");
    assertThat(facts.findStep(task.getId()).orElseThrow().breachedAt()).as("not breached at day 10").isNull();

    Job sgOffice = slaTimer(complaint);
    assertThat(sgOffice.getDuedate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 11, 0, 0)));
    fireAtDueTime(sgOffice);
    task = clerk.open(complaint, INVESTIGATE);
    assertThat(clerk.candidateGroups(task)).containsExactlyInAnyOrder("burIt", "burItHead", "sgOffice");
    assertThat(facts.findStep(task.getId()).orElseThrow().breachedAt()).isNotNull();
    // The head (day 10) and sgOffice (day 15): two escalation levels, counted when the step is breached.
    assertThat(facts.findStep(task.getId()).orElseThrow().escalations()).isEqualTo(2);
    assertThat(slaTimer(complaint)).as("no checkpoint after day 15").isNull();
    // sgOffice may now work it.
    clerk.completeAsCandidate(complaint, INVESTIGATE, "sgOffice", investigate());
    BpmnAwareTests.assertThat(complaint).isWaitingAt(CLOSE);
  }

}
