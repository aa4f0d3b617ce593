package vn.motcua.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.Dossiers;
import vn.motcua.outbox.OutboxDispatcher;
import vn.motcua.security.ApiClients;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * A land dossier's financial obligations (status 6), with the tax authority as a real HTTP peer
 * (WireMock): the specialist's appraisal sends the dossier there, the clock stops, the tax
 * authority's event (or the one-stop's record) brings it back to the specialist with an appointment
 * moved by exactly the working time it waited; the choice is offered once, only to procedures with
 * financial obligations, and the server refuses it anywhere else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class FinancialObligationTest {

    static final String LAND = "1.013978";
    static final String EVENTS = "/api/integrations/agencies/events";
    static final String RECEPTION = "tan-giang.reception";
    static final String HEAD = "tan-giang.kt.head";
    static final String SPECIALIST = "tan-giang.kt.specialist1";

    @RegisterExtension
    static WireMockExtension tax = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("motcua.integrations.tax.url", () -> tax.baseUrl() + "/thue");
        registry.add("motcua.integrations.tax.api-key", () -> "khoa-thue");
        registry.add("motcua.outbox.enabled", () -> "false");
    }

    @LocalServerPort int port;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ApiClients clients;
    @Autowired Dossiers dossiers;
    @Autowired ProcedureCatalog catalog;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        tax.resetAll();
    }

    @Test
    void theTaxAuthorityDeterminesTheObligationsTheClockStopsAndTheAppointmentMovesByTheWait() throws Exception {
        tax.stubFor(post(urlEqualTo("/thue/lien-thong")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"THUE-CB-77\"}")));
        Http http = new Http(port);
        at("2026-11-23T09:00:00+07:00");   // a Monday
        String code = atAppraisal(http);
        OffsetDateTime appointment = appointment(http, code);

        // the specialist sees the tax authority among the decisions, and sends the dossier there
        JsonNode appraisal = http.tasks(SPECIALIST, code).get(0);
        assertThat(options(http, appraisal)).containsExactly("DRAFT", "SUPPLEMENT", "FINANCIAL_OBLIGATION");
        http.complete(SPECIALIST, appraisal.get("id").asText(), Map.of("appraisalDecision", "FINANCIAL_OBLIGATION",
                "appraisalNote", "Thửa đất số 112, tờ bản đồ số 7, diện tích 180 m2 đất ở; đủ điều kiện cấp Giấy chứng nhận")).expect(204);

        JsonNode waiting = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(waiting.get("status").asInt()).as("Yêu cầu thực hiện nghĩa vụ tài chính").isEqualTo(6);
        assertThat(http.tasks(SPECIALIST, code)).isEmpty();
        JsonNode task = http.tasks(RECEPTION, code).get(0);
        assertThat(task.get("name").asText()).isEqualTo("Chờ kết quả của Cơ quan thuế: Xác định và thực hiện nghĩa vụ tài chính về đất đai");
        assertThat(task.get("due").asText()).as("the tax authority's own 5 working days: Monday 30/11, 09:00 in Hà Nội")
                .startsWith("2026-11-30T02:00:00.000+0000");

        dispatcher.dispatchDue();
        tax.verify(1, postRequestedFor(urlEqualTo("/thue/lien-thong"))
                .withHeader("Idempotency-Key", equalTo("motcua-lienthong-" + code + "-NGHIA_VU_TAI_CHINH"))
                .withHeader("X-API-Key", equalTo("khoa-thue")));
        JsonNode sent = new ObjectMapper().readTree(tax.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(sent.get("agency").asText()).isEqualTo("THUE");
        assertThat(sent.get("procedureCode").asText()).isEqualTo(LAND);
        assertThat(sent.get("communeResult").asText()).contains("Thửa đất số 112");

        // three working days later (Thursday) the tax authority says the obligations are met
        at("2026-11-26T09:00:00+07:00");
        String taxKey = "key:" + clients.issue("thue-cao-bang", Set.of("agency:thue"));
        String police = "key:" + clients.issue("cong-an-thu", Set.of("agency:police"));
        Map<String, Object> met = InterAgencyBundleTest.event("THUE-EV-1", code, "THUE", "NGHIA_VU_TAI_CHINH", "DONE",
                "CT-LPTB-2026-000451", "Đã nộp tiền sử dụng đất và lệ phí trước bạ");
        assertThat(http.post(EVENTS, met, police).status()).as("the police may not speak for the tax authority").isEqualTo(403);
        http.post(EVENTS, met, taxKey).expect(200);
        assertThat(http.post(EVENTS, met, taxKey).expect(200).body().get("duplicate").asBoolean()).isTrue();

        JsonNode back = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(back.get("status").asInt()).isEqualTo(4);
        assertThat(appointment(http, code)).as("moved by the three working days the dossier waited")
                .isEqualTo(appointment.plusDays(3));
        assertThat(dossiers.get(code).statusHistory()).anySatisfy(s -> assertThat(s.note())
                .contains("Đã hoàn thành nghĩa vụ tài chính (chứng từ, thông báo số CT-LPTB-2026-000451)",
                        "không tính vào thời hạn giải quyết"));

        // back to the same specialist, without the tax authority among the choices; then the usual way to the end
        JsonNode again = http.tasks(SPECIALIST, code).get(0);
        assertThat(options(http, again)).containsExactly("DRAFT", "SUPPLEMENT");
        assertThat(http.complete(SPECIALIST, again.get("id").asText(), Map.of("appraisalDecision", "FINANCIAL_OBLIGATION"))
                .status()).as("once only").isEqualTo(400);
        http.complete(SPECIALIST, again.get("id").asText(), Map.of("appraisalDecision", "DRAFT",
                "draftResult", "Giấy chứng nhận quyền sử dụng đất thửa số 112, tờ bản đồ số 7")).expect(204);
        step(http, HEAD, code, Map.of("headDecision", "APPROVE"));
        step(http, "tan-giang.leader", code, Map.of("leaderDecision", "APPROVE"));
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).isEqualTo(9);
        JsonNode parts = http.get("/api/dossiers/" + code, Http.PORTAL).body().get("agencyParts");
        assertThat(parts.get(0).get("part").asText()).isEqualTo("NGHIA_VU_TAI_CHINH");
        assertThat(parts.get(0).get("resultNumber").asText()).isEqualTo("CT-LPTB-2026-000451");
    }

    @Test
    void withNoTaxAuthorityConnectedTheOneStopRecordsThePaymentAndTheDossierGoesOn() {
        // this context has the tax authority configured; the clerk's record works the same, and is what
        // the embedded default does (nothing configured): the reception records the payment's proof
        Http http = new Http(port);
        at("2026-11-23T09:00:00+07:00");
        String code = atAppraisal(http);
        step(http, SPECIALIST, code, Map.of("appraisalDecision", "FINANCIAL_OBLIGATION", "appraisalNote", "Thửa đất số 5, tờ bản đồ số 2"));
        at("2026-11-24T10:00:00+07:00");
        JsonNode task = http.tasks(RECEPTION, code).get(0);
        assertThat(http.complete(RECEPTION, task.get("id").asText(), Map.of("agencyOutcome", "DONE",
                "agencyResultNumber", "CT-TPSDD-88", "agencyResultDate", "2026-11-25")).status())
                .as("a proof dated tomorrow").isEqualTo(400);
        http.complete(RECEPTION, task.get("id").asText(), Map.of("agencyOutcome", "DONE",
                "agencyResultNumber", "CT-TPSDD-88", "agencyResultDate", "2026-11-24")).expect(204);
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).isEqualTo(4);
        assertThat(http.tasks(SPECIALIST, code)).singleElement()
                .satisfies(t -> assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_AppraiseDossier"));
    }

    @Test
    void aProcedureWithoutFinancialObligationsIsNeitherOfferedTheTaxAuthorityNorLetThroughToIt() {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body().get("code").asText();
        step(http, RECEPTION, code, Map.of("receptionDecision", "ACCEPT"));
        step(http, "tan-giang.vp.head", code, Map.of("specialistId", "tan-giang.vp.specialist1"));
        JsonNode appraisal = http.tasks("tan-giang.vp.specialist1", code).get(0);
        assertThat(options(http, appraisal)).containsExactly("DRAFT", "SUPPLEMENT");
        Http.Response refused = http.complete("tan-giang.vp.specialist1", appraisal.get("id").asText(),
                Map.of("appraisalDecision", "FINANCIAL_OBLIGATION"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("appraisalDecision");
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).isEqualTo(4);
    }

    private String atAppraisal(Http http) {
        Procedure land = catalog.find(LAND).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>(Submissions.birthRegistration("tan-giang", "COUNTER"));
        body.remove("eventDate");
        body.put("procedureCode", LAND);
        List<Map<String, Object>> papers = new ArrayList<>();
        land.components().stream().filter(Procedure.Component::required).forEach(c -> papers.add(Map.of("name", c.name(), "copies", 1)));
        body.put("components", papers);
        String code = http.post("/api/dossiers", body, Http.PORTAL).expect(201).body().get("code").asText();
        step(http, RECEPTION, code, Map.of("receptionDecision", "ACCEPT"));
        long fee = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body().get("fees").get("total").asLong();
        assertThat(fee).as("registration fee and appraisal fee").isEqualTo(125_000L);
        step(http, RECEPTION, code, Map.of("feePaid", fee, "receiptNumber", "BL-0451"));
        step(http, HEAD, code, Map.of("specialistId", SPECIALIST));
        return code;
    }

    private static List<String> options(Http http, JsonNode task) {
        JsonNode form = http.get("/engine-rest/task/" + task.get("id").asText() + "/form-variables", assigneeOf(task)).expect(200).body();
        return StreamSupport.stream(form.path("appraisalOptions").path("value").spliterator(), false)
                .map(o -> o.get("value").asText()).toList();
    }

    private static String assigneeOf(JsonNode task) {
        return task.path("assignee").asText(SPECIALIST);
    }

    private static OffsetDateTime appointment(Http http, String code) {
        return OffsetDateTime.parse(http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body().get("deadline").get("appointmentAt").asText());
    }

    private static void step(Http http, String official, String code, Map<String, Object> variables) {
        http.complete(official, http.tasks(official, code).get(0).get("id").asText(), variables).expect(204);
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(instant).toInstant()));
    }
}
