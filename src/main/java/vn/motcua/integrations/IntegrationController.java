package vn.motcua.integrations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Liên thông, tích hợp")
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
    @Operation(summary = "Sự kiện của bưu chính: đã phát hoặc bị chuyển hoàn",
            description = "Khóa API có phạm vi post:events. DELIVERED: hồ sơ đã trả kết quả (trạng thái 10); RETURNED: bưu gửi quay về, "
                    + "công dân nhận tại Bộ phận Một cửa. Mỗi eventId chỉ được xử lý một lần: gửi lại trả 200 với duplicate = true.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "da-phat", summary = "Đã phát cho người nhận", value = """
                            {"eventId": "VNP-20261204-000123", "trackingNumber": "EB123456789VN", "event": "DELIVERED",
                             "detail": "Đã phát thành công, người nhận: Nguyễn Thị Hồng Nhung"}"""),
                    @ExampleObject(name = "chuyen-hoan", summary = "Chuyển hoàn, không phát được", value = """
                            {"eventId": "VNP-20261205-000456", "trackingNumber": "EB123456789VN", "event": "RETURNED",
                             "detail": "Người nhận vắng nhà ba lần, chuyển hoàn về Bộ phận Một cửa"}""")})))
    @ApiResponse(responseCode = "200", description = "Đã nhận (duplicate = true: sự kiện này đã nhận trước đó, không thay đổi gì)")
    @ApiResponse(responseCode = "403", description = "Khóa API không có phạm vi post:events")
    @ApiResponse(responseCode = "409", description = "Hồ sơ không chờ sự kiện bưu chính này")
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
    @Operation(summary = "Kết quả phần việc liên thông của cơ quan khác",
            description = "Công an (phạm vi agency:police: THUONG_TRU, XOA_THUONG_TRU), Bảo hiểm xã hội (agency:bhxh: THE_BHYT, "
                    + "MAI_TANG_TU_TUAT), Cơ quan thuế (agency:thue: NGHIA_VU_TAI_CHINH). DONE cần resultNumber (tối đa 64 ký tự); REFUSED cần "
                    + "detail (lý do, tối đa 1.000 ký tự). Mỗi eventId chỉ được xử lý một lần: gửi lại trả 200 với duplicate = true.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "cong-an-thuong-tru", summary = "Công an xã đã đăng ký thường trú cho trẻ", value = """
                            {"eventId": "CA-CB-20261204-0042", "dossierCode": "000.03.04.H11-261204-0001", "agency": "CONG_AN",
                             "part": "THUONG_TRU", "outcome": "DONE", "resultNumber": "TT-2026-001587"}"""),
                    @ExampleObject(name = "bhxh-tu-choi", summary = "Bảo hiểm xã hội từ chối cấp thẻ bảo hiểm y tế", value = """
                            {"eventId": "BHXH-CB-20261204-0007", "dossierCode": "000.03.04.H11-261204-0001", "agency": "BHXH",
                             "part": "THE_BHYT", "outcome": "REFUSED",
                             "detail": "Thông tin của trẻ chưa có trên Cơ sở dữ liệu quốc gia về dân cư; đề nghị bổ sung sau khi đăng ký khai sinh"}"""),
                    @ExampleObject(name = "thue-nghia-vu-tai-chinh", summary = "Cơ quan thuế xác nhận đã hoàn thành nghĩa vụ tài chính", value = """
                            {"eventId": "THUE-CB-20261210-0113", "dossierCode": "000.03.04.H11-261127-0003", "agency": "THUE",
                             "part": "NGHIA_VU_TAI_CHINH", "outcome": "DONE", "resultNumber": "TB-LPTB-2026-00412"}""")})))
    @ApiResponse(responseCode = "200", description = "Đã nhận (duplicate = true: sự kiện này đã nhận trước đó, không thay đổi gì)")
    @ApiResponse(responseCode = "403", description = "Khóa API không báo được kết quả liên thông, hoặc đây là phần việc của cơ quan khác")
    @ApiResponse(responseCode = "404", description = "Không có hồ sơ này")
    @ApiResponse(responseCode = "409", description = "Hồ sơ không chờ kết quả của phần việc này")
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
    @Operation(summary = "Thông báo thanh toán trực tuyến của cổng thanh toán",
            description = "Không dùng đăng nhập hay khóa API: nội dung được ký bằng X-Signature. Khoản thanh toán đúng số phải nộp được tính "
                    + "một lần (200) và hồ sơ đi tiếp; số tiền khác được ghi nhận để đối soát (202), không tính là đã nộp. Giao dịch gửi lại "
                    + "trả 200 với duplicate = true.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object", requiredProperties = {"transactionId", "dossierCode", "amount", "status"}),
                    schemaProperties = {
                            @SchemaProperty(name = "transactionId", schema = @Schema(type = "string", maxLength = 64,
                                    description = "Mã giao dịch của cổng thanh toán (ký tự ASCII in được, không có khoảng trắng)")),
                            @SchemaProperty(name = "dossierCode", schema = @Schema(type = "string", maxLength = 48, description = "Mã hồ sơ")),
                            @SchemaProperty(name = "amount", schema = @Schema(type = "integer", format = "int64", minimum = "0",
                                    description = "Số tiền, đồng")),
                            @SchemaProperty(name = "status", schema = @Schema(type = "string", allowableValues = "SUCCESS",
                                    description = "Chỉ nhận giao dịch thành công"))},
                    examples = @ExampleObject(name = "thanh-toan-le-phi", summary = "Lệ phí 5.000 đồng đã thanh toán", value = """
                            {"transactionId": "PAYGOV-20261204-7781203", "dossierCode": "000.03.04.H11-261204-0002", "amount": 5000,
                             "status": "SUCCESS"}"""))))
    @ApiResponse(responseCode = "200", description = "Đã tính là đã nộp (hoặc giao dịch đã nhận trước đó: duplicate = true)")
    @ApiResponse(responseCode = "202", description = "Số tiền khác số phải nộp: đã ghi nhận để đối soát (MISMATCH), hồ sơ vẫn chờ thanh toán")
    @ApiResponse(responseCode = "409", description = "Chưa cấu hình cổng thanh toán, hoặc hồ sơ không chờ thanh toán")
    @Transactional
    ResponseEntity<Map<String, Object>> paymentCallback(@RequestBody(required = false) byte[] body,
                                                        @Parameter(description = "Chữ ký: HMAC-SHA256 của toàn bộ nội dung yêu cầu với khóa bí mật "
                                                                + "dùng chung (MOTCUA_PAYMENT_SECRET), viết ở hệ thập lục phân. Sai chữ ký: 400, "
                                                                + "không thay đổi gì.", required = true,
                                                                example = "3b5d5c3712955042212316173ccf37be800f4b9a8bde0a0e6e7ea8d7b0e1b4c2")
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
