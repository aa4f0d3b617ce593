package vn.motcua.serviceindex;

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
class ServiceIndexController {

    static final int MAX_DAYS = 5 * 366;
    static final int PAGE = 200;

    private final ServiceIndex index;
    private final IndexAccess access;

    ServiceIndexController(ServiceIndex index, IndexAccess access) {
        this.index = index;
        this.access = access;
    }

    @GetMapping("/api/service-index")
    ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String commune, @RequestParam(required = false) String format) {
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
    List<ServiceIndex.DossierLine> dossiers(@RequestParam(required = false) String indicator, @RequestParam(required = false) String part,
                                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String commune, @RequestParam(required = false) String procedure,
                                            @RequestParam(required = false) String page) {
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
