package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;

/**
 * A walk-in citizen registered at the counter from Tasklist ("Khởi tạo quy trình" → "Tiếp nhận hồ
 * sơ"), with the exact calls Tasklist makes: the start dialog's list, then the start form's
 * submit-form. The dossier is the one POST /api/dossiers would register; only the one-stop may do
 * it, only through the form, with the required papers ticked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class CounterIntakeTest {

    static final String START = "/engine-rest/process-definition/key/tiep-nhan-tai-quay/submit-form";
    static final String STARTABLE = "/engine-rest/process-definition?latest=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&firstResult=0&maxResults=15";
    static final List<String> BIRTH_PAPERS = List.of("Tờ khai đăng ký khai sinh", "Giấy chứng sinh hoặc giấy tờ thay thế",
            "Giấy tờ tùy thân của người đi đăng ký");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** The variables as Tasklist's start form sends them (the checklist as a Json string). */
    static Map<String, Object> form(String procedure, List<String> papers, Boolean acceptNow) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("intakeProcedure", Map.of("value", procedure));
        v.put("intakeApplicantName", Map.of("value", "Lục Thị Mai"));
        v.put("intakeIdNumber", Map.of("value", "004192000123"));
        v.put("intakePhone", Map.of("value", "0987654321"));
        v.put("intakeEmail", Map.of("value", ""));
        v.put("intakeAddress", Map.of("value", "Tổ 3, phường Tân Giang, tỉnh Cao Bằng"));
        v.put("intakeReturnMethod", Map.of("value", "COUNTER"));
        v.put("intakePapers", Map.of("type", "Json", "value", json(papers)));
        if (acceptNow != null) v.put("intakeAcceptNow", Map.of("value", acceptNow));
        if ("1.001193".equals(procedure)) v.put("intakeEventDate", Map.of("value", vn.motcua.support.Submissions.daysAgo(3)));
        return Map.of("variables", v);
    }

    @Test
    void onlyTheOneStopFindsTheIntakeInTheStartDialog() {
        assertThat(names(http.get(STARTABLE, "tan-giang.reception").expect(200).body())).containsExactly("Tiếp nhận hồ sơ");
        for (String official : List.of("tan-giang.vp.head", "tan-giang.vp.specialist1", "tan-giang.leader")) {
            assertThat(names(http.get(STARTABLE, official).expect(200).body())).as(official).isEmpty();
        }
    }

    @Test
    void aWalkInDossierIsRegisteredAsTheApiWouldAndWaitsForItsReceptionCheck() {
        JsonNode started = http.post(START, form("1.001193", BIRTH_PAPERS, false), "tan-giang.reception").expect(200).body();
        String code = dossierCodeOf(started.get("id").asText());

        JsonNode dossier = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(code).matches("000\\.03\\.04\\.H11-\\d{6}-\\d{4}");
        assertThat(dossier.get("status").asInt()).isEqualTo(1);
        assertThat(dossier.get("channel").asText()).isEqualTo("COUNTER");
        assertThat(dossier.get("commune").get("code").asText()).isEqualTo("tan-giang");
        assertThat(dossier.get("applicant").get("fullName").asText()).isEqualTo("Lục Thị Mai");
        assertThat(dossier.get("components")).hasSize(3);
        assertThat(dossier.get("statusHistory").get(0).get("note").asText()).isEqualTo("Nộp hồ sơ trực tiếp tại Bộ phận Một cửa");
        assertThat(jdbc.sql("select count(*) from mc_audit where dossier_code = ? and action = 'SUBMIT' and actor = ?")
                .params(code, "tan-giang.reception").query(Long.class).single()).isOne();
        List<JsonNode> tasks = http.tasks("tan-giang.reception", code);
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_ReceptionCheck"));
        assertThat(http.tasks("thuc-phan.reception", code)).isEmpty();
        // what the official typed stays in the commune: another commune cannot read the intake's variables
        assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + started.get("id").asText(),
                "thuc-phan.reception").expect(200).body()).isEmpty();
    }

    @Test
    void acceptingAtOnceIssuesTheAppointmentSlip() {
        JsonNode started = http.post(START, form("1.001193", BIRTH_PAPERS, true), "tan-giang.reception").expect(200).body();
        String code = dossierCodeOf(started.get("id").asText());

        JsonNode dossier = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(4);
        assertThat(dossier.get("deadline").get("appointmentAt").asText()).isNotBlank();
        assertThat(dossier.get("statusHistory").get(1).get("actor").asText()).isEqualTo("tan-giang.reception");
        assertThat(http.get("/api/me/appointment-slips", "tan-giang.reception").expect(200).body().toString()).contains(code);
        assertThat(http.get("/api/dossiers/" + code + "/documents/mau-01", "tan-giang.reception").status()).isEqualTo(200);
        assertThat(http.tasks("tan-giang.vp.head", code)).hasSize(1);
    }

    @Test
    void aMissingRequiredPaperIsRefusedNamingItAndNothingIsRegistered() {
        long before = dossiers();
        Http.Response r = http.post(START, form("1.001193", BIRTH_PAPERS.subList(0, 1), true), "tan-giang.reception");
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("intakePapers");
        assertThat(r.body().get("message").asText()).contains("Giấy chứng sinh hoặc giấy tờ thay thế");
        assertThat(dossiers()).isEqualTo(before);
    }

    @Test
    void everyOtherWayOfStartingIsRefused() {
        long before = dossiers();
        assertRefused(http.post(START, form("1.001193", BIRTH_PAPERS, false), "tan-giang.vp.head"), 403);
        assertRefused(http.post(START, form("1.001193", BIRTH_PAPERS, false), "tan-giang.leader"), 403);
        assertRefused(http.post("/engine-rest/process-definition/key/tiep-nhan-tai-quay/start",
                form("1.001193", BIRTH_PAPERS, false), "tan-giang.reception"), 403);
        assertRefused(http.post("/engine-rest/process-definition/key/thu-tuc/submit-form",
                form("1.001193", BIRTH_PAPERS, false), "tan-giang.reception"), 403);
        Map<String, Object> withKey = new LinkedHashMap<>(form("1.001193", BIRTH_PAPERS, false));
        withKey.put("businessKey", "000.03.04.H11-260101-0001");
        assertRefused(http.post(START, withKey, "tan-giang.reception"), 400);
        Map<String, Object> extra = new LinkedHashMap<>(castMap(form("1.001193", BIRTH_PAPERS, false).get("variables")));
        extra.put("communeCode", Map.of("value", "thuc-phan"));
        assertRefused(http.post(START, Map.of("variables", extra), "tan-giang.reception"), 400);
        Map<String, Object> badPapers = new LinkedHashMap<>(castMap(form("1.001193", BIRTH_PAPERS, false).get("variables")));
        badPapers.put("intakePapers", Map.of("type", "Json", "value", "{\"a\": 1}"));
        assertRefused(http.post(START, Map.of("variables", badPapers), "tan-giang.reception"), 400);
        assertRefused(http.post(START, form("9.999999", BIRTH_PAPERS, false), "tan-giang.reception"), 400);
        assertThat(dossiers()).isEqualTo(before);

        // by the definition's id, as Tasklist calls it, it works the same
        String id = http.get(STARTABLE, "tan-giang.reception").expect(200).body().get(0).get("id").asText();
        http.post("/engine-rest/process-definition/" + id + "/submit-form", form("1.001193", BIRTH_PAPERS, false),
                "tan-giang.reception").expect(200);
        assertThat(dossiers()).isEqualTo(before + 1);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String dossierCodeOf(String intakeInstance) {
        JsonNode vars = http.get("/engine-rest/history/variable-instance?processInstanceId=" + intakeInstance
                + "&variableName=dossierCode", "tan-giang.reception").expect(200).body();
        assertThat(vars).hasSize(1);
        return vars.get(0).get("value").asText();
    }

    private long dossiers() {
        return jdbc.sql("select count(*) from mc_dossier").query(Long.class).single();
    }

    private static void assertRefused(Http.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<String> names(JsonNode definitions) {
        List<String> names = new ArrayList<>();
        definitions.forEach(d -> names.add(d.get("name").asText()));
        return names;
    }
}
