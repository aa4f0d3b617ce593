package vn.motcua.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.dossier.Payments;
import vn.motcua.outbox.OutboxDispatcher;
import vn.motcua.security.ApiClients;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * The result reaches the citizen through real peers: a post office and a payment gateway (WireMock),
 * an SMS gateway (WireMock) and a mail server (GreenMail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ResultDeliveryTest {

    static final String PAYMENT_SECRET = "bi-mat-cong-thanh-toan";

    @RegisterExtension
    static WireMockExtension peers = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("motcua.integrations.post.url", () -> peers.baseUrl() + "/vnpost");
        registry.add("motcua.integrations.sms.url", () -> peers.baseUrl() + "/sms");
        registry.add("motcua.integrations.payment.secret", () -> PAYMENT_SECRET);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
        registry.add("motcua.outbox.enabled", () -> "false");
    }

    @LocalServerPort int port;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ApiClients clients;
    @Autowired Payments payments;

    @Test
    void aResultByPostIsShippedOnceAlthoughThePostOfficeWasDownAndDeliveredOnceAlthoughTheEventCameTwice() throws Exception {
        peers.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(202)));
        peers.stubFor(post(urlEqualTo("/vnpost/shipments")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        peers.stubFor(post(urlEqualTo("/vnpost/shipments")).inScenario("outage").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(504)).willSetStateTo("back"));
        peers.stubFor(post(urlEqualTo("/vnpost/shipments")).inScenario("outage").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(201).withBody("{\"trackingNumber\":\"EB123456789VN\"}")));
        Http http = new Http(port);
        String code = approved(http, "POST", "1.001193");

        // the post office is down twice; the shipment waits in the outbox and goes out once it is back
        for (int i = 0; i < 3; i++) {
            dispatcher.dispatchDue();
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 3_600_000L * (i + 1)));
        }
        dispatcher.dispatchDue();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        peers.verify(3, postRequestedFor(urlEqualTo("/vnpost/shipments"))
                .withHeader("Idempotency-Key", equalTo("motcua-shipment-" + code)));
        JsonNode shipment = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                peers.findAll(postRequestedFor(urlEqualTo("/vnpost/shipments"))).get(2).getBodyAsString());
        assertThat(shipment.get("recipient").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(shipment.get("address").asText()).isEqualTo("Tổ 5, phường Tân Giang, tỉnh Cao Bằng");
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().toString()).contains("EB123456789VN");

        String postOffice = "key:" + clients.issue("vnpost", java.util.Set.of("post:events"));
        Map<String, Object> delivered = Map.of("eventId", "EV-1", "trackingNumber", "EB123456789VN", "event", "DELIVERED",
                "detail", "Người nhận: Nguyễn Thị Hồng Nhung");
        assertThat(http.post("/api/integrations/post/events", delivered, postOffice).expect(200).body().get("duplicate").asBoolean()).isFalse();
        assertThat(http.post("/api/integrations/post/events", delivered, postOffice).expect(200).body().get("duplicate").asBoolean()).isTrue();
        assertThat(http.post("/api/integrations/post/events", delivered, Http.PORTAL).status()).as("the portal's key may not").isEqualTo(403);

        JsonNode dossier = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(10);
        List<String> steps = new java.util.ArrayList<>();
        dossier.get("timeline").forEach(t -> steps.add(t.get("step").asText()));
        assertThat(steps).containsSubsequence("POST_SHIPMENT", "POST_DELIVERED");
        assertThat(steps.stream().filter(s -> s.equals("POST_DELIVERED")).count()).as("one effect").isOne();
        assertThat(dossier.get("timeline").toString()).contains("Số hiệu bưu gửi EB123456789VN", "Người nhận: Nguyễn Thị Hồng Nhung");
        List<Integer> statuses = new java.util.ArrayList<>();
        dossier.get("statusHistory").forEach(s -> statuses.add(s.get("status").asInt()));
        assertThat(statuses).containsExactly(1, 2, 4, 9, 10);
    }

    @Test
    void aPaymentCallbackWithABadSignatureIsRejectedAndChangesNothingAndAGoodOneCountsOnce() throws Exception {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", body("1.004873", "COUNTER"), "tan-giang.reception").expect(201).body().get("code").asText();
        http.complete("tan-giang.reception", http.tasks("tan-giang.reception", code).get(0).get("id").asText(),
                Map.of("receptionDecision", "ACCEPT")).expect(204);
        JsonNode waiting = http.get("/api/dossiers/" + code, Http.PORTAL).body();
        assertThat(waiting.get("status").asInt()).isEqualTo(6);
        assertThat(http.tasks("tan-giang.reception", code).get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_CollectFee");

        String callback = "{\"transactionId\":\"PG-778899\",\"dossierCode\":\"" + code + "\",\"amount\":5000,\"status\":\"SUCCESS\"}";
        HttpResponse<String> forged = callback(callback, sign(callback, "khoa-gia"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("X-Signature");
        assertThat(payments.of(code)).isEmpty();
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).body().get("status").asInt()).isEqualTo(6);

        assertThat(callback(callback, sign(callback, PAYMENT_SECRET)).statusCode()).isEqualTo(200);
        assertThat(callback(callback, sign(callback, PAYMENT_SECRET)).body()).contains("\"duplicate\":true");
        assertThat(payments.of(code)).singleElement().satisfies(p -> {
            assertThat(p.online()).isTrue();
            assertThat(p.amount()).isEqualTo(5000);
            assertThat(p.reference()).isEqualTo("PG-778899");
        });
        JsonNode paid = http.get("/api/dossiers/" + code, Http.PORTAL).body();
        assertThat(paid.get("status").asInt()).isEqualTo(4);
        assertThat(http.tasks("tan-giang.vp.head", code)).hasSize(1);
    }

    @Test
    void theCitizenIsNotifiedByMailAndSmsAndDownloadsTheOnlineResultWithTheSecret() throws Exception {
        peers.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(202)));
        Http http = new Http(port);
        String code = approved(http, "ONLINE", "1.001193");
        dispatcher.dispatchDue();

        MimeMessage[] letters = smtp.getReceivedMessages();
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage m : letters) if (m.getSubject().contains(code)) subjects.add(m.getSubject());
        assertThat(subjects).contains("Hồ sơ " + code + " đã được tiếp nhận", "Hồ sơ " + code + " đã có kết quả",
                "Đã trả kết quả hồ sơ " + code);
        assertThat(peers.findAll(postRequestedFor(urlEqualTo("/sms/messages"))).stream()
                .filter(r -> r.getBodyAsString().contains(code)).count()).isGreaterThanOrEqualTo(3);

        String secret = http.get("/api/dossiers/" + code, Http.PORTAL).body().get("lookupSecret").asText();
        HttpResponse<byte[]> result = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/public/dossiers/" + code + "/result?secret=" + secret)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(result.statusCode()).isEqualTo(200);
        String text = vn.motcua.documents.DocumentsTest.text(result.body());
        assertThat(text).contains("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", code, "Nguyễn Thị Hồng Nhung", "Giấy khai sinh cho cháu Nguyễn Minh An");
        assertThat(http.get("/api/public/dossiers/" + code + "/result?secret=AAAAAAAA", null).status()).isEqualTo(404);

        // the leader's digitally signed PDF, attached from the document system, replaces the printed one
        byte[] signed = "%PDF-1.7\n% ban ky so cua lanh dao\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> attached = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/dossiers/" + code + "/result")).header("Content-Type", "application/pdf")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tan-giang.leader:demo".getBytes()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(signed)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(attached.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/public/dossiers/" + code + "/result?secret=" + secret)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(signed);
    }

    private Map<String, Object> body(String procedure, String returnMethod) {
        return Submissions.of(procedure, "tan-giang", returnMethod);
    }

    /** Submitted, accepted, appraised and signed: waiting to be returned. */
    private String approved(Http http, String returnMethod, String procedure) {
        String code = http.post("/api/dossiers", body(procedure, returnMethod), "tan-giang.reception").expect(201).body().get("code").asText();
        step(http, "tan-giang.reception", code, Map.of("receptionDecision", "ACCEPT"));
        step(http, "tan-giang.vp.head", code, Map.of("specialistId", "tan-giang.vp.specialist1"));
        step(http, "tan-giang.vp.specialist1", code, Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh cho cháu Nguyễn Minh An"));
        step(http, "tan-giang.vp.head", code, Map.of("headDecision", "APPROVE"));
        step(http, "tan-giang.leader", code, Map.of("leaderDecision", "APPROVE"));
        return code;
    }

    private void step(Http http, String official, String code, Map<String, Object> variables) {
        http.complete(official, http.tasks(official, code).get(0).get("id").asText(), variables).expect(204);
    }

    private HttpResponse<String> callback(String body, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/integrations/payment/callback"))
                .header("Content-Type", "application/json").header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
