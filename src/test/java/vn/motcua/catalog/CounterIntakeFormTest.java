package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.ProcessContract;

/**
 * The counter intake's form is the catalog's: every procedure in the select, each one's papers in
 * the checklist's expression with the required ones marked. Run with
 * {@code -Dmotcua.writeIntakeForm=true} to rewrite forms/tiep-nhan-tai-quay.form after a catalog change.
 */
class CounterIntakeFormTest {

    static final Path FILE = Path.of("forms", CounterIntakeForm.FILE);

    @Test
    void theCommittedFormIsTheOneTheCatalogMakes() throws Exception {
        ProcedureCatalog catalog = ProcedureCatalog.load(new FileSystemResource("processes/catalog.yaml"));
        String wanted = CounterIntakeForm.text(catalog);
        if (Boolean.getBoolean("motcua.writeIntakeForm")) {
            Files.writeString(FILE, wanted, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).as("forms/%s is stale: run mvn test "
                + "-Dtest=CounterIntakeFormTest -Dmotcua.writeIntakeForm=true", CounterIntakeForm.FILE).isEqualTo(wanted);

        JsonNode form = new ObjectMapper().readTree(wanted);
        List<String> keys = new ArrayList<>();
        form.get("components").forEach(c -> { if (c.has("key")) keys.add(c.get("key").asText()); });
        for (String key : keys) {
            assertThat(ProcessContract.find(key)).as(key).isPresent()
                    .get().satisfies(v -> assertThat(v.writableBy(Element.START_COUNTER_INTAKE)).as(key).isTrue());
        }
        String expression = form.get("components").findValue("valuesExpression").asText();
        for (Procedure p : catalog.all()) {
            assertThat(form.toString()).contains(p.code() + " — " + p.name());
            for (Procedure.Component c : p.components()) {
                assertThat(expression).contains("\"" + c.name() + (c.required() ? " (bắt buộc)" : "") + "\"");
            }
        }
        assertThat(CounterIntakeForm.matches(catalog, form)).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) form.get("components").get(1)).put("label", "x");
        assertThat(CounterIntakeForm.matches(catalog, form)).as("a changed form no longer matches").isFalse();
    }
}
