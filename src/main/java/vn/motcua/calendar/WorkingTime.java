package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import vn.motcua.catalog.LimitUnit;

/**
 * Time counted the way Vietnamese law counts it (domain.md §4): only office hours of working days
 * count. A dossier received outside office hours starts at the next opening; a limit in working
 * days is that many standard working days of office time (8 hours by default); a same-day limit
 * ends at the close of the day of receipt, or of the next working day when received after the
 * cut-off (15:00). A due instant is the end of the last working minute, so it can be the closing
 * time of a period (11:30, 17:00) but never a time when the office is closed.
 */
public class WorkingTime {

    /** A guard against a calendar with no working day at all. */
    private static final int MAX_DAYS = 3700;

    private final HolidayCalendar days;
    private final OfficeHours hours;
    private final LocalTime cutoff;
    private final ZoneId zone;

    public WorkingTime(HolidayCalendar days, OfficeHours hours, LocalTime cutoff, ZoneId zone) {
        this.days = days;
        this.hours = hours;
        this.cutoff = cutoff;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public HolidayCalendar days() {
        return days;
    }

    public long minutesPerDay() {
        return hours.minutesPerDay();
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.isWorkingDay(day);
    }

    /** The instant itself when the office is open then, else the next opening. */
    public ZonedDateTime nextOpening(ZonedDateTime at) {
        LocalDateTime t = local(at);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = t.toLocalDate();
            if (days.isWorkingDay(day)) {
                for (OfficeHours.Period p : hours.periods()) {
                    LocalDateTime end = day.atTime(p.end());
                    if (t.isBefore(end)) {
                        LocalDateTime start = day.atTime(p.start());
                        return zoned(t.isBefore(start) ? start : t);
                    }
                }
            }
            t = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("No working day within " + MAX_DAYS + " days of " + at);
    }

    /** The earliest instant at which this many working minutes have passed since {@code from}. */
    public ZonedDateTime plusWorkingMinutes(ZonedDateTime from, long minutes) {
        if (minutes < 0) throw new IllegalArgumentException("minutes must not be negative");
        if (minutes == 0) return from.withZoneSameInstant(zone);
        LocalDateTime t = local(from);
        long remaining = minutes;
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = t.toLocalDate();
            if (days.isWorkingDay(day)) {
                for (OfficeHours.Period p : hours.periods()) {
                    LocalDateTime end = day.atTime(p.end());
                    if (!t.isBefore(end)) continue;
                    LocalDateTime begin = t.isBefore(day.atTime(p.start())) ? day.atTime(p.start()) : t;
                    long available = Duration.between(begin, end).toMinutes();
                    if (remaining <= available) {
                        return zoned(begin.plusMinutes(remaining));
                    }
                    remaining -= available;
                    t = end;
                }
            }
            t = day.plusDays(1).atStartOfDay();
        }
        throw new IllegalStateException("No working time within " + MAX_DAYS + " days of " + from);
    }

    /** The latest instant from which this many working minutes pass until {@code to}. */
    public ZonedDateTime minusWorkingMinutes(ZonedDateTime to, long minutes) {
        if (minutes < 0) throw new IllegalArgumentException("minutes must not be negative");
        if (minutes == 0) return to.withZoneSameInstant(zone);
        LocalDateTime t = local(to);
        long remaining = minutes;
        LocalDate day = t.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.minusDays(1)) {
            if (!days.isWorkingDay(day)) continue;
            java.util.List<OfficeHours.Period> periods = hours.periods();
            for (int p = periods.size() - 1; p >= 0; p--) {
                LocalDateTime start = day.atTime(periods.get(p).start());
                if (!t.isAfter(start)) continue;
                LocalDateTime end = min(day.atTime(periods.get(p).end()), t);
                long available = Duration.between(start, end).toMinutes();
                if (remaining <= available) {
                    return zoned(end.minusMinutes(remaining));
                }
                remaining -= available;
                t = start;
            }
        }
        throw new IllegalStateException("No working time within " + MAX_DAYS + " days before " + to);
    }

    /** Working minutes from {@code a} to {@code b}; negative when b is before a. */
    public long workingMinutesBetween(ZonedDateTime a, ZonedDateTime b) {
        if (b.isBefore(a)) return -workingMinutesBetween(b, a);
        LocalDateTime from = local(a);
        LocalDateTime to = local(b);
        long total = 0;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (!days.isWorkingDay(day)) continue;
            for (OfficeHours.Period p : hours.periods()) {
                LocalDateTime start = max(day.atTime(p.start()), from);
                LocalDateTime end = min(day.atTime(p.end()), to);
                if (start.isBefore(end)) total += Duration.between(start, end).toSeconds();
            }
        }
        return total / 60;
    }

    /** Working days in the dates from {@code from} to {@code to}, both included. */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        long count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isWorkingDay(day)) count++;
        }
        return count;
    }

    /** When a limit counted from receipt ends: the appointment for a whole procedure. */
    public ZonedDateTime due(ZonedDateTime received, long amount, LimitUnit unit) {
        if (amount < 0) throw new IllegalArgumentException("A limit must not be negative");
        ZonedDateTime start = nextOpening(received);
        return switch (unit) {
            case WORKING_DAYS -> plusWorkingMinutes(start, amount * minutesPerDay());
            case WORKING_HOURS -> plusWorkingMinutes(start, amount * 60);
            case SAME_DAY -> {
                LocalDateTime t = local(received);
                boolean sameDay = start.toLocalDate().equals(t.toLocalDate());
                LocalDate day = sameDay && t.toLocalTime().isBefore(cutoff) ? start.toLocalDate()
                        : sameDay ? nextWorkingDay(start.toLocalDate()) : start.toLocalDate();
                yield zoned(day.atTime(hours.closing()));
            }
        };
    }

    /** A limit's length in working minutes when counted from this receipt. */
    public long limitMinutes(ZonedDateTime received, long amount, LimitUnit unit) {
        return workingMinutesBetween(nextOpening(received), due(received, amount, unit));
    }

    public LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; i < MAX_DAYS && !days.isWorkingDay(day); i++) day = day.plusDays(1);
        return day;
    }

    public ZonedDateTime closingOf(LocalDate day) {
        return zoned(day.atTime(hours.closing()));
    }

    private LocalDateTime local(ZonedDateTime at) {
        return at.withZoneSameInstant(zone).toLocalDateTime();
    }

    private ZonedDateTime zoned(LocalDateTime t) {
        return t.atZone(zone);
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
