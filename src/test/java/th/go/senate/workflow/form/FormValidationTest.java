package th.go.senate.workflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.support.PetitionValues;
import th.go.senate.workflow.support.PlatformTest;

/** The server checks every submitted value again, against the deployed form, before anything is saved. */
class FormValidationTest extends PlatformTest {

  private static final List<String> OFFICE = List.of("officePresident");

  @Autowired FormValidator validator;

  // ---------------------------------------------------------------- start form

  @Test
  void aStartWithoutRequiredFieldsIsRejectedNamingTheThaiLabelsAndSavesNothing() {
    Counts before = counts();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("petition", Map.of("channel", "LETTER")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ชื่อ-นามสกุลผู้ร้อง")
        .hasMessageContaining("ช่องทางการติดต่อผู้ร้อง")
        .hasMessageContaining("\"เรื่อง\"")
        .hasMessageContaining("รายละเอียดเรื่องราวร้องทุกข์")
        .hasMessageContaining("วันที่รับเรื่อง")
        .message().doesNotContain("ช่องทางการรับเรื่อง"); // the one field given is not reported
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aValueOutsideTheSelectListIsRejected() {
    Counts before = counts();
    assertThatThrownBy(() -> start(with("channel", "FAX")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ช่องทางการรับเรื่อง").hasMessageContaining("FAX");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aMalformedDateIsRejected() {
    Counts before = counts();
    assertThatThrownBy(() -> start(with("receivedDate", "26/11/2026")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("วันที่รับเรื่อง").hasMessageContaining("26/11/2026");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void textOverMaxLengthIsRejectedAndTextAtMaxLengthAccepted() {
    Counts before = counts();
    assertThatThrownBy(() -> start(with("petitionerName", "ก".repeat(201))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ชื่อ-นามสกุลผู้ร้อง").hasMessageContaining("200");
    assertThat(counts()).isEqualTo(before);

    ProcessInstance instance = start(with("petitionerName", "ก".repeat(200)));
    assertThat(instance.getId()).isNotNull();
    assertThat(counts().instances()).isEqualTo(before.instances() + 1);
  }

  @Test
  void aBlankRequiredFieldCountsAsMissing() {
    assertThatThrownBy(() -> start(with("subject", "   ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("กรุณากรอก \"เรื่อง\"");
  }

  @Test
  void validValuesStartTheCase() {
    Counts before = counts();
    ProcessInstance instance = startPetition();
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo("Task_AcknowledgePetition");
    Counts after = counts();
    assertThat(after.instances()).isEqualTo(before.instances() + 1);
    assertThat(after.caseFacts()).isEqualTo(before.caseFacts() + 1);
    assertThat(after.stepFacts()).isEqualTo(before.stepFacts() + 1);
  }

  // ---------------------------------------------------------------- task forms, conditional fields

  @Test
  void theCommitteeBureauHiddenOutsideTheSenateRemitIsNotRequired() {
    ProcessInstance instance = triageOpen();
    completeAs("officePresidentUser", OFFICE, instance,
        Map.of("triageCategory", "EXECUTIVE_MATTER", "triageReason", "เป็นอำนาจของฝ่ายบริหาร"));
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo("Task_ForwardToAgency");
  }

  @Test
  void theCommitteeBureauIsRequiredForTheSenateRemit() {
    ProcessInstance instance = triageOpen();
    Task triage = task(instance);
    assertThatThrownBy(() -> completeAs("officePresidentUser", OFFICE, instance,
        Map.of("triageCategory", "SENATE_REMIT", "triageReason", "อยู่ในอำนาจหน้าที่")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("สำนักกรรมาธิการที่รับผิดชอบ")
        .hasMessageContaining("คัดกรองเรื่อง");
    assertThat(task(instance).getId()).isEqualTo(triage.getId());
    assertThat(runtimeService.getVariable(instance.getId(), "triageCategory")).isNull();
  }

  @Test
  void theCommitteeBureauMustBeOneOfTheCommitteeBureaus() {
    ProcessInstance instance = triageOpen();
    assertThatThrownBy(() -> completeAs("officePresidentUser", OFFICE, instance,
        Map.of("triageCategory", "SENATE_REMIT", "committeeBureau", "noSuchGroup", "triageReason", "อยู่ในอำนาจหน้าที่")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("สำนักกรรมาธิการที่รับผิดชอบ").hasMessageContaining("noSuchGroup");
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo("Task_TriagePetition");
  }

  @Test
  void aTaskDateInTheWrongFormatIsRejected() {
    ProcessInstance instance = startPetition();
    assertThatThrownBy(() -> completeAs("officePresidentUser", OFFICE, instance,
        Map.of("acknowledgementMethod", "LETTER", "acknowledgedOn", "27/11/2026")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("วันที่แจ้งตอบรับ");
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo("Task_AcknowledgePetition");
  }

  // ---------------------------------------------------------------- FormDefinition.parse and problems()

  @Test
  void parsesTheTriageFormWithItsRulesAndCondition() throws Exception {
    FormDefinition form = parse("forms/petition-triage.form");
    assertThat(form.id()).isEqualTo("petition-triage");
    assertThat(form.fields()).extracting(FormField::key)
        .containsExactly("triageCategory", "committeeBureau", "triageReason"); // the heading text has no key

    FormField category = field(form, "triageCategory");
    assertThat(category.label()).isEqualTo("ผลการคัดกรอง");
    assertThat(category.type()).isEqualTo("radio");
    assertThat(category.required()).isTrue();
    assertThat(category.allowedValues())
        .containsExactly("SENATE_REMIT", "EXECUTIVE_MATTER", "CORRUPTION", "SERVICE_COMPLAINT");
    assertThat(category.hideWhen()).isNull();

    FormField bureau = field(form, "committeeBureau");
    assertThat(bureau.label()).isEqualTo("สำนักกรรมาธิการที่รับผิดชอบ");
    assertThat(bureau.type()).isEqualTo("select");
    assertThat(bureau.required()).isTrue();
    assertThat(bureau.allowedValues()).containsExactly("burCommittee1", "burCommittee2", "burCommittee3");
    assertThat(bureau.hideWhen()).isEqualTo("=triageCategory != \"SENATE_REMIT\"");
    assertThat(FormDefinition.hidden(bureau, Map.<String, Object>of("triageCategory", "CORRUPTION")::get)).isTrue();
    assertThat(FormDefinition.hidden(bureau, Map.<String, Object>of("triageCategory", "SENATE_REMIT")::get)).isFalse();

    FormField reason = field(form, "triageReason");
    assertThat(reason.type()).isEqualTo("textarea");
    assertThat(reason.maxLength()).isEqualTo(2000);
    assertThat(reason.minLength()).isNull();
    assertThat(reason.allowedValues()).isNull();
  }

  @Test
  void parsesTheIntakeFormDateField() throws Exception {
    FormDefinition form = parse("forms/petition-intake.form");
    assertThat(form.id()).isEqualTo("petition-intake");
    assertThat(form.fields()).extracting(FormField::key).containsExactly("channel", "petitionerName",
        "petitionerContact", "petitionerEmail", "subject", "details", "receivedDate");
    FormField received = field(form, "receivedDate");
    assertThat(received.type()).isEqualTo("datetime");
    assertThat(received.subtype()).isEqualTo("date");
    assertThat(received.label()).isEqualTo("วันที่รับเรื่อง");
    assertThat(received.required()).isTrue();
    assertThat(field(form, "details").maxLength()).isEqualTo(4000);
    // Everything is required but the petitioner's e-mail (issue 16), which must look like an address when given.
    assertThat(form.fields()).filteredOn(field -> !field.key().equals("petitionerEmail")).allMatch(FormField::required);
    FormField email = field(form, "petitionerEmail");
    assertThat(email.required()).isFalse();
    assertThat(new FormValidator(new FormDateRules()).problems(form, java.util.Map.of("petitionerEmail", "somjai@example.com")::get))
        .noneMatch(problem -> problem.contains("อีเมล"));
    assertThat(new FormValidator(new FormDateRules()).problems(form, java.util.Map.of("petitionerEmail", "somjai at example")::get))
        .contains("\"อีเมลของผู้ร้อง (ถ้ามี)\" มีรูปแบบไม่ถูกต้อง");
  }

  @Test
  void problemsListOneThaiSentencePerBadField() throws Exception {
    FormDefinition form = parse("forms/petition-triage.form");
    Map<String, Object> ok = PetitionValues.triage("SENATE_REMIT");
    assertThat(validator.problems(form, ok::get)).isEmpty();

    Map<String, Object> bad = new HashMap<>();
    bad.put("triageCategory", "SENATE_REMIT");
    bad.put("committeeBureau", "burCommittee9");
    bad.put("triageReason", "ข".repeat(2001));
    List<String> problems = validator.problems(form, bad::get);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("สำนักกรรมาธิการที่รับผิดชอบ").contains("burCommittee9");
    assertThat(problems.get(1)).contains("เหตุผลประกอบการคัดกรอง").contains("2000");

    Map<String, Object> hidden = Map.of("triageCategory", "CORRUPTION", "committeeBureau", "anything",
        "triageReason", "ทุจริต");
    assertThat(validator.problems(form, hidden::get)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance triageOpen() {
    ProcessInstance instance = startPetition();
    completeAs("officePresidentUser", OFFICE, instance, PetitionValues.acknowledge());
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo("Task_TriagePetition");
    return instance;
  }

  private ProcessInstance start(Map<String, Object> values) {
    return runtimeService.startProcessInstanceByKey("petition", values);
  }

  private static Map<String, Object> with(String key, Object value) {
    Map<String, Object> values = new HashMap<>(petitionIntake());
    values.put(key, value);
    return values;
  }

  /** What a start saves: instances, KPI facts, and reference numbers drawn. */
  private record Counts(long instances, long caseFacts, long stepFacts, long numbersDrawn) {
  }

  private Counts counts() {
    return new Counts(
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey("petition").count(),
        jdbc.queryForObject("select count(*) from kpi_case_fact where process_key = 'petition'", Long.class),
        jdbc.queryForObject("select count(*) from kpi_step_fact where process_key = 'petition'", Long.class),
        jdbc.queryForObject("select coalesce(sum(last_value), 0) from reference_sequence where process_key = 'petition'",
            Long.class));
  }

  private static FormDefinition parse(String resource) throws Exception {
    try (InputStream in = FormValidationTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return FormDefinition.parse(new ObjectMapper().readTree(in));
    }
  }

  private static FormField field(FormDefinition form, String key) {
    return form.fields().stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }
}
