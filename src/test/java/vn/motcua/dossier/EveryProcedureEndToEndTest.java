package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.catalog.ReturnMethod;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.Outbox;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * Every procedure of the catalog, for every return method it allows, from submission to the
 * returned result through the real HTTP APIs: motcua's to submit, Camunda's REST as the demo
 * officials of Tân Giang to work each step, whichever blocks the procedure composes. Checks the
 * statuses, the appointment, the step deadlines and the documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class EveryProcedureEndToEndTest {

    @LocalServerPort int port;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired Outbox outbox;
    @Autowired StatusLog statusLog;
    @Autowired DossierRepository repository;
    @Autowired ObjectMapper json;

    static Stream<Arguments> proceduresAndReturnMethods() {
        ProcedureCatalog catalog = ProcedureCatalog.load(new FileSystemResource("processes/catalog.yaml"));
        List<Arguments> cases = new ArrayList<>();
        for (Procedure p : catalog.all()) {
            for (ReturnMethod method : p.returnMethods()) {
                cases.add(Arguments.of(p.code(), p.name(), method.name(), p));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}, trả kết quả {2}")
    @MethodSource("proceduresAndReturnMethods")
    void aDossierGoesFromSubmissionToItsReturnedResult(String code, String name, String returnMethod, Procedure procedure) throws Exception {
        Http http = new Http(port);
        Map<String, Object> body = new LinkedHashMap<>(Submissions.birthRegistration("tan-giang", returnMethod));
        body.put("procedureCode", code);
        List<Map<String, Object>> components = new ArrayList<>();
        procedure.components().stream().filter(Procedure.Component::required)
                .forEach(c -> components.add(Map.of("name", c.name(), "copies", 1)));
        if (components.isEmpty()) components.add(Map.of("name", procedure.components().get(0).name(), "copies", 1));
        body.put("components", components);
        if (procedure.countsPages()) body.put("pages", 5);
        if (!procedure.needsEventDate()) body.remove("eventDate");
        JsonNode submitted = http.post("/api/dossiers", body, Http.PORTAL).expect(201).body();
        String dossier = submitted.get("code").asText();
        // the 201 answer and the portal's first record are built from what the submission wrote, not read
        // back: they must be what a read shows (the step's due time: the reception task's own)
        assertThat(submitted).as("201 answer of %s", code).isEqualTo(http.get("/api/dossiers/" + dossier, Http.PORTAL).expect(200).body());
        assertThat(java.time.OffsetDateTime.parse(submitted.get("deadline").get("currentStepDueAt").asText()).toInstant())
                .isEqualTo(tasks.createTaskQuery().processInstanceBusinessKey(dossier).singleResult().getDueDate().toInstant());
        OutboxMessage first = outbox.of(dossier).stream().filter(m -> m.channel() == Channel.PORTAL).findFirst().orElseThrow();
        assertThat(json.readTree(first.payload())).as("portal record of %s at registration", code)
                .isEqualTo(json.readTree(json.writeValueAsString(statusLog.portalRecord(repository.require(dossier)))));
        // the fees as the catalog's rules compute them for this request, kept with the dossier
        long fee = vn.motcua.catalog.Fees.quote(procedure, new vn.motcua.catalog.FeeRequest(1, procedure.countsPages() ? 5 : null, null,
                procedure.needsEventDate() ? java.time.LocalDate.parse(body.get("eventDate").toString()) : null,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), false)).total();
        assertThat(submitted.get("fees").get("total").asLong()).as("fees of %s", code).isEqualTo(fee);
        String department = procedure.department();
        List<String> officials = List.of("tan-giang.reception", "tan-giang." + department + ".head",
                "tan-giang." + department + ".specialist1", "tan-giang.leader");

        List<String> steps = new ArrayList<>();
        for (int guard = 0; guard < 20; guard++) {
            JsonNode task = null;
            String holder = null;
            for (String official : officials) {
                List<JsonNode> visible = http.tasks(official, dossier).stream()
                        .filter(t -> t.get("assignee").isNull() || t.get("assignee").asText().equals(official)).toList();
                if (!visible.isEmpty()) {
                    task = visible.get(0);
                    holder = official;
                    break;
                }
            }
            if (task == null) break;
            String step = task.get("taskDefinitionKey").asText();
            steps.add(step);
            // every step has a deadline: its share of the limit, or the appointment itself (fees, return)
            assertThat(task.get("due").isNull()).as("%s has a deadline", step).isFalse();
            Map<String, Object> vars = switch (step) {
                case "Task_ReceptionCheck" -> Map.of("receptionDecision", "ACCEPT");
                case "Task_CollectFee" -> Map.of("feePaid", fee, "receiptNumber", "BL-0001");
                case "Task_AssignSpecialist" -> Map.of("specialistId", "tan-giang." + department + ".specialist1");
                case "Task_AppraiseDossier" -> Map.of("appraisalDecision", "DRAFT", "draftResult", "Kết quả: " + name);
                case "Task_ReviewDraft" -> Map.of("headDecision", "APPROVE");
                case "Task_LeaderApproval" -> Map.of("leaderDecision", "APPROVE");
                case "Task_ReturnAtCounter" -> Map.of("recipientName", "Nguyễn Thị Hồng Nhung");
                case "Task_ReturnByPost" -> Map.of("postalTrackingNumber", "EB123456789VN");
                case "Task_ConfirmPostDelivery" -> Map.of("postOutcome", "DELIVERED",
                        "postOutcomeDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
                // an inter-agency bundle without a connection: the one-stop records each agency's result
                case "Task_RecordAgencyResult" -> Map.of("agencyOutcome", "DONE", "agencyResultNumber", "KQ-0001",
                        "agencyResultDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString());
                default -> throw new AssertionError("unexpected step " + step);
            };
            http.claim(holder, task.get("id").asText()).expect(204);
            http.complete(holder, task.get("id").asText(), vars).expect(204);
        }

        assertThat(steps).startsWith("Task_ReceptionCheck").contains("Task_LeaderApproval");
        JsonNode view = http.get("/api/dossiers/" + dossier, Http.PORTAL).expect(200).body();
        assertThat(view.get("status").asInt()).as("returned").isEqualTo(10);
        List<Integer> statuses = new ArrayList<>();
        view.get("statusHistory").forEach(s -> statuses.add(s.get("status").asInt()));
        assertThat(statuses).startsWith(1, 2).endsWith(9, 10).contains(4);
        if (fee > 0) assertThat(statuses).contains(6);
        assertThat(view.get("deadline").get("appointmentAt").asText()).isNotBlank();
        List<String> documents = new ArrayList<>();
        http.get("/api/dossiers/" + dossier + "/documents", "tan-giang.reception").expect(200).body()
                .forEach(d -> documents.add(d.get("kind").asText()));
        assertThat(documents).contains("mau-01", "mau-05", "ket-qua");
        assertThat(http.get("/api/dossiers/" + dossier + "/documents/mau-05", "tan-giang.reception").status()).isEqualTo(200);
    }
}
