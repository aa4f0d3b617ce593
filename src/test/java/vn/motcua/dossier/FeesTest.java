package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.documents.DocumentsTest;
import vn.motcua.support.Http;
import vn.motcua.support.PaymentGateway;
import vn.motcua.support.Submissions;

/**
 * Fees over real HTTP: a cash fee is exactly what is due with a receipt, and shows in the status
 * history, the timeline and the process-control slip (Mẫu 05); the gateway's payment of another
 * amount is a mismatch that does not count; a broken callback is a 400 naming the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class FeesTest {

    static final String SECRET = "bi-mat-cong-thanh-toan";
    static final String RECEPTION = "tan-giang.reception";

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("motcua.integrations.payment.secret", () -> SECRET);
        registry.add("motcua.outbox.enabled", () -> "false");
    }

    @LocalServerPort int port;

    @Test
    void aCashFeeThatIsNegativeShortOverOrWithoutReceiptIsRefusedAndChangesNothing() {
        Http http = new Http(port);
        String code = waitingForFee(http);
        String task = feeTask(http, code);

        List<Map<String, Object>> wrong = List.of(
                Map.of("feePaid", -5000, "receiptNumber", "BL-0001"),
                Map.of("feePaid", 3000, "receiptNumber", "BL-0001"),
                Map.of("feePaid", 2_147_483_648L, "receiptNumber", "BL-0001"),
                Map.of("feePaid", 5000),
                Map.of("feePaid", 5000, "receiptNumber", "B".repeat(65)));
        List<String> reasons = List.of("không được âm", "Thu thiếu: phải thu đúng 5.000 đồng, đã nhập 3.000 đồng",
                "Thu thừa: phải thu đúng 5.000 đồng, đã nhập 2.147.483.648 đồng", "receiptNumber", "tối đa 64 ký tự");
        for (int i = 0; i < wrong.size(); i++) {
            Http.Response refused = http.complete(RECEPTION, task, wrong.get(i));
            assertThat(refused.status()).as(wrong.get(i).toString()).isEqualTo(400);
            assertThat(refused.text()).as(wrong.get(i).toString()).contains(reasons.get(i));
        }
        assertThat(feeTask(http, code)).as("the task stays open").isEqualTo(task);
        JsonNode dossier = http.get("/api/dossiers/" + code, RECEPTION).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(6);
        assertThat(http.get("/api/dossiers/" + code + "/payments", RECEPTION).expect(200).body()).isEmpty();
    }

    @Test
    void aCashPaymentShowsWithItsReceiptInTheStatusHistoryTheTimelineAndTheControlSlip() throws Exception {
        Http http = new Http(port);
        String code = waitingForFee(http);
        http.complete(RECEPTION, feeTask(http, code), Map.of("feePaid", 5000, "receiptNumber", "BL-0001")).expect(204);

        String note = "Đã thu 5.000 đồng, biên lai số BL-0001";
        JsonNode dossier = http.get("/api/dossiers/" + code, RECEPTION).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(4);
        assertThat(entries(dossier.get("statusHistory"), "note", note)).singleElement().satisfies(s -> {
            assertThat(s.get("actor").asText()).isEqualTo(RECEPTION);
            assertThat(s.get("status").asInt()).as("paid while waiting in status 6").isEqualTo(6);
        });
        assertThat(entries(dossier.get("timeline"), "step", "Task_CollectFee")).singleElement().satisfies(h -> {
            assertThat(h.get("note").asText()).isEqualTo(note);
            assertThat(h.get("fromUser").asText()).isEqualTo(RECEPTION);
        });
        JsonNode payments = http.get("/api/dossiers/" + code + "/payments", RECEPTION).expect(200).body();
        assertThat(payments).singleElement().satisfies(p -> {
            assertThat(p.get("amount").asLong()).isEqualTo(5000);
            assertThat(p.get("amountDue").asLong()).isEqualTo(5000);
            assertThat(p.get("method").asText()).isEqualTo("CASH");
            assertThat(p.get("reference").asText()).isEqualTo("BL-0001");
            assertThat(p.get("recordedBy").asText()).isEqualTo(RECEPTION);
            assertThat(p.get("state").asText()).isEqualTo("PAID");
        });
        // another commune's dossier answers like an unknown one
        assertThat(http.get("/api/dossiers/" + code + "/payments", "thuc-phan.reception").status()).isEqualTo(404);

        assertThat(controlSlip(code)).contains("Thu phí, lệ phí tại quầy", note);
    }

    @Test
    void anOnlinePaymentOfAnotherAmountIsKeptAsAMismatchThatDoesNotCountAndTheRightOneDoes() throws Exception {
        Http http = new Http(port);
        PaymentGateway gateway = new PaymentGateway(port, SECRET);
        String code = waitingForFee(http);

        HttpResponse<String> under = gateway.call(PaymentGateway.paid("PG-UNDER-1", code, 3000));
        assertThat(under.statusCode()).as("acknowledged, so the gateway stops retrying").isEqualTo(202);
        assertThat(under.body()).contains("\"state\":\"MISMATCH\"");
        assertThat(gateway.call(PaymentGateway.paid("PG-UNDER-1", code, 3000)).body()).contains("\"duplicate\":true");
        assertThat(gateway.call(PaymentGateway.paid("PG-OVER-1", code, 2_147_483_648L)).statusCode()).isEqualTo(202);

        JsonNode waiting = http.get("/api/dossiers/" + code, RECEPTION).expect(200).body();
        assertThat(waiting.get("status").asInt()).as("not paid: still waiting").isEqualTo(6);
        assertThat(feeTask(http, code)).isNotNull();
        assertThat(waiting.toString()).doesNotContain("PG-UNDER-1");
        assertThat(paidOnline(code)).as("a mismatch is not paid online (index 3.6)").isFalse();
        JsonNode payments = http.get("/api/dossiers/" + code + "/payments", RECEPTION).expect(200).body();
        assertThat(payments).hasSize(2).allSatisfy(p -> {
            assertThat(p.get("state").asText()).isEqualTo("MISMATCH");
            assertThat(p.get("amountDue").asLong()).isEqualTo(5000);
            assertThat(p.get("online").asBoolean()).isTrue();
        });
        assertThat(payments.get(0).get("amount").asLong()).isEqualTo(3000);
        JsonNode mismatches = http.get("/api/admin/payments?state=MISMATCH", "admin").expect(200).body();
        assertThat(mismatches.toString()).contains("PG-UNDER-1", "PG-OVER-1");
        assertThat(http.get("/api/admin/payments", RECEPTION).status()).isEqualTo(403);
        assertThat(http.get("/api/admin/payments?state=LOST", "admin").status()).isEqualTo(400);

        HttpResponse<String> paid = gateway.call(PaymentGateway.paid("PG-778899", code, 5000));
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("\"state\":\"PAID\"");
        JsonNode dossier = http.get("/api/dossiers/" + code, RECEPTION).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(4);
        assertThat(paidOnline(code)).as("kept on the dossier for the service index (3.6)").isTrue();
        String note = "Thanh toán trực tuyến, mã giao dịch PG-778899: 5.000 đồng";
        assertThat(entries(dossier.get("statusHistory"), "note", note)).hasSize(1);
        assertThat(entries(dossier.get("timeline"), "step", "ONLINE_PAYMENT")).singleElement()
                .satisfies(h -> assertThat(h.get("note").asText()).isEqualTo(note));
        assertThat(controlSlip(code)).contains("Thanh toán phí, lệ phí trực tuyến", "Người giao: Cổng thanh toán", note);
    }

    @Test
    void aBrokenCallbackIsRefusedNamingTheFieldAfterTheSignatureIsChecked() {
        Http http = new Http(port);
        PaymentGateway gateway = new PaymentGateway(port, SECRET);
        String code = waitingForFee(http);

        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "body");
        bodies.put("{", "body");
        bodies.put("<payment><amount>5000</amount></payment>", "body");
        bodies.put("{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "body");
        bodies.put("[" .repeat(2000) + "]".repeat(2000), "body");
        bodies.put("[]", "body");
        bodies.put("", "body");
        bodies.put(PaymentGateway.paid("PG-1", code, 5000) + " {}", "body");
        bodies.put("{\"transactionId\":\"PG-1\",\"transactionId\":\"PG-2\",\"dossierCode\":\"" + code + "\",\"amount\":5000,\"status\":\"SUCCESS\"}", "body");
        bodies.put("{\"dossierCode\":\"" + code + "\",\"amount\":5000,\"status\":\"SUCCESS\"}", "transactionId");
        bodies.put(PaymentGateway.paid("  ", code, 5000), "transactionId");
        bodies.put(PaymentGateway.paid("P".repeat(65), code, 5000), "transactionId");
        bodies.put(PaymentGateway.paid("PG 1", code, 5000), "transactionId");
        bodies.put(PaymentGateway.paid("PG-1", "", 5000), "dossierCode");
        bodies.put(PaymentGateway.paid("PG-1", "X".repeat(49), 5000), "dossierCode");
        bodies.put(PaymentGateway.paid("PG-1", "KHONG-CO-HO-SO", 5000), "dossierCode");
        bodies.put("{\"transactionId\":\"PG-1\",\"dossierCode\":\"" + code + "\",\"status\":\"SUCCESS\"}", "amount");
        bodies.put("{\"transactionId\":\"PG-1\",\"dossierCode\":\"" + code + "\",\"amount\":\"5000\",\"status\":\"SUCCESS\"}", "amount");
        bodies.put("{\"transactionId\":\"PG-1\",\"dossierCode\":\"" + code + "\",\"amount\":5000.5,\"status\":\"SUCCESS\"}", "amount");
        bodies.put(PaymentGateway.paid("PG-1", code, -5000), "amount");
        bodies.put("{\"transactionId\":\"PG-1\",\"dossierCode\":\"" + code + "\",\"amount\":99999999999999999999999,\"status\":\"SUCCESS\"}", "amount");
        bodies.put("{\"transactionId\":\"PG-1\",\"dossierCode\":\"" + code + "\",\"amount\":5000,\"status\":\"FAILED\"}", "status");
        bodies.put("{\"transactionId\":7,\"dossierCode\":\"" + code + "\",\"amount\":5000}", "transactionId");
        bodies.forEach((body, field) -> {
            String shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
            HttpResponse<String> signed = gateway.call(body);
            assertThat(signed.statusCode()).as(shown).isEqualTo(400);
            assertThat(signed.headers().firstValue("Content-Type").orElse("")).as(shown).startsWith("application/problem+json");
            assertThat(fields(signed.body())).as(shown).contains(field);

            HttpResponse<String> forged = gateway.call(body, PaymentGateway.sign(body, "khoa-gia"), "application/json");
            assertThat(forged.statusCode()).as(shown).isEqualTo(400);
            assertThat(fields(forged.body())).as("the signature is checked first: " + shown).containsExactly("X-Signature");
        });
        assertThat(gateway.call("<payment/>", PaymentGateway.sign("<payment/>", SECRET), "application/xml").statusCode()).isEqualTo(400);
        assertThat(gateway.call("{}", PaymentGateway.sign("{}", SECRET), "text/plain").statusCode()).isEqualTo(400);

        assertThat(http.get("/api/dossiers/" + code, RECEPTION).expect(200).body().get("status").asInt()).isEqualTo(6);
        assertThat(http.get("/api/dossiers/" + code + "/payments", RECEPTION).expect(200).body()).isEmpty();
    }

    /** Submitted and accepted: a procedure with a 5.000 đồng fee, waiting at the counter's fee task. */
    private String waitingForFee(Http http) {
        String code = http.post("/api/dossiers", Submissions.marriageStatus("tan-giang", "COUNTER"), RECEPTION).expect(201).body().get("code").asText();
        http.complete(RECEPTION, http.tasks(RECEPTION, code).get(0).get("id").asText(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        return code;
    }

    private String feeTask(Http http, String code) {
        JsonNode task = http.tasks(RECEPTION, code).get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_CollectFee");
        return task.get("id").asText();
    }

    private static List<JsonNode> entries(JsonNode list, String field, String value) {
        List<JsonNode> found = new ArrayList<>();
        list.forEach(e -> {
            if (e.hasNonNull(field) && e.get(field).asText().equals(value)) found.add(e);
        });
        return found;
    }

    private static List<String> fields(String problem) {
        try {
            List<String> fields = new ArrayList<>();
            new ObjectMapper().readTree(problem).path("errors").forEach(e -> fields.add(e.get("field").asText()));
            return fields;
        } catch (Exception e) {
            throw new AssertionError("Not a problem document: " + problem, e);
        }
    }

    private String controlSlip(String code) throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/dossiers/" + code + "/documents/mau-05"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((RECEPTION + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        return DocumentsTest.text(pdf.body());
    }

    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private boolean paidOnline(String code) {
        return jdbc.sql("select paid_online from mc_dossier where code = ?").param(code).query(Boolean.class).single();
    }
}
