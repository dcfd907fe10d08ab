package th.go.senate.workflow.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The input fields of one Camunda Form (.form JSON, schema of form-js), as far as validation needs them. */
public record FormDefinition(String id, List<FormField> fields) {

  private static final Pattern SIMPLE_CONDITION = Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

  public static FormDefinition parse(JsonNode form) {
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new FormDefinition(form.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), fields);
      }
      String key = component.path("key").asText(null);
      // A read-only field shows what the case already holds (the case header, Group_CaseHeader): it was checked
      // where it was entered, and values set by the engine (a Thai deadline text, a decision deemed by law) need
      // not fit the list of the form that shows them.
      if (key == null || key.isBlank() || component.path("readonly").asBoolean(false)) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> values = new ArrayList<>();
      component.path("values").forEach(v -> values.add(v.path("value").asText()));
      String label = firstText(component, "label", "dateLabel", "key");
      fields.add(new FormField(key, label, component.path("type").asText(), component.path("subtype").asText(null),
          validate.path("required").asBoolean(false),
          validate.has("minLength") ? validate.path("minLength").asInt() : null,
          validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
          validate.has("min") ? validate.path("min").asDouble() : null,
          validate.has("max") ? validate.path("max").asDouble() : null,
          validate.path("pattern").asText(null),
          values.isEmpty() ? null : values,
          component.path("conditional").path("hide").asText(null)));
    }
  }

  private static String firstText(JsonNode node, String... names) {
    for (String name : names) {
      String value = node.path(name).asText(null);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  /** Evaluates a field's hide condition against the submitted values (unknown shapes never hide). */
  public static boolean hidden(FormField field, java.util.function.Function<String, Object> values) {
    if (field.hideWhen() == null || field.hideWhen().isBlank()) {
      return false;
    }
    Matcher m = SIMPLE_CONDITION.matcher(field.hideWhen());
    if (!m.matches()) {
      return false;
    }
    Object actual = values.apply(m.group(1));
    boolean equal = actual != null && m.group(3).equals(String.valueOf(actual));
    return "=".equals(m.group(2)) ? equal : !equal;
  }
}
