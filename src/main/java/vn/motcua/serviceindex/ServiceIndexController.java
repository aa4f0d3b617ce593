package vn.motcua.serviceindex;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.RequestDays;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.security.Caller;
import vn.motcua.security.Callers;

/**
 * The service index for a period: {@code GET /api/service-index?from=2026-11-23&to=2026-11-29[&commune=…][&format=csv]}
 * and the dossiers behind a figure: {@code GET /api/service-index/dossiers?indicator=2.1&part=numerator|denominator&…}.
 * The province's admins see every commune and the ranking; a commune's officials see their commune.
 */
@RestController
@Tag(name = ServiceIndexController.TAG)
@ApiResponse(responseCode = "403", description = ServiceIndexController.FORBIDDEN)
class ServiceIndexController {

    static final String TAG = "Chỉ số phục vụ";
    static final String FORBIDDEN = "Chỉ công chức và quản trị viên của tỉnh; công chức chỉ xem xã, phường của mình";
    static final String COMMUNE = "Mã xã, phường; bỏ trống: cả tỉnh với quản trị viên, xã, phường của mình với công chức";

    static final int MAX_DAYS = 5 * 366;
    static final int PAGE = 200;

    private final ServiceIndex index;
    private final IndexAccess access;

    ServiceIndexController(ServiceIndex index, IndexAccess access) {
        this.index = index;
        this.access = access;
    }

    @GetMapping("/api/service-index")
    @Operation(summary = "Chỉ số phục vụ người dân, doanh nghiệp của một kỳ (Quyết định 766)",
            description = "Tỉnh, các xã, phường (xếp hạng) và các thủ tục; mỗi số liệu có địa chỉ các hồ sơ đứng sau nó (dossiers). "
                    + "Kỳ tối đa 1.830 ngày.")
    @ApiResponse(responseCode = "200", description = "Chỉ số của kỳ", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceIndex.Report.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    ResponseEntity<?> report(@Parameter(description = "Ngày đầu kỳ (yyyy-MM-dd)", example = "2026-11-23") @RequestParam(required = false) String from,
                             @Parameter(description = "Ngày cuối kỳ (yyyy-MM-dd), tính cả ngày này", example = "2026-11-29")
                             @RequestParam(required = false) String to,
                             @Parameter(description = COMMUNE, example = "tan-giang") @RequestParam(required = false) String commune,
                             @Parameter(description = "json (mặc định) hoặc csv (bảng tính)", example = "json")
                             @RequestParam(required = false) String format) {
        Caller caller = Callers.authenticated();
        List<FieldError> errors = new ArrayList<>();
        LocalDate[] period = period(from, to, errors);
        String fmt = format == null ? "json" : format;
        if (!Set.of("json", "csv").contains(fmt)) errors.add(new FieldError("format", "Chọn json hoặc csv"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        String scope = access.commune(caller, commune);
        ServiceIndex.Report report = index.compute(period[0], period[1], scope);
        if (fmt.equals("csv")) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("chi-so-phuc-vu-" + period[0] + "-" + period[1] + ".csv").build().toString())
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(ServiceIndexCsv.of(report));
        }
        return ResponseEntity.ok(report);
    }

    @GetMapping("/api/service-index/dossiers")
    @Operation(summary = "Các hồ sơ đứng sau một số liệu của chỉ số",
            description = "Cùng điều kiện như khi tính số liệu; mỗi trang 200 hồ sơ.")
    @ApiResponse(responseCode = "200", description = "Một trang hồ sơ")
    List<ServiceIndex.DossierLine> dossiers(@Parameter(description = "Chỉ tiêu: 1.4, 2.1, 2.2, 3.3, 3.6, 4.2 hoặc 5.4", example = "2.1")
                                            @RequestParam(required = false) String indicator,
                                            @Parameter(description = "numerator (tử số, mặc định) hoặc denominator (mẫu số)", example = "denominator")
                                            @RequestParam(required = false) String part,
                                            @Parameter(description = "Ngày đầu kỳ (yyyy-MM-dd)", example = "2026-11-23")
                                            @RequestParam(required = false) String from,
                                            @Parameter(description = "Ngày cuối kỳ (yyyy-MM-dd), tính cả ngày này", example = "2026-11-29")
                                            @RequestParam(required = false) String to,
                                            @Parameter(description = COMMUNE, example = "tan-giang") @RequestParam(required = false) String commune,
                                            @Parameter(description = "Mã thủ tục", example = "1.001193") @RequestParam(required = false) String procedure,
                                            @Parameter(description = "Trang, từ 1", example = "1") @RequestParam(required = false) String page) {
        Caller caller = Callers.authenticated();
        List<FieldError> errors = new ArrayList<>();
        LocalDate[] period = period(from, to, errors);
        Indicator which = indicator == null ? null : Indicator.of(indicator).orElse(null);
        if (which == null) {
            errors.add(new FieldError("indicator", "Một trong " + java.util.Arrays.stream(Indicator.values()).map(i -> i.code).toList()));
        }
        String p = part == null ? "numerator" : part;
        if (!Set.of("numerator", "denominator").contains(p)) errors.add(new FieldError("part", "numerator hoặc denominator"));
        if (procedure != null && (procedure.length() > 32 || !procedure.matches("[0-9.]+"))) {
            errors.add(new FieldError("procedure", "Mã thủ tục, ví dụ 1.001193"));
        }
        int pageNumber = 1;
        if (page != null) {
            try {
                pageNumber = Integer.parseInt(page);
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
            if (pageNumber < 1 || pageNumber > 100_000) errors.add(new FieldError("page", "Số trang, từ 1"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        String scope = access.commune(caller, commune);
        return index.dossiers(which, p.equals("numerator"), period[0], period[1], scope, procedure, (pageNumber - 1) * PAGE, PAGE);
    }

    private static LocalDate[] period(String from, String to, List<FieldError> errors) {
        LocalDate start = RequestDays.parse(from, "from", errors);
        LocalDate end = RequestDays.parse(to, "to", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) errors.add(new FieldError("to", "Không được trước ngày bắt đầu (from)"));
            else if (java.time.temporal.ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
                errors.add(new FieldError("to", "Kỳ tối đa " + MAX_DAYS + " ngày"));
            }
        }
        return new LocalDate[] {start, end};
    }
}
