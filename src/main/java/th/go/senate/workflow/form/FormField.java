package th.go.senate.workflow.form;

import java.util.List;

/**
 * One input of a Camunda Form, with the rules form-js checks in the browser and the server checks again.
 *
 * @param hideWhen the field's {@code conditional.hide} expression (only {@code =key = "V"} and
 *     {@code =key != "V"} are understood; a hidden field is neither required nor checked, as in form-js)
 */
public record FormField(String key, String label, String type, String subtype, boolean required,
    Integer minLength, Integer maxLength, Double min, Double max, String pattern, List<String> allowedValues,
    String hideWhen) {
}
