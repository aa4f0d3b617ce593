package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.web.Problems.assertRefused;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
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
import vn.motcua.support.DemoCsv;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * NUL and other control characters, in every text a client sends (JSON, query parameters, path
 * variables, credentials, provisioning files), are a 400 naming where they are, before any of it
 * reaches the database; only multi-line texts keep their tabs and line breaks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ClientTextTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;

    static Stream<Arguments> jsonTexts() {
        return Stream.of(
                Arguments.of("applicant.address", "Tổ 5\u0000, phường Tân Giang"),
                Arguments.of("applicant.address", "Tổ 5\t phường Tân Giang"),
                Arguments.of("applicant.address", "Tổ 5\n phường Tân Giang"),
                Arguments.of("applicant.fullName", "Nguyễn Thị\u0085Hồng Nhung"),
                Arguments.of("applicant.email", "nhung\u007F@example.vn"),
                Arguments.of("components[1].name", "Giấy chứng sinh\u0007"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jsonTexts")
    void aControlCharacterInAJsonTextIsNamedAndNothingIsStored(String field, String text) {
        long dossiers = count("mc_dossier");
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", "COUNTER");
        if (field.startsWith("components")) {
            body.put("components", List.of(Map.of("name", "Tờ khai đăng ký khai sinh", "copies", 1), Map.of("name", text, "copies", 1)));
        } else {
            @SuppressWarnings("unchecked")
            Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
            applicant.put(field.substring("applicant.".length()), text);
        }
        Http.Response r = assertRefused(new Http(port).post("/api/dossiers", body, "tan-giang.reception"), 400, field);
        assertThat(r.body().path("errors").get(0).path("reason").asText()).contains("ký tự điều khiển");
        assertThat(count("mc_dossier")).isEqualTo(dossiers);
    }

    @Test
    void aLoneSurrogateEscapedInJsonIsRefused() throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Submissions.birthRegistration("tan-giang", "COUNTER"))
                .replace("Tổ 5", "Tổ 5 \\ud800");
        assertRefused(new Http(port).post("/api/dossiers", body, "tan-giang.reception"), 400, "applicant.address");
    }

    @Test
    void aMultiLineTextKeepsItsLineBreaksAndAOneLineTextDoesNot() {
        Http http = new Http(port);
        Map<String, Object> event = Map.of("eventId", "EV-1", "trackingNumber", "EB000000001VN", "event", "DELIVERED",
                "detail", "Đã phát cho người nhà:\n\tNguyễn Văn Bình");
        // the detail passes; the unknown shipment is what is refused
        assertThat(Problems.fields(assertRefused(http.post("/api/integrations/post/events", event, "admin"), 400, "trackingNumber")))
                .containsExactly("trackingNumber");
        Map<String, Object> broken = Map.of("eventId", "EV\n1", "trackingNumber", "EB000000001VN", "event", "DELIVERED");
        assertRefused(http.post("/api/integrations/post/events", broken, "admin"), 400, "eventId");
        assertRefused(http.post("/api/admin/communes/tan-giang/handover", Map.of("to", "thuc-phan\u0000"), "admin"), 400, "to");
        assertThat(count("mc_inbox")).isZero();
    }

    @Test
    void queryParametersAndPathVariablesAreHeldToTheSameRuleAndToALength() {
        Http http = new Http(port);
        assertRefused(http.get("/api/calendar/working-days?from=2026-02-01%00&to=2026-02-28", null), 400, "from");
        assertRefused(http.get("/api/calendar/working-days?from=2026-02-01&to=2026-02-28%1B", null), 400, "to");
        assertRefused(http.get("/api/public/dossiers/000.03.04.H11-260213-0001?secret=AB%7FCD", null), 400, "secret");
        assertRefused(http.get("/api/calendar/due?from=" + "2".repeat(101) + "&limit=1&unit=SAME_DAY", null), 400, "from");
        assertRefused(http.get("/api/dossiers/000.03.04.H11%01-260213-0001", "admin"), 400, "code");
        assertRefused(http.get("/api/dossiers/" + "9".repeat(65), "admin"), 400, "code");
        assertRefused(http.get("/api/communes/tan-giang%C2%85/register?date=2026-02-13", "admin"), 400, "commune");
        assertRefused(http.post("/api/admin/clients/buu%0Adien", Map.of("scopes", List.of("post:events")), "admin"), 400, "name");
        // Tomcat itself refuses an encoded NUL in a path, before motcua sees the request
        assertThat(http.get("/api/dossiers/000.03.04.H11%00-260213-0001", "admin").status()).isEqualTo(400);
        assertThat(count("mc_lookup_failure")).isZero();
        assertThat(count("mc_api_client")).isEqualTo(1);
    }

    @Test
    void credentialsWithAControlCharacterAreRefusedBeforeTheyAreLookedUp() {
        Http.Response r = new RawHttp(port).request("GET", "/api/dossiers/000.03.04.H11-260213-0001")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin\u0000:demo".getBytes()))
                .send();
        assertRefused(r, 400, "Authorization");
    }

    @Test
    void aProvisioningFileWithAControlCharacterIsRefusedByLineAndAppliesNothing() {
        Http http = new Http(port);
        long officials = count("mc_official");
        long users = identity.createUserQuery().count();
        String csv = DemoCsv.of("tan-giang") + "Trần Văn\u0000 Mới,tan-giang,vp,specialist,,\n";
        int line = (int) csv.lines().count();
        assertRefused(http.postText("/api/admin/provisioning", csv, "text/csv", "admin"), 400, "line " + line);
        String yaml = """
                province: { code: cao-bang, name: Tỉnh Cao Bằng }
                communes:
                  - code: tan-giang
                    name: Phường Tân Giang
                    agencyId: 000.03.04.H11
                    departments: [ { code: vp, name: Văn phòng HĐND và UBND } ]
                    officials:
                      - { fullName: "Trần Văn\\0 Mới", role: reception }
                """;
        Http.Response escaped = assertRefused(http.postText("/api/admin/provisioning", yaml, "application/yaml", "admin"), 400, "body");
        assertThat(escaped.text()).contains("U+0000");
        assertThat(count("mc_official")).isEqualTo(officials);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
