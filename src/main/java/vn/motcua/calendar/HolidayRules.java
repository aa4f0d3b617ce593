package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public holidays of Labor Code 2019 Art. 112 for a year with no calendar file: Tết Dương lịch,
 * Tết Nguyên đán (by default the last day of the lunar year and the first four of the new one),
 * Giỗ Tổ Hùng Vương (10/3 lunar), 30/4, 1/5, and Quốc khánh (2/9 and an adjacent day: the day
 * before, or the day after when the day before is a weekend). A holiday falling on a weekend
 * gives a compensatory day off (nghỉ bù) on the next working day after its holiday block.
 */
public final class HolidayRules {

    private final int tetDaysBefore;
    private final int tetDaysAfter;

    public HolidayRules(int tetDaysBefore, int tetDaysAfter) {
        if (tetDaysBefore < 0 || tetDaysAfter < 1) {
            throw new IllegalArgumentException("Tết needs at least its first day");
        }
        this.tetDaysBefore = tetDaysBefore;
        this.tetDaysAfter = tetDaysAfter;
    }

    public static HolidayRules standard() {
        return new HolidayRules(1, 4);
    }

    public YearCalendar compute(int year) {
        Map<LocalDate, String> holidays = new TreeMap<>();
        holidays.put(LocalDate.of(year, 1, 1), "Tết Dương lịch");
        LocalDate tet = VietnameseLunarCalendar.tet(year);
        for (int i = -tetDaysBefore; i < tetDaysAfter; i++) {
            holidays.put(tet.plusDays(i), "Tết Nguyên đán");
        }
        holidays.put(VietnameseLunarCalendar.hungKings(year), "Giỗ Tổ Hùng Vương");
        holidays.put(LocalDate.of(year, 4, 30), "Ngày Chiến thắng");
        holidays.put(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động");
        LocalDate nationalDay = MonthDay.of(9, 2).atYear(year);
        LocalDate before = nationalDay.minusDays(1);
        holidays.put(nationalDay, "Quốc khánh");
        holidays.put(isWeekend(before) ? nationalDay.plusDays(1) : before, "Quốc khánh");

        Map<LocalDate, String> daysOff = new LinkedHashMap<>(holidays);
        for (List<LocalDate> block : blocks(holidays)) {
            long onWeekend = block.stream().filter(HolidayRules::isWeekend).count();
            LocalDate day = block.get(block.size() - 1);
            String name = holidays.get(day);
            while (onWeekend > 0) {
                day = day.plusDays(1);
                if (!isWeekend(day) && !daysOff.containsKey(day)) {
                    daysOff.put(day, "Nghỉ bù " + name);
                    onWeekend--;
                }
            }
        }
        return new YearCalendar(year, daysOff, Map.of(), "computed");
    }

    /** Holidays grouped into runs of consecutive days (weekends in between join a run). */
    private static List<List<LocalDate>> blocks(Map<LocalDate, String> holidays) {
        List<List<LocalDate>> blocks = new ArrayList<>();
        List<LocalDate> current = new ArrayList<>();
        for (LocalDate day : holidays.keySet()) {
            if (!current.isEmpty() && !day.minusDays(1).equals(current.get(current.size() - 1))) {
                blocks.add(current);
                current = new ArrayList<>();
            }
            current.add(day);
        }
        if (!current.isEmpty()) blocks.add(current);
        return blocks;
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
