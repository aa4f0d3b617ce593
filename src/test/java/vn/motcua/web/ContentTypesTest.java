package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.web.Problems.assertProblem;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;

/**
 * A body with a missing, wrong, wildcard or unreadable {@code Content-Type} is a 415, an
 * {@code Accept} that cannot be met a 406, a body over the limit a 413: each a problem+json, never
 * a 5xx, and nothing stored. (The limit is lowered to 64 KB here.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motcua.api.max-body-size=64KB")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ContentTypesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static Stream<Arguments> bodyEndpoints() {
        return Stream.of(
                Arguments.of("POST", "/api/dossiers", "tan-giang.reception"),
                Arguments.of("POST", "/api/admin/provisioning", "admin"),
                Arguments.of("POST", "/api/admin/clients/buu-dien", "admin"),
                Arguments.of("POST", "/api/admin/communes/tan-giang/handover", "admin"),
                Arguments.of("POST", "/api/integrations/post/events", "admin"),
                Arguments.of("PUT", "/api/dossiers/000.03.04.H11-260213-0001/result", "tan-giang.leader"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("bodyEndpoints")
    void aMissingWrongWildcardOrUnreadableContentTypeIs415(String method, String path, String user) {
        long rows = rows();
        RawHttp raw = new RawHttp(port);
        assertProblem(raw.request(method, path).as(user).body("{}").send(), 415);
        for (String type : new String[] {"*/*", "application/*", "nonsense", "application/json; charset=no-such-charset",
                "image/png"}) {
            Http.Response r = raw.request(method, path).as(user).header("Content-Type", type).body("{}").send();
            assertProblem(r, 415);
        }
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void anAcceptThatCannotBeMetIs406() {
        RawHttp raw = new RawHttp(port);
        for (String accept : new String[] {"image/png", "text/csv", "nonsense", "application/json;q=abc"}) {
            Http.Response r = raw.request("GET", "/api/calendar/working-days?from=2026-02-01&to=2026-02-28")
                    .header("Accept", accept).send();
            assertProblem(r, 406);
        }
        assertThat(raw.request("GET", "/api/calendar/working-days?from=2026-02-01&to=2026-02-28")
                .header("Accept", "*/*").send().status()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsGivenOrNot() {
        long rows = rows();
        byte[] big = ("{\"x\":\"" + "a".repeat(100 * 1024) + "\"}").getBytes();
        RawHttp raw = new RawHttp(port);
        assertProblem(raw.request("POST", "/api/admin/provisioning").as("admin").header("Content-Type", "text/csv")
                .body(big).send(), 413);
        Http.Response chunked = raw.request("POST", "/api/admin/provisioning").as("admin").header("Content-Type", "text/csv")
                .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).send();
        assertProblem(chunked, 413);
        // 100 short texts: over the body limit, within every limit of the JSON reader
        byte[] many = ("{\"x\":[" + String.join(",", java.util.Collections.nCopies(100, "\"" + "a".repeat(1000) + "\"")) + "]}")
                .getBytes();
        Http.Response json = raw.request("POST", "/api/dossiers").as("tan-giang.reception").header("Content-Type", "application/json")
                .body(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(many))).send();
        assertProblem(json, 413);
        assertThat(rows()).isEqualTo(rows);
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from mc_dossier) + (select count(*) from mc_official) "
                + "+ (select count(*) from mc_api_client) + (select count(*) from mc_inbox) + (select count(*) from mc_audit)")
                .query(Long.class).single();
    }
}
