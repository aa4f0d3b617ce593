package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * Every official of Thục Phán against dossiers of Tân Giang waiting at each step, over the real
 * HTTP APIs (Camunda's REST as Tasklist calls it, and motcua's): list, read, claim, complete, read
 * variables, read history, download documents — every one denied. Within Tân Giang, each role acts only on its own steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest {

    static final List<String> OTHER_WARD = List.of("thuc-phan.reception", "thuc-phan.vp.head", "thuc-phan.vp.specialist1",
            "thuc-phan.leader", "nung-tri-cao.reception", "nung-tri-cao.leader");

    @LocalServerPort int port;
    Http http;
    /** Tân Giang dossiers by the step they wait at. */
    final Map<String, Dossier> atStep = new LinkedHashMap<>();

    record Dossier(String code, String taskId, String processInstanceId) {
    }

    @BeforeAll
    void dossiersOfTanGiangAtEveryStep() {
        http = new Http(port);
        atStep.put("reception", submit());
        Dossier head = submit();
        http.complete("tan-giang.reception", head.taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        atStep.put("assignment", refresh(head.code(), "tan-giang.vp.head"));
        Dossier appraisal = submit();
        http.complete("tan-giang.reception", appraisal.taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        Dossier a = refresh(appraisal.code(), "tan-giang.vp.head");
        http.complete("tan-giang.vp.head", a.taskId(), Map.of("specialistId", "tan-giang.vp.specialist1")).expect(204);
        atStep.put("appraisal", refresh(appraisal.code(), "tan-giang.vp.specialist1"));
        Dossier approval = submit();
        http.complete("tan-giang.reception", approval.taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        Dossier b = refresh(approval.code(), "tan-giang.vp.head");
        http.complete("tan-giang.vp.head", b.taskId(), Map.of("specialistId", "tan-giang.vp.specialist1")).expect(204);
        b = refresh(approval.code(), "tan-giang.vp.specialist1");
        http.complete("tan-giang.vp.specialist1", b.taskId(), Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh")).expect(204);
        b = refresh(approval.code(), "tan-giang.vp.head");
        http.complete("tan-giang.vp.head", b.taskId(), Map.of("headDecision", "APPROVE")).expect(204);
        atStep.put("approval", refresh(approval.code(), "tan-giang.leader"));
    }

    @Test
    void officialsOfAnotherWardCanDoNothingWithTheseDossiers() {
        List<String> allowed = new ArrayList<>();
        int checks = 0;
        for (String official : OTHER_WARD) {
            for (Map.Entry<String, Dossier> step : atStep.entrySet()) {
                Dossier d = step.getValue();
                String where = official + " on the " + step.getKey() + " step of " + d.code();
                Map<String, Http.Response> attempts = new LinkedHashMap<>();
                attempts.put("get task", http.get("/engine-rest/task/" + d.taskId(), official));
                attempts.put("claim", http.claim(official, d.taskId()));
                attempts.put("complete", http.complete(official, d.taskId(), Map.of("receptionDecision", "ACCEPT",
                        "specialistId", official, "headDecision", "APPROVE", "leaderDecision", "APPROVE")));
                attempts.put("task variables", http.get("/engine-rest/task/" + d.taskId() + "/variables", official));
                attempts.put("process variables", http.get("/engine-rest/process-instance/" + d.processInstanceId() + "/variables", official));
                attempts.put("motcua dossier", http.get("/api/dossiers/" + d.code(), official));
                attempts.put("download documents", http.get("/api/dossiers/" + d.code() + "/documents/mau-05", official));
                for (Map.Entry<String, Http.Response> a : attempts.entrySet()) {
                    checks++;
                    if (a.getValue().status() < 400) allowed.add(where + ": " + a.getKey() + " → " + a.getValue().status());
                    else assertThat(a.getValue().status()).as(where + ": " + a.getKey()).isIn(401, 403, 404);
                }
                Map<String, Http.Response> lists = new LinkedHashMap<>();
                lists.put("task list", http.get("/engine-rest/task?processInstanceBusinessKey=" + d.code(), official));
                lists.put("variable list", http.get("/engine-rest/variable-instance?processInstanceIdIn=" + d.processInstanceId(), official));
                lists.put("history", http.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + d.code(), official));
                lists.put("task history", http.get("/engine-rest/history/task?processInstanceBusinessKey=" + d.code(), official));
                lists.put("activity history", http.get("/engine-rest/history/activity-instance?processInstanceId=" + d.processInstanceId(), official));
                for (Map.Entry<String, Http.Response> l : lists.entrySet()) {
                    checks++;
                    assertThat(l.getValue().status()).as(where + ": " + l.getKey()).isEqualTo(200);
                    if (!l.getValue().body().isEmpty()) allowed.add(where + ": " + l.getKey() + " lists " + l.getValue().body().size());
                }
            }
        }
        System.out.println("ISOLATION MATRIX: " + OTHER_WARD.size() + " officials x " + atStep.size() + " steps x 12 operations = "
                + checks + " checks, " + allowed.size() + " allowed");
        assertThat(allowed).isEmpty();
        // and nothing moved
        for (Map.Entry<String, Dossier> step : atStep.entrySet()) {
            assertThat(http.get("/api/dossiers/" + step.getValue().code(), Http.PORTAL).expect(200).body().get("timeline").size())
                    .as(step.getKey()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void withinTheWardEachRoleActsOnlyOnItsOwnSteps() {
        Map<String, List<String>> forbidden = Map.of(
                "reception", List.of("tan-giang.vp.head", "tan-giang.vp.specialist1", "tan-giang.leader", "tan-giang.kt.head"),
                "assignment", List.of("tan-giang.reception", "tan-giang.vp.specialist1", "tan-giang.leader", "tan-giang.kt.head"),
                "appraisal", List.of("tan-giang.reception", "tan-giang.vp.head", "tan-giang.leader", "tan-giang.kt.specialist1"),
                "approval", List.of("tan-giang.reception", "tan-giang.vp.head", "tan-giang.vp.specialist1"));
        for (Map.Entry<String, List<String>> step : forbidden.entrySet()) {
            Dossier d = atStep.get(step.getKey());
            for (String official : step.getValue()) {
                assertThat(http.claim(official, d.taskId()).status()).as(official + " claims " + step.getKey()).isIn(403, 404);
                assertThat(http.complete(official, d.taskId(), Map.of("receptionDecision", "ACCEPT", "specialistId",
                        "tan-giang.vp.specialist1", "appraisalDecision", "DRAFT", "draftResult", "x", "headDecision", "APPROVE",
                        "leaderDecision", "APPROVE")).status()).as(official + " completes " + step.getKey()).isIn(403, 404);
            }
        }
        // the leader oversees (reads) the whole commune's work but acts only on approvals
        assertThat(http.get("/engine-rest/task/" + atStep.get("appraisal").taskId(), "tan-giang.leader").status()).isEqualTo(200);
        // a specialist colleague of the same department may take over the appraisal
        assertThat(http.get("/engine-rest/task?processInstanceBusinessKey=" + atStep.get("appraisal").code(), "tan-giang.vp.specialist2")
                .expect(200).body()).hasSize(1);
    }

    private Dossier submit() {
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body().get("code").asText();
        return refresh(code, "tan-giang.reception");
    }

    private Dossier refresh(String code, String official) {
        List<JsonNode> tasks = http.tasks(official, code);
        assertThat(tasks).as(official + " sees " + code).hasSize(1);
        return new Dossier(code, tasks.get(0).get("id").asText(), tasks.get(0).get("processInstanceId").asText());
    }
}
