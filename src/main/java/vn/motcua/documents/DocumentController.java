package vn.motcua.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.RequestDays;
import vn.motcua.dossier.DossierNotFoundException;
import vn.motcua.dossier.Dossiers;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.organisation.Role;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/** The printed forms of a dossier, the daily register, and the citizen's electronic result. */
@RestController
@Tag(name = "Giấy tờ, biểu mẫu")
class DocumentController {

    private final Documents documents;
    private final DailyRegister register;
    private final Dossiers dossiers;
    private final AuditLog audit;

    DocumentController(Documents documents, DailyRegister register, Dossiers dossiers, AuditLog audit) {
        this.documents = documents;
        this.register = register;
        this.dossiers = dossiers;
        this.audit = audit;
    }

    @GetMapping("/api/dossiers/{code}/documents")
    @Operation(summary = "Các biểu mẫu in được của hồ sơ", description = "Mỗi biểu mẫu với tên và địa chỉ tải (href), theo bước hồ sơ đã qua.")
    List<Map<String, String>> list(@PathVariable String code) {
        dossiers.authorizeRead(code, Callers.authenticated(), "LIST_DOCUMENTS", null);
        return documents.available(dossiers.get(code)).stream()
                .map(k -> Map.of("kind", k.slug(), "title", k.title(), "href", "/api/dossiers/" + code + "/documents/" + k.slug()))
                .toList();
    }

    /** The access is recorded only when the document exists: a refused or empty request leaves no audit row. */
    @GetMapping("/api/dossiers/{code}/documents/{kind}")
    @Operation(summary = "In một biểu mẫu của hồ sơ (PDF)",
            description = "Cán bộ đã đăng nhập Tasklist mở được liên kết này bằng phiên làm việc của mình (chỉ để đọc).")
    @ApiResponse(responseCode = "200", description = "Biểu mẫu (PDF)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "Không có hồ sơ này, người gọi không được xem, hoặc hồ sơ chưa có biểu mẫu này")
    ResponseEntity<byte[]> document(@PathVariable String code,
                                    @Parameter(description = "Biểu mẫu: mau-01 (giấy tiếp nhận và hẹn trả), mau-02 (yêu cầu bổ sung), mau-03 "
                                            + "(từ chối), mau-04 (xin lỗi, hẹn lại), mau-05 (phiếu kiểm soát), thong-bao-dung (dừng giải quyết), "
                                            + "ket-qua (kết quả điện tử), du-thao (dự thảo kết quả)", example = "mau-01")
                                    @PathVariable String kind) {
        Caller caller = Callers.authenticated();
        DocumentKind form = DocumentKind.of(kind).orElseThrow(() -> new DossierNotFoundException(code + "/" + kind));
        dossiers.readable(code, caller);
        byte[] pdf = documents.render(code, form).orElseThrow(() -> new DossierNotFoundException(code + "/" + kind));
        audit.record(code, caller.name(), "DOWNLOAD", form.slug());
        return pdf(pdf, code + "-" + form.slug() + ".pdf");
    }

    /**
     * Attaches the signed result file (application/pdf): the leader or the one-stop of the dossier's
     * commune uploads what was signed in the document system. Outside the commune the dossier does
     * not exist (404); inside it, other roles are refused (403).
     */
    @PutMapping(value = "/api/dossiers/{code}/result", consumes = "application/pdf")
    @Operation(summary = "Đính kèm kết quả đã ký số (PDF)",
            description = "Tệp lãnh đạo đã ký số trên hệ thống quản lý văn bản; thay bản in của motcua ở mọi nơi (tải về, tra cứu của công dân, "
                    + "Cổng Dịch vụ công). Lãnh đạo hoặc Bộ phận Một cửa của xã, phường có hồ sơ.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "Đã đính kèm; href là địa chỉ tải kết quả")
    @ApiResponse(responseCode = "403", description = "Chỉ lãnh đạo hoặc Bộ phận Một cửa của xã, phường được đính kèm kết quả")
    Map<String, String> attachResult(@PathVariable String code, @RequestBody byte[] pdf) {
        Caller caller = Callers.authenticated();
        String commune = dossiers.readable(code, caller).communeCode();
        if (!(caller.isAdmin() || caller.hasRole(commune, Role.LEADER) || caller.hasRole(commune, Role.RECEPTION))) {
            throw new AccessDenied("Chỉ lãnh đạo hoặc Bộ phận Một cửa của xã, phường được đính kèm kết quả");
        }
        try {
            documents.attachSignedResult(code, pdf, code + "-ket-qua.pdf", caller.name());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("body", e.getMessage())));
        }
        audit.record(code, caller.name(), "ATTACH_RESULT", pdf.length + " bytes");
        return Map.of("href", "/api/dossiers/" + code + "/documents/ket-qua");
    }

    /** Sổ theo dõi hồ sơ (Mẫu 06) of one day: {@code ?date=2026-02-13&format=pdf|csv}. */
    @GetMapping("/api/communes/{commune}/register")
    @Operation(summary = "Sổ theo dõi hồ sơ (Mẫu 06) của một ngày", description = "Cán bộ của xã, phường hoặc quản trị viên cấp tỉnh.")
    @ApiResponse(responseCode = "200", description = "Sổ theo dõi", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", description = "Sổ theo dõi của xã, phường khác")
    ResponseEntity<byte[]> register(@Parameter(description = "Mã xã, phường", example = "tan-giang") @PathVariable String commune,
                                    @Parameter(description = "Ngày (yyyy-MM-dd)", example = "2026-11-23") @RequestParam(required = false) String date,
                                    @Parameter(description = "pdf (mặc định) hoặc csv", example = "pdf")
                                    @RequestParam(required = false, defaultValue = "pdf") String format) {
        Caller caller = Callers.authenticated();
        if (!(caller.isAdmin() || caller.isOfficialOf(commune))) {
            throw new AccessDenied("Sổ theo dõi của xã, phường khác");
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        LocalDate day = RequestDays.parse(date, "date", errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        if (!format.equals("pdf") && !format.equals("csv")) {
            throw new InvalidRequestException(List.of(new FieldError("format", "Chọn pdf hoặc csv")));
        }
        String name = "so-theo-doi-" + commune + "-" + day;
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                    .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(register.csv(commune, day));
        }
        return pdf(register.pdf(commune, day), name + ".pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }
}
