package th.go.senate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.go.senate.workflow.identity.BureauDirectory;
import th.go.senate.workflow.sla.SlaPlanner;
import th.go.senate.workflow.sla.SlaPolicy;
import th.go.senate.workflow.sla.SlaPolicyService;
import th.go.senate.workflow.support.PlatformTest;

/**
 * The rules every model of the repository follows, checked over every file in bpmn/ and forms/ (a new model
 * is checked without touching this class). Each test collects all violations and names them.
 */
class ModelRulesTest extends PlatformTest {

  private static final Path BPMN_DIR = Path.of("bpmn");
  private static final Path FORMS_DIR = Path.of("forms");
  private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
  private static final String UPPER_CAMEL = "[A-Z][A-Za-z0-9]*";
  private static final int MAX_FORM_SCHEMA_VERSION = 16;

  @Autowired BureauDirectory bureaus;
  @Autowired SlaPolicyService slaPolicies;

  private final ObjectMapper json = new ObjectMapper();
  private Map<Path, BpmnModelInstance> models;
  private Map<String, JsonNode> forms;

  @BeforeEach
  void readModelsAndForms() throws IOException {
    assertThat(BPMN_DIR).as("bpmn/ relative to the project root").isDirectory();
    assertThat(FORMS_DIR).as("forms/ relative to the project root").isDirectory();
    models = new LinkedHashMap<>();
    for (Path file : files(BPMN_DIR, ".bpmn")) {
      models.put(file, Bpmn.readModelFromFile(file.toFile()));
    }
    assertThat(models).as("BPMN models in bpmn/").isNotEmpty();
    forms = new LinkedHashMap<>();
    for (Path file : files(FORMS_DIR, ".form")) {
      JsonNode form = json.readTree(file.toFile());
      forms.put(form.path("id").asText(file.toString()), form);
    }
  }

  @Test
  void everyProcessIsExecutableWithHistoryTimeToLive() {
    List<String> violations = new ArrayList<>();
    int processes = 0;
    for (var model : models.entrySet()) {
      for (Process process : model.getValue().getModelElementsByType(Process.class)) {
        processes++;
        String where = model.getKey() + " process " + process.getId();
        if (!process.isExecutable()) {
          violations.add(where + ": not isExecutable");
        }
        String ttl = process.getCamundaHistoryTimeToLiveString();
        if (ttl == null || ttl.isBlank()) {
          violations.add(where + ": no camunda:historyTimeToLive");
        }
        if (!process.getId().matches("[a-z][A-Za-z0-9]*")) {
          violations.add(where + ": process key is not lowerCamel");
        }
      }
    }
    assertThat(processes).isPositive();
    assertThat(violations).isEmpty();
  }

  @Test
  void everyFlowNodeAndSequenceFlowIsDrawn() {
    List<String> violations = new ArrayList<>();
    for (var model : models.entrySet()) {
      BpmnModelInstance instance = model.getValue();
      Set<String> shapes = new HashSet<>();
      instance.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getAttributeValue("bpmnElement")));
      Set<String> edges = new HashSet<>();
      instance.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getAttributeValue("bpmnElement")));
      for (FlowNode node : instance.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) {
          violations.add(model.getKey() + ": no BPMNShape for " + node.getId());
        }
      }
      for (SequenceFlow flow : instance.getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(flow.getId())) {
          violations.add(model.getKey() + ": no BPMNEdge for " + flow.getId());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyUserTaskAndStartFormHasADeployedCamundaForm() {
    List<String> violations = new ArrayList<>();
    int checked = 0;
    for (var model : models.entrySet()) {
      for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
        checked++;
        checkFormRef(model.getKey() + " " + task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
            true, violations);
      }
      for (StartEvent start : model.getValue().getModelElementsByType(StartEvent.class)) {
        checkFormRef(model.getKey() + " " + start.getId(), start.getCamundaFormRef(),
            start.getCamundaFormRefBinding(), false, violations);
      }
    }
    assertThat(checked).isPositive();
    assertThat(violations).isEmpty();
  }

  private void checkFormRef(String where, String formRef, String binding, boolean required, List<String> violations) {
    if (formRef == null || formRef.isBlank()) {
      if (required) {
        violations.add(where + ": no camunda:formRef");
      }
      return;
    }
    if (!"deployment".equals(binding)) {
      violations.add(where + ": camunda:formRefBinding is '" + binding + "', not 'deployment'");
    }
    if (!forms.containsKey(formRef)) {
      violations.add(where + ": no form with id '" + formRef + "' in forms/");
    }
  }

  @Test
  void everyUserTaskHasExistingCandidateGroups() {
    List<String> violations = new ArrayList<>();
    for (var model : models.entrySet()) {
      BpmnModelInstance instance = model.getValue();
      for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
        String where = model.getKey() + " " + task.getId();
        List<String> groups = task.getCamundaCandidateGroupsList();
        if (groups.isEmpty()) {
          violations.add(where + ": no camunda:candidateGroups");
        }
        for (String group : groups) {
          Matcher expression = EXPRESSION.matcher(group.trim());
          if (expression.matches()) {
            checkGroupVariable(where, process(task), expression.group(1), violations);
          } else if (group.contains("${") || group.contains("#{")) {
            violations.add(where + ": candidate group expression '" + group + "' is not a plain ${variable}");
          } else if (!bureaus.exists(group.trim())) {
            violations.add(where + ": candidate group '" + group + "' is not in identity/bureaus.yaml");
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** A candidate group from a variable: the forms of the process that set it offer only existing groups. */
  private void checkGroupVariable(String where, Process process, String variable, List<String> violations) {
    int setters = 0;
    for (String formRef : formRefsOf(process)) {
      JsonNode form = forms.get(formRef);
      if (form == null) {
        continue;
      }
      for (JsonNode component : components(form)) {
        if (!variable.equals(component.path("key").asText(null))) {
          continue;
        }
        setters++;
        JsonNode values = component.path("values");
        if (!values.isArray() || values.isEmpty()) {
          violations.add(where + ": form " + formRef + " sets '" + variable
              + "' without a fixed list of values (free text cannot be checked against bureaus.yaml)");
          continue;
        }
        for (JsonNode value : values) {
          String group = value.path("value").asText();
          if (!bureaus.exists(group)) {
            violations.add(where + ": form " + formRef + " offers '" + group + "' for '" + variable
                + "', which is not a group of identity/bureaus.yaml");
          }
        }
      }
    }
    // ... or a business rule task whose decision table (bpmn/*.dmn) answers only with existing groups.
    for (BusinessRuleTask rule : process.getChildElementsByType(BusinessRuleTask.class)) {
      if (variable.equals(rule.getCamundaResultVariable())) {
        setters++;
        List<String> outputs = decisionOutputs(rule.getCamundaDecisionRef());
        if (outputs.isEmpty()) {
          violations.add(where + ": decision '" + rule.getCamundaDecisionRef() + "' that sets '" + variable
              + "' is not in bpmn/ or has no output values");
        }
        for (String group : outputs) {
          if (!bureaus.exists(group)) {
            violations.add(where + ": decision " + rule.getCamundaDecisionRef() + " answers '" + group + "' for '"
                + variable + "', which is not a group of identity/bureaus.yaml");
          }
        }
      }
    }
    if (setters == 0) {
      violations.add(where + ": candidate group variable '" + variable + "' is set by no form of the process");
    }
  }

  @Test
  void everyUserTaskHasTheSlaTimeoutListener() {
    List<String> violations = new ArrayList<>();
    for (var model : models.entrySet()) {
      for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
        String where = model.getKey() + " " + task.getId();
        ExtensionElements extensions = task.getExtensionElements();
        List<CamundaTaskListener> sla = extensions == null ? List.of()
            : extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .filter(l -> "SlaTimer".equals(l.getAttributeValue("id"))).toList();
        if (sla.size() != 1) {
          violations.add(where + ": expected one task listener with id 'SlaTimer', found " + sla.size());
          continue;
        }
        CamundaTaskListener listener = sla.get(0);
        if (!"timeout".equals(listener.getCamundaEvent())) {
          violations.add(where + ": SlaTimer listens to '" + listener.getCamundaEvent() + "', not 'timeout'");
        }
        if (!"${slaEscalation}".equals(listener.getCamundaDelegateExpression())) {
          violations.add(where + ": SlaTimer delegateExpression is '" + listener.getCamundaDelegateExpression()
              + "', not '${slaEscalation}'");
        }
        if (listener.getTimeouts().size() != 1) {
          violations.add(where + ": SlaTimer has " + listener.getTimeouts().size() + " timer definitions, not 1");
        } else {
          // SlaReplanner recognises the SLA timers by this expression.
          var timeDate = listener.getTimeouts().iterator().next().getTimeDate();
          String expression = timeDate == null ? null : timeDate.getTextContent().strip();
          if (!SlaPlanner.TIMER_EXPRESSION.equals(expression)) {
            violations.add(where + ": SlaTimer date is '" + expression + "', not '" + SlaPlanner.TIMER_EXPRESSION + "'");
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyUserTaskHasARowInTheDeployedSlaPolicy() {
    List<String> violations = new ArrayList<>();
    for (var model : models.entrySet()) {
      for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
        String processKey = process(task).getId();
        String where = model.getKey() + " " + processKey + "/" + task.getId();
        try {
          SlaPolicy policy = slaPolicies.policyFor(processKey, task.getId());
          if (policy.durationDays() < 1) {
            violations.add(where + ": SLA of " + policy.durationDays() + " days");
          }
          if (policy.escalationGroup() == null || !bureaus.exists(policy.escalationGroup())) {
            violations.add(where + ": SLA escalation group '" + policy.escalationGroup() + "' is not in bureaus.yaml");
          }
          if (policy.warningPercent() <= 0 || policy.warningPercent() >= 100 || policy.escalationPercent() < 100) {
            violations.add(where + ": SLA percentages warning " + policy.warningPercent() + " / escalation "
                + policy.escalationPercent());
          }
        } catch (RuntimeException e) {
          violations.add(where + ": " + e.getMessage());
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void idsFollowTheNamingConvention() {
    List<String> violations = new ArrayList<>();
    for (var model : models.entrySet()) {
      BpmnModelInstance instance = model.getValue();
      List<BaseElement> elements = new ArrayList<>(instance.getModelElementsByType(FlowNode.class));
      elements.addAll(instance.getModelElementsByType(SequenceFlow.class));
      for (BaseElement element : elements) {
        List<String> prefixes = prefixesFor(element);
        String id = element.getId();
        boolean ok = prefixes.stream().anyMatch(p -> id != null && id.matches(p + "_" + UPPER_CAMEL));
        if (!ok) {
          violations.add(model.getKey() + ": " + element.getElementType().getTypeName() + " id '" + id
              + "' should be " + String.join("_|", prefixes) + "_ followed by UpperCamel");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  private static List<String> prefixesFor(BaseElement element) {
    if (element instanceof SequenceFlow) {
      return List.of("Flow");
    }
    if (element instanceof Gateway) {
      return List.of("Gateway");
    }
    if (element instanceof StartEvent) {
      return List.of("StartEvent", "Event");
    }
    if (element instanceof EndEvent) {
      return List.of("EndEvent", "Event");
    }
    if (element instanceof BoundaryEvent) {
      return List.of("BoundaryEvent", "Event");
    }
    if (element instanceof Event) {
      return List.of("Event");
    }
    if (element instanceof Activity) {
      return List.of("Task", "Activity");
    }
    return List.of("Activity", "Event", "Gateway");
  }

  @Test
  void everyFormParsesWithSupportedSchemaAndLabelledFields() throws IOException {
    List<Path> files = files(FORMS_DIR, ".form");
    assertThat(files).isNotEmpty();
    List<String> violations = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      JsonNode form;
      try {
        form = json.readTree(file.toFile());
      } catch (IOException e) {
        violations.add(file + ": not JSON: " + e.getMessage());
        continue;
      }
      String id = form.path("id").asText("");
      if (id.isBlank()) {
        violations.add(file + ": no id");
      } else if (!ids.add(id)) {
        violations.add(file + ": id '" + id + "' used by another form too");
      }
      JsonNode schema = form.path("schemaVersion");
      if (!schema.isInt() || schema.asInt() > MAX_FORM_SCHEMA_VERSION) {
        violations.add(file + ": schemaVersion " + schema + " (Camunda 7.24 renders up to " + MAX_FORM_SCHEMA_VERSION + ")");
      }
      for (JsonNode component : components(form)) {
        if (component.hasNonNull("key") && component.path("label").asText("").isBlank()) {
          violations.add(file + ": field '" + component.path("key").asText() + "' has no label");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /**
   * Issue 13 §1: every user task's form opens with the case in view (example: forms/petition-consider.form):
   * the group Group_CaseHeader before any input of the step, with the reference number (Field_CaseReferenceNumber,
   * key referenceNumber, which CaseStart sets) and the subject (Field_CaseSubject), every field in it read-only and
   * never required. A form of the integrity process shows nobody's identity, in the header or anywhere else.
   */
  @Test
  void everyTaskFormOpensWithTheCaseHeader() {
    List<String> violations = new ArrayList<>();
    Set<String> taskForms = new java.util.TreeSet<>();
    Map<String, String> processOfForm = new LinkedHashMap<>();
    for (var model : models.entrySet()) {
      for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() != null) {
          taskForms.add(task.getCamundaFormRef());
          processOfForm.put(task.getCamundaFormRef(), process(task).getId());
        }
      }
    }
    assertThat(taskForms).isNotEmpty();
    for (String formRef : taskForms) {
      JsonNode form = forms.get(formRef);
      if (form == null) {
        continue; // everyUserTaskAndStartFormHasADeployedCamundaForm names it
      }
      JsonNode header = null;
      boolean inputBefore = false;
      for (JsonNode component : form.path("components")) {
        if ("Group_CaseHeader".equals(component.path("id").asText())) {
          header = component;
          break;
        }
        if (component.hasNonNull("key") || component.has("components")) {
          inputBefore = true;
        }
      }
      if (header == null) {
        violations.add(formRef + ": no case header (a top-level group with id Group_CaseHeader)");
        continue;
      }
      if (!"group".equals(header.path("type").asText())) {
        violations.add(formRef + ": Group_CaseHeader is a '" + header.path("type").asText() + "', not a group");
      }
      if (inputBefore) {
        violations.add(formRef + ": a field comes before the case header");
      }
      if (!"ข้อมูลเรื่อง".equals(header.path("label").asText())) {
        violations.add(formRef + ": the case header is labelled '" + header.path("label").asText() + "', not 'ข้อมูลเรื่อง'");
      }
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      List<JsonNode> fields = new ArrayList<>();
      collect(header.path("components"), fields);
      for (JsonNode field : fields) {
        byId.put(field.path("id").asText(), field);
        if (field.hasNonNull("key")) {
          if (!field.path("readonly").asBoolean(false)) {
            violations.add(formRef + ": case header field '" + field.path("key").asText() + "' is not read-only");
          }
          if (field.path("validate").path("required").asBoolean(false)) {
            violations.add(formRef + ": case header field '" + field.path("key").asText() + "' is required");
          }
        }
      }
      JsonNode reference = byId.get("Field_CaseReferenceNumber");
      if (reference == null || !"referenceNumber".equals(reference.path("key").asText())) {
        violations.add(formRef + ": the case header lacks Field_CaseReferenceNumber keyed 'referenceNumber'");
      }
      JsonNode subject = byId.get("Field_CaseSubject");
      if (subject == null || subject.path("key").asText("").isBlank()) {
        violations.add(formRef + ": the case header lacks the subject (Field_CaseSubject with the subject's key)");
      }
      if ("integrityCase".equals(processOfForm.get(formRef))) {
        for (JsonNode component : components(form)) {
          String key = component.path("key").asText("").toLowerCase(java.util.Locale.ROOT);
          if (key.contains("complainant") || key.contains("petitioner")) {
            violations.add(formRef + ": an integrity case form shows '" + component.path("key").asText()
                + "' (the complainant's identity stays in the protected store)");
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  // --- helpers ---

  private static final Pattern DECISION = Pattern.compile("<decision\\s[^>]*id=\"([^\"]+)\"(.*?)</decision>", Pattern.DOTALL);
  private static final Pattern OUTPUT_ENTRY = Pattern.compile("<outputEntry[^>]*>\\s*<text>\"([^\"]*)\"</text>");

  /** The literal output values of a decision table in bpmn/*.dmn (empty when the decision is not there). */
  private static List<String> decisionOutputs(String decisionId) {
    List<String> values = new ArrayList<>();
    try {
      for (Path file : files(BPMN_DIR, ".dmn")) {
        Matcher decision = DECISION.matcher(Files.readString(file));
        while (decision.find()) {
          if (decision.group(1).equals(decisionId)) {
            Matcher entry = OUTPUT_ENTRY.matcher(decision.group(2));
            while (entry.find()) {
              values.add(entry.group(1));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> stream = Files.walk(dir)) {
      return stream.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
          .toList();
    }
  }

  /** Every component of a form, also those nested in groups. */
  private static List<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    collect(form.path("components"), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> all) {
    if (!components.isArray()) {
      return;
    }
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
  }

  private static Process process(ModelElementInstance element) {
    ModelElementInstance current = element;
    while (current != null && !(current instanceof Process)) {
      current = current.getParentElement();
    }
    return (Process) current;
  }

  /** The form ids used by the start events and user tasks of a process. */
  private static Set<String> formRefsOf(Process process) {
    Set<String> refs = new HashSet<>();
    for (ModelElementInstance element : descendants(process)) {
      if (element instanceof UserTask task && task.getCamundaFormRef() != null) {
        refs.add(task.getCamundaFormRef());
      } else if (element instanceof StartEvent start && start.getCamundaFormRef() != null) {
        refs.add(start.getCamundaFormRef());
      }
    }
    return refs;
  }

  private static List<ModelElementInstance> descendants(ModelElementInstance root) {
    List<ModelElementInstance> all = new ArrayList<>();
    for (ModelElementInstance child : root.getDomElement().getChildElements().stream()
        .map(d -> d.getModelElementInstance()).filter(e -> e != null).toList()) {
      all.add(child);
      all.addAll(descendants(child));
    }
    return all;
  }
}
