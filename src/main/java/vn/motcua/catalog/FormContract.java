package vn.motcua.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.motcua.process.ProcessContract;
import vn.motcua.process.Variable;

/**
 * A user task's Camunda Form against the process contract. A field with a key writes that variable
 * unless it is disabled (form-js submits neither disabled fields nor hidden ones), so the writable
 * fields of a task's form must be exactly what the contract lets the task write; a choice field
 * offers exactly the contract's values; a text field's maximum length is the contract's, so that
 * the form tells the official before the server refuses.
 */
final class FormContract {

    private FormContract() {
    }

    static List<String> problems(String where, String taskId, JsonNode form) {
        List<String> problems = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        for (JsonNode field : fields(form)) {
            String key = field.path("key").asText(null);
            if (key == null) continue;
            Optional<Variable<?>> variable = ProcessContract.find(key);
            if (variable.isEmpty()) {
                problems.add(where + ": form field " + key + " is not a variable of the process contract");
                continue;
            }
            if (field.path("disabled").asBoolean(false)) continue;
            written.add(key);
            Variable<?> v = variable.get();
            if (!v.values().isEmpty() && v.optionsFrom() != null) {
                String valuesKey = field.path("valuesKey").asText(null);
                if (!v.optionsFrom().equals(valuesKey)) {
                    problems.add(where + ": form field " + key + " must take its options from " + v.optionsFrom()
                            + " (valuesKey), which the service writes for the task");
                }
            } else if (!v.values().isEmpty()) {
                Set<String> offered = new LinkedHashSet<>();
                field.path("values").forEach(o -> offered.add(o.path("value").asText()));
                if (!offered.equals(v.values())) {
                    problems.add(where + ": form field " + key + " offers " + offered + " but the contract allows " + v.values());
                }
            }
            if (v.kind() == Variable.Kind.TEXT && v.optionsFrom() == null) {
                int max = field.path("validate").path("maxLength").asInt(0);
                if (max != v.maxLength()) {
                    problems.add(where + ": form field " + key + " must have validate.maxLength " + v.maxLength()
                            + " (the contract's), not " + (max == 0 ? "none" : max));
                }
            }
        }
        Set<String> allowed = ProcessContract.writableBy(taskId);
        if (!written.equals(allowed)) {
            Set<String> extra = new TreeSet<>(written);
            extra.removeAll(allowed);
            Set<String> missing = new TreeSet<>(allowed);
            missing.removeAll(written);
            if (!extra.isEmpty()) {
                problems.add(where + ": form writes " + extra + ", which the contract does not let " + taskId + " write"
                        + " (make the field disabled, or declare the writer in ProcessContract)");
            }
            if (!missing.isEmpty()) {
                problems.add(where + ": the contract lets " + taskId + " write " + missing + " but its form has no such field");
            }
        }
        return problems;
    }

    private static List<JsonNode> fields(JsonNode container) {
        List<JsonNode> fields = new ArrayList<>();
        for (JsonNode c : container.path("components")) {
            fields.add(c);
            fields.addAll(fields(c));
        }
        return fields;
    }
}
