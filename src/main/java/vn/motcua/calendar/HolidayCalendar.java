package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days are working days: the working weekdays, less each year's days off, plus its swapped
 * working days. A year loaded from a file is used as it is; a year without one is computed.
 *
 * <p>Clients may ask about {@link #FIRST_YEAR}–{@link #LAST_YEAR} only. Computed years are kept
 * for those years and a margin for limits counted past them (at most {@link #MAX_CACHED_YEARS}
 * entries, about 1.4 KB each, so under half a megabyte): a year takes about 0.1 ms to compute,
 * which a count of 3,660 days must not pay on each day. Any other year is computed when asked
 * and only the last one kept, so no request can make the cache grow.
 */
public class HolidayCalendar {

    /** The years a client may ask about (dates of dossiers, registers, calendar queries). */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    /** A limit counted from the last day of {@link #LAST_YEAR} ends within this many years. */
    private static final int MARGIN_YEARS = 11;
    static final int MAX_CACHED_YEARS = LAST_YEAR - FIRST_YEAR + 1 + 2 * MARGIN_YEARS;

    private final Set<DayOfWeek> workingWeekdays;
    private final Map<Integer, YearCalendar> loaded;
    private final HolidayRules rules;
    private final Map<Integer, YearCalendar> computed = new ConcurrentHashMap<>();
    private volatile YearCalendar lastOutside;

    public HolidayCalendar(Set<DayOfWeek> workingWeekdays, Map<Integer, YearCalendar> loaded, HolidayRules rules) {
        this.workingWeekdays = Set.copyOf(workingWeekdays);
        this.loaded = Map.copyOf(loaded);
        this.rules = rules;
    }

    public YearCalendar year(int year) {
        YearCalendar file = loaded.get(year);
        if (file != null) return file;
        if (year >= FIRST_YEAR - MARGIN_YEARS && year <= LAST_YEAR + MARGIN_YEARS) {
            return computed.computeIfAbsent(year, rules::compute);
        }
        // a year outside: the last one is kept for the day-by-day loops that ask about it again and again
        YearCalendar last = lastOutside;
        if (last == null || last.year() != year) {
            last = rules.compute(year);
            lastOutside = last;
        }
        return last;
    }

    /** Whether a client may ask about this day. */
    public static boolean isSupported(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /** How many computed years are kept (never more than {@link #MAX_CACHED_YEARS}). */
    int cachedYears() {
        return computed.size();
    }

    public boolean isLoaded(int year) {
        return loaded.containsKey(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        YearCalendar year = year(day.getYear());
        if (year.workingDays().containsKey(day)) return true;
        return workingWeekdays.contains(day.getDayOfWeek()) && !year.daysOff().containsKey(day);
    }
}
