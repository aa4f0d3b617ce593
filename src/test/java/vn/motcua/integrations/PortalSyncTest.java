package vn.motcua.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.Outbox;
import vn.motcua.outbox.OutboxDispatcher;
import vn.motcua.outbox.OutboxMessage;
import vn.motcua.support.Submissions;

/** The national portal, played by a real HTTP server, receives every status of a dossier, in order, once each. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PortalSyncTest {

    @RegisterExtension
    static WireMockExtension portal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("motcua.integrations.portal.url", () -> portal.baseUrl() + "/dvcqg");
        registry.add("motcua.integrations.portal.api-key", () -> "khoa-cong-dvc");
        registry.add("motcua.outbox.enabled", () -> "false");   // the test dispatches, at the times it chooses
    }

    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;
    @Autowired TaskService tasks;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired Outbox outbox;
    @Autowired MeterRegistry metrics;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void thePortalReceivesEveryStatusInOrderWithItsFields() throws Exception {
        portal.stubFor(post(urlEqualTo("/dvcqg/DongBoHoSoMC")).willReturn(aResponse().withStatus(200).withBody("{\"result\":\"ok\"}")));
        String code = runToTheEnd();
        assertThat(dispatcher.dispatchDue()).isGreaterThanOrEqualTo(5);

        List<JsonNode> received = received(code);
        assertThat(received).extracting(r -> r.get("TrangThaiHoSo").asInt()).containsExactly(1, 2, 4, 9, 10);
        assertThat(jdbc.sql("select portal_synced from mc_dossier where code = ?").param(code).query(Boolean.class).single())
                .as("kept on the dossier for the service index (1.4)").isTrue();
        JsonNode last = received.get(received.size() - 1);
        assertThat(last.get("MaHoSo").asText()).isEqualTo(code);
        assertThat(last.get("MaTTHC").asText()).isEqualTo("1.001193");
        assertThat(last.get("ChuHoSo").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(last.get("KenhThucHien").asInt()).isEqualTo(1);
        assertThat(last.get("HinhThuc").asInt()).isEqualTo(0);
        assertThat(last.get("NgayHenTra").asText()).matches("\\d{14}");
        assertThat(last.get("QuaTrinhXuLy")).hasSize(5);
        portal.verify(postRequestedFor(urlEqualTo("/dvcqg/DongBoHoSoMC")).withHeader("X-API-Key", equalTo("khoa-cong-dvc")));
        List<String> keys = new ArrayList<>();
        for (LoggedRequest r : portal.findAll(postRequestedFor(urlEqualTo("/dvcqg/DongBoHoSoMC")))) keys.add(r.getHeader("Idempotency-Key"));
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void thePortalDownForAWhileDelaysTheSyncButLosesNothingAndKeepsTheOrder() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
        portal.stubFor(post(urlEqualTo("/dvcqg/DongBoHoSoMC")).willReturn(aResponse().withStatus(503)));
        String code = runToTheEnd();
        assertThat(dispatcher.dispatchDue()).isZero();
        for (int minutes = 1; minutes <= 3; minutes++) {
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z").plusSeconds(60L * minutes)));
            assertThat(dispatcher.dispatchDue()).isZero();
        }
        List<OutboxMessage> queued = outbox.of(code).stream().filter(m -> m.channel() == Channel.PORTAL).toList();
        assertThat(queued).hasSize(5);
        assertThat(queued.get(0).attempts()).isEqualTo(4);
        assertThat(queued.subList(1, 5)).allSatisfy(m -> assertThat(m.attempts()).as("the next waits for the first").isZero());
        assertThat(dispatcher.list("failing")).extracting(OutboxMessage::id).contains(queued.get(0).id());
        assertThat(metrics.get("motcua.outbox.failing").tag("channel", "PORTAL").gauge().value()).isEqualTo(1.0);
        assertThat(portal.findAll(postRequestedFor(urlEqualTo("/dvcqg/DongBoHoSoMC"))))
                .as("only the first status was offered while the portal was down")
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"TrangThaiHoSo\":1,"));

        portal.resetAll();
        portal.stubFor(post(urlEqualTo("/dvcqg/DongBoHoSoMC")).willReturn(aResponse().withStatus(200)));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T03:00:00Z")));
        assertThat(dispatcher.dispatchDue()).isEqualTo(5);
        assertThat(received(code)).extracting(r -> r.get("TrangThaiHoSo").asInt()).containsExactly(1, 2, 4, 9, 10);
        assertThat(outbox.of(code).stream().filter(m -> m.channel() == Channel.PORTAL)).allSatisfy(m -> assertThat(m.state()).isEqualTo("SENT"));
        assertThat(dispatcher.dispatchDue()).as("nothing is sent twice").isZero();
        portal.verify(5, postRequestedFor(urlEqualTo("/dvcqg/DongBoHoSoMC")).withRequestBody(matchingJsonPath("$.MaHoSo", equalTo(code))));
    }

    private String runToTheEnd() {
        DossierView view = submission.submit(new ObjectMapper().convertValue(Submissions.birthRegistration("tan-giang", "COUNTER"),
                SubmissionRequest.class));
        String code = view.code();
        complete(code, Map.of("receptionDecision", "ACCEPT"));
        complete(code, Map.of("specialistId", "tan-giang.vp.specialist1"));
        complete(code, Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh"));
        complete(code, Map.of("headDecision", "APPROVE"));
        complete(code, Map.of("leaderDecision", "APPROVE"));
        complete(code, Map.of("recipientName", "Nguyễn Thị Hồng Nhung"));
        assertThat(dossiers.get(code).status()).isEqualTo(10);
        return code;
    }

    private void complete(String code, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId(), variables);
    }

    private List<JsonNode> received(String code) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest r : portal.findAll(postRequestedFor(urlEqualTo("/dvcqg/DongBoHoSoMC")))) {
            JsonNode body = json.readTree(r.getBodyAsString());
            if (body.get("MaHoSo").asText().equals(code)) bodies.add(body);
        }
        return bodies;
    }
}
