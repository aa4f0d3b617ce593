package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.web.Problems.assertRefused;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.DemoCsv;
import vn.motcua.support.Http;
import vn.motcua.support.PostgresDatabase;
import vn.motcua.support.Submissions;

/**
 * On PostgreSQL, which cannot store NUL: a NUL anywhere is refused before the database sees it.
 * When the database stops taking connections (as while it restarts), requests get a 503 with
 * {@code Retry-After} and no SQL, and the service serves again once it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500"})
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class PostgresFailuresTest {

    private static final String DATABASE = "motcua_test_failures";
    private static String url;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        url = PostgresDatabase.create(DATABASE);
        registry.add("motcua.test.pg-url", () -> url);
    }

    @Test
    void aNulIsRefusedBeforePostgresSeesIt() {
        Http http = new Http(port);
        long rows = rows();
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", "COUNTER");
        body.put("components", List.of(Map.of("name", "Tờ khai\u0000 đăng ký khai sinh", "copies", 1)));
        assertRefused(http.post("/api/dossiers", body, "tan-giang.reception"), 400, "components[0].name");
        assertRefused(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang\u0000", "COUNTER"), "tan-giang.reception"),
                400, "communeCode");
        assertRefused(http.post("/api/admin/communes/tan-giang/handover", Map.of("to", "thuc\u0000phan"), "admin"), 400, "to");
        assertRefused(http.post("/api/integrations/post/events", Map.of("eventId", "EV\u00001", "trackingNumber", "EB1VN",
                "event", "DELIVERED"), "admin"), 400, "eventId");
        assertRefused(http.get("/api/public/dossiers/000.03.04.H11-260213-0001?secret=%00", null), 400, "secret");
        assertRefused(http.postText("/api/admin/provisioning", DemoCsv.of("tan-giang") + "Lê\u0000 Văn Mới,tan-giang,vp,specialist,,\n",
                "text/csv", "admin"), 400, "line " + (DemoCsv.of("tan-giang").lines().count() + 1));
        assertThat(rows()).isEqualTo(rows);
        http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception").expect(201);
    }

    @Test
    void whilePostgresRefusesConnectionsRequestsGet503WithRetryAfterAndThenServeAgain() throws Exception {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        RawHttp raw = new RawHttp(port);
        try {
            restart(false);
            for (RawHttp.Request request : List.of(
                    raw.request("GET", "/api/dossiers/" + code).as("admin"),
                    raw.request("GET", "/api/dossiers/" + code).as("key:demo-portal-key"),
                    raw.request("GET", "/api/public/dossiers/" + code + "?secret=ABCDEFGH"),
                    raw.request("POST", "/api/dossiers").as("tan-giang.reception").header("Content-Type", "application/json")
                            .body(new com.fasterxml.jackson.databind.ObjectMapper()
                                    .writeValueAsString(Submissions.birthRegistration("tan-giang", "COUNTER"))))) {
                HttpResponse<String> r = request.exchange();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(r.body()).contains("correlationId").doesNotContainIgnoringCase("sql").doesNotContain("Exception", "at org.");
            }
            // what needs no database still works
            assertThat(http.get("/api/calendar/working-days?from=2026-02-01&to=2026-02-28", null).status()).isEqualTo(200);
        } finally {
            restart(true);
        }
        int status = 0;
        for (int i = 0; i < 50 && status != 200; i++) {
            status = http.get("/api/dossiers/" + code, "admin").status();
        }
        assertThat(status).as("served again once PostgreSQL is back").isEqualTo(200);
    }

    /** Like a restart: no new connection is taken, and every open one is cut. */
    private static void restart(boolean back) throws SQLException {
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS " + back);
            if (!back) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
            }
        }
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from mc_dossier) + (select count(*) from mc_official) "
                + "+ (select count(*) from mc_inbox) + (select count(*) from mc_audit) + (select count(*) from mc_lookup_failure)")
                .query(Long.class).single();
    }
}
