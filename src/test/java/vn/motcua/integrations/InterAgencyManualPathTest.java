package vn.motcua.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.dossier.AgencyPartView;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Dossiers;
import vn.motcua.outbox.Outbox;
import vn.motcua.support.Http;

/**
 * Without the police's and the social insurance agency's addresses (the default), the one-stop
 * carries each part and records the agency's result in Tasklist through its form; the server holds
 * the record to the form's rules, and the dossier finishes when both are recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class InterAgencyManualPathTest {

    @LocalServerPort int port;
    @Autowired Dossiers dossiers;
    @Autowired Outbox outbox;

    @Test
    void withoutAConnectionTheClerkRecordsEachAgencysResultAndTheDossierFinishes() {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", InterAgencyBundleTest.submission(InterAgencyBundleTest.BIRTH_BUNDLE, "COUNTER"), Http.PORTAL)
                .expect(201).body().get("code").asText();
        step(http, "tan-giang.reception", code, Map.of("receptionDecision", "ACCEPT"));
        step(http, "tan-giang.vp.head", code, Map.of("specialistId", "tan-giang.vp.specialist1"));
        step(http, "tan-giang.vp.specialist1", code, Map.of("appraisalDecision", "DRAFT",
                "draftResult", "Giấy khai sinh số 21/2026 cho cháu Lục Thị Mai"));
        step(http, "tan-giang.vp.head", code, Map.of("headDecision", "APPROVE"));
        step(http, "tan-giang.leader", code, Map.of("leaderDecision", "APPROVE"));

        List<JsonNode> recording = http.tasks("tan-giang.reception", code);
        assertThat(recording).extracting(t -> t.get("name").asText()).containsExactlyInAnyOrder(
                "Ghi nhận kết quả của Công an xã: Đăng ký thường trú",
                "Ghi nhận kết quả của Bảo hiểm xã hội: Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi");
        assertThat(outbox.of(code)).noneMatch(m -> m.channel().name().equals("POLICE") || m.channel().name().equals("SOCIAL_INSURANCE"));
        JsonNode police = recording.stream().filter(t -> t.get("name").asText().contains("Công an")).findFirst().orElseThrow();
        JsonNode bhxh = recording.stream().filter(t -> t.get("name").asText().contains("Bảo hiểm")).findFirst().orElseThrow();
        JsonNode form = http.get("/engine-rest/task/" + police.get("id").asText() + "/form-variables", "tan-giang.reception").expect(200).body();
        assertThat(form.path("agencySent").path("value").asText()).startsWith("Chưa kết nối hệ thống của Công an xã");
        assertThat(form.path("agencyName").path("value").asText()).isEqualTo("Công an xã");

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
        String policeTask = police.get("id").asText();
        // the server holds the record to the form's rules: a number when done, a reason when refused, a day not in the future
        assertRefused(http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "DONE", "agencyResultDate", today)),
                "agencyResultNumber");
        assertRefused(http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "REFUSED", "agencyResultDate", today)),
                "agencyNote");
        assertRefused(http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "XONG", "agencyResultDate", today)),
                "agencyOutcome");
        assertRefused(http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "DONE",
                "agencyResultNumber", "CT08-1", "agencyResultDate", tomorrow)), "agencyResultDate");
        assertRefused(http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "DONE",
                "agencyResultNumber", "x".repeat(65), "agencyResultDate", today)), "agencyResultNumber");
        assertRefused(http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1",
                "agencyResultDate", today, "agencyName", "Công an tỉnh")), "agencyName");
        assertThat(http.tasks("tan-giang.reception", code)).hasSize(2);
        assertThat(http.complete("tan-giang.vp.head", policeTask, Map.of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-1",
                "agencyResultDate", today)).status()).as("not the head's task").isGreaterThanOrEqualTo(400).isLessThan(500);

        http.complete("tan-giang.reception", policeTask, Map.of("agencyOutcome", "DONE", "agencyResultNumber", "CT08-2026-000321",
                "agencyResultDate", today, "agencyNote", "Nhận thông báo bằng văn bản")).expect(204);
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).as("the other part still open").isEqualTo(4);
        http.complete("tan-giang.reception", bhxh.get("id").asText(), Map.of("agencyOutcome", "REFUSED", "agencyResultDate", today,
                "agencyNote", "Trẻ đã có thẻ bảo hiểm y tế do nơi khác cấp")).expect(204);

        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).isEqualTo(9);
        step(http, "tan-giang.reception", code, Map.of("recipientName", "Nguyễn Thị Hồng Nhung"));
        DossierView view = dossiers.get(code);
        assertThat(view.status()).isEqualTo(10);
        assertThat(view.agencyParts()).extracting(AgencyPartView::part, AgencyPartView::state, AgencyPartView::connected,
                AgencyPartView::recordedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("THUONG_TRU", "DONE", false, "tan-giang.reception"),
                org.assertj.core.groups.Tuple.tuple("THE_BHYT", "REFUSED", false, "tan-giang.reception"));
        assertThat(view.agencyParts().get(0).resultNumber()).isEqualTo("CT08-2026-000321");
        assertThat(view.agencyParts().get(1).detail()).isEqualTo("Trẻ đã có thẻ bảo hiểm y tế do nơi khác cấp");
        assertThat(view.timeline()).filteredOn(h -> h.step().equals("Task_RecordAgencyResult")).hasSize(2)
                .anySatisfy(h -> assertThat(h.note()).contains("Công an xã: Đã giải quyết, số CT08-2026-000321"))
                .anySatisfy(h -> assertThat(h.note()).contains("Bảo hiểm xã hội: Từ chối giải quyết", "do nơi khác cấp"));
        JsonNode api = http.get("/api/dossiers/" + code, Http.PORTAL).body();
        assertThat(api.get("agencyParts").get(1).get("stateName").asText()).isEqualTo("Từ chối giải quyết");
    }

    private static void assertRefused(Http.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text()).contains(field);
    }

    private void step(Http http, String official, String code, Map<String, Object> variables) {
        http.complete(official, http.tasks(official, code).get(0).get("id").asText(), variables).expect(204);
    }
}
