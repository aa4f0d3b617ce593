package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The province's working-time settings ({@code motcua.calendar.*}).
 *
 * @param officeHours     opening periods of a working day, e.g. 07:00-11:30 and 13:30-17:00
 * @param workingWeekdays the regular working days of the week
 * @param sameDayCutoff   a same-day procedure received after this is due the next working day
 * @param directory       a folder of {@code <year>.yaml} files that override the shipped ones
 * @param tetDaysBefore   computed years: days off before the first day of Tết
 * @param tetDaysAfter    computed years: days off from the first day of Tết on
 * @param warningBefore   a step's warning fires this long before its deadline, e.g. 0.5WD
 */
@ConfigurationProperties(prefix = "motcua.calendar")
public record CalendarProperties(List<String> officeHours, Set<DayOfWeek> workingWeekdays, LocalTime sameDayCutoff,
                                 String directory, Integer tetDaysBefore, Integer tetDaysAfter, String warningBefore) {

    public CalendarProperties {
        if (officeHours == null || officeHours.isEmpty()) officeHours = List.of("07:00-11:30", "13:30-17:00");
        if (workingWeekdays == null || workingWeekdays.isEmpty()) {
            workingWeekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        }
        if (sameDayCutoff == null) sameDayCutoff = LocalTime.of(15, 0);
        if (tetDaysBefore == null) tetDaysBefore = 1;
        if (tetDaysAfter == null) tetDaysAfter = 4;
        if (warningBefore == null || warningBefore.isBlank()) warningBefore = "0.5WD";
    }
}
