package vn.motcua.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * A node that dies between sending a message and marking it sent: its claim expires after the
 * lease and another node sends the message again, with the same idempotency key, and the
 * dossier's later messages follow in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class OutboxClaimLeaseTest {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final String SYNC = "/dvcqg/DongBoHoSoMC";

    @RegisterExtension
    static WireMockExtension portal = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("motcua.integrations.portal.url", () -> portal.baseUrl() + "/dvcqg");
        registry.add("motcua.outbox.claim-lease", LEASE::toString);
        registry.add("motcua.outbox.enabled", () -> "false");   // this test polls, one call of dispatchDue() at a time
    }

    @LocalServerPort int port;
    @Autowired OutboxDispatcher liveNode;
    @Autowired List<OutboxSender> senders;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMessageClaimedByADeadNodeIsSentAgainAfterTheLeaseWithTheSameKeyAndTheDossiersLaterMessagesFollowInOrder() throws Exception {
        portal.stubFor(post(urlEqualTo(SYNC)).willReturn(aResponse().withStatus(200)));
        Instant start = Instant.parse("2026-03-10T02:00:00Z");   // a Tuesday, 09:00 in Vietnam
        ClockUtil.setCurrentTime(Date.from(start));
        Http http = new Http(port);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body().get("code").asText();

        // another node claims the first message (status 1), sends it, and dies before marking it sent
        assertThatThrownBy(deadNode()::dispatchDue).isInstanceOf(NodeDied.class);
        long first = portalMessages(code).get(0).id();
        assertThat(sentToPortal(code)).hasSize(1);
        assertThat(jdbc.sql("select state, locked_until from mc_outbox where id = ?").param(first)
                .query((rs, n) -> rs.getString(1) + " " + rs.getObject(2, java.time.OffsetDateTime.class).toInstant()).single())
                .as("left claimed for the lease").isEqualTo("PENDING " + start.plus(LEASE));

        // the dossier goes on: status 2 and 4 wait behind the claimed message
        String task = http.tasks("tan-giang.reception", code).get(0).get("id").asText();
        http.complete("tan-giang.reception", task, Map.of("receptionDecision", "ACCEPT")).expect(204);
        assertThat(portalMessages(code)).hasSize(3);
        assertThat(liveNode.dispatchDue()).isZero();
        ClockUtil.setCurrentTime(Date.from(start.plus(LEASE).minusSeconds(1)));
        assertThat(liveNode.dispatchDue()).as("the lease still holds").isZero();
        assertThat(sentToPortal(code)).hasSize(1);

        // the lease has run out: one poll of a live node sends the message again, then the later ones
        ClockUtil.setCurrentTime(Date.from(start.plus(LEASE).plusSeconds(1)));
        assertThat(Instant.now(clock)).isEqualTo(start.plus(LEASE).plusSeconds(1));
        assertThat(liveNode.dispatchDue()).isEqualTo(3);

        List<LoggedRequest> sent = sentToPortal(code);
        List<OutboxMessage> messages = portalMessages(code);
        assertThat(sent.stream().map(r -> r.getHeader("Idempotency-Key")).toList()).containsExactly(
                "motcua-" + first, "motcua-" + first, "motcua-" + messages.get(1).id(), "motcua-" + messages.get(2).id());
        ObjectMapper json = new ObjectMapper();
        List<Integer> statuses = new ArrayList<>();
        for (LoggedRequest r : sent) statuses.add(json.readTree(r.getBodyAsString()).get("TrangThaiHoSo").asInt());
        assertThat(statuses).as("in order, the first twice").containsExactly(1, 1, 2, 4);
        assertThat(messages).allSatisfy(m -> assertThat(m.state()).isEqualTo("SENT"));

        // the portal's records are kept deflated, and what the portal got is the text that was written, to the byte
        for (int i = 0; i < messages.size(); i++) {
            OutboxMessage m = messages.get(i);
            Map<String, Object> row = jdbc.sql("select payload, payload_deflated from mc_outbox where id = ?").param(m.id())
                    .query().singleRow();
            assertThat(row.get("payload")).as("no text kept beside the deflated bytes").isNull();
            byte[] deflated = (byte[]) row.get("payload_deflated");
            byte[] text = m.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.length).isGreaterThanOrEqualTo(Payloads.DEFLATE_FROM);
            assertThat(deflated.length).as("deflated to at most 4/5").isLessThanOrEqualTo(text.length * 4 / 5);
            assertThat(sent.get(i + 1).getBody()).as("message %d as the portal received it", i).isEqualTo(text);
            assertThat(m.payload()).contains("Bộ phận Một cửa", code);
        }
    }

    /** A second node whose portal sender sends for real and then dies before the message is marked. */
    private OutboxDispatcher deadNode() {
        OutboxSender portalSender = senders.stream().filter(s -> s.channel() == Channel.PORTAL).findFirst().orElseThrow();
        OutboxSender dying = new OutboxSender() {
            @Override
            public Channel channel() {
                return Channel.PORTAL;
            }

            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public String send(OutboxMessage message) throws Exception {
                portalSender.send(message);
                throw new NodeDied();
            }
        };
        return new OutboxDispatcher(jdbc, List.of(dying), clock, true, LEASE);
    }

    private List<OutboxMessage> portalMessages(String code) {
        return jdbc.sql("select * from mc_outbox where dossier_code = ? and channel = 'PORTAL' order by id").param(code)
                .query(OutboxDispatcher::message).list();
    }

    private static List<LoggedRequest> sentToPortal(String code) {
        return portal.findAll(postRequestedFor(urlEqualTo(SYNC))).stream().filter(r -> r.getBodyAsString().contains(code)).toList();
    }

    /** The process ending between the send and the mark, as a power cut would. */
    static class NodeDied extends Error {
    }
}
