package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
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
 * Status 7 and 8 at every stage, over the real HTTP APIs: the citizen withdraws (at reception,
 * during a supplement wait before and after acceptance, waiting for the fee, in appraisal, after
 * the apology, waiting at the counter for the result; refused once returned), and a head or the
 * leader stops processing with a reason. Open tasks and timers end, the history and the timeline
 * say who and why, the portal and the citizen are told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class WithdrawalAndStopTest {

    static final String CLERK = "tan-giang.reception";
    static final String REASON = "Công dân xin rút hồ sơ để bổ sung giấy tờ khác";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;
    Http http;
    DossierSteps steps;

    @BeforeEach
    void client() {
        http = new Http(port);
        steps = new DossierSteps(http);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void atReceptionTheOneStopRecordsTheCitizensWithdrawal() {
        assertWithdrawn(steps.submitted("tan-giang").code(), CLERK);
    }

    @Test
    void duringASupplementWaitBeforeAcceptance() {
        AtStep s = steps.submitted("tan-giang");
        http.complete(CLERK, s.taskId(), Map.of("receptionDecision", "SUPPLEMENT", "supplementRequest", "Thiếu giấy chứng sinh")).expect(204);
        assertThat(status(s.code())).isEqualTo(5);
        assertWithdrawn(s.code(), CLERK);
    }

    @Test
    void whileTheFeeIsDueThePortalWithdrawsOnTheCitizensBehalf() {
        String code = http.post("/api/dossiers", maritalStatus(), Http.PORTAL).expect(201).body().get("code").asText();
        http.complete(CLERK, steps.at(code, CLERK).taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        assertThat(status(code)).isEqualTo(6);
        assertWithdrawn(code, Http.PORTAL);
    }

    @Test
    void inAppraisalAndDuringASupplementWaitAfterAcceptance() {
        assertWithdrawn(steps.atAppraisal().code(), CLERK);
        AtStep s = steps.atAppraisal();
        http.complete("tan-giang.vp.specialist1", s.taskId(),
                Map.of("appraisalDecision", "SUPPLEMENT", "supplementRequest", "Bổ sung bản sao")).expect(204);
        assertThat(status(s.code())).isEqualTo(5);
        assertWithdrawn(s.code(), CLERK);
    }

    @Test
    void afterTheApologyWithItsNewDate() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T08:00:00+07:00").toInstant()));
        String code = http.post("/api/dossiers", maritalStatus(), Http.PORTAL).expect(201).body().get("code").asText();
        http.complete(CLERK, steps.at(code, CLERK).taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        http.complete(CLERK, steps.at(code, CLERK).taskId(), Map.of("feePaid", 5000, "receiptNumber", "BL-7")).expect(204);
        // one working day before the appointment (Thursday 05/03 08:00) the head must apologise
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-04T08:00:00+07:00").toInstant()));
        for (Job job : management.createJobQuery().executable().list()) management.executeJob(job.getId());
        JsonNode explain = http.tasks("tan-giang.vp.head", code).stream()
                .filter(t -> t.get("taskDefinitionKey").asText().equals("Task_ExplainDelay")).findFirst().orElseThrow();
        http.complete("tan-giang.vp.head", explain.get("id").asText(),
                Map.of("delayReason", "Chờ xác minh", "newAppointment", "2026-03-09")).expect(204);
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body().get("apology").isNull()).isFalse();
        assertWithdrawn(code, CLERK);
    }

    @Test
    void waitingAtTheCounterForTheResultButNotOnceReturned() {
        AtStep approval = steps.atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        assertThat(status(approval.code())).isEqualTo(9);
        assertWithdrawn(approval.code(), CLERK);

        AtStep returned = steps.atApproval();
        http.complete("tan-giang.leader", returned.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        AtStep counter = steps.at(returned.code(), CLERK);
        http.complete(CLERK, counter.taskId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);
        Http.Response late = http.post("/api/dossiers/" + returned.code() + "/withdrawal", Map.of("reason", REASON), CLERK);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(status(returned.code())).isEqualTo(10);
    }

    @Test
    void onlyTheCommunesOneStopOrThePortalWithAReasonMayWithdraw() {
        String code = steps.submitted("tan-giang").code();
        String path = "/api/dossiers/" + code + "/withdrawal";
        assertThat(http.post(path, Map.of("reason", REASON), "thuc-phan.reception").status()).as("another commune").isEqualTo(404);
        assertThat(http.post(path, Map.of("reason", REASON), "tan-giang.vp.specialist1").status()).as("not the one-stop").isEqualTo(403);
        assertThat(http.post(path, Map.of("reason", REASON), null).status()).isEqualTo(401);
        for (Object reason : java.util.Arrays.asList(null, "", " ", "x".repeat(1001), "a\u0000b", 12, List.of())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            Http.Response r = http.post(path, body, CLERK);
            assertThat(r.status()).as("reason %s", reason).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        }
        assertThat(status(code)).isEqualTo(1);
        assertWithdrawn(code, CLERK);
        assertThat(http.post(path, Map.of("reason", REASON), CLERK).status()).as("twice").isEqualTo(409);
    }

    @Test
    void theHeadStopsProcessingWithAReasonAndTheCitizenIsTold() {
        AtStep review = steps.atReview();
        Http.Response noReason = http.complete("tan-giang.vp.head", review.taskId(), Map.of("headDecision", "STOP"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("stopReason");
        http.complete("tan-giang.vp.head", review.taskId(),
                Map.of("headDecision", "STOP", "stopReason", "Người yêu cầu không thuộc diện được cấp")).expect(204);
        assertStopped(review.code(), "tan-giang.vp.head", "Người yêu cầu không thuộc diện được cấp");
    }

    @Test
    void theLeaderStopsProcessingWithAReason() {
        AtStep approval = steps.atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "STOP", "stopReason", "Giấy tờ không hợp lệ")).expect(204);
        assertStopped(approval.code(), "tan-giang.leader", "Giấy tờ không hợp lệ");
        assertThat(http.post("/api/dossiers/" + approval.code() + "/withdrawal", Map.of("reason", REASON), CLERK).status())
                .as("a stopped dossier cannot be withdrawn").isEqualTo(409);
    }

    private void assertWithdrawn(String code, String who) {
        long portal = outbox(code, "PORTAL");
        Http.Response r = http.post("/api/dossiers/" + code + "/withdrawal", Map.of("reason", REASON), who);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("status").asInt()).isEqualTo(7);
        assertEnded(code);
        JsonNode dossier = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        JsonNode last = dossier.get("statusHistory").get(dossier.get("statusHistory").size() - 1);
        assertThat(last.get("status").asInt()).isEqualTo(7);
        assertThat(last.get("note").asText()).contains(REASON);
        assertThat(last.get("actor").asText()).isEqualTo(who.startsWith("key:") ? "client:cong-dvc" : who);
        JsonNode row = dossier.get("timeline").get(dossier.get("timeline").size() - 1);
        assertThat(row.get("step").asText()).isEqualTo("WITHDRAWN");
        assertThat(row.get("note").asText()).contains(REASON);
        assertThat(outbox(code, "PORTAL")).as("the portal is told").isEqualTo(portal + 1);
        assertThat(outbox(code, "SMS")).as("the citizen is told").isPositive();
    }

    private void assertStopped(String code, String who, String reason) {
        assertEnded(code);
        JsonNode dossier = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(8);
        JsonNode last = dossier.get("statusHistory").get(dossier.get("statusHistory").size() - 1);
        assertThat(last.get("actor").asText()).isEqualTo(who);
        assertThat(last.get("note").asText()).contains(reason);
        assertThat(jdbc.sql("select count(*) from mc_outbox where dossier_code = ? and kind = 'NOTICE_STOPPED'")
                .param(code).query(Long.class).single()).as("the citizen's notice").isPositive();
    }

    /** No process instance, task or timer of the dossier is left. */
    private void assertEnded(String code) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
        assertThat(http.tasks("tan-giang.leader", code)).isEmpty();
        assertThat(management.createJobQuery().list()).noneMatch(j -> code.equals(jobBusinessKey(j)));
    }

    private String jobBusinessKey(Job job) {
        return job.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId()).list().stream()
                .map(p -> p.getBusinessKey()).findFirst().orElse(null);
    }

    private int status(String code) {
        return http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body().get("status").asInt();
    }

    private long outbox(String code, String channel) {
        return jdbc.sql("select count(*) from mc_outbox where dossier_code = ? and channel = ?").params(code, channel)
                .query(Long.class).single();
    }

    private static Map<String, Object> maritalStatus() {
        Map<String, Object> body = new LinkedHashMap<>(Submissions.birthRegistration("tan-giang", "COUNTER"));
        body.put("procedureCode", "1.004873");
        body.put("components", List.of(Map.of("name", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", "copies", 1)));
        return body;
    }
}
