package vn.motcua.integrations;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.FeeCheck;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.dossier.Payments;
import vn.motcua.dossier.ResultDelivery;
import vn.motcua.engine.DossierEngine;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;
import vn.motcua.security.Scopes;
import vn.motcua.common.MultiLineText;

/**
 * What peers tell motcua: the post office's delivery events and the payment gateway's callbacks.
 * Each event is taken once by its id (a duplicate answers 200 and changes nothing).
 */
@RestController
class IntegrationController {

    private final Dossiers dossiers;
    private final ResultDelivery results;
    private final Payments payments;
    private final DossierEngine engine;
    private final JdbcClient jdbc;
    private final IntegrationProperties properties;
    private final Clock clock;

    IntegrationController(Dossiers dossiers, ResultDelivery results, Payments payments, DossierEngine engine, JdbcClient jdbc,
                          IntegrationProperties properties, Clock clock) {
        this.dossiers = dossiers;
        this.results = results;
        this.payments = payments;
        this.engine = engine;
        this.jdbc = jdbc;
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
        String code = results.codeOfShipment(event.trackingNumber()).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("trackingNumber", "Không có bưu gửi " + event.trackingNumber()))));
        if (!firstTime("POST", event.eventId(), code)) {
            return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", true));
        }
        if (!engine.postEvent(code, "DELIVERED".equals(event.event()), event.detail() == null ? event.event() : event.detail())) {
            throw new Conflict("Hồ sơ " + code + " không chờ sự kiện bưu chính " + event.event());
        }
        return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", false));
    }

    /**
     * The payment gateway's callback ({@link PaymentCallback}). A wrong signature changes nothing
     * (400). A broken body is refused field by field (400). A payment of the amount due counts once
     * (200) and moves the dossier on; any other amount is recorded as a mismatch for the admins and
     * acknowledged (202) so the gateway stops retrying, but it does not count and the dossier waits.
     */
    @PostMapping("/api/integrations/payment/callback")
    @Transactional
    ResponseEntity<Map<String, Object>> paymentCallback(@RequestBody(required = false) byte[] body,
                                                        @RequestHeader(value = "X-Signature", required = false) String signature) {
        String secret = properties.payment().secret();
        if (secret == null || secret.isBlank()) {
            throw new Conflict("Chưa cấu hình cổng thanh toán");
        }
        byte[] raw = body == null ? new byte[0] : body;
        PaymentCallback.verify(secret, raw, signature);
        PaymentCallback callback = PaymentCallback.parse(raw);
        String code = callback.dossierCode();
        Dossier dossier = dossiers.findOptional(code).orElseThrow(() -> new InvalidRequestException(
                List.of(new FieldError("dossierCode", "Không có hồ sơ " + code))));
        if (!firstTime("PAYMENT", callback.transactionId(), code)) {
            return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", true));
        }
        long due = engine.paymentDue(code).orElseThrow(() -> new Conflict("Hồ sơ " + code + " không chờ thanh toán"));
        Payments.State state = payments.recordOnline(dossier.code(), due, callback.amount(), callback.transactionId(), "Cổng thanh toán");
        if (state != Payments.State.PAID) {
            return ResponseEntity.accepted().body(Map.of("dossierCode", code, "duplicate", false, "state", state.name(),
                    "detail", "Số tiền " + FeeCheck.money(callback.amount()) + " khác số phải nộp " + FeeCheck.money(due)
                            + ": đã ghi nhận để đối soát, không tính là đã nộp"));
        }
        engine.paymentReceived(code);
        return ResponseEntity.ok(Map.of("dossierCode", code, "duplicate", false, "state", state.name()));
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
