package vn.motcua.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.LimitUnit;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/** The working-day calendar for portals and officials: due dates and working-day counts. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Lịch ngày làm việc")
class CalendarController {

    private static final int MAX_LIMIT = 365;
    private static final int MAX_SPAN_DAYS = 3660;
    private final WorkingTime time;

    CalendarController(WorkingTime time) {
        this.time = time;
    }

    /** {@code ?from=2026-02-13T16:00:00+07:00&limit=3&unit=WORKING_DAYS} → {@code {"due": "2026-02-25T16:00:00+07:00"}}. */
    @GetMapping("/due")
    @Operation(summary = "Tính hạn theo thời gian làm việc",
            description = "Chỉ tính giờ hành chính của ngày làm việc, trừ ngày nghỉ lễ, Tết, nghỉ bù; nhận sau giờ làm việc thì tính từ "
                    + "lúc mở cửa tiếp theo. Ví dụ: từ 16:00 thứ Sáu 13/02/2026, 3 ngày làm việc, hạn là 16:00 thứ Tư 25/02/2026.")
    Map<String, Object> due(@Parameter(description = "Thời điểm bắt đầu theo ISO-8601; không ghi múi giờ thì là giờ Việt Nam",
                                    example = "2026-02-13T16:00:00+07:00") @RequestParam(required = false) String from,
                            @Parameter(description = "Thời hạn, số nguyên từ 1 đến 365", example = "3") @RequestParam(required = false) String limit,
                            @Parameter(description = "Đơn vị: WORKING_DAYS (ngày làm việc), WORKING_HOURS (giờ làm việc) hoặc SAME_DAY (trong ngày)",
                                    example = "WORKING_DAYS") @RequestParam(required = false) String unit) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime start = dateTime(from, "from", errors);
        Integer amount = null;
        if (limit == null || limit.isBlank()) {
            errors.add(new FieldError("limit", "Bắt buộc nhập thời hạn (số nguyên)"));
        } else {
            try {
                amount = Integer.parseInt(limit.trim());
                if (amount < 1 || amount > MAX_LIMIT) {
                    errors.add(new FieldError("limit", "Thời hạn từ 1 đến " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("limit", "Thời hạn phải là số nguyên"));
            }
        }
        LimitUnit limitUnit = null;
        try {
            limitUnit = LimitUnit.valueOf(unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("unit", "Đơn vị là một trong WORKING_DAYS, WORKING_HOURS, SAME_DAY"));
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        OffsetDateTime due = time.due(start.atZoneSameInstant(time.zone()), amount, limitUnit).toOffsetDateTime();
        return Map.of("from", start.atZoneSameInstant(time.zone()).toOffsetDateTime(), "limit", amount, "unit", limitUnit, "due", due);
    }

    /** {@code ?from=2026-02-01&to=2026-02-28} → the working days between, both included. */
    @GetMapping("/working-days")
    @Operation(summary = "Đếm ngày làm việc trong một khoảng", description = "Tính cả ngày đầu và ngày cuối; tối đa 3.660 ngày.")
    Map<String, Object> workingDays(@Parameter(description = "Ngày đầu (yyyy-MM-dd)", example = "2026-02-01") @RequestParam(required = false) String from,
                                    @Parameter(description = "Ngày cuối (yyyy-MM-dd)", example = "2026-02-28") @RequestParam(required = false) String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = RequestDays.parse(from, "from", errors);
        LocalDate end = RequestDays.parse(to, "to", errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new FieldError("to", "Ngày kết thúc phải không trước ngày bắt đầu"));
            } else if (start.plusDays(MAX_SPAN_DAYS).isBefore(end)) {
                errors.add(new FieldError("to", "Khoảng thời gian tối đa " + MAX_SPAN_DAYS + " ngày"));
            }
        }
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return Map.of("from", start, "to", end, "workingDays", time.workingDaysBetween(start, end));
    }

    private OffsetDateTime dateTime(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Bắt buộc nhập thời điểm theo ISO-8601, ví dụ 2026-02-13T16:00:00+07:00"));
            return null;
        }
        try {
            // an unencoded "+07:00" arrives as " 07:00"
            OffsetDateTime at = OffsetDateTime.parse(value.replace(' ', '+').trim());
            return RequestDays.supported(at.toLocalDate(), field, errors) ? at : null;
        } catch (DateTimeParseException e) {
            try {
                java.time.LocalDateTime local = java.time.LocalDateTime.parse(value.trim());
                return RequestDays.supported(local.toLocalDate(), field, errors) ? local.atZone(time.zone()).toOffsetDateTime() : null;
            } catch (DateTimeParseException again) {
                errors.add(new FieldError(field, "Thời điểm không đúng ISO-8601, ví dụ 2026-02-13T16:00:00+07:00"));
                return null;
            }
        }
    }
}
