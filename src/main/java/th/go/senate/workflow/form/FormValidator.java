package th.go.senate.workflow.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import th.go.senate.workflow.calendar.BangkokTime;
import th.go.senate.workflow.web.InputRules;
import th.go.senate.workflow.web.Refusal;

/**
 * Form-js validates only in the browser; this checks every submitted value again on the server, against
 * the same deployed .form file, before a start or a completion is accepted. A failure rolls the whole
 * command back (nothing is saved half way) and names the fields in Thai, as the clerk saw them: a
 * {@link Refusal}, answered 400 with that message alone.
 */
@Component
public class FormValidator {

  private final ObjectMapper json = new ObjectMapper();
  private final FormDateRules dates;
  /**
   * deploymentId → formId → form; deployments never change, so an entry never goes stale (nothing to clear),
   * and the forms of the latest deployments are the ones asked for.
   */
  private final Cache<String, Map<String, FormDefinition>> forms = Caffeine.newBuilder().maximumSize(100).build();

  public FormValidator(FormDateRules dates) {
    this.dates = dates;
  }

  /** Complete listener of every user task that has a Camunda Form. */
  public void validateTask(DelegateTask task) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    if (element == null || element.getCamundaFormRef() == null) {
      return;
    }
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    validate(formOf(execution.getProcessDefinition().getDeploymentId(), element.getCamundaFormRef()),
        task::getVariable, task.getName());
  }

  /** At the start of a process whose start event has a Camunda Form. */
  public void validateStart(StartEvent start, ExecutionEntity instance) {
    if (start.getCamundaFormRef() == null) {
      return;
    }
    validate(formOf(instance.getProcessDefinition().getDeploymentId(), start.getCamundaFormRef()),
        instance::getVariable, start.getName());
  }

  public void validate(FormDefinition form, Function<String, Object> values, String stepName) {
    List<String> problems = problems(form, values);
    if (!problems.isEmpty()) {
      throw new Refusal("ข้อมูลในแบบฟอร์ม \"" + (stepName == null ? form.id() : stepName)
          + "\" ไม่ครบถ้วนหรือไม่ถูกต้อง: " + String.join("; ", problems) + " — ยังไม่ได้บันทึกข้อมูลใด ๆ กรุณาแก้ไขแล้วส่งใหม่");
    }
  }

  /** The problems of submitted values, one Thai sentence per field; empty when all is well. */
  public List<String> problems(FormDefinition form, Function<String, Object> values) {
    List<String> problems = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (FormDefinition.hidden(field, values)) {
        continue;
      }
      Object value = values.apply(field.key());
      String label = "\"" + field.label() + "\"";
      boolean empty = value == null || (value instanceof String s && s.isBlank());
      if (empty) {
        if (field.required()) {
          problems.add("กรุณากรอก " + label);
        }
        continue;
      }
      String text = String.valueOf(value);
      if (field.allowedValues() != null && !field.allowedValues().contains(text)) {
        problems.add(label + " ต้องเลือกจากรายการที่กำหนด (ได้รับ '" + abbreviate(text) + "')");
        continue;
      }
      if ("datetime".equals(field.type()) && "date".equals(field.subtype())) {
        LocalDate date = BangkokTime.date(value);
        if (date == null) {
          problems.add(label + " ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (ได้รับ '" + abbreviate(text) + "')");
          continue;
        }
        // Every date field of every form, one rule (FormDateRules): far from today or, for what has happened, ahead.
        String implausible = dates.problem(label, field.key(), date, BangkokTime.today());
        if (implausible != null) {
          problems.add(implausible);
          continue;
        }
      }
      if ("textfield".equals(field.type()) || "textarea".equals(field.type())) {
        // The platform's one input rule (markup, control characters); only a text area may have several lines.
        String refused = InputRules.problem(label, text, "textarea".equals(field.type()));
        if (refused != null) {
          problems.add(refused);
          continue;
        }
      }
      if (field.maxLength() != null && text.length() > field.maxLength()) {
        problems.add(label + " ยาวเกิน " + field.maxLength() + " ตัวอักษร");
      }
      if (field.minLength() != null && text.length() < field.minLength()) {
        problems.add(label + " ต้องมีอย่างน้อย " + field.minLength() + " ตัวอักษร");
      }
      if ("number".equals(field.type())) {
        Double number = number(value);
        if (number == null) {
          problems.add(label + " ต้องเป็นตัวเลข");
        } else if ((field.min() != null && number < field.min()) || (field.max() != null && number > field.max())) {
          problems.add(label + " ต้องอยู่ระหว่าง " + field.min() + " ถึง " + field.max());
        }
      }
      if (field.pattern() != null && !matches(field.pattern(), text)) {
        problems.add(label + " มีรูปแบบไม่ถูกต้อง");
      }
    }
    return problems;
  }

  private FormDefinition formOf(String deploymentId, String formId) {
    Map<String, FormDefinition> deployed = forms.get(deploymentId, this::load);
    FormDefinition form = deployed.get(formId);
    if (form == null) {
      throw new IllegalStateException("Form '" + formId + "' is not part of deployment " + deploymentId);
    }
    return form;
  }

  private Map<String, FormDefinition> load(String deploymentId) {
    Map<String, FormDefinition> result = new ConcurrentHashMap<>();
    for (ResourceEntity resource : Context.getCommandContext().getResourceManager()
        .findResourcesByDeploymentId(deploymentId)) {
      if (resource.getName().endsWith(".form")) {
        try {
          FormDefinition form = FormDefinition.parse(json.readTree(resource.getBytes()));
          result.put(form.id(), form);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("Form " + resource.getName() + " is not valid JSON", e);
        }
      }
    }
    return result;
  }

  private static Double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.valueOf(String.valueOf(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).matches();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
