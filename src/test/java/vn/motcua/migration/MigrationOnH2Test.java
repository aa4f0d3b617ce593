package vn.motcua.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class MigrationOnH2Test extends MigrationHttpFlow {

    @Test
    void onlyTheProvinceAdminMigratesAndEveryBadBodyIsRefusedNamingItsField() {
        String body = "{\"processKey\": \"tiep-nhan\", \"dryRun\": true}";
        assertThat(problem(http.send("POST", "/api/admin/migrations", body, "application/json", null), 401)).isNotNull();
        assertThat(problem(http.withPassword("sai-mat-khau").send("POST", "/api/admin/migrations", body, "application/json", ADMIN), 401))
                .isNotNull();
        for (String notAdmin : new String[] {LEADER, RECEPTION, HEAD, "thuc-phan.leader", Http.PORTAL}) {
            assertThat(problem(http.send("POST", "/api/admin/migrations", body, "application/json", notAdmin), 403).get("title").asText())
                    .as(notAdmin).isEqualTo("Không có quyền");
        }

        Map<String, String> badBodies = new LinkedHashMap<>();
        badBodies.put("{}", "processKey");
        badBodies.put("{\"dryRun\": true}", "processKey");
        badBodies.put("{\"processKey\": null}", "processKey");
        badBodies.put("{\"processKey\": \"   \"}", "processKey");
        badBodies.put("{\"processKey\": 5}", "processKey");
        badBodies.put("{\"processKey\": [\"tiep-nhan\"]}", "processKey");
        badBodies.put("{\"processKey\": {\"key\": \"tiep-nhan\"}}", "processKey");
        badBodies.put("{\"processKey\": \"tiep-\\u0000nhan\"}", "processKey");
        badBodies.put("{\"processKey\": \"tiep-nhan\\n\"}", "processKey");
        badBodies.put("{\"processKey\": \"tiep-nhan\\u0085\"}", "processKey");
        badBodies.put("{\"processKey\": \"tiep-nhan\\ud800\"}", "processKey");
        badBodies.put("{\"processKey\": \"" + "k".repeat(65) + "\"}", "processKey");
        badBodies.put("{\"processKey\": \"khong-co-quy-trinh\"}", "processKey");
        badBodies.put("{\"processKey\": \"Tiếp nhận hồ sơ\"}", "processKey");
        badBodies.put("{\"processKey\": \"tiep-nhan\", \"dryRun\": \"true\"}", "dryRun");
        badBodies.put("{\"processKey\": \"tiep-nhan\", \"dryRun\": 1}", "dryRun");
        badBodies.put("{\"processKey\": \"tiep-nhan\", \"dryRun\": null}", "dryRun");
        badBodies.put("{\"processKey\": \"tiep-nhan\", \"dryrun\": true}", "dryrun");
        badBodies.put("{\"processKey\": \"tiep-nhan\", \"dryRun\": true, \"dryRun\": false}", "dryRun");
        badBodies.put("{\"processKey\": \"tiep-nhan\", \"\u0001\": true}", "body");
        badBodies.put("[\"tiep-nhan\"]", "body");
        badBodies.put("\"tiep-nhan\"", "body");
        badBodies.put("{\"processKey\": \"tiep-nhan\"", "body");
        badBodies.put("{\"processKey\": \"tiep-nhan\"} {}", "body");
        badBodies.put("", "body");
        long audits = audits();
        badBodies.forEach((bad, field) -> {
            var refused = problem(http.send("POST", "/api/admin/migrations", bad, "application/json", ADMIN), 400);
            assertThat(refused.get("errors")).as(bad).isNotEmpty();
            assertThat(refused.get("errors").get(0).get("field").asText()).as(bad).isEqualTo(field);
            assertThat(refused.get("errors").get(0).get("reason").asText()).as(bad).isNotBlank();
        });
        assertThat(http.send("POST", "/api/admin/migrations", body, "text/plain", ADMIN).status()).isEqualTo(415);
        assertThat(audits()).isEqualTo(audits);

        // a key with nothing running on an older version: nothing to do, and a real run says so
        var nothing = http.post("/api/admin/migrations", Map.of("processKey", "tra-ket-qua"), ADMIN).expect(200).body();
        assertThat(nothing.get("outcome").asText()).isEqualTo("NOTHING_TO_MIGRATE");
        assertThat(nothing.get("dryRun").asBoolean()).isFalse();
        assertThat(nothing.get("versions")).isEmpty();
        assertThat(audits()).as("a run that changed nothing leaves no audit row").isEqualTo(audits);
    }

    @Test
    void anEventWhoseTriggerAnAnalystChangedIsRenewedWhileEveryOtherKeepsItsSubscriptionAndDueDate() {
        String key = "thu-nghiem-su-kien";
        repository.createDeployment().addModelInstance(key + ".bpmn", waitingForMessage(key, "Đã nhận kết quả liên thông")).deploy();
        String instance = runtime.startProcessInstanceByKey(key).getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        repository.createDeployment().addModelInstance(key + ".bpmn", waitingForMessage(key, "Đã nhận kết quả liên thông (mới)")).deploy();

        var version = http.post("/api/admin/migrations", Map.of("processKey", key, "dryRun", true), ADMIN).expect(200)
                .body().get("versions").get(0);
        Map<String, Boolean> renewed = new LinkedHashMap<>();
        version.get("mapped").forEach(m -> renewed.put(m.get("source").asText(), m.get("updateEventTrigger").asBoolean()));
        assertThat(renewed).containsEntry("Boundary_Result", true).containsEntry("Boundary_Reminder", false)
                .containsEntry("Task_WaitForAgency", false);

        http.post("/api/admin/migrations", Map.of("processKey", key), ADMIN).expect(200);
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance).singleResult().getEventName())
                .isEqualTo("Đã nhận kết quả liên thông (mới)");
        Job moved = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(moved.getId()).isEqualTo(timer.getId());
        assertThat(moved.getDuedate()).isEqualTo(timer.getDuedate());
        assertThat(moved.getProcessDefinitionId()).isNotEqualTo(timer.getProcessDefinitionId());
    }

    /** Waits for another agency's result (a message), with a reminder timer that does not interrupt. */
    private static BpmnModelInstance waitingForMessage(String key, String message) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(30)
                .startEvent("Start")
                .userTask("Task_WaitForAgency").name("Chờ kết quả liên thông")
                .boundaryEvent("Boundary_Result").message(message).endEvent("End_Result")
                .moveToActivity("Task_WaitForAgency").boundaryEvent("Boundary_Reminder").cancelActivity(false)
                .timerWithDuration("P10D").endEvent("End_Reminder")
                .moveToActivity("Task_WaitForAgency").endEvent("End_Done")
                .done();
    }

    private static com.fasterxml.jackson.databind.JsonNode problem(Http.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.body();
    }
}
