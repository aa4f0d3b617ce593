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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
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
import vn.motcua.documents.DocumentKind;
import vn.motcua.documents.Documents;
import vn.motcua.documents.DocumentsTest;
import vn.motcua.dossier.AgencyPartView;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Dossiers;
import vn.motcua.outbox.OutboxDispatcher;
import vn.motcua.security.ApiClients;
import vn.motcua.support.Http;

/**
 * The two inter-agency bundles with the police and the social insurance agency as real HTTP peers
 * (WireMock): each part goes to its agency through the outbox and its result comes back as an event
 * through the real endpoint; an agency that is down gets the part once it is back, with the same
 * idempotency key; a duplicated event has one effect; an agency that never answers is warned about,
 * then the head apologises with a new date and the dossier is late when it passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class InterAgencyBundleTest {

    static final String BIRTH_BUNDLE = "3.000722";
    static final String DEATH_BUNDLE = "2.002913";
    static final String EVENTS = "/api/integrations/agencies/events";

    @RegisterExtension
    static WireMockExtension peers = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("motcua.integrations.police.url", () -> peers.baseUrl() + "/cong-an");
        registry.add("motcua.integrations.police.api-key", () -> "khoa-cong-an");
        registry.add("motcua.integrations.social-insurance.url", () -> peers.baseUrl() + "/bhxh");
        registry.add("motcua.outbox.enabled", () -> "false");
    }

    @LocalServerPort int port;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ApiClients clients;
    @Autowired Dossiers dossiers;
    @Autowired Documents documents;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        peers.resetAll();
    }

    @Test
    void bothAgenciesAnswerAndTheDossierIsReturnedWithItsThreeResults() throws Exception {
        peers.stubFor(post(urlEqualTo("/cong-an/lien-thong")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"reference\":\"CA-TG-0001\"}")));
        peers.stubFor(post(urlEqualTo("/bhxh/lien-thong")).willReturn(aResponse().withStatus(202)));
        Http http = new Http(port);
        String code = signedByTheLeader(http, BIRTH_BUNDLE, "COUNTER", "Giấy khai sinh số 15/2026 cho cháu Nguyễn Minh An");

        // the one-stop sees that the dossier waits on two agencies, and since when
        List<JsonNode> waiting = http.tasks("tan-giang.reception", code);
        assertThat(waiting).extracting(t -> t.get("name").asText()).containsExactlyInAnyOrder(
                "Chờ kết quả của Công an xã: Đăng ký thường trú",
                "Chờ kết quả của Bảo hiểm xã hội: Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi");
        assertThat(waiting).allSatisfy(t -> assertThat(t.get("due").isNull()).isFalse());
        JsonNode form = http.get("/engine-rest/task/" + waiting.get(0).get("id").asText() + "/form-variables", "tan-giang.reception")
                .expect(200).body();
        assertThat(form.path("agencySent").path("value").asText()).startsWith("Đã gửi qua hệ thống liên thông điện tử của ");
        assertThat(form.path("agencyRequest").path("value").asText()).contains(code, "Nguyễn Thị Hồng Nhung",
                "Giấy khai sinh số 15/2026 cho cháu Nguyễn Minh An");
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).as("not finished while agencies work")
                .isEqualTo(4);

        dispatcher.dispatchDue();
        peers.verify(1, postRequestedFor(urlEqualTo("/cong-an/lien-thong"))
                .withHeader("Idempotency-Key", equalTo("motcua-lienthong-" + code + "-THUONG_TRU"))
                .withHeader("X-API-Key", equalTo("khoa-cong-an")));
        peers.verify(1, postRequestedFor(urlEqualTo("/bhxh/lien-thong"))
                .withHeader("Idempotency-Key", equalTo("motcua-lienthong-" + code + "-THE_BHYT")));
        JsonNode sent = new ObjectMapper().readTree(peers.findAll(postRequestedFor(urlEqualTo("/cong-an/lien-thong"))
                .withHeader("Idempotency-Key", equalTo("motcua-lienthong-" + code + "-THUONG_TRU"))).get(0).getBodyAsString());
        assertThat(sent.get("part").asText()).isEqualTo("THUONG_TRU");
        assertThat(sent.get("applicant").get("fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(sent.get("communeResult").asText()).isEqualTo("Giấy khai sinh số 15/2026 cho cháu Nguyễn Minh An");
        assertThat(sent.get("replyTo").asText()).endsWith(EVENTS);

        String police = "key:" + clients.issue("cong-an-tan-giang", Set.of("agency:police"));
        String bhxh = "key:" + clients.issue("bhxh-cao-bang", Set.of("agency:bhxh"));
        http.post(EVENTS, event("CA-EV-1", code, "CONG_AN", "THUONG_TRU", "DONE", "CT08-2026-000123", "Đã đăng ký thường trú"), police)
                .expect(200);
        assertThat(http.tasks("tan-giang.reception", code)).as("the other part still waits").singleElement()
                .satisfies(t -> assertThat(t.get("name").asText()).contains("Bảo hiểm xã hội"));
        http.post(EVENTS, event("BHXH-EV-9", code, "BHXH", "THE_BHYT", "DONE", "TE1040123456789", null), bhxh).expect(200);

        JsonNode finished = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(finished.get("status").asInt()).as("finished when every part is done").isEqualTo(9);
        Task returning = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(returning.getTaskDefinitionKey()).isEqualTo("Task_ReturnAtCounter");
        http.complete("tan-giang.reception", returning.getId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);

        DossierView view = dossiers.get(code);
        assertThat(view.status()).isEqualTo(10);
        assertThat(view.agencyParts()).extracting(AgencyPartView::part, AgencyPartView::state, AgencyPartView::resultNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("THUONG_TRU", "DONE", "CT08-2026-000123"),
                        org.assertj.core.groups.Tuple.tuple("THE_BHYT", "DONE", "TE1040123456789"));
        assertThat(view.agencyParts().get(0).peerReference()).isEqualTo("CA-TG-0001");
        assertThat(view.agencyParts()).allSatisfy(p -> assertThat(p.deliveredAt()).isNotNull());
        List<String> steps = view.timeline().stream().map(h -> h.step()).toList();
        assertThat(steps).containsSubsequence("Task_LeaderApproval", "LIEN_THONG_GUI:THUONG_TRU", "LIEN_THONG_KQ:THUONG_TRU",
                "LIEN_THONG_KQ:THE_BHYT", "Task_ReturnAtCounter");
        assertThat(view.timeline()).filteredOn(h -> h.step().equals("LIEN_THONG_KQ:THUONG_TRU")).singleElement().satisfies(h -> {
            assertThat(h.fromUnit()).isEqualTo("Công an xã");
            assertThat(h.note()).contains("CT08-2026-000123");
            assertThat(h.timeliness()).isEqualTo("EARLY");
        });
        String result = DocumentsTest.text(documents.render(code, DocumentKind.KET_QUA).orElseThrow());
        assertThat(result).contains("Giấy khai sinh số 15/2026 cho cháu Nguyễn Minh An",
                "Công an xã – Đăng ký thường trú: đã giải quyết, số CT08-2026-000123",
                "Bảo hiểm xã hội – Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi: đã giải quyết, số TE1040123456789");
        String controlSlip = DocumentsTest.text(documents.render(code, DocumentKind.MAU_05).orElseThrow());
        assertThat(controlSlip).contains("Công an xã", "Bảo hiểm xã hội");

        // a late event for a part already done changes nothing
        assertThat(http.post(EVENTS, event("CA-EV-2", code, "CONG_AN", "THUONG_TRU", "DONE", "CT08-KHAC", null), police).status())
                .isEqualTo(409);
    }

    @Test
    void anAgencyDownForAWhileGetsThePartOnceItIsBackAndItsRepeatedEventHasOneEffect() throws Exception {
        peers.stubFor(post(urlEqualTo("/cong-an/lien-thong")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        peers.stubFor(post(urlEqualTo("/cong-an/lien-thong")).inScenario("outage").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(200)));
        peers.stubFor(post(urlEqualTo("/bhxh/lien-thong")).willReturn(aResponse().withStatus(202)));
        Http http = new Http(port);
        String code = signedByTheLeader(http, DEATH_BUNDLE, "ONLINE", "Trích lục khai tử số 08/2026 của ông Nông Văn Dũng");

        dispatcher.dispatchDue();
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3_600_000L));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        peers.verify(2, postRequestedFor(urlEqualTo("/cong-an/lien-thong"))
                .withHeader("Idempotency-Key", equalTo("motcua-lienthong-" + code + "-XOA_THUONG_TRU")));
        peers.verify(1, postRequestedFor(urlEqualTo("/bhxh/lien-thong")));
        DossierView sent = dossiers.get(code);
        assertThat(sent.timeline()).filteredOn(h -> h.step().equals("LIEN_THONG_GUI:XOA_THUONG_TRU")).singleElement()
                .satisfies(h -> assertThat(h.note()).containsOnlyOnce("Công an xã đã nhận hồ sơ"));

        String police = "key:" + clients.issue("cong-an-nung-tri-cao", Set.of("agency:police"));
        String bhxh = "key:" + clients.issue("bhxh-tan-giang", Set.of("agency:bhxh"));
        Map<String, Object> removed = event("CA-XTT-77", code, "CONG_AN", "XOA_THUONG_TRU", "DONE", "CT08-2026-000777", null);
        assertThat(http.post(EVENTS, removed, police).expect(200).body().get("duplicate").asBoolean()).isFalse();
        assertThat(http.post(EVENTS, removed, police).expect(200).body().get("duplicate").asBoolean()).isTrue();
        // the police may not report the social insurance's part, nor the portal any part
        assertThat(http.post(EVENTS, event("CA-X", code, "BHXH", "MAI_TANG_TU_TUAT", "DONE", "1", null), police).status()).isEqualTo(403);
        assertThat(http.post(EVENTS, removed, Http.PORTAL).status()).isEqualTo(403);
        assertThat(http.post(EVENTS, event("BHXH-404", "000.03.04.H11-991231-9999", "BHXH", "MAI_TANG_TU_TUAT", "DONE", "1", null), bhxh)
                .status()).isEqualTo(404);
        // the social insurance agency refuses its part: the dossier still returns the other parts, with the refusal noted
        http.post(EVENTS, event("BHXH-MT-1", code, "BHXH", "MAI_TANG_TU_TUAT", "REFUSED", null,
                "Người chết không thuộc diện hưởng trợ cấp mai táng theo Luật Bảo hiểm xã hội"), bhxh).expect(200);

        DossierView view = dossiers.get(code);
        assertThat(view.status()).as("returned online").isEqualTo(10);
        assertThat(view.agencyParts()).extracting(AgencyPartView::part, AgencyPartView::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("XOA_THUONG_TRU", "DONE"), org.assertj.core.groups.Tuple.tuple("MAI_TANG_TU_TUAT", "REFUSED"));
        assertThat(view.timeline().stream().filter(h -> h.step().equals("LIEN_THONG_KQ:XOA_THUONG_TRU")).count()).as("one effect").isOne();
        String result = DocumentsTest.text(documents.render(code, DocumentKind.KET_QUA).orElseThrow());
        assertThat(result).contains("Công an xã – Xóa đăng ký thường trú: đã giải quyết, số CT08-2026-000777",
                "Bảo hiểm xã hội – Giải quyết trợ cấp mai táng, tử tuất: từ chối giải quyết. Lý do: Người chết không thuộc diện");
    }

    @Test
    void anAgencyThatNeverAnswersIsWarnedAboutThenTheHeadApologisesAndTheDossierIsLate() {
        peers.stubFor(post(urlEqualTo("/cong-an/lien-thong")).willReturn(aResponse().withStatus(202)));
        peers.stubFor(post(urlEqualTo("/bhxh/lien-thong")).willReturn(aResponse().withStatus(202)));
        at("2026-03-02T08:00:00+07:00");       // a Monday; 3 working days: the appointment is Thursday 08:00
        Http http = new Http(port);
        String code = signedByTheLeader(http, BIRTH_BUNDLE, "COUNTER", "Giấy khai sinh số 16/2026 cho cháu Hoàng Gia Bảo");
        assertThat(dossiers.get(code).deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-03-05T08:00:00+07:00"));
        String bhxh = "key:" + clients.issue("bhxh-khong-tre", Set.of("agency:bhxh"));
        http.post(EVENTS, event("BHXH-OK-1", code, "BHXH", "THE_BHYT", "DONE", "TE1040111111111", null), bhxh).expect(200);

        // the police's part: 60 % of 3 working days (14 h 24 min) from Monday 08:00 → Tuesday 16:24, warned half a day before
        Task police = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        assertThat(police.getName()).isEqualTo("Chờ kết quả của Công an xã: Đăng ký thường trú");
        assertThat(police.getDueDate()).isEqualTo(instant("2026-03-03T16:24:00+07:00"));
        at("2026-03-03T10:23:00+07:00");
        runDueJobs();
        assertThat(notices(code, "STEP_WARNING")).isEmpty();
        at("2026-03-03T10:24:00+07:00");
        runDueJobs();
        assertThat(notices(code, "STEP_WARNING")).singleElement().satisfies(n -> {
            assertThat(n.recipient()).isEqualTo("tan-giang:reception");
            assertThat(n.message()).contains("Chờ kết quả của Công an xã", "sắp đến hạn");
        });
        at("2026-03-03T16:24:00+07:00");
        runDueJobs();
        assertThat(notices(code, "STEP_OVERDUE")).singleElement().satisfies(n -> assertThat(n.recipient()).isEqualTo("tan-giang:vp:head"));

        // one working day before the appointment the head explains the delay and sets one new date (Mẫu 04)
        at("2026-03-04T08:00:00+07:00");
        runDueJobs();
        assertThat(dossiers.get(code).agencyParts()).filteredOn(p -> p.part().equals("THUONG_TRU")).singleElement()
                .satisfies(p -> assertThat(p.timeliness()).isEqualTo(vn.motcua.dossier.Timeliness.LATE));
        Task explain = tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ExplainDelay").singleResult();
        assertThat(explain).isNotNull();
        assertThat(explain.getAssignee()).isEqualTo("tan-giang.vp.head");
        http.complete("tan-giang.vp.head", explain.getId(), Map.of("delayReason", "Công an xã chưa có kết quả đăng ký thường trú",
                "newAppointment", "2026-03-06")).expect(204);
        DossierView apologised = dossiers.get(code);
        assertThat(apologised.apology().reason()).isEqualTo("Công an xã chưa có kết quả đăng ký thường trú");
        assertThat(apologised.deadline().appointmentAt()).isEqualTo(OffsetDateTime.parse("2026-03-06T17:00:00+07:00"));

        // the statutory appointment passes with the police's part still open: the dossier is late
        at("2026-03-05T08:01:00+07:00");
        runDueJobs();
        assertThat(dossiers.get(code).deadline().late()).isTrue();
        assertThat(notices(code, "LATE")).singleElement();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_RecordAgencyResult").count())
                .as("still waiting for the police").isOne();
    }

    /** A bundle's dossier, submitted by the portal, through the commune's part to the leader's signature. */
    private String signedByTheLeader(Http http, String procedure, String returnMethod, String result) {
        String code = http.post("/api/dossiers", submission(procedure, returnMethod), Http.PORTAL).expect(201).body().get("code").asText();
        step(http, "tan-giang.reception", code, Map.of("receptionDecision", "ACCEPT"));
        step(http, "tan-giang.vp.head", code, Map.of("specialistId", "tan-giang.vp.specialist1"));
        step(http, "tan-giang.vp.specialist1", code, Map.of("appraisalDecision", "DRAFT", "draftResult", result));
        step(http, "tan-giang.vp.head", code, Map.of("headDecision", "APPROVE"));
        step(http, "tan-giang.leader", code, Map.of("leaderDecision", "APPROVE"));
        return code;
    }

    static Map<String, Object> submission(String procedure, String returnMethod) {
        Map<String, Object> body = new LinkedHashMap<>(vn.motcua.support.Submissions.birthRegistration("tan-giang", returnMethod));
        body.put("procedureCode", procedure);
        body.put("channel", "ONLINE");
        body.put("components", procedure.equals(BIRTH_BUNDLE)
                ? List.of(Map.of("name", "Tờ khai điện tử liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế (Mẫu số 01)", "copies", 1),
                        Map.of("name", "Giấy chứng sinh hoặc giấy tờ thay giấy chứng sinh", "copies", 1))
                : List.of(Map.of("name", "Tờ khai điện tử liên thông đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất", "copies", 1),
                        Map.of("name", "Giấy báo tử hoặc giấy tờ thay giấy báo tử", "copies", 1)));
        return body;
    }

    static Map<String, Object> event(String id, String code, String agency, String part, String outcome, String number, String detail) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", id);
        event.put("dossierCode", code);
        event.put("agency", agency);
        event.put("part", part);
        event.put("outcome", outcome);
        if (number != null) event.put("resultNumber", number);
        if (detail != null) event.put("detail", detail);
        return event;
    }

    private void step(Http http, String official, String code, Map<String, Object> variables) {
        http.complete(official, http.tasks(official, code).get(0).get("id").asText(), variables).expect(204);
    }

    private List<vn.motcua.dossier.Notification> notices(String code, String kind) {
        return dossiers.get(code).notifications().stream().filter(n -> n.kind().equals(kind)).toList();
    }

    private void runDueJobs() {
        List<Job> due = new ArrayList<>(management.createJobQuery().executable().list());
        for (Job job : due) {
            management.executeJob(job.getId());
        }
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(instant(instant));
    }

    private static Date instant(String instant) {
        return Date.from(OffsetDateTime.parse(instant).toInstant());
    }
}
