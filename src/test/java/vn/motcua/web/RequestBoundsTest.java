package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.web.Problems.assertRefused;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * Every text and number a client sends is bounded before the database (the columns' sizes, the
 * process variables' 4000 characters), and the bodies that used to be a 5xx — an empty or scalar
 * org chart, a null scope, a 5,000-character event id — are a 400 naming the field, with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class RequestBoundsTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;

    @ParameterizedTest(name = "{1}: \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "~ | application/yaml",
            "hello | application/yaml",
            "- a | application/yaml",
            "'# only a comment' | application/yaml",
            "{} | application/yaml",
            "'' | application/yaml",
            "~ | text/csv",
            "hello | text/csv",
            "'' | text/csv",
            "'fullName,ward,role' | text/csv",
    })
    void aProvisioningBodyThatIsNoOrgChartIsNamedBody(String body, String type) {
        long officials = count("mc_official");
        long users = identity.createUserQuery().count();
        assertRefused(new Http(port).postText("/api/admin/provisioning", body, type, "admin"), 400, "body");
        assertThat(count("mc_official")).isEqualTo(officials);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void anOrgChartTextLongerThanItsColumnIsRefused() {
        long users = identity.createUserQuery().count();
        String chart = """
                province: { code: cao-bang, name: Tỉnh Cao Bằng }
                communes:
                  - code: %s
                    name: %s
                    agencyId: 000.03.04.H99
                    departments: [ { code: %s, name: Văn phòng } ]
                    officials:
                      - { fullName: %s, role: reception }
                """;
        Http http = new Http(port);
        Http.Response r = assertRefused(http.postText("/api/admin/provisioning",
                chart.formatted("phuong-" + "a".repeat(30), "Phường Mới", "vp", "Lê Văn A"), "application/yaml", "admin"), 400, "body");
        assertThat(r.text()).contains("longer than 32");
        r = assertRefused(http.postText("/api/admin/provisioning",
                chart.formatted("phuong-moi", "Phường " + "Mới ".repeat(30), "van-phong-hdnd-ubnd", "Lê Văn " + "A".repeat(200)),
                "application/yaml", "admin"), 400, "body");
        assertThat(Problems.fields(r)).hasSize(3);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(jdbc.sql("select count(*) from mc_commune where code like 'phuong-%'").query(Long.class).single()).isZero();
    }

    @Test
    void aScopeThatIsNullBlankOrUnknownIsNamedByItsIndex() {
        Http http = new Http(port);
        long clients = count("mc_api_client");
        assertRefused(http.post("/api/admin/clients/buu-dien", "{\"scopes\": [null]}", "admin"), 400, "scopes[0]");
        assertRefused(http.post("/api/admin/clients/buu-dien", "{\"scopes\": [\"post:events\", \" \"]}", "admin"), 400, "scopes[1]");
        assertRefused(http.post("/api/admin/clients/buu-dien", Map.of("scopes", List.of("post:events", "dossiers:read", "root")),
                "admin"), 400, "scopes[2]");
        assertRefused(http.post("/api/admin/clients/buu-dien", "{\"scopes\": []}", "admin"), 400, "scopes");
        assertRefused(http.post("/api/admin/clients/buu-dien", "{}", "admin"), 400, "scopes");
        assertRefused(http.post("/api/admin/clients/buu-dien", Map.of("scopes", Collections.nCopies(20, "post:events")), "admin"),
                400, "scopes");
        assertRefused(http.post("/api/admin/clients/Buu_Dien", Map.of("scopes", List.of("post:events")), "admin"), 400, "name");
        assertThat(count("mc_api_client")).isEqualTo(clients);
        http.post("/api/admin/clients/buu-dien", Map.of("scopes", List.of("post:events")), "admin").expect(200);
    }

    @Test
    void aPostEventIsBoundedByItsColumns() {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "POST"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        jdbc.sql("update mc_dossier set postal_tracking_number = 'EB123456789VN' where code = ?").param(code).update();
        long inbox = count("mc_inbox");
        assertRefused(http.post("/api/integrations/post/events", event("E".repeat(5000), "EB123456789VN", null), "admin"), 400, "eventId");
        assertRefused(http.post("/api/integrations/post/events", event("EV-1", "EB".repeat(21), null), "admin"), 400, "trackingNumber");
        assertRefused(http.post("/api/integrations/post/events", event("EV-1", "EB123456789VN", "đ".repeat(1001)), "admin"), 400, "detail");
        assertThat(count("mc_inbox")).isEqualTo(inbox);
        // within bounds, the dossier not waiting for the post office is a conflict, and nothing is kept
        Http.Response conflict = http.post("/api/integrations/post/events", event("E".repeat(128), "EB123456789VN", "đ".repeat(1000)), "admin");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(count("mc_inbox")).isEqualTo(inbox);
    }

    @Test
    void aSubmissionIsBoundedByItsColumnsAndItsProcessVariables() {
        Http http = new Http(port);
        long dossiers = count("mc_dossier");
        Map<String, Object> longName = Submissions.birthRegistration("tan-giang", "COUNTER");
        applicant(longName).put("fullName", "Nguyễn " + "A".repeat(185));
        assertRefused(http.post("/api/dossiers", longName, "tan-giang.reception"), 400, "applicant.fullName");
        assertRefused(http.post("/api/dossiers", withComponents(50, 70), "tan-giang.reception"), 400, "components");
        assertRefused(http.post("/api/dossiers", withComponents(51, 10), "tan-giang.reception"), 400, "components");
        Map<String, Object> tooMany = withComponents(1, 10);
        tooMany.put("components", List.of(Map.of("name", "Giấy chứng sinh", "copies", 101)));
        assertRefused(http.post("/api/dossiers", tooMany, "tan-giang.reception"), 400, "components[0].copies");
        assertRefused(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang".repeat(10), "COUNTER"), "tan-giang.reception"),
                400, "communeCode");
        assertRefused(http.post("/api/admin/communes/tan-giang/handover", Map.of("to", "x".repeat(65)), "admin"), 400, "to");
        assertThat(count("mc_dossier")).isEqualTo(dossiers);

        applicant(longName).put("fullName", "Nguyễn " + "A".repeat(184));
        http.post("/api/dossiers", longName, "tan-giang.reception").expect(201);
        http.post("/api/dossiers", withComponents(50, 60), "tan-giang.reception").expect(201);
    }

    /**
     * A birth registration with {@code count} components whose names add up to {@code count * nameLength}
     * characters: its three required papers, then papers of made-up names that make up the rest.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withComponents(int count, int nameLength) {
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", "COUNTER");
        List<Map<String, Object>> components = new ArrayList<>((List<Map<String, Object>>) body.get("components"));
        int left = count * nameLength - components.stream().mapToInt(c -> ((String) c.get("name")).length()).sum();
        for (int i = components.size(); i < count; i++) {
            int length = left / (count - i);
            components.add(Map.of("name", ("Giấy " + i + " " + "g".repeat(length)).substring(0, length), "copies", 100));
            left -= length;
        }
        body.put("components", components);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    private static Map<String, Object> event(String id, String tracking, String detail) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", id);
        event.put("trackingNumber", tracking);
        event.put("event", "DELIVERED");
        if (detail != null) event.put("detail", detail);
        return event;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
