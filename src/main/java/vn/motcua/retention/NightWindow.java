package vn.motcua.retention;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The night window, as Camunda's history cleanup reads it: {@code HH:mm} (the JVM's zone) or
 * {@code HH:mmZ} such as {@code 22:00+0700}; the end may fall on the next day.
 */
record NightWindow(LocalTime start, LocalTime end, ZoneOffset offset) {

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("HH:mmxx");

    static NightWindow parse(String start, String end) {
        return new NightWindow(time(start), time(end), offset(start));
    }

    private static LocalTime time(String text) {
        try {
            return text.length() > 5 ? LocalTime.parse(text, WITH_OFFSET) : LocalTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("history cleanup window: " + text + " is not HH:mm or HH:mmZ (22:00+0700)");
        }
    }

    private static ZoneOffset offset(String text) {
        return text.length() > 5 ? ZoneOffset.from(WITH_OFFSET.parse(text))
                : ZoneOffset.systemDefault().getRules().getOffset(java.time.Instant.now());
    }

    /** The night a moment belongs to: the date its window began (23:00 on the 4th and 03:00 on the 5th: the 4th). */
    LocalDate nightOf(ZonedDateTime at) {
        ZonedDateTime local = at.withZoneSameInstant(offset);
        boolean afterMidnight = end.isBefore(start) && local.toLocalTime().isBefore(end);
        return afterMidnight ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** When the night's window ends. */
    ZonedDateTime endOf(LocalDate night) {
        LocalDate day = end.isAfter(start) ? night : night.plusDays(1);
        return day.atTime(end).atZone(offset);
    }

    /** The cron expression that starts the job at the window's start. */
    String cron() {
        return String.format("0 %d %d * * *", start.getMinute(), start.getHour());
    }
}
