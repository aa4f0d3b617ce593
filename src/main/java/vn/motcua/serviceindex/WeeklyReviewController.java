package vn.motcua.serviceindex;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.RequestDays;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.dossier.DossierNotFoundException;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/**
 * The weekly review: {@code GET /api/service-index/weekly?week=2026-11-23} (any day of the week; the
 * last full week when absent) as JSON, {@code …/weekly/pdf} as the one-page PDF made now, and the PDFs
 * generated every Monday: {@code …/weekly/reports} and {@code …/weekly/reports/{monday}}. The province's
 * admins see the province; a commune's officials their commune's review.
 */
@RestController
@Tag(name = ServiceIndexController.TAG)
class WeeklyReviewController {

    private static final String WEEK = "Một ngày bất kỳ của tuần (yyyy-MM-dd); bỏ trống: tuần đầy đủ gần nhất";
    private static final String PDF = "application/pdf";

    private final WeeklyReview review;
    private final WeeklyReports reports;
    private final IndexAccess access;

    WeeklyReviewController(WeeklyReview review, WeeklyReports reports, IndexAccess access) {
        this.review = review;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/api/service-index/weekly")
    @Operation(summary = "Đánh giá tuần: xếp hạng, thay đổi so với tuần trước, xu hướng 12 tuần, hồ sơ trễ hạn")
    @ApiResponse(responseCode = "200", description = "Đánh giá của tuần")
    @ApiResponse(responseCode = "403", description = ServiceIndexController.FORBIDDEN)
    WeeklyReview.Review weekly(@Parameter(description = WEEK, example = "2026-11-23") @RequestParam(required = false) String week,
                               @Parameter(description = ServiceIndexController.COMMUNE, example = "tan-giang")
                               @RequestParam(required = false) String commune) {
        Caller caller = Callers.authenticated();
        LocalDate monday = week(week);
        return review.of(monday, access.commune(caller, commune));
    }

    @GetMapping("/api/service-index/weekly/pdf")
    @Operation(summary = "Đánh giá tuần: một trang PDF cho cuộc họp thứ Hai")
    @ApiResponse(responseCode = "200", description = "Đánh giá tuần (PDF)",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = ServiceIndexController.FORBIDDEN)
    ResponseEntity<byte[]> pdf(@Parameter(description = WEEK, example = "2026-11-23") @RequestParam(required = false) String week,
                               @Parameter(description = ServiceIndexController.COMMUNE, example = "tan-giang")
                               @RequestParam(required = false) String commune) {
        Caller caller = Callers.authenticated();
        LocalDate monday = week(week);
        WeeklyReview.Review r = review.of(monday, access.commune(caller, commune));
        return pdf(review.pdf(r, reports.provinceName()), "chi-so-phuc-vu-tuan-" + monday + ".pdf");
    }

    @GetMapping("/api/service-index/weekly/reports")
    @Operation(summary = "Các báo cáo tuần đã lưu", description = "Tạo lúc 07:00 mỗi thứ Hai cho tuần vừa hết.")
    @ApiResponse(responseCode = "200", description = "Các báo cáo, với địa chỉ tải")
    @ApiResponse(responseCode = "403", description = "Chỉ quản trị viên cấp tỉnh")
    List<WeeklyReports.Stored> stored() {
        admin();
        return reports.stored();
    }

    @GetMapping("/api/service-index/weekly/reports/{monday}")
    @Operation(summary = "Tải một báo cáo tuần đã lưu (PDF)")
    @ApiResponse(responseCode = "200", description = "Báo cáo tuần (PDF)",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "Chỉ quản trị viên cấp tỉnh")
    @ApiResponse(responseCode = "404", description = "Chưa có báo cáo của tuần này")
    ResponseEntity<byte[]> storedPdf(@Parameter(description = "Ngày thứ Hai đầu tuần (yyyy-MM-dd)", example = "2026-11-23")
                                     @PathVariable String monday) {
        admin();
        LocalDate day = day("monday", monday);
        byte[] pdf = reports.pdf(day).orElseThrow(() -> new DossierNotFoundException("báo cáo tuần " + monday));
        return pdf(pdf, "chi-so-phuc-vu-tuan-" + day + ".pdf");
    }

    private static void admin() {
        if (!Callers.authenticated().isAdmin()) throw new AccessDenied("Chỉ quản trị của tỉnh xem các báo cáo tuần đã lưu");
    }

    private LocalDate week(String week) {
        if (week == null) return reports.lastWeek();
        return WeeklyReview.monday(day("week", week));
    }

    private static LocalDate day(String field, String value) {
        List<FieldError> errors = new java.util.ArrayList<>();
        LocalDate day = RequestDays.parse(value, field, errors);
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return day;
    }

    private static ResponseEntity<byte[]> pdf(byte[] pdf, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(pdf);
    }
}
