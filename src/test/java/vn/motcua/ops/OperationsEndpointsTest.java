package vn.motcua.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * The operators' endpoints over real HTTP: {@code /actuator/prometheus} for the province admin and
 * monitoring keys only (wrong passwords counted and throttled like everywhere else), nothing else of the
 * actuator exposed, and the probes open to anyone with readiness made of the database, the engine and
 * the organisation. The gauges' readings are kept for ten minutes here, so a second scrape shows the
 * cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motcua.ops.metrics-refresh=PT10M")
@ActiveProfiles({"demo", "test"})
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class OperationsEndpointsTest {

    /** What Prometheus 2.x/3.x sends when it scrapes. */
    private static final String PROMETHEUS_ACCEPT =
            "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void prometheusAnswersTheAdminAndRefusesAnonymousCallersAndOfficials() throws Exception {
        Prometheus prometheus = new Prometheus(port);

        HttpResponse<String> anonymous = prometheus.get("/actuator/prometheus");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"motcua\", charset=\"UTF-8\"");

        for (String official : List.of("tan-giang.reception", "tan-giang.leader", "thuc-phan.vp.head")) {
            HttpResponse<String> refused = prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic(official, "demo"));
            assertProblem(refused, 403);
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).as(official).contains("quản trị viên tỉnh");
        }

        HttpResponse<String> admin = prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic("admin", "demo"),
                "Accept", PROMETHEUS_ACCEPT);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        HttpResponse<String> plain = prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic("admin", "demo"));
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(plain.body()).contains("# HELP motcua_dossiers_open Open dossiers by commune and portal status",
                "motcua_dossiers_open{commune=\"tan-giang\",status=\"1\"} 0.0", "motcua_jobs_backlog ");
    }

    @Test
    void aMonitoringKeyWithTheMetricsScopeReadsPrometheusAndNothingElse() {
        Http http = new Http(port);
        Prometheus prometheus = new Prometheus(port);
        String key = http.post("/api/admin/clients/prometheus-tinh", Map.of("scopes", List.of("metrics:read")), "admin")
                .expect(200).body().get("apiKey").asText();

        assertThat(prometheus.get("/actuator/prometheus", "Authorization", "Bearer " + key, "Accept", PROMETHEUS_ACCEPT).statusCode())
                .isEqualTo(200);
        assertThat(prometheus.get("/actuator/prometheus", "X-API-Key", key).statusCode()).isEqualTo(200);
        assertProblem(prometheus.get("/actuator", "Authorization", "Bearer " + key), 403);
        assertProblem(prometheus.get("/actuator/env", "Authorization", "Bearer " + key), 403);
        assertThat(http.get("/api/admin/outbox", "key:" + key).status()).as("nothing of the API either").isEqualTo(403);

        assertProblem(prometheus.get("/actuator/prometheus", "Authorization", "Bearer demo-portal-key"), 403);
        assertProblem(prometheus.get("/actuator/prometheus", "X-API-Key", "demo-portal-key"), 403);
        assertProblem(prometheus.get("/actuator/prometheus", "Authorization", "Bearer mc_khong-phai-khoa"), 401);
        assertProblem(prometheus.get("/actuator/prometheus", "Authorization", "Bearer "), 401);
        assertProblem(prometheus.get("/actuator/prometheus", "Authorization", "Basic %%%"), 401);
    }

    @Test
    void noOtherActuatorEndpointIsExposedAndTheirAddressesAreGuardedToo() throws Exception {
        Prometheus prometheus = new Prometheus(port);
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
                "/actuator/metrics", "/actuator/configprops", "/actuator/mappings", "/actuator/shutdown", "/actuator/health/../env",
                "/actuator//prometheus", "/actuator/prometheus;x=y")) {
            assertProblem(prometheus.get(path), 401);
        }
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/threaddump", "/actuator/loggers",
                "/actuator/metrics", "/actuator/configprops", "/actuator/mappings", "/actuator/shutdown")) {
            assertProblem(prometheus.get(path, "Authorization", Prometheus.basic("admin", "demo")), 404);
        }
        assertProblem(prometheus.get("/actuator", "Authorization", Prometheus.basic("tan-giang.leader", "demo")), 403);
        HttpResponse<String> links = prometheus.get("/actuator", "Authorization", Prometheus.basic("admin", "demo"));
        assertThat(links.statusCode()).isEqualTo(200);
        List<String> exposed = new ArrayList<>();
        JSON.readTree(links.body()).get("_links").fieldNames().forEachRemaining(exposed::add);
        assertThat(exposed).containsExactlyInAnyOrder("self", "health", "health-path", "prometheus");
    }

    @Test
    void aWrongPasswordOnThePrometheusEndpointIsCountedAndThrottledLikeEveryLogin() {
        Prometheus prometheus = new Prometheus(port);
        double wrongBefore = prometheus.scrape().value("motcua_login_failures_total", "outcome", "wrong_password");

        assertProblem(prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic("admin", "sai-mat-khau")), 401);
        assertThat(prometheus.scrape().value("motcua_login_failures_total", "outcome", "wrong_password")).isEqualTo(wrongBefore + 1);

        // five wrong passwords of a login from one client are free; the sixth makes it wait (1 s on the engine's clock, held still)
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
        String specialist = "tan-giang.vp.specialist1";
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertProblem(prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic(specialist, "doan-" + attempt)), 401);
        }
        double blockedBefore = prometheus.scrape().value("motcua_login_failures_total", "outcome", "blocked");
        HttpResponse<String> waiting = prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic(specialist, "demo"));
        assertProblem(waiting, 429);
        assertThat(waiting.headers().firstValue("Retry-After")).hasValue("1");
        Prometheus.Exposition after = prometheus.scrape();
        assertThat(after.value("motcua_login_failures_total", "outcome", "wrong_password")).isEqualTo(wrongBefore + 7);
        assertThat(after.value("motcua_login_failures_total", "outcome", "blocked")).isEqualTo(blockedBefore + 1);
        new Http(port).send("DELETE", "/api/admin/logins/" + specialist + "/lock", null, null, "admin").expect(204);
        assertProblem(prometheus.get("/actuator/prometheus", "Authorization", Prometheus.basic(specialist, "demo")), 403);
    }

    @Test
    void aScrapeWithinTheRefreshIntervalServesTheReadingsItAlreadyHas() {
        Prometheus prometheus = new Prometheus(port);
        double before = prometheus.scrape().value("motcua_dossiers_open", "commune", "nung-tri-cao", "status", "1");
        new Http(port).post("/api/dossiers", Submissions.birthRegistration("nung-tri-cao", "COUNTER"), Http.PORTAL).expect(201);
        assertThat(prometheus.scrape().value("motcua_dossiers_open", "commune", "nung-tri-cao", "status", "1"))
                .as("read at most once per motcua.ops.metrics-refresh").isEqualTo(before);
    }

    @Test
    void readinessIsTheDatabaseTheEngineAndTheOrganisationAndLivenessOnlyTheProcess() throws Exception {
        Prometheus prometheus = new Prometheus(port);
        for (String path : List.of("/actuator/health/readiness", "/readyz")) {
            HttpResponse<String> ready = prometheus.get(path);
            assertThat(ready.statusCode()).as(path).isEqualTo(200);
            JsonNode health = JSON.readTree(ready.body());
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(statuses(health)).isEqualTo(Map.of("db", "UP", "engine", "UP", "organisation", "UP", "readinessState", "UP"));
            assertThat(ready.body()).as("statuses only, no details for anyone").doesNotContain("details");
        }
        for (String path : List.of("/actuator/health/liveness", "/livez")) {
            HttpResponse<String> live = prometheus.get(path);
            assertThat(live.statusCode()).as(path).isEqualTo(200);
            assertThat(statuses(JSON.readTree(live.body()))).isEqualTo(Map.of("livenessState", "UP"));
        }
        assertProblem(prometheus.get("/actuator/health/readiness/nothing"), 404);
        assertProblem(prometheus.get("/actuator/health/db"), 404);
    }

    @Test
    void withoutTheAdminAccountTheNodeIsOutOfServiceButAlive() throws Exception {
        Prometheus prometheus = new Prometheus(port);
        identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
        try {
            HttpResponse<String> ready = prometheus.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode health = JSON.readTree(ready.body());
            assertThat(health.get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(statuses(health)).isEqualTo(Map.of("db", "UP", "engine", "UP", "organisation", "OUT_OF_SERVICE",
                    "readinessState", "UP"));
            assertThat(prometheus.get("/livez").statusCode()).isEqualTo(200);
        } finally {
            identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
        }
        assertThat(prometheus.get("/readyz").statusCode()).isEqualTo(200);
    }

    private static Map<String, String> statuses(JsonNode health) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        health.get("components").fields().forEachRemaining(c -> statuses.put(c.getKey(), c.getValue().get("status").asText()));
        return statuses;
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
                .startsWith("application/problem+json");
        try {
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
