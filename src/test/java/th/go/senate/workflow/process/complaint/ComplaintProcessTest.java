package th.go.senate.workflow.process.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/** Every path of the complaint model, its routing table, its 10/15-day escalation, and the petition hand-over. */
class ComplaintProcessTest extends PlatformTest {

  static final String INTAKE_CLERK = "burCentralAdminUser";
  static final List<String> INTAKE_GROUPS = List.of("burCentralAdmin");

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
    identityService.setAuthentication(INTAKE_CLERK, INTAKE_GROUPS);
    try {
      return runtimeService.startProcessInstanceByKey("complaint", values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task openTask(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  /** Claims and completes a task as the demo user of a group, who must see it in the group's task list. */
  private void work(ProcessInstance instance, String taskKey, String group, Map<String, Object> values) {
    Task task = openTask(instance, taskKey);
    assertThat(task).as("open task %s", taskKey).isNotNull();
    String user = group + "User";
    identityService.setAuthentication(user, List.of(group));
    try {
      assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(group).count())
          .as("%s sees %s", group, taskKey).isEqualTo(1);
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
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
    BpmnAwareTests.assertThat(complaint).isWaitingAt("Task_ClassifyComplaint");
    assertThat(candidateGroups(openTask(complaint, "Task_ClassifyComplaint"))).containsExactly("burCentralAdmin");

    work(complaint, "Task_ClassifyComplaint", "burCentralAdmin", classify("SERVICE_COMPLAINT", "IT_SYSTEM", null));
    Task investigate = openTask(complaint, "Task_InvestigateComplaint");
    assertThat(candidateGroups(investigate)).containsExactly("burIt");
    identityService.setAuthentication("burLegalUser", List.of("burLegal"));
    assertThat(taskService.createTaskQuery().taskId(investigate.getId()).count()).as("another bureau").isZero();
    identityService.clearAuthentication();

    work(complaint, "Task_InvestigateComplaint", "burIt", investigate());
    work(complaint, "Task_CloseComplaint", "burCentralAdmin", close(4));

    BpmnAwareTests.assertThat(complaint).isEnded().hasPassedInOrder("Task_ClassifyComplaint", "Activity_RouteComplaint",
        "Task_InvestigateComplaint", "Task_CloseComplaint", "EndEvent_ComplaintClosed")
        .hasNotPassed("Task_InformSupervisor", "Task_RecordCompliment", "EndEvent_HandedOverToIntegrity");
    assertThat(historicValue(complaint.getId(), "satisfactionScore")).isIn(4, 4L, 4.0);
    assertThat(historicValue(complaint.getId(), "responsibleBureau")).isEqualTo("burIt");
  }

  @Test
  void everyCategoryOfTheClassifyFormIsRoutedByTheTable() {
    Map<String, String> expected = Map.of("MEETING_SERVICE", "burMeeting", "FINANCE_PROCUREMENT", "burFinance",
        "STAFF_CONDUCT", "burHrd", "SERVICE_COUNTER", "burCentralAdmin", "POLICY_OTHER", "burPolicyPlan");
    expected.forEach((category, bureau) -> {
      ProcessInstance complaint = register(intake("STAFF_COMPLAINT", "x"));
      work(complaint, "Task_ClassifyComplaint", "burCentralAdmin", classify("STAFF_COMPLAINT", category, null));
      assertThat(candidateGroups(openTask(complaint, "Task_InvestigateComplaint"))).as(category).containsExactly(bureau);
    });
  }

  @Test
  void aSuggestionIsAnsweredByTheBureauConcerned() {
    ProcessInstance suggestion = register(intake("SUGGESTION", ""));
    work(suggestion, "Task_ClassifyComplaint", "burCentralAdmin", classify("SUGGESTION", "MEETING_SERVICE", null));
    assertThat(candidateGroups(openTask(suggestion, "Task_InvestigateComplaint"))).containsExactly("burMeeting");
    work(suggestion, "Task_InvestigateComplaint", "burMeeting", Map.of("findings", "รับข้อเสนอแนะไว้พิจารณา",
        "complaintSubstantiated", "NOT_APPLICABLE", "responseSummary", "ขอบคุณ", "responseMethod", "NOT_POSSIBLE",
        "respondedOn", "2026-12-01"));
    work(suggestion, "Task_CloseComplaint", "burCentralAdmin", Map.of("satisfactionSurveyed", "NO"));
    BpmnAwareTests.assertThat(suggestion).isEnded().hasPassed("EndEvent_ComplaintClosed");
  }

  @Test
  void aComplimentGoesToTheStaffMembersSupervisorAndToHrd() {
    ProcessInstance compliment = register(intake("COMPLIMENT", "นางชื่นชม ยินดี"));
    work(compliment, "Task_ClassifyComplaint", "burCentralAdmin",
        classify("COMPLIMENT", "SERVICE_COUNTER", "burFinanceHead"));
    BpmnAwareTests.assertThat(compliment).isWaitingAt("Task_InformSupervisor", "Task_RecordCompliment");
    assertThat(candidateGroups(openTask(compliment, "Task_InformSupervisor"))).containsExactly("burFinanceHead");
    assertThat(candidateGroups(openTask(compliment, "Task_RecordCompliment"))).containsExactly("burHrd");

    work(compliment, "Task_InformSupervisor", "burFinanceHead",
        Map.of("supervisorNote", "ขอชื่นชม", "staffInformedOn", "2026-11-30"));
    BpmnAwareTests.assertThat(compliment).isWaitingAt("Task_RecordCompliment");
    work(compliment, "Task_RecordCompliment", "burHrd",
        Map.of("staffName", "นายดี มีน้ำใจ", "hrdRecordNo", "HR-123", "recordedOn", "2026-11-30"));
    work(compliment, "Task_CloseComplaint", "burCentralAdmin", close(5));
    BpmnAwareTests.assertThat(compliment).isEnded().hasPassed("EndEvent_ComplaintClosed")
        .hasNotPassed("Task_InvestigateComplaint");
  }

  @Test
  void aSatisfactionScoreOutsideOneToFiveIsRefusedAndNothingCloses() {
    ProcessInstance complaint = register(intake("OPINION", "x"));
    work(complaint, "Task_ClassifyComplaint", "burCentralAdmin", classify("OPINION", "IT_SYSTEM", null));
    work(complaint, "Task_InvestigateComplaint", "burIt", investigate());
    assertThatThrownBy(() -> work(complaint, "Task_CloseComplaint", "burCentralAdmin", close(6)))
        .hasMessageContaining("คะแนนความพึงพอใจ");
    BpmnAwareTests.assertThat(complaint).isWaitingAt("Task_CloseComplaint");
  }

  @Test
  void corruptionFoundAtClassificationBecomesAnIntegrityCaseAndTheIdentityLeavesTheComplaint() {
    String name = "นายลับ" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> values = intake("SERVICE_COMPLAINT", name);
    values.put("subject", "เรื่องทุจริต " + UUID.randomUUID());
    ProcessInstance complaint = register(values);
    work(complaint, "Task_ClassifyComplaint", "burCentralAdmin", classify("CORRUPTION", null, null));

    BpmnAwareTests.assertThat(complaint).isEnded().hasPassed("EndEvent_HandedOverToIntegrity");
    ProcessInstance integrity = integrityCaseAbout((String) values.get("subject"));
    assertThat(integrity.getBusinessKey()).matches("INT-25\\d\\d-\\d{5}");
    assertThat(candidateGroups(openTask(integrity, "Task_PreliminaryReview"))).containsExactly("grpInternalAudit");
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
    completeAs("officePresidentUser", List.of("officePresident"), petition, PetitionValues.acknowledge());
    completeAs("officePresidentUser", List.of("officePresident"), petition, PetitionValues.triage("SERVICE_COMPLAINT"));

    BpmnAwareTests.assertThat(petition).isEnded().hasPassed("EndEvent_HandedOverToComplaint");
    String complaintKey = (String) historicValue(petition.getId(), "complaintBusinessKey");
    assertThat(complaintKey).matches("CMP-25\\d\\d-\\d{5}");
    ProcessInstance complaint = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(complaintKey)
        .singleResult();
    assertThat(complaint).isNotNull();
    assertThat(runtimeService.getVariable(complaint.getId(), "petitionBusinessKey")).isEqualTo(petition.getBusinessKey());
    assertThat(runtimeService.getVariable(complaint.getId(), "channel")).isEqualTo("PETITION");
    BpmnAwareTests.assertThat(complaint).isWaitingAt("Task_ClassifyComplaint");
  }

  @Test
  void aCorruptionPetitionBecomesAnIntegrityCaseWithoutThePetitionersIdentity() {
    String name = "นางร้องทุกข์" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> values = new HashMap<>(petitionIntake());
    values.put("petitionerName", name);
    values.put("subject", "ร้องเรียนการทุจริต " + UUID.randomUUID());
    ProcessInstance petition = runtimeService.startProcessInstanceByKey("petition", values);
    completeAs("officePresidentUser", List.of("officePresident"), petition, PetitionValues.acknowledge());
    completeAs("officePresidentUser", List.of("officePresident"), petition, PetitionValues.triage("CORRUPTION"));

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
    ProcessInstance integrity = runtimeService.createProcessInstanceQuery().processDefinitionKey("integrityCase")
        .variableValueEquals("subject", subject).singleResult();
    assertThat(integrity).as("the integrity case about " + subject).isNotNull();
    return integrity;
  }

  @Test
  void theInvestigationEscalatesToTheBureauHeadOnDayTenAndToSgOfficeOnDayFifteen() {
    clockAt(LocalDateTime.of(2026, 11, 26, 10, 0));
    ProcessInstance complaint = register(intake("SERVICE_COMPLAINT", "x"));
    work(complaint, "Task_ClassifyComplaint", "burCentralAdmin", classify("SERVICE_COMPLAINT", "IT_SYSTEM", null));
    Task task = openTask(complaint, "Task_InvestigateComplaint");
    // 15 calendar days, arrival day = day 1: due at 24:00 of Thu 10 December 2026.
    assertThat(task.getDueDate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 11, 0, 0)));

    Job warning = slaTimer(complaint);
    fire(warning);
    assertThat(candidateGroups(openTask(complaint, "Task_InvestigateComplaint"))).containsExactly("burIt");

    Job head = slaTimer(complaint);
    // Day 10 ends at 24:00 of Sat 5 December 2026.
    assertThat(head.getDuedate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 6, 0, 0)));
    ClockUtil.setCurrentTime(new java.util.Date(head.getDuedate().getTime() - 60_000));
    assertThat(managementService.createJobQuery().jobId(head.getId()).executable().count()).as("not before day 10").isZero();
    fire(head);
    task = openTask(complaint, "Task_InvestigateComplaint");
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder("burIt", "burItHead");
    assertThat(facts.findStep(task.getId()).orElseThrow().breachedAt()).as("not breached at day 10").isNull();

    Job sgOffice = slaTimer(complaint);
    assertThat(sgOffice.getDuedate().toInstant()).isEqualTo(bangkok(LocalDateTime.of(2026, 12, 11, 0, 0)));
    fire(sgOffice);
    task = openTask(complaint, "Task_InvestigateComplaint");
    assertThat(candidateGroups(task)).containsExactlyInAnyOrder("burIt", "burItHead", "sgOffice");
    assertThat(facts.findStep(task.getId()).orElseThrow().breachedAt()).isNotNull();
    // The head (day 10) and sgOffice (day 15): two escalation levels, counted when the step is breached.
    assertThat(facts.findStep(task.getId()).orElseThrow().escalations()).isEqualTo(2);
    assertThat(slaTimer(complaint)).as("no checkpoint after day 15").isNull();
    // sgOffice may now work it.
    work(complaint, "Task_InvestigateComplaint", "sgOffice", investigate());
    BpmnAwareTests.assertThat(complaint).isWaitingAt("Task_CloseComplaint");
  }

  private void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
  }
}
