package vn.motcua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DemoCsv;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;
import vn.motcua.web.RawHttp;

/**
 * motcua's audit rows record what was done: a refused request, or one that changed and disclosed
 * nothing, leaves none; a request that took effect leaves exactly one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class AuditOnlyEffectsTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void refusedOrEmptyRequestsLeaveNoAuditRow() {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        Map<String, Object> invalid = Submissions.birthRegistration("tan-giang", "COUNTER");
        invalid.remove("applicant");

        noRow("a wrong lookup secret", () -> http.get("/api/public/dossiers/" + code + "?secret=AAAAAAAA", null), 404);
        noRow("another ward reads", () -> http.get("/api/dossiers/" + code, "thuc-phan.leader"), 404);
        noRow("another ward lists documents", () -> http.get("/api/dossiers/" + code + "/documents", "thuc-phan.leader"), 404);
        noRow("a form the dossier does not have", () -> http.get("/api/dossiers/" + code + "/documents/mau-03", "tan-giang.reception"), 404);
        noRow("a form that does not exist", () -> http.get("/api/dossiers/" + code + "/documents/mau-99", "tan-giang.reception"), 404);
        noRow("an invalid submission", () -> http.post("/api/dossiers", invalid, "tan-giang.reception"), 400);
        noRow("a submission for another ward", () -> http.post("/api/dossiers",
                Submissions.birthRegistration("tan-giang", "COUNTER"), "thuc-phan.reception"), 403);
        noRow("a result that is not a PDF", () -> new RawHttp(port).request("PUT", "/api/dossiers/" + code + "/result")
                .as("tan-giang.leader").header("Content-Type", "application/pdf").body("not a pdf").send(), 400);
        noRow("a result from a specialist", () -> new RawHttp(port).request("PUT", "/api/dossiers/" + code + "/result")
                .as("tan-giang.vp.specialist1").header("Content-Type", "application/pdf").body("%PDF-1.4").send(), 403);
        noRow("provisioning that changes nothing", () -> http.postText("/api/admin/provisioning", DemoCsv.of("nung-tri-cao"),
                "text/csv", "admin"), 200);
        noRow("provisioning that cannot be applied", () -> http.postText("/api/admin/provisioning",
                DemoCsv.of("nung-tri-cao").replace("nung-tri-cao", "xa-khong-co"), "text/csv", "admin"), 400);
        noRow("a handover with nothing to hand over", () -> http.post("/api/admin/communes/nung-tri-cao/handover",
                Map.of("to", "thuc-phan"), "admin"), 200);
        noRow("a handover to nowhere", () -> http.post("/api/admin/communes/tan-giang/handover", Map.of("to", "xa-khong-co"), "admin"), 400);
        noRow("a key with an unknown scope", () -> http.post("/api/admin/clients/buu-dien",
                Map.of("scopes", List.of("everything")), "admin"), 400);
        noRow("the admin's function by an official", () -> http.post("/api/admin/clients/buu-dien",
                Map.of("scopes", List.of("post:events")), "tan-giang.leader"), 403);
    }

    @Test
    void aRequestThatTookEffectLeavesExactlyOneRow() {
        Http http = new Http(port);
        long before = rows();
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        http.get("/api/dossiers/" + code, "tan-giang.leader").expect(200);
        http.post("/api/admin/clients/buu-dien", Map.of("scopes", List.of("post:events")), "admin").expect(200);
        assertThat(jdbc.sql("select action from mc_audit order by id").query(String.class).list())
                .hasSize((int) before + 3).endsWith("SUBMIT", "READ", "CLIENT_KEY_ISSUED");
    }

    private void noRow(String what, Supplier<Http.Response> request, int status) {
        long before = rows();
        Http.Response r = request.get();
        assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(status);
        assertThat(rows()).as(what).isEqualTo(before);
    }

    private long rows() {
        return jdbc.sql("select count(*) from mc_audit").query(Long.class).single();
    }
}
