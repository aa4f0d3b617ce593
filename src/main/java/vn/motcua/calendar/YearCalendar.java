package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days off and the swapped working days (usually Saturdays) of one year, each with its name.
 *
 * @param source where it came from: a file, or "computed" for a year without one
 */
public record YearCalendar(int year, Map<LocalDate, String> daysOff, Map<LocalDate, String> workingDays, String source) {

    public YearCalendar {
        daysOff = java.util.Collections.unmodifiableMap(new TreeMap<>(daysOff));
        workingDays = java.util.Collections.unmodifiableMap(new TreeMap<>(workingDays));
    }
}
