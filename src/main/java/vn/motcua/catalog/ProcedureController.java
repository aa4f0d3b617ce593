package vn.motcua.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/**
 * The province's procedure catalogue for the portal and the counter, public and free of personal
 * data: {@code GET /api/procedures} (filter by {@code field}, {@code department}, or words of the
 * name or code in {@code q}), one procedure by its code, and what a request would cost
 * ({@code GET /api/procedures/{code}/fees?copies=2&pages=5}).
 */
@RestController
@Tag(name = "Danh mục thủ tục")
class ProcedureController {

    static final int MAX_QUERY = 200;
    private final ProcedureCatalog catalog;
    private final java.time.Clock clock;

    ProcedureController(ProcedureCatalog catalog, java.time.Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/api/procedures")
    @Operation(summary = "Tìm thủ tục trong danh mục",
            description = "Công khai, không có dữ liệu cá nhân. Không có tham số: mọi thủ tục, theo lĩnh vực rồi theo mã.")
    List<ProcedureInfo> list(@Parameter(description = "Lĩnh vực, có dấu hoặc không dấu", example = "Hộ tịch")
                             @RequestParam(required = false) String field,
                             @Parameter(description = "Mã phòng chuyên môn giải quyết: vp, kt hoặc vhxh", example = "vhxh")
                             @RequestParam(required = false) String department,
                             @Parameter(description = "Các từ trong tên hoặc mã thủ tục, có dấu hoặc không dấu", example = "khai sinh")
                             @RequestParam(required = false) String q) {
        List<FieldError> errors = new ArrayList<>();
        text(field, "field", errors);
        text(q, "q", errors);
        text(department, "department", errors);
        if (department != null && !department.isBlank() && errors.isEmpty() && !catalog.departments().containsKey(department)) {
            errors.add(new FieldError("department", "Không có phòng chuyên môn mã " + department + "; một trong: "
                    + String.join(", ", catalog.departments().keySet())));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        String fieldKey = field == null || field.isBlank() ? null : fold(field);
        List<String> words = q == null || q.isBlank() ? List.of() : Arrays.asList(fold(q).split("\\s+"));
        return catalog.all().stream()
                .filter(p -> fieldKey == null || fold(p.field()).equals(fieldKey))
                .filter(p -> department == null || department.isBlank() || p.department().equals(department))
                .filter(p -> words.stream().allMatch(w -> fold(p.code() + " " + p.name()).contains(w)))
                .sorted(Comparator.comparing(Procedure::field).thenComparing(Procedure::code))
                .map(this::info)
                .toList();
    }

    @GetMapping("/api/procedures/{code}")
    @Operation(summary = "Xem một thủ tục: thời hạn, phí, lệ phí, giấy tờ, hình thức trả kết quả")
    @ApiResponse(responseCode = "200", description = "Thủ tục", content = @Content(schema = @Schema(implementation = ProcedureInfo.class)))
    @ApiResponse(responseCode = "404", description = "Thủ tục không có trong danh mục")
    ResponseEntity<?> one(@PathVariable String code) {
        return catalog.find(code).<ResponseEntity<?>>map(p -> ResponseEntity.ok(info(p))).orElseGet(() -> notFound(code));
    }

    /** What a request would cost, by the same rules as a submission (the same fields, the same errors). */
    @GetMapping("/api/procedures/{code}/fees")
    @Operation(summary = "Tính phí, lệ phí của một yêu cầu",
            description = "Theo đúng quy tắc khi nộp hồ sơ (cùng trường, cùng lỗi): total là tổng số đồng, lines là từng khoản và cách tính.")
    @ApiResponse(responseCode = "200", description = "Tổng phí, lệ phí (total, đồng), cách ghi trên Mẫu 01 (label) và từng khoản (lines)")
    @ApiResponse(responseCode = "404", description = "Thủ tục không có trong danh mục")
    ResponseEntity<?> fees(@PathVariable String code,
                           @Parameter(description = "Số bản kết quả, từ 1 đến 100, mặc định 1", example = "2")
                           @RequestParam(required = false) String copies,
                           @Parameter(description = "Số trang của giấy tờ; bắt buộc khi phí tính theo trang (chứng thực)", example = "5")
                           @RequestParam(required = false) String pages,
                           @Parameter(description = "Đối tượng được miễn mà phí của thủ tục cho phép: NGUOI_CO_CONG, HO_NGHEO, "
                                   + "NGUOI_KHUYET_TAT, TRE_EM, NGUOI_CAO_TUOI, DTTS_DBKK", example = "HO_NGHEO")
                           @RequestParam(required = false) String feeExemption,
                           @Parameter(description = "Ngày sinh hoặc ngày chết (yyyy-MM-dd); bắt buộc khi lệ phí chỉ thu lúc đăng ký quá hạn",
                                   example = "2026-11-20")
                           @RequestParam(required = false) String eventDate,
                           @Parameter(description = "true nếu nộp trực tuyến (có khoản thu mức riêng khi nộp trực tuyến)", example = "false")
                           @RequestParam(required = false) String online) {
        Procedure p = catalog.find(code).orElse(null);
        if (p == null) return notFound(code);
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        int copyCount = number(copies, "copies", 1, 100, 1, errors);
        Integer pageCount = pages == null || pages.isBlank() ? null : number(pages, "pages", 1, Fees.MAX_PAGES, 1, errors);
        if (pageCount == null && p.countsPages()) {
            errors.add(new FieldError("pages", "Bắt buộc nhập số trang: phí của thủ tục " + p.code() + " tính theo trang"));
        }
        FeeExemption exemption = null;
        if (feeExemption != null && !feeExemption.isBlank()) {
            exemption = Arrays.stream(FeeExemption.values()).filter(e -> e.name().equals(feeExemption)).findFirst().orElse(null);
            if (exemption == null || !p.exemptions().contains(exemption)) {
                errors.add(new FieldError("feeExemption", "Phí, lệ phí của thủ tục " + p.code() + " chỉ miễn cho: "
                        + (p.exemptions().isEmpty() ? "không có đối tượng nào" : String.join(", ", p.exemptions().stream().map(Enum::name).toList()))));
            }
        }
        LocalDate event = null;
        if (eventDate != null && !eventDate.isBlank()) {
            try {
                event = LocalDate.parse(eventDate.length() > 10 ? "x" : eventDate);
                if (event.isAfter(today) || event.getYear() < 1900) {
                    errors.add(new FieldError("eventDate", "Ngày sinh, ngày chết phải từ năm 1900 đến hôm nay"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError("eventDate", "Ngày không hợp lệ (định dạng yyyy-MM-dd)"));
            }
        } else if (p.needsEventDate()) {
            errors.add(new FieldError("eventDate", "Bắt buộc nhập ngày sinh hoặc ngày chết: lệ phí tùy việc đăng ký đúng hạn hay quá hạn"));
        }
        boolean filedOnline = false;
        if (online != null && !online.isBlank()) {
            if (!online.equals("true") && !online.equals("false")) errors.add(new FieldError("online", "true hoặc false"));
            filedOnline = online.equals("true");
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        FeeQuote quote = Fees.quote(p, new FeeRequest(copyCount, pageCount, exemption, event, today, filedOnline));
        return ResponseEntity.ok(Map.of("procedureCode", p.code(), "total", quote.total(), "label", quote.label(), "lines", quote.lines()));
    }

    private ProcedureInfo info(Procedure p) {
        String unit = switch (p.limit().unit()) {
            case SAME_DAY -> "trong ngày (nhận sau 15 giờ trả trong ngày làm việc tiếp theo)";
            case WORKING_DAYS -> String.format("%02d ngày làm việc", p.limit().value());
            case WORKING_HOURS -> p.limit().value() + " giờ làm việc";
        };
        return new ProcedureInfo(p.code(), p.name(), p.field(),
                new Named(p.department(), catalog.departments().get(p.department())),
                new LimitInfo(p.limit().value(), p.limit().unit().name(), unit, p.limit().basis()),
                p.fees().stream().map(f -> new FeeInfo(f.code(), f.name(), Fees.describe(f), f.per().name(), f.amount(), f.tiers(),
                        f.capPerCopy(), f.onlineAmount(), f.dueAfterDays(),
                        f.exemptions().stream().map(e -> new Named(e.name(), e.label())).toList(), f.provinceSet(), f.basis())).toList(),
                p.components().stream().map(c -> new Paper(c.name(), c.required())).toList(),
                p.returnMethods().stream().map(m -> new Named(m.name(), m.label())).toList(),
                p.interAgency(), p.supplementRule().name(), p.countsPages(), p.needsEventDate(), p.processKey(),
                new RetentionInfo(p.retention().period(), retentionLabel(p.retention().asPeriod()), p.retention().basis()));
    }

    /** "20 năm", "6 tháng", "1 năm 6 tháng", "90 ngày". */
    static String retentionLabel(java.time.Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) parts.add(period.getYears() + " năm");
        if (period.getMonths() > 0) parts.add(period.getMonths() + " tháng");
        if (period.getDays() > 0) parts.add(period.getDays() + " ngày");
        return String.join(" ", parts) + " kể từ khi hồ sơ kết thúc";
    }

    private ResponseEntity<ProblemDetail> notFound(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Thủ tục " + (code.length() > 32 ? code.substring(0, 32) + "…" : code) + " không có trong danh mục");
        problem.setTitle("Không tìm thấy thủ tục");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static void text(String value, String name, List<FieldError> errors) {
        if (value == null) return;
        if (value.length() > MAX_QUERY) errors.add(new FieldError(name, "Tối đa " + MAX_QUERY + " ký tự"));
        else if (value.chars().anyMatch(Character::isISOControl)) errors.add(new FieldError(name, "Không được chứa ký tự điều khiển"));
    }

    private static int number(String value, String name, int min, int max, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                errors.add(new FieldError(name, "Từ " + min + " đến " + max));
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "Phải là số nguyên"));
            return fallback;
        }
    }

    /** Lower case without diacritics ("Hộ tịch" → "ho tich", "đăng ký" → "dang ky"), for matching what a citizen types. */
    static String fold(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", " ").strip();
    }

    record Named(String code, String name) {
    }

    record LimitInfo(int value, String unit, String label, String basis) {
    }

    record FeeInfo(String code, String name, String rule, String per, long amount, List<Procedure.Fee.Tier> tiers, Long capPerCopy,
                   Long onlineAmount, Integer dueAfterDays, List<Named> exemptions, boolean provinceSet, String basis) {
    }

    @Schema(name = "ProcedurePaper")
    record Paper(String name, boolean required) {
    }

    record ProcedureInfo(String code, String name, String field, Named department, LimitInfo limit, List<FeeInfo> fees,
                         List<Paper> papers, List<Named> returnMethods, boolean interAgency, String supplementRule,
                         boolean countsPages, boolean needsEventDate, String processKey, RetentionInfo retention) {
    }

    /** How long the dossier's processing history is kept after it ends (ISO-8601 period), its label and legal basis. */
    @Schema(name = "ProcedureRetention")
    record RetentionInfo(@Schema(example = "P20Y") String period, @Schema(example = "20 năm kể từ khi hồ sơ kết thúc") String label,
                         String basis) {
    }
}
