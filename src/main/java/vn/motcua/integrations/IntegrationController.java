package vn.motcua.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.FieldError;
import vn.motcua.dossier.InvalidRequestException;
import vn.motcua.dossier.Payments;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;
import vn.motcua.security.Scopes;
import vn.motcua.web.MultiLineText;

/**
 * What peers tell motcua: the post office's delivery events and the payment gateway's callbacks.
 * Each event is taken once by its id (a duplicate answers 200 and changes nothing).
 */
@RestController
class IntegrationController {

    private final DossierService dossiers;
    private final Payments payments;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final IntegrationProperties properties;
    private final Clock clock;

    IntegrationController(DossierService dossiers, Payments payments, RuntimeService runtime, JdbcClient jdbc, ObjectMapper json,
                          IntegrationProperties properties, Clock clock) {
        this.dossiers = dossiers;
        this.payments = payments;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code {"eventId", "trackingNumber", "event": "DELIVERED"|"RETURNED", "detail"}}, from the post office's client key. */
    @PostMapping("/api/integrations/post/events")
    @Transactional
    ResponseEntity<Map<String, Object>> postEvent(@RequestBody PostEvent event) {
        Caller caller = Callers.authenticated();
        if (!caller.hasScope(Scopes.POST_EVENTS) && !caller.isAdmin()) {
            throw new AccessDenied("Khóa API này không được gửi sự kiện bưu chính");
        }
        List<FieldError> errors = new ArrayList<>();
        required(event.eventId(), "eventId", PostEvent.MAX_EVENT_ID, errors);
        required(event.trackingNumber(), "trackingNumber", PostEvent.MAX_TRACKING_NUMBER, errors);
        if (!"DELIVERED".equals(event.event()) && !"RETURNED".equals(event.event())) {
            errors.add(new FieldError("event", "DELIVERED hoặc RETURNED"));
        }
        if (event.detail() != null && event.detail().length() > PostEvent.MAX_DETAIL) {
            errors.add(new FieldError("detail", "Tối đa " + PostEvent.MAX_DETAIL + " ký tự"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        String code = dossiers.codeOfShipment(event.trackingNumber()).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("trackingNumber", "Không có bưu gửi " + event.trackingNumber()))));
        if (!firstTime("POST", event.eventId(), code)) {
            return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", true));
        }
        String message = "DELIVERED".equals(event.event()) ? "PostDelivered" : "PostReturned";
        List<Execution> waiting = runtime.createExecutionQuery().processInstanceBusinessKey(code).messageEventSubscriptionName(message).list();
        if (waiting.isEmpty()) {
            throw new Conflict("Hồ sơ " + code + " không chờ sự kiện bưu chính " + event.event());
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(code)
                .setVariable("postDelivered", "DELIVERED".equals(event.event()))
                .setVariable("postEventDetail", event.detail() == null ? event.event() : event.detail())
                .correlate();
        return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", false));
    }

    /**
     * The payment gateway's callback: {@code X-Signature} = hex HMAC-SHA256 of the raw body with the
     * shared secret. A wrong signature changes nothing.
     */
    @PostMapping("/api/integrations/payment/callback")
    @Transactional
    ResponseEntity<Map<String, Object>> paymentCallback(@RequestBody byte[] body,
                                                        @RequestHeader(value = "X-Signature", required = false) String signature) throws Exception {
        String secret = properties.payment().secret();
        if (secret == null || secret.isBlank()) {
            throw new Conflict("Chưa cấu hình cổng thanh toán");
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(body);
        byte[] given;
        try {
            given = signature == null ? new byte[0] : HexFormat.of().parseHex(signature.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidRequestException(List.of(new FieldError("X-Signature", "Chữ ký không đúng")));
        }
        JsonNode callback = json.readTree(body);
        String transaction = text(callback, "transactionId");
        String code = text(callback, "dossierCode");
        long amount = callback.path("amount").asLong(-1);
        if (transaction == null || code == null || amount < 0 || !"SUCCESS".equals(text(callback, "status"))) {
            throw new InvalidRequestException(List.of(new FieldError("body", "Cần transactionId, dossierCode, amount và status SUCCESS")));
        }
        Dossier dossier = dossiers.findOptional(code).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("dossierCode", "Không có hồ sơ " + code))));
        if (!firstTime("PAYMENT", transaction, code)) {
            return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", true));
        }
        List<Execution> waiting = runtime.createExecutionQuery().processInstanceBusinessKey(code)
                .messageEventSubscriptionName("PaymentReceived").list();
        if (waiting.isEmpty()) {
            throw new Conflict("Hồ sơ " + code + " không chờ thanh toán");
        }
        Object due = runtime.getVariable(waiting.get(0).getProcessInstanceId(), "feeAmount");
        if (due instanceof Number n && amount < n.longValue()) {
            throw new InvalidRequestException(List.of(new FieldError("amount", "Số tiền " + amount + " nhỏ hơn phí, lệ phí " + n)));
        }
        payments.record(dossier.code(), amount, "ONLINE", true, transaction, "cổng thanh toán");
        runtime.createMessageCorrelation("PaymentReceived").processInstanceBusinessKey(code).correlate();
        return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", false));
    }

    private boolean firstTime(String source, String eventId, String code) {
        if (jdbc.sql("select count(*) from mc_inbox where source = ? and event_id = ?").params(source, eventId)
                .query(Long.class).single() > 0) {
            return false;
        }
        try {
            jdbc.sql("insert into mc_inbox (source, event_id, dossier_code, received_at) values (?, ?, ?, ?)")
                    .params(source, eventId, code, OffsetDateTime.now(clock)).update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static void required(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) errors.add(new FieldError(field, "Bắt buộc"));
        else if (value.length() > max) errors.add(new FieldError(field, "Tối đa " + max + " ký tự"));
    }

    /**
     * The bounds are the columns: the event id is kept in mc_inbox (128), the tracking number on the
     * dossier (40); the detail goes into a handover note (2000, with its prefix).
     */
    record PostEvent(String eventId, String trackingNumber, String event, @MultiLineText String detail) {
        static final int MAX_EVENT_ID = 128;
        static final int MAX_TRACKING_NUMBER = 40;
        static final int MAX_DETAIL = 1000;
    }

    /** The request is understood but the dossier is not in a state to take it (409). */
    static class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Không đúng trạng thái");
        return problem;
    }
}
