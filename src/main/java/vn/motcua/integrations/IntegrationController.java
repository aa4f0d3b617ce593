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
import vn.motcua.dossier.Agency;
import vn.motcua.dossier.AgencyPart;
import vn.motcua.dossier.AgencyParts;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.FeeCheck;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.dossier.Payments;
import vn.motcua.dossier.ResultDelivery;
import vn.motcua.engine.DossierEngine;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;
import vn.motcua.security.Scopes;
import vn.motcua.common.MultiLineText;

/**
 * What peers tell motcua: the post office's delivery events, the payment gateway's callbacks, and
 * the other agencies' results of their parts of inter-agency bundles.
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
    private final AgencyParts agencyParts;

    IntegrationController(Dossiers dossiers, ResultDelivery results, Payments payments, DossierEngine engine, JdbcClient jdbc,
                          IntegrationProperties properties, Clock clock, AgencyParts agencyParts) {
        this.agencyParts = agencyParts;
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
     * An agency's result of its part of an inter-agency bundle ({@link AgencyEvent}), from its own
     * client key: {@code agency:police} reports the police's parts, {@code agency:bhxh} the social
     * insurance agency's. Every field is checked before anything changes (400 naming each); another
     * agency's part is 403, an unknown dossier 404, a part the dossier does not wait for 409. The
     * same event id again is answered 200 with {@code "duplicate": true} and changes nothing.
     */
    @PostMapping("/api/integrations/agencies/events")
    @Transactional
    ResponseEntity<Map<String, Object>> agencyEvent(@RequestBody AgencyEvent event) {
        Caller caller = Callers.authenticated();
        java.util.Set<Agency> reports = new java.util.HashSet<>();
        if (caller.isAdmin() || caller.hasScope(Scopes.AGENCY_POLICE)) reports.add(Agency.CONG_AN);
        if (caller.isAdmin() || caller.hasScope(Scopes.AGENCY_BHXH)) reports.add(Agency.BHXH);
        if (caller.isAdmin() || caller.hasScope(Scopes.AGENCY_TAX)) reports.add(Agency.THUE);
        if (reports.isEmpty()) {
            throw new AccessDenied("Khóa API này không được báo kết quả liên thông");
        }
        List<FieldError> errors = new ArrayList<>();
        required(event.eventId(), "eventId", AgencyEvent.MAX_EVENT_ID, errors);
        required(event.dossierCode(), "dossierCode", AgencyEvent.MAX_DOSSIER_CODE, errors);
        Agency agency = java.util.Arrays.stream(Agency.values()).filter(a -> a.name().equals(event.agency())).findFirst().orElse(null);
        if (agency == null) errors.add(new FieldError("agency", "CONG_AN, BHXH hoặc THUE"));
        AgencyPart part = AgencyPart.of(event.part()).orElse(null);
        if (part == null) {
            errors.add(new FieldError("part", "Một trong " + java.util.Arrays.toString(AgencyPart.values())));
        } else if (agency != null && part.agency() != agency) {
            errors.add(new FieldError("part", part.label() + " không phải phần việc của " + agency.label()));
        }
        boolean done = Decision.DONE.equals(event.outcome());
        if (!done && !Decision.REFUSED.equals(event.outcome())) {
            errors.add(new FieldError("outcome", "DONE hoặc REFUSED"));
        }
        if (done) {
            required(event.resultNumber(), "resultNumber", AgencyEvent.MAX_RESULT_NUMBER, errors);
        } else if (event.resultNumber() != null && event.resultNumber().length() > AgencyEvent.MAX_RESULT_NUMBER) {
            errors.add(new FieldError("resultNumber", "Tối đa " + AgencyEvent.MAX_RESULT_NUMBER + " ký tự"));
        }
        if (Decision.REFUSED.equals(event.outcome())) {
            required(event.detail(), "detail", AgencyEvent.MAX_DETAIL, errors);
        } else if (event.detail() != null && event.detail().length() > AgencyEvent.MAX_DETAIL) {
            errors.add(new FieldError("detail", "Tối đa " + AgencyEvent.MAX_DETAIL + " ký tự"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        if (!reports.contains(agency)) {
            throw new AccessDenied("Khóa API này chỉ được báo kết quả phần việc của cơ quan mình, không phải của " + agency.label());
        }
        String code = dossiers.find(event.dossierCode()).code();
        if (!firstTime("AGENCY_" + agency.name(), event.eventId(), code)) {
            return ResponseEntity.ok(Map.of("dossierCode", code, "part", part.name(), "duplicate", true));
        }
        if (!engine.waitsForAgency(code, part.name())
                || !agencyParts.reported(code, part, done, done ? event.resultNumber() : null, event.detail(), caller.name())
                || !engine.agencyReported(code, part.name())) {
            throw new Conflict("Hồ sơ " + code + " không chờ kết quả phần việc " + part.label() + " của " + agency.label());
        }
        return ResponseEntity.ok(Map.of("dossierCode", code, "part", part.name(), "duplicate", false));
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

    /**
     * An agency's result of a part. The bounds are the columns: the event id is kept in mc_inbox
     * (128), the result number and the detail on the part (64, 1000).
     */
    record AgencyEvent(String eventId, String dossierCode, String agency, String part, String outcome, String resultNumber,
                       @MultiLineText String detail) {
        static final int MAX_EVENT_ID = 128;
        static final int MAX_DOSSIER_CODE = 48;
        static final int MAX_RESULT_NUMBER = vn.motcua.process.ProcessContract.AGENCY_RESULT_NUMBER_LENGTH;
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
