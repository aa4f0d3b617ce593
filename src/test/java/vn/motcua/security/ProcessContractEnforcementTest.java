package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.DossierSteps.AtStep;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * The server owns the process: each case found by the security review, replayed as the real
 * officials over the real HTTP APIs, is now refused with 400/403 problem+json naming what is wrong,
 * and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ProcessContractEnforcementTest {

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    Http http;
    DossierSteps steps;

    @BeforeEach
    void client() {
        http = new Http(port);
        steps = new DossierSteps(http);
    }

    @Test
    void aSpecialistCannotMakeHerselfTheReviewerAndTheApprover() {
        AtStep appraisal = steps.atAppraisal();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("appraisalDecision", "DRAFT");
        vars.put("draftResult", "Giấy khai sinh");
        vars.put("headAssignee", "tan-giang.vp.specialist1");
        vars.put("leaderGroup", "tan-giang:vp:specialist");
        Http.Response r = http.complete("tan-giang.vp.specialist1", appraisal.taskId(), vars);

        assertRefused(r, 400, "headAssignee", "leaderGroup");
        assertThat(steps.at(appraisal.code(), "tan-giang.vp.specialist1").taskId()).isEqualTo(appraisal.taskId());
        assertThat(runtime.getVariable(appraisal.processInstanceId(), "headAssignee")).isEqualTo("tan-giang.vp.head");
        assertThat(runtime.getVariable(appraisal.processInstanceId(), "leaderGroup")).isEqualTo("tan-giang:leader");
    }

    @Test
    void aClerkCannotDecideAnotherCommunesDossierByWritingItsCode() {
        AtStep other = steps.submitted("thuc-phan");
        AtStep own = steps.submitted("tan-giang");
        long outbox = count("mc_outbox");
        long history = count("mc_dossier_status");

        Http.Response complete = http.complete("tan-giang.reception", own.taskId(),
                Map.of("dossierCode", other.code(), "receptionDecision", "REFUSE", "refusalReason", "Không đủ điều kiện"));
        assertRefused(complete, 400, "dossierCode");
        Http.Response put = http.put("/engine-rest/task/" + own.taskId() + "/variables/dossierCode",
                Map.of("value", other.code()), "tan-giang.reception");
        assertRefused(put, 400, "dossierCode");

        JsonNode otherDossier = http.get("/api/dossiers/" + other.code(), Http.PORTAL).expect(200).body();
        assertThat(otherDossier.get("status").asInt()).isEqualTo(1);
        assertThat(count("mc_outbox")).isEqualTo(outbox);
        assertThat(count("mc_dossier_status")).isEqualTo(history);
        assertThat(runtime.getVariable(own.processInstanceId(), "dossierCode")).isEqualTo(own.code());
    }

    @Test
    void everyWayOfWritingVariablesIsHeldToTheContract() {
        AtStep s = steps.submitted("tan-giang");
        String task = "/engine-rest/task/" + s.taskId();
        String instance = "/engine-rest/process-instance/" + s.processInstanceId();
        String clerk = "tan-giang.reception";

        assertRefused(http.put(task + "/variables/receptionGroup", Map.of("value", "tan-giang:leader"), clerk), 400, "receptionGroup");
        assertRefused(http.put(task + "/localVariables/headGroup", Map.of("value", "x"), clerk), 400, "headGroup");
        assertRefused(http.post(task + "/variables", Map.of("modifications",
                Map.of("feeAmount", Map.of("value", 0))), clerk), 400, "feeAmount");
        assertRefused(http.post(task + "/variables", Map.of("deletions", List.of("feeAmount")), clerk), 400, "deletions");
        assertRefused(http.send("DELETE", task + "/variables/feeAmount", null, null, clerk), 400, "feeAmount");
        assertRefused(http.post(task + "/submit-form", Map.of("variables",
                Map.of("appointmentAt", Map.of("value", "2030-01-01T00:00:00.000+0700", "type", "Date"))), clerk), 400, "appointmentAt");
        // what an official never does through the engine: 403 before Camunda sees it
        assertThat(http.put(instance + "/variables/dossierLate", Map.of("value", false), clerk).status()).isEqualTo(403);
        assertThat(http.post(instance + "/variables", Map.of("modifications", Map.of()), clerk).status()).isEqualTo(403);
        assertThat(http.post(instance + "/modification", Map.of("instructions", List.of()), clerk).status()).isEqualTo(403);
        assertThat(http.put("/engine-rest/execution/" + s.processInstanceId() + "/localVariables/x", Map.of("value", 1), clerk).status()).isEqualTo(403);
        assertThat(http.post("/engine-rest/message", Map.of("messageName", "PaymentReceived", "businessKey", s.code()), clerk).status()).isEqualTo(403);
        assertThat(http.post("/engine-rest/signal", Map.of("name", "x"), clerk).status()).isEqualTo(403);
        assertThat(http.post("/engine-rest/process-definition/key/thu-tuc/start", Map.of(), clerk).status()).isEqualTo(403);
        assertThat(http.post(task + "/delegate", Map.of("userId", "tan-giang.reception2"), clerk).status()).isEqualTo(403);
        assertThat(http.post(task + "/identity-links", Map.of("groupId", "tan-giang:leader", "type", "candidate"), clerk).status()).isEqualTo(403);
        assertThat(http.put(task, Map.of("name", "x", "due", "2030-01-01T00:00:00.000+0700"), clerk).status()).isEqualTo(403);
        assertThat(http.post(task + "/bpmnError", Map.of("errorCode", "SUPPLEMENT_NEEDED"), clerk).status()).isEqualTo(403);
        assertThat(http.post(task + "/claim", Map.of("userId", "tan-giang.reception2"), clerk).status()).isEqualTo(403);
        assertThat(http.post(instance + "/suspended", Map.of("suspended", true), clerk).status()).isEqualTo(403);
        assertThat(http.put(instance + "/suspended", Map.of("suspended", true), clerk).status()).isEqualTo(403);
        // the admin, too, writes only declared variables with valid values
        assertRefused(http.post(instance + "/variables", Map.of("modifications",
                Map.of("anything", Map.of("value", 1))), "admin"), 400, "anything");

        assertThat(steps.at(s.code(), clerk).taskId()).isEqualTo(s.taskId());
        assertThat(runtime.getVariable(s.processInstanceId(), "receptionGroup")).isEqualTo("tan-giang:reception");
        assertThat(runtime.getVariable(s.processInstanceId(), "feeAmount")).isEqualTo(0L);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(s.processInstanceId()).singleResult().isSuspended()).isFalse();
        assertThat(jdbc.sql("select count(*) from act_hi_op_log where proc_inst_id_ = ? and operation_type_ <> 'Create'")
                .param(s.processInstanceId()).query(Long.class).single()).as("no operation-log row for refused requests").isZero();
    }

    @Test
    void valuesAreCheckedByTypeLengthCharactersAndChoice() {
        AtStep s = steps.submitted("tan-giang");
        String clerk = "tan-giang.reception";
        String complete = "/engine-rest/task/" + s.taskId() + "/complete";
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "REFUSE"),
                "refusalReason", Map.of("value", 12, "type", "Integer")), clerk), 400, "refusalReason");
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "REFUSE"),
                "refusalReason", Map.of("value", "x".repeat(1001))), clerk), 400, "refusalReason");
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "REFUSE"),
                "refusalReason", Map.of("value", "Thiếu\u0000giấy tờ")), clerk), 400, "refusalReason");
        for (String type : List.of("Json", "Xml", "File", "Object", "Bytes", "Null", "Date")) {
            assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "ACCEPT", "type", type)), clerk),
                    400, "receptionDecision");
        }
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "MAYBE")), clerk), 400, "receptionDecision");
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", List.of("ACCEPT"))), clerk), 400, "receptionDecision");
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "ACCEPT", "valueInfo",
                Map.of("objectTypeName", "java.util.ArrayList"))), clerk), 400, "receptionDecision");
        assertRefused(http.post(complete, Map.of(), clerk), 400, "receptionDecision");
        assertRefused(http.post(complete, "{\"variables\": {\"receptionDecision\": {\"value\": null}}}", clerk), 400, "receptionDecision");
        assertRefused(http.post(complete, "{\"variables\": {\"receptionDecision\": null}}", clerk), 400, "receptionDecision");
        assertRefused(http.post(complete, vars("receptionDecision", Map.of("value", "REFUSE")), clerk), 400, "refusalReason");

        AtStep assignment = steps.atAssignment();
        assertRefused(http.complete("tan-giang.vp.head", assignment.taskId(), Map.of("specialistId", "thuc-phan.vp.specialist1")),
                400, "specialistId");
        AtStep appraisal = steps.atAppraisal();
        assertRefused(http.complete("tan-giang.vp.specialist1", appraisal.taskId(),
                Map.of("appraisalDecision", "DRAFT", "draftResult", "d".repeat(1501))), 400, "draftResult");
        assertThat(steps.at(s.code(), clerk).taskId()).isEqualTo(s.taskId());
        assertThat(steps.at(appraisal.code(), "tan-giang.vp.specialist1").taskId()).isEqualTo(appraisal.taskId());
    }

    @Test
    void whoeverDraftsAResultCannotReviewIt() {
        // a head who is also a specialist of his department (a small commune) drafts a result himself
        identity.createMembership("tan-giang.vp.head", "tan-giang:vp:specialist");
        identity.createMembership("tan-giang.vp.specialist2", "tan-giang:vp:head");
        try {
            AtStep assignment = steps.atAssignment();
            http.complete("tan-giang.vp.head", assignment.taskId(), Map.of("specialistId", "tan-giang.vp.head")).expect(204);
            AtStep appraisal = steps.at(assignment.code(), "tan-giang.vp.head");
            http.complete("tan-giang.vp.head", appraisal.taskId(),
                    Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh")).expect(204);

            List<JsonNode> review = http.tasks("tan-giang.vp.head", assignment.code());
            assertThat(review).hasSize(1);
            String reviewId = review.get(0).get("id").asText();
            assertThat(review.get(0).get("assignee").isNull()).as("not given to the drafter").isTrue();
            assertRefused(http.claim("tan-giang.vp.head", reviewId), 403, null);
            assertRefused(http.complete("tan-giang.vp.head", reviewId, Map.of("headDecision", "APPROVE")), 403, null);
            // the commune's leadership sees where the dossier waits (every official of the commune reads its tasks)
            List<String> readable = new java.util.ArrayList<>();
            http.get("/engine-rest/task?processInstanceBusinessKey=" + assignment.code(), "tan-giang.leader").expect(200).body()
                    .forEach(t -> readable.add(t.get("id").asText()));
            assertThat(readable).containsExactly(reviewId);
            // another head of the department reviews it
            http.claim("tan-giang.vp.specialist2", reviewId).expect(204);
            http.complete("tan-giang.vp.specialist2", reviewId, Map.of("headDecision", "APPROVE")).expect(204);
        } finally {
            identity.deleteMembership("tan-giang.vp.head", "tan-giang:vp:specialist");
            identity.deleteMembership("tan-giang.vp.specialist2", "tan-giang:vp:head");
        }
    }

    @Test
    void aHeadWhoReviewedCannotApproveAsLeader() {
        identity.createMembership("tan-giang.vp.head", "tan-giang:leader");
        try {
            AtStep approval = steps.atReview();
            http.complete("tan-giang.vp.head", approval.taskId(), Map.of("headDecision", "APPROVE")).expect(204);
            String leaderTask = steps.at(approval.code(), "tan-giang.leader").taskId();
            assertRefused(http.claim("tan-giang.vp.head", leaderTask), 403, null);
            assertRefused(http.complete("tan-giang.vp.head", leaderTask, Map.of("leaderDecision", "APPROVE")), 403, null);
            assertRefused(http.complete("tan-giang.vp.specialist1", leaderTask, Map.of("leaderDecision", "APPROVE")), 403, null);
            http.complete("tan-giang.leader", leaderTask, Map.of("leaderDecision", "APPROVE")).expect(204);
            JsonNode dossier = http.get("/api/dossiers/" + approval.code(), Http.PORTAL).expect(200).body();
            assertThat(dossier.get("status").asInt()).isEqualTo(9);
        } finally {
            identity.deleteMembership("tan-giang.vp.head", "tan-giang:leader");
        }
    }

    @Test
    void aCashFeeMustBeExactlyTheAmountDueWithAReceipt() {
        Map<String, Object> body = new LinkedHashMap<>(Submissions.birthRegistration("tan-giang", "COUNTER"));
        body.put("procedureCode", "1.004873");
        body.put("components", List.of(Map.of("name", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "copies", 1)));
        String code = http.post("/api/dossiers", body, Http.PORTAL).expect(201).body().get("code").asText();
        http.complete("tan-giang.reception", steps.at(code, "tan-giang.reception").taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        String fee = steps.at(code, "tan-giang.reception").taskId();
        String complete = "/engine-rest/task/" + fee + "/complete";

        for (Object amount : List.of(-5000, 3000, 2147483648L, 10_000)) {
            assertRefused(http.complete("tan-giang.reception", fee, Map.of("feePaid", amount, "receiptNumber", "BL-0001")), 400, "feePaid");
        }
        assertRefused(http.post(complete, "{\"variables\": {\"feePaid\": {\"value\": 5000.5}, \"receiptNumber\": {\"value\": \"BL-1\"}}}",
                "tan-giang.reception"), 400, "feePaid");
        assertRefused(http.complete("tan-giang.reception", fee, Map.of("feePaid", "5000", "receiptNumber", "BL-0001")), 400, "feePaid");
        assertRefused(http.complete("tan-giang.reception", fee, Map.of("feePaid", 5000)), 400, "receiptNumber");
        assertRefused(http.complete("tan-giang.reception", fee, Map.of("feePaid", 5000, "receiptNumber", "B".repeat(65))), 400, "receiptNumber");
        assertThat(count("mc_payment")).isZero();

        http.complete("tan-giang.reception", fee, Map.of("feePaid", 5000, "receiptNumber", "BL-0001")).expect(204);
        assertThat(jdbc.sql("select amount from mc_payment where dossier_code = ?").param(code).query(Long.class).single()).isEqualTo(5000L);
    }

    @Test
    void malformedBodiesAndEngineErrorsAreProblemsWithoutServerErrors() {
        AtStep s = steps.submitted("tan-giang");
        String complete = "/engine-rest/task/" + s.taskId() + "/complete";
        String clerk = "tan-giang.reception";
        assertThat(http.send("POST", complete, "{\"variables\": {}}", "*/*", clerk).status()).isEqualTo(415);
        assertThat(http.send("POST", complete, "{\"variables\": {}}", "text/plain", clerk).status()).isEqualTo(415);
        assertRefused(http.post(complete, "{\"variables\": {}}}", clerk), 400, "body");
        assertRefused(http.post(complete, "{\"variables\": {}, \"variables\": {}}", clerk), 400, "body");
        assertRefused(http.post(complete, "[".repeat(2000) + "]".repeat(2000), clerk), 400, "body");
        assertRefused(http.post(complete, "{", clerk), 400, "body");
        assertRefused(http.post(complete, "<xml/>", clerk), 400, "body");
        assertRefused(http.get("/engine-rest/task?processInstanceBusinessKey=%00", clerk), 400, "processInstanceBusinessKey");
        Http.Response unknown = http.post("/engine-rest/task/does-not-exist/complete", Map.of(), clerk);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text()).doesNotContainIgnoringCase("select").doesNotContain("SQL");
        assertThat(steps.at(s.code(), clerk).taskId()).isEqualTo(s.taskId());
    }

    private static Map<String, Object> vars(Object... nameAndDto) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < nameAndDto.length; i += 2) vars.put((String) nameAndDto[i], nameAndDto[i + 1]);
        return Map.of("variables", vars);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Refused with the status, as problem+json, naming each field (none to check when null). */
    @Test
    void aSupplementCannotBeReceivedWithoutSayingWhichPapersCame() {
        AtStep reception = steps.submitted("tan-giang");
        http.complete("tan-giang.reception", reception.taskId(), Map.of("receptionDecision", "SUPPLEMENT",
                "supplementRequest", "Bổ sung Giấy chứng sinh bản chính")).expect(204);
        AtStep supplement = steps.at(reception.code(), "tan-giang.reception");

        assertRefused(http.complete("tan-giang.reception", supplement.taskId(), Map.of()), 400, "supplementNote");
        assertRefused(http.complete("tan-giang.reception", supplement.taskId(), Map.of("supplementNote", "   ")), 400, "supplementNote");
        assertThat(steps.at(reception.code(), "tan-giang.reception").taskId()).isEqualTo(supplement.taskId());

        http.complete("tan-giang.reception", supplement.taskId(), Map.of("supplementNote", "Đã nộp Giấy chứng sinh bản chính"))
                .expect(204);
        assertThat(http.tasks("tan-giang.reception", reception.code())).hasSize(1)
                .allSatisfy(t -> assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_ReceptionCheck"));
    }

    static void assertRefused(Http.Response r, int status, String... fields) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).as(r.text()).startsWith("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception:").doesNotContain("SQL");
        if (fields == null) return;
        List<String> named = new ArrayList<>();
        r.body().path("errors").forEach(e -> named.add(e.path("field").asText()));
        for (String field : fields) {
            if (field != null) assertThat(named).as(r.text()).contains(field);
        }
    }
}
