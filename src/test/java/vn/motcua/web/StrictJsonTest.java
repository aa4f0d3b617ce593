package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.web.Problems.assertRefused;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
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
import vn.motcua.support.Submissions;

/**
 * The API reads JSON strictly: one value, no duplicate keys, no coercion, bounded size and depth.
 * Each lenient body that used to be accepted (or to fail with a 5xx) is now a 400 naming the field,
 * and no dossier is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class StrictJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Stream<Arguments> lenientBodies() {
        String valid = write(Submissions.birthRegistration("tan-giang", "COUNTER"));
        return Stream.of(
                Arguments.of("a valid body followed by }", valid + "}", "body"),
                Arguments.of("a valid body followed by a number", valid + " 5", "body"),
                Arguments.of("two bodies", valid + valid, "body"),
                Arguments.of("copies 1.5", valid.replaceFirst("\"copies\":1", "\"copies\":1.5"), "components[0].copies"),
                Arguments.of("copies \"1\"", valid.replaceFirst("\"copies\":1", "\"copies\":\"1\""), "components[0].copies"),
                Arguments.of("copies true", valid.replaceFirst("\"copies\":1", "\"copies\":true"), "components[0].copies"),
                Arguments.of("copies beyond a long", valid.replaceFirst("\"copies\":1", "\"copies\":99999999999999999999"),
                        "components[0].copies"),
                Arguments.of("true as a name", with(valid, b -> applicant(b, "fullName", true)), "applicant.fullName"),
                Arguments.of("12 as an address", with(valid, b -> applicant(b, "address", 12)), "applicant.address"),
                Arguments.of("1.5 as a procedure", with(valid, b -> put(b, "procedureCode", 1.5)), "procedureCode"),
                Arguments.of("an object as a channel", with(valid, b -> put(b, "channel", Map.of("a", 1))), "channel"),
                Arguments.of("a duplicate key", valid.replaceFirst("\\{", "{\"communeCode\":\"thuc-phan\","), "communeCode"),
                Arguments.of("a duplicate nested key", valid.replaceFirst("\"fullName\"", "\"phone\":\"0912345678\",\"fullName\""),
                        "applicant.phone"),
                Arguments.of("a text of 20,000 characters", with(valid, b -> applicant(b, "address", "a".repeat(20_000))),
                        "applicant.address"),
                Arguments.of("nesting 100 deep", valid.replaceFirst("\\{", "{\"x\":" + "[".repeat(100) + "]".repeat(100) + ","), "body"),
                Arguments.of("an array instead of an object", "[" + valid + "]", "body"),
                Arguments.of("not JSON", "procedureCode=1.001193", "body"),
                Arguments.of("an empty body", "", "body"),
                Arguments.of("null", "null", "body"));
    }

    @ParameterizedTest(name = "{0} → 400 naming {2}")
    @MethodSource("lenientBodies")
    void aLenientBodyIsRefusedNamingTheFieldAndNothingIsStored(String what, String body, String field) {
        long dossiers = count("mc_dossier");
        assertRefused(http.post("/api/dossiers", body, "tan-giang.reception"), 400, field);
        assertThat(count("mc_dossier")).isEqualTo(dossiers);
    }

    @Test
    void theStrictBodyIsAcceptedAndAnUnknownPropertyIsIgnored() {
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", "COUNTER");
        body.put("portalReference", "DVC-2026-0001");
        http.post("/api/dossiers", body, "tan-giang.reception").expect(201);
    }

    @Test
    void theClientKeyBodyIsReadAsStrictly() {
        long clients = count("mc_api_client");
        assertRefused(http.post("/api/admin/clients/buu-dien", "{\"scopes\":[\"post:events\"],\"scopes\":[\"dossiers:read\"]}", "admin"),
                400, "scopes");
        assertRefused(http.post("/api/admin/clients/buu-dien", "{\"scopes\":\"post:events\"}", "admin"), 400, "scopes");
        assertThat(count("mc_api_client")).isEqualTo(clients);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String with(String json, UnaryOperator<Map<String, Object>> change) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = JSON.readValue(json, Map.class);
            return write(change.apply(body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicant(Map<String, Object> body, String field, Object value) {
        ((Map<String, Object>) body.get("applicant")).put(field, value);
        return body;
    }

    private static Map<String, Object> put(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
