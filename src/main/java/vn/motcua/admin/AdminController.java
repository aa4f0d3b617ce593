package vn.motcua.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.engine.DossierEngine;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.handover.CommuneHandover;
import vn.motcua.organisation.Provisioning;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.ApiClients;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;
import vn.motcua.security.Scopes;
import vn.motcua.common.ClientText;

/** The province admin's API: provisioning, integration clients, handovers, audit. Admins only. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Quản trị")
@ApiResponse(responseCode = "403", description = "Chỉ quản trị viên cấp tỉnh")
class AdminController {

    /** The column of a commune's code. */
    private static final int MAX_COMMUNE_CODE = 64;
    /** A file broken on every line is reported by its first lines only. */
    private static final int MAX_REPORTED_LINES = 20;

    private final Provisioning provisioning;
    private final ApiClients clients;
    private final CommuneHandover handover;
    private final Dossiers dossiers;
    private final AuditLog audit;
    private final DossierEngine engine;
    private final vn.motcua.outbox.OutboxDispatcher dispatcher;
    private final java.time.ZoneId zone;

    AdminController(Provisioning provisioning, ApiClients clients, CommuneHandover handover, Dossiers dossiers,
                    AuditLog audit, DossierEngine engine, vn.motcua.outbox.OutboxDispatcher dispatcher,
                    vn.motcua.MotcuaProperties properties) {
        this.dispatcher = dispatcher;
        this.zone = properties.zone();
        this.provisioning = provisioning;
        this.clients = clients;
        this.handover = handover;
        this.dossiers = dossiers;
        this.audit = audit;
        this.engine = engine;
    }

    /**
     * The org chart (application/yaml) or HR's officials list (text/csv), as the provision command
     * takes it. A line with a control character is refused before anything is read.
     */
    @PostMapping(value = "/provisioning", consumes = {"text/csv", "application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    @Operation(summary = "Cập nhật tổ chức: xã, phường, phòng, cán bộ, tài khoản",
            description = "Sơ đồ tổ chức (YAML) hoặc danh sách cán bộ (CSV UTF-8, dấu phẩy hoặc chấm phẩy, tiêu đề tiếng Anh hoặc tiếng Việt), "
                    + "như lệnh provision. Tệp là danh sách đầy đủ của các xã, phường có trong tệp: cán bộ không còn trong danh sách bị vô hiệu "
                    + "hóa, không bị xóa. Chạy lại cùng tệp không thay đổi gì. Tệp có lỗi: 400 nêu từng dòng, không áp dụng gì.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/yaml", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "so-do-to-chuc", summary = "Sơ đồ tổ chức của một phường mới", value = """
                                    province:
                                      code: cao-bang
                                      name: Tỉnh Cao Bằng
                                    communes:
                                      - code: hoa-chung
                                        name: Phường Hòa Chung
                                        agencyId: "000.04.04.H11"
                                        departments:
                                          - { code: vp, name: Văn phòng HĐND và UBND }
                                        officials:
                                          - { fullName: Nông Thị Lan Anh, role: reception, title: Công chức Bộ phận Một cửa }
                                          - { fullName: Hoàng Văn Toàn, role: leader, title: Chủ tịch UBND phường }
                                          - { fullName: Lý Thị Hằng, role: head, department: vp, title: Chánh Văn phòng }
                                          - { fullName: Đàm Văn Khánh, role: specialist, department: vp, title: Công chức }
                                    """)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "danh-sach-can-bo", summary = "Danh sách cán bộ như phòng nhân sự lưu", value = """
                                    Họ và tên,Xã/phường,Phòng,Vai trò,Email,Điện thoại
                                    Nông Thị Lan Anh,Phường Hòa Chung,,Một cửa,lananh.nt@hoachung.caobang.gov.vn,0912000111
                                    Hoàng Văn Toàn,Phường Hòa Chung,,Chủ tịch,toan.hv@hoachung.caobang.gov.vn,0912000222
                                    Lý Thị Hằng,Phường Hòa Chung,Văn phòng HĐND và UBND,Trưởng phòng,hang.lt@hoachung.caobang.gov.vn,0912000333
                                    Đàm Văn Khánh,Phường Hòa Chung,Văn phòng HĐND và UBND,Chuyên viên,khanh.dv@hoachung.caobang.gov.vn,0912000444
                                    """))}))
    @ApiResponse(responseCode = "200", description = "Đã áp dụng: các thay đổi (changes) và thời gian chạy")
    Provisioning.Report provision(@RequestBody byte[] body, @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        Caller admin = admin();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n|\n|\r", -1);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.length && errors.size() < MAX_REPORTED_LINES; i++) {
            int line = i + 1;
            ClientText.refusal(lines[i], true).ifPresent(reason -> errors.add(new FieldError("line " + line, reason)));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Provisioning.Report report = provisioning.run("API (" + admin.name() + ")", body, Provisioning.Format.of(contentType));
        if (!report.changes().isEmpty()) {
            audit.record(null, admin.name(), "PROVISION", report.changes().size() + " changes");
        }
        return report;
    }

    /** Issues a client's API key; the answer is the only place the key is ever shown. */
    @PostMapping("/clients/{name}")
    @Operation(summary = "Cấp khóa API cho một hệ thống tích hợp",
            description = "Phạm vi: dossiers:submit, dossiers:read, post:events, payment:callback, agency:police, agency:bhxh, agency:thue. "
                    + "Khóa chỉ hiện một lần trong câu trả lời (apiKey); motcua chỉ lưu giá trị băm. Cấp lại cho cùng tên thì khóa cũ hết hiệu lực.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "buu-dien", summary = "Bưu điện tỉnh báo sự kiện phát bưu gửi", value = """
                            {"scopes": ["post:events"]}"""))))
    @ApiResponse(responseCode = "200", description = "Khóa đã cấp (apiKey), chỉ hiện lần này")
    Map<String, Object> issueKey(@Parameter(description = "Tên hệ thống: chữ thường, số và gạch nối, 2 đến 63 ký tự", example = "buu-dien-cao-bang")
                                 @PathVariable String name, @RequestBody ClientRequest request) {
        Caller admin = admin();
        List<FieldError> errors = new ArrayList<>();
        if (!name.matches("[a-z0-9][a-z0-9-]{1,62}")) errors.add(new FieldError("name", "Tên khách là chuỗi chữ thường, số và gạch nối"));
        List<String> requested = request.scopes() == null ? List.of() : request.scopes();
        if (requested.isEmpty() || requested.size() > Scopes.ALL.size()) {
            errors.add(new FieldError("scopes", "Chọn từ 1 đến " + Scopes.ALL.size() + " quyền trong " + new TreeSet<>(Scopes.ALL)));
        } else {
            for (int i = 0; i < requested.size(); i++) {
                if (requested.get(i) == null || !Scopes.ALL.contains(requested.get(i))) {
                    errors.add(new FieldError("scopes[" + i + "]", "Chọn trong " + new TreeSet<>(Scopes.ALL)));
                }
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        Set<String> scopes = Set.copyOf(requested);
        String key = clients.issue(name, scopes);
        audit.record(null, admin.name(), "CLIENT_KEY_ISSUED", name + " " + new TreeSet<>(scopes));
        return Map.of("name", name, "scopes", scopes, "apiKey", key);
    }

    /** Moves a commune's running dossiers; a handover that moved none is not audited. */
    @PostMapping("/communes/{from}/handover")
    @Operation(summary = "Chuyển hồ sơ đang giải quyết sang xã, phường khác (sáp nhập)",
            description = "Mọi hồ sơ đang chạy của xã, phường chuyển đi sang xã, phường nhận: đơn vị, nhóm xử lý, phòng chuyên môn; các bước, "
                    + "hạn và bộ đếm thời gian giữ nguyên; quá trình xử lý có một dòng bàn giao.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    name = "sap-nhap", summary = "Phường Thục Phán chuyển hồ sơ sang Phường Tân Giang", value = """
                            {"to": "tan-giang"}"""))))
    @ApiResponse(responseCode = "200", description = "Các hồ sơ đã chuyển")
    CommuneHandover.Result handOver(@Parameter(description = "Mã xã, phường chuyển đi", example = "thuc-phan") @PathVariable String from,
                                    @RequestBody HandoverRequest request) {
        Caller admin = admin();
        if (request.to() == null || request.to().isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("to", "Bắt buộc nhập mã xã, phường nhận")));
        }
        if (request.to().length() > MAX_COMMUNE_CODE) {
            throw new InvalidRequestException(List.of(new FieldError("to", "Tối đa " + MAX_COMMUNE_CODE + " ký tự")));
        }
        try {
            CommuneHandover.Result result = handover.handOver(from, request.to(), admin.name());
            if (!result.dossiers().isEmpty()) {
                audit.record(null, admin.name(), "HANDOVER", from + " → " + request.to() + ": " + result.dossiers().size() + " hồ sơ");
            }
            return result;
        } catch (IllegalArgumentException | vn.motcua.workflow.DossierWorkflow.RoutingException e) {
            throw new InvalidRequestException(List.of(new FieldError("to", e.getMessage())));
        }
    }

    /** Who did what to a dossier: motcua's API audit and the engine's user operation log, in time order. */
    @GetMapping("/dossiers/{code}/audit")
    @Operation(summary = "Nhật ký: ai đã làm gì với hồ sơ",
            description = "Các thao tác qua API của motcua (nộp, xem, tải giấy tờ, tra cứu sai) và nhật ký thao tác của Camunda (nhận việc, "
                    + "hoàn thành, giao việc), theo thời gian.")
    @ApiResponse(responseCode = "200", description = "Các thao tác, cũ trước")
    List<AuditLog.Entry> audit(@PathVariable String code) {
        admin();
        Dossier dossier = dossiers.find(code);
        List<AuditLog.Entry> entries = new ArrayList<>(audit.of(code));
        for (DossierEngine.Operation e : engine.operations(dossier.code())) {
            String detail = e.property() == null ? null : e.property() + (e.newValue() == null ? "" : " = " + e.newValue());
            entries.add(new AuditLog.Entry(e.at().atZone(zone).toOffsetDateTime(),
                    e.userId(), e.type() + (e.taskId() == null ? "" : " task " + e.taskId()), detail, "camunda"));
        }
        entries.sort(Comparator.comparing(AuditLog.Entry::at));
        return entries;
    }

    /** Messages to peers: pending, failing (refused at least three times), sent or skipped. */
    @GetMapping("/outbox")
    @Operation(summary = "Tin gửi các hệ thống khác (hộp thư đi)",
            description = "Hồ sơ gửi Cổng Dịch vụ công, bưu chính, cơ quan liên thông, thư điện tử và SMS; 500 tin mới nhất.")
    @ApiResponse(responseCode = "200", description = "Các tin, mới nhất trước")
    List<vn.motcua.outbox.OutboxMessage> outbox(@Parameter(description = "pending (mặc định: đang chờ gửi), failing (bị từ chối từ ba lần), "
            + "sent (đã gửi) hoặc skipped (không có nơi nhận)", example = "failing")
                                                @org.springframework.web.bind.annotation.RequestParam(required = false) String state) {
        admin();
        if (state != null && !List.of("pending", "failing", "sent", "skipped").contains(state)) {
            throw new InvalidRequestException(List.of(new FieldError("state", "Chọn pending, failing, sent hoặc skipped")));
        }
        return dispatcher.list(state);
    }

    private static Caller admin() {
        Caller caller = Callers.authenticated();
        if (!caller.isAdmin()) {
            throw new AccessDenied("Chỉ quản trị viên cấp tỉnh được dùng chức năng này");
        }
        return caller;
    }

    record ClientRequest(List<String> scopes) {
    }

    record HandoverRequest(String to) {
    }
}
