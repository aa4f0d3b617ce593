package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin adds or corrects a year by dropping a file in the calendar folder; no release needed. */
class CalendarFilesTest {

    @Test
    void aFileInTheCalendarFolderAddsAYearAndOverridesAShippedOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2027.yaml"), """
                year: 2027
                daysOff:
                  - { from: 2027-02-04, to: 2027-02-10, name: Tết Nguyên đán Đinh Mùi }
                workingDays:
                  - { date: 2027-02-20, name: Làm bù }
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("2026.yaml"), """
                year: 2026
                daysOff:
                  - { date: 2026-11-24, name: Ngày Văn hóa Việt Nam }
                """, StandardCharsets.UTF_8);
        HolidayCalendar days = new CalendarConfiguration().holidayCalendar(properties(dir.toString()));
        assertThat(days.isLoaded(2027)).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 4))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 11))).as("the file, not the computation").isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 2, 17))).as("the whole shipped year is replaced").isTrue();
    }

    @Test
    void aBrokenFileStopsTheStartWithItsName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2028.yaml"), "year: 2028\ndaysOff:\n  - { date: 2027-12-31 }\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new CalendarConfiguration().holidayCalendar(properties(dir.toString())))
                .hasMessageContaining("2028.yaml").hasMessageContaining("is not in 2028");
    }

    private static CalendarProperties properties(String dir) {
        return new CalendarProperties(null, null, null, dir, null, null, null);
    }
}
