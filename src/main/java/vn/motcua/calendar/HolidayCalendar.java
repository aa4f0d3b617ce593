package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days are working days: the working weekdays, less each year's days off, plus its swapped
 * working days. A year loaded from a file is used as it is; a year without one is computed.
 */
public class HolidayCalendar {

    private final Set<DayOfWeek> workingWeekdays;
    private final Map<Integer, YearCalendar> loaded;
    private final HolidayRules rules;
    private final Map<Integer, YearCalendar> computed = new ConcurrentHashMap<>();

    public HolidayCalendar(Set<DayOfWeek> workingWeekdays, Map<Integer, YearCalendar> loaded, HolidayRules rules) {
        this.workingWeekdays = Set.copyOf(workingWeekdays);
        this.loaded = Map.copyOf(loaded);
        this.rules = rules;
    }

    public YearCalendar year(int year) {
        YearCalendar file = loaded.get(year);
        return file != null ? file : computed.computeIfAbsent(year, rules::compute);
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
