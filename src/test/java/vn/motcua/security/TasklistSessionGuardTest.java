package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /** A browser session of Tasklist: cookies kept, the CSRF token sent back as Tasklist does. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token;

        Session(String user) throws Exception {
            // Tasklist's page hands out the CSRF token that every later call (the login included) sends back
            client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.discarding());
            token = token();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            // the login starts a new session, whose token the next page hands out
            client.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/")).GET().build(), HttpResponse.BodyHandlers.discarding());
            token = token();
        }

        private String token() {
            return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        HttpResponse<String> send(String method, String path, Object body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json");
            if (token != null) b.header("X-XSRF-TOKEN", token);
            return client.send(b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void tasklistsOwnCallsAreHeldToTheProcessContract() throws Exception {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        AtStep other = steps.submitted("thuc-phan");
        AtStep own = steps.submitted("tan-giang");
        Session clerk = new Session("tan-giang.reception");
        String api = "/camunda/api/engine/engine/default/task/" + own.taskId();

        HttpResponse<String> forged = clerk.send("POST", api + "/submit-form", Map.of("variables", Map.of(
                "dossierCode", Map.of("value", other.code()), "receptionDecision", Map.of("value", "REFUSE"),
                "refusalReason", Map.of("value", "Không đủ điều kiện"))));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(forged.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("dossierCode");
        assertThat(clerk.send("PUT", api + "/variables/headAssignee", Map.of("value", "tan-giang.reception")).statusCode()).isEqualTo(400);
        assertThat(clerk.send("POST", "/camunda/api/engine/engine/default/process-instance/" + own.processInstanceId() + "/modification",
                Map.of("instructions", java.util.List.of())).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/dossiers/" + other.code(), Http.PORTAL).expect(200).body().get("status").asInt()).isEqualTo(1);

        // what the form declares goes through, as Tasklist sends it
        HttpResponse<String> accepted = clerk.send("POST", api + "/submit-form",
                Map.of("variables", Map.of("receptionDecision", Map.of("value", "ACCEPT"))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        assertThat(http.get("/api/dossiers/" + own.code(), Http.PORTAL).expect(200).body().get("status").asInt()).isEqualTo(4);
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
