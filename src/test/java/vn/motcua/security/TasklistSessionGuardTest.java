package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.motcua.support.WebappSession;

/**
 * The same rules hold for what Tasklist itself sends: an official logged in through the webapps'
 * login form (session cookie and CSRF token) completes tasks through {@code /camunda/api/engine},
 * and the guard refuses a variable the form does not declare, another commune's code, or a
 * write no official makes — and a finished instance of another commune cannot be suspended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class TasklistSessionGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    /** A browser session of Tasklist whose calls take bodies as objects, written as JSON. */
    final class Session {
        final WebappSession webapp;

        Session(String user) {
            webapp = new WebappSession(port, user);
        }

        HttpResponse send(String method, String path, Object body) throws Exception {
            WebappSession.Response r = webapp.send(method, path, JSON.writeValueAsString(body), "application/json");
            return new HttpResponse(r.status(), r.contentType(), r.text());
        }
    }

    record HttpResponse(int statusCode, String contentType, String body) {
    }

    @Test
    void tasklistsOwnCallsAreHeldToTheProcessContract() throws Exception {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        AtStep other = steps.submitted("thuc-phan");
        AtStep own = steps.submitted("tan-giang");
        Session clerk = new Session("tan-giang.reception");
        String api = "/camunda/api/engine/engine/default/task/" + own.taskId();

        HttpResponse forged = clerk.send("POST", api + "/submit-form", Map.of("variables", Map.of(
                "dossierCode", Map.of("value", other.code()), "receptionDecision", Map.of("value", "REFUSE"),
                "refusalReason", Map.of("value", "Không đủ điều kiện"))));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(forged.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("dossierCode");
        assertThat(clerk.send("PUT", api + "/variables/headAssignee", Map.of("value", "tan-giang.reception")).statusCode()).isEqualTo(400);
        assertThat(clerk.send("POST", "/camunda/api/engine/engine/default/process-instance/" + own.processInstanceId() + "/modification",
                Map.of("instructions", java.util.List.of())).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/dossiers/" + other.code(), Http.PORTAL).expect(200).body().get("status").asInt()).isEqualTo(1);

        // what the form declares goes through, as Tasklist sends it
        HttpResponse accepted = clerk.send("POST", api + "/submit-form",
                Map.of("variables", Map.of("receptionDecision", Map.of("value", "ACCEPT"))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        assertThat(http.get("/api/dossiers/" + own.code(), Http.PORTAL).expect(200).body().get("status").asInt()).isEqualTo(4);
    }

    /**
     * What the engine itself refuses behind Tasklist's API (a start form's validation, an unknown task, a
     * body that is not JSON) is a 4xx problem naming the field, as on /engine-rest; Camunda's own answer
     * on the webapps' copy of the API was a 500.
     */
    @Test
    void whatTheEngineRefusesBehindTasklistsApiIsAProblemNotA500() throws Exception {
        Session clerk = new Session("tan-giang.reception");
        String start = "/camunda/api/engine/engine/default/process-definition/key/tiep-nhan-tai-quay/submit-form";
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        Map.of("intakeProcedure", "1.001193", "intakeApplicantName", "Lục Thị Mai", "intakeIdNumber", "004192000123",
                "intakePhone", "0987654321", "intakeAddress", "Tổ 3, phường Tân Giang", "intakeReturnMethod", "COUNTER",
                "intakeEventDate", vn.motcua.support.Submissions.daysAgo(3), "intakeAcceptNow", true)
                .forEach((k, v) -> variables.put(k, Map.of("value", v)));
        // one required paper of three: the counter's start form is refused, naming the papers missing
        variables.put("intakePapers", Map.of("type", "Json", "value", "[\"Tờ khai đăng ký khai sinh\"]"));
        long dossiers = jdbc.sql("select count(*) from mc_dossier").query(Long.class).single();
        HttpResponse refused = clerk.send("POST", start, Map.of("variables", variables));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("intakePapers");
        assertThat(problem.get("message").asText()).as("what Tasklist shows").contains("Giấy chứng sinh hoặc giấy tờ thay thế");
        assertThat(jdbc.sql("select count(*) from mc_dossier").query(Long.class).single()).as("nothing registered").isEqualTo(dossiers);

        HttpResponse unknown = clerk.send("POST", "/camunda/api/engine/engine/default/task/khong-co/submit-form",
                Map.of("variables", Map.of()));
        assertThat(unknown.statusCode()).as(unknown.body()).isBetween(400, 404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        // with every paper the same form registers the dossier
        variables.put("intakePapers", Map.of("type", "Json", "value",
                "[\"Tờ khai đăng ký khai sinh\",\"Giấy chứng sinh hoặc giấy tờ thay thế\",\"Giấy tờ tùy thân của người đi đăng ký\"]"));
        HttpResponse registered = clerk.send("POST", start, Map.of("variables", variables));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from mc_dossier").query(Long.class).single()).isEqualTo(dossiers + 1);
    }

    @Test
    void anotherCommunesOfficialCannotSuspendAFinishedInstanceNorLeaveAnAuditRow() {
        Http http = new Http(port);
        AtStep refused = new DossierSteps(http).submitted("tan-giang");
        http.complete("tan-giang.reception", refused.taskId(), Map.of("receptionDecision", "REFUSE", "refusalReason", "Không thuộc thẩm quyền"))
                .expect(204);
        String root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(refused.code()).count() == 0
                ? jdbc.sql("select process_instance_id from mc_dossier where code = ?").param(refused.code()).query(String.class).single() : null;
        assertThat(root).as("the dossier's process has ended").isNotNull();
        long before = jdbc.sql("select count(*) from act_hi_op_log").query(Long.class).single();
        Http.Response r = http.put("/engine-rest/process-instance/" + root + "/suspended", Map.of("suspended", true), "thuc-phan.reception");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from act_hi_op_log").query(Long.class).single()).isEqualTo(before);
    }
}
