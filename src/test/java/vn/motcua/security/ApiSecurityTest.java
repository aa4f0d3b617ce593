package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/** Who may call what on motcua's API, the citizen's lookup, and the admin's functions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ApiSecurityTest {

    @LocalServerPort int port;

    @Test
    void credentialsAreRequiredAndWrongOnesAreRefused() {
        Http http = new Http(port);
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", "COUNTER");
        Http.Response anonymous = http.post("/api/dossiers", body, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/dossiers", body, "key:not-a-key").status()).isEqualTo(401);
        // (another official than the other tests use: Camunda throttles logins after a wrong password)
        assertThat(new Http(port).withPassword("sai-mat-khau").post("/api/dossiers", body, "nung-tri-cao.reception2").status()).isEqualTo(401);
        assertThat(http.get("/api/dossiers/000.03.04.H11-260101-0001", null).status()).isEqualTo(401);
    }

    @Test
    void anOfficialSubmitsAndReadsOnlyForTheirOwnWard() {
        Http http = new Http(port);
        JsonNode created = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body();
        String code = created.get("code").asText();
        assertThat(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "thuc-phan.reception").status())
                .isEqualTo(403);
        assertThat(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.vp.specialist1").status())
                .as("only the one-stop receives dossiers").isEqualTo(403);
        assertThat(http.get("/api/dossiers/" + code, "tan-giang.vp.specialist1").status()).isEqualTo(200);
        assertThat(http.get("/api/dossiers/" + code, "thuc-phan.leader").status())
                .as("another ward's dossier does not exist for them").isEqualTo(404);
        assertThat(http.get("/api/dossiers/" + code, "admin").status()).isEqualTo(200);
    }

    @Test
    void theCitizensLookupShowsNoPersonalDataAndRefusesAWrongSecret() {
        Http http = new Http(port);
        JsonNode created = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "POST"), Http.PORTAL).expect(201).body();
        String code = created.get("code").asText();
        String secret = created.get("lookupSecret").asText();
        assertThat(secret).matches("[A-Z2-9]{8}");

        Http.Response found = http.get("/api/public/dossiers/" + code + "?secret=" + secret.toLowerCase(), null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("status").asInt()).isEqualTo(1);
        assertThat(found.body().get("returnMethod").asText()).isEqualTo("POST");
        assertThat(found.text()).doesNotContain("001190012345", "0912345678", "Nguyễn Thị Hồng Nhung", "nhung@example.vn",
                "Tổ 5", "applicant", "timeline", "lookupSecret", secret);

        Http.Response wrong = http.get("/api/public/dossiers/" + code + "?secret=AAAAAAAA", null);
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        Http.Response unknown = http.get("/api/public/dossiers/000.03.04.H11-200101-0001?secret=" + secret, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).isEqualTo(wrong.body().get("detail").asText());
    }

    @Test
    void guessingSecretsIsSlowedDown() {
        Http http = new Http(port);
        JsonNode created = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "POST"), Http.PORTAL).expect(201).body();
        String code = created.get("code").asText();
        // a window of its own: the server reads the engine's clock
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-03-02T03:01:00Z")));
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(http.get("/api/public/dossiers/" + code + "?secret=WRONG" + i, null).status());
            }
            assertThat(statuses.subList(0, 10)).containsOnly(404);
            assertThat(statuses.subList(10, 12)).containsOnly(429);
            Http.Response refused = http.get("/api/public/dossiers/" + code + "?secret=" + created.get("lookupSecret").asText(), null);
            assertThat(refused.status()).as("even the right secret waits").isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            // the next window lets the citizen in again
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-03-02T03:16:00Z")));
            assertThat(http.get("/api/public/dossiers/" + code + "?secret=" + created.get("lookupSecret").asText(), null).status())
                    .isEqualTo(200);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void onlyTheProvinceAdminProvisionsIssuesKeysHandsOverAndReadsTheAudit() {
        Http http = new Http(port);
        // HR's list of the ward: everyone as before, and one newcomer
        String csv = vn.motcua.support.DemoCsv.of("tan-giang") + "Trần Văn Mới,Phường Tân Giang,Văn phòng HĐND và UBND,Chuyên viên,moi@example.vn,0912000001\n";
        assertThat(http.postText("/api/admin/provisioning", csv, "text/csv", "tan-giang.leader").status()).isEqualTo(403);
        Http.Response provisioned = http.postText("/api/admin/provisioning", csv, "text/csv", "admin");
        assertThat(provisioned.status()).isEqualTo(200);
        assertThat(provisioned.body().get("changes").toString()).contains("user tan-giang.vp.specialist3 created")
                .doesNotContain("disabled").doesNotContain("tan-giang.vp.specialist1 updated");
        Http.Response broken = http.postText("/api/admin/provisioning", csv.replace("Phường Tân Giang", "Phường Không Có"), "text/csv", "admin");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("errors").get(0).get("field").asText()).isEqualTo("line 14");

        JsonNode key = http.post("/api/admin/clients/buu-dien", Map.of("scopes", List.of("dossiers:read")), "admin").expect(200).body();
        String readOnly = "key:" + key.get("apiKey").asText();
        assertThat(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "POST"), readOnly).status()).isEqualTo(403);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "POST"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        assertThat(http.get("/api/dossiers/" + code, readOnly).status()).isEqualTo(200);
        assertThat(http.post("/api/admin/clients/x", Map.of("scopes", List.of("everything")), "admin").status()).isEqualTo(400);

        assertThat(http.post("/api/admin/communes/tan-giang/handover", Map.of("to", "xa-khong-co"), "admin").status()).isEqualTo(400);
        assertThat(http.post("/api/admin/communes/tan-giang/handover", Map.of("to", "thuc-phan"), "tan-giang.leader").status())
                .isEqualTo(403);

        String task = http.tasks("tan-giang.reception", code).get(0).get("id").asText();
        http.claim("tan-giang.reception", task).expect(204);
        assertThat(http.get("/api/dossiers/" + code + "/audit", "admin").status()).isEqualTo(404);
        JsonNode audit = http.get("/api/admin/dossiers/" + code + "/audit", "admin").expect(200).body();
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("source").asText() + ":" + e.get("actor").asText() + ":" + e.get("action").asText()));
        assertThat(actions).contains("motcua:tan-giang.reception:SUBMIT", "motcua:client:buu-dien:READ");
        assertThat(actions).anySatisfy(a -> assertThat(a).startsWith("camunda:tan-giang.reception:Claim"));
        assertThat(http.get("/api/admin/dossiers/" + code + "/audit", "tan-giang.reception").status()).isEqualTo(403);
    }
}
