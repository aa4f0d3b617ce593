package vn.motcua.calendar;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's calendar as an admin writes it ({@code holidays/<year>.yaml}): days off and swapped
 * working days, each a date or a range (from–to) with a name.
 */
final class YearCalendarFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private YearCalendarFile() {
    }

    static YearCalendar read(InputStream in, String source) {
        File file;
        try {
            file = YAML.readValue(in, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("Calendar file " + source + " cannot be read: " + e.getMessage(), e);
        }
        if (file.year() == null) {
            throw new IllegalStateException("Calendar file " + source + " has no year");
        }
        return new YearCalendar(file.year(), expand(file.daysOff(), file.year(), source),
                expand(file.workingDays(), file.year(), source), source);
    }

    private static Map<LocalDate, String> expand(List<Entry> entries, int year, String source) {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        if (entries == null) return days;
        for (Entry e : entries) {
            LocalDate from = e.date() != null ? e.date() : e.from();
            LocalDate to = e.date() != null ? e.date() : e.to();
            if (from == null || to == null || to.isBefore(from) || (e.date() != null && (e.from() != null || e.to() != null))) {
                throw new IllegalStateException("Calendar file " + source + ": each entry needs a date, or a from and a to");
            }
            if (from.getYear() != year || to.getYear() != year) {
                throw new IllegalStateException("Calendar file " + source + ": " + from + " is not in " + year);
            }
            String name = e.name() == null || e.name().isBlank() ? "Ngày nghỉ" : e.name();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.put(d, name);
            }
        }
        return days;
    }

    record File(Integer year, List<Entry> daysOff, List<Entry> workingDays) {
    }

    record Entry(LocalDate date, LocalDate from, LocalDate to, String name) {
    }
}
