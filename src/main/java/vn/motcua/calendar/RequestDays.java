package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import vn.motcua.common.FieldError;

/**
 * A day a client sends as a request parameter ({@code 2026-11-23}): required, ISO, and in a year the
 * working-day calendar covers; each refusal names the parameter.
 */
public final class RequestDays {

    public static final String YEARS = "Năm phải trong khoảng " + HolidayCalendar.FIRST_YEAR + "–" + HolidayCalendar.LAST_YEAR;

    private RequestDays() {
    }

    /** The day, or null with the reason added to errors. */
    public static LocalDate parse(String value, String field, List<FieldError> errors) {
        LocalDate day;
        try {
            if (value == null || value.isBlank()) throw new DateTimeParseException("missing", "", 0);
            day = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Bắt buộc nhập ngày dạng YYYY-MM-DD"));
            return null;
        }
        return supported(day, field, errors) ? day : null;
    }

    /** Years outside the calendar's range are refused before anything is computed for them. */
    public static boolean supported(LocalDate day, String field, List<FieldError> errors) {
        if (HolidayCalendar.isSupported(day)) return true;
        errors.add(new FieldError(field, YEARS));
        return false;
    }
}
