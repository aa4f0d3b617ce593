package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.catalog.LimitUnit;

/** The official 2025 and 2026 calendars, office hours, the 15:00 cut-off, and the laws of adding time. */
class WorkingTimeTest {

    private final WorkingTime time = TestCalendars.workingTime();

    @ParameterizedTest(name = "{0} working: {1}")
    @CsvSource({
            "2025-01-01, false", "2025-01-24, true", "2025-01-27, false", "2025-01-31, false", "2025-02-03, true",
            "2025-04-07, false", "2025-04-26, true", "2025-04-30, false", "2025-05-02, false", "2025-05-05, true",
            "2025-09-01, false", "2025-09-02, false", "2025-09-03, true",
            "2026-01-01, false", "2026-01-02, false", "2026-01-05, true", "2026-01-10, true", "2026-01-11, false",
            "2026-02-13, true", "2026-02-14, false", "2026-02-16, false", "2026-02-17, false", "2026-02-20, false",
            "2026-02-22, false", "2026-02-23, true", "2026-04-24, true", "2026-04-26, false", "2026-04-27, false",
            "2026-04-28, true", "2026-04-30, false", "2026-05-01, false", "2026-05-04, true", "2026-03-14, false",
    })
    void theOfficialCalendarsDecideEachDay(LocalDate day, boolean working) {
        assertThat(time.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} {2} = {3}")
    @CsvSource({
            // the example: Friday before Tết, 16:00, three working days
            "2026-02-13T16:00, 3, WORKING_DAYS, 2026-02-25T16:00",
            "2026-03-09T07:00, 1, WORKING_DAYS, 2026-03-09T17:00",
            "2026-03-09T06:00, 1, WORKING_DAYS, 2026-03-09T17:00",     // before opening: starts at 07:00
            "2026-03-09T17:30, 1, WORKING_DAYS, 2026-03-10T17:00",     // after closing: starts next morning
            "2026-03-09T12:00, 2, WORKING_HOURS, 2026-03-09T15:30",    // lunch break: starts at 13:30
            "2026-03-06T16:00, 4, WORKING_HOURS, 2026-03-09T10:00",    // hours across a weekend
            "2026-03-14T09:00, 1, WORKING_DAYS, 2026-03-16T17:00",     // received on a Saturday
            "2026-01-10T09:00, 1, WORKING_DAYS, 2026-01-12T09:00",     // a swapped working Saturday counts
            "2025-12-31T16:00, 1, WORKING_DAYS, 2026-01-05T16:00",     // New Year and the swapped Friday
            "2026-04-24T10:00, 1, WORKING_DAYS, 2026-04-28T10:00",     // Giỗ Tổ's compensatory Monday
            "2026-04-29T16:30, 1, WORKING_DAYS, 2026-05-04T16:30",     // 30/4 and 1/5
            "2025-04-25T16:00, 1, WORKING_DAYS, 2025-04-26T16:00",     // 2025's working Saturday
            "2026-02-12T08:00, 10, WORKING_DAYS, 2026-03-05T08:00",    // ten days across Tết
            // same day, cut-off 15:00
            "2026-03-10T14:59, 1, SAME_DAY, 2026-03-10T17:00",
            "2026-03-10T15:00, 1, SAME_DAY, 2026-03-11T17:00",
            "2026-03-10T15:01, 1, SAME_DAY, 2026-03-11T17:00",
            "2026-03-10T06:30, 1, SAME_DAY, 2026-03-10T17:00",
            "2026-03-10T12:15, 1, SAME_DAY, 2026-03-10T17:00",
            "2026-03-10T18:00, 1, SAME_DAY, 2026-03-11T17:00",
            "2026-03-14T10:00, 1, SAME_DAY, 2026-03-16T17:00",         // Saturday
            "2026-02-13T14:00, 1, SAME_DAY, 2026-02-13T17:00",         // Tết eve, before the cut-off
            "2026-02-13T15:30, 1, SAME_DAY, 2026-02-23T17:00",         // Tết eve, after it
            "2026-04-29T15:10, 1, SAME_DAY, 2026-05-04T17:00",         // holiday eve
    })
    void dueDatesFollowTheLaw(LocalDateTime received, int amount, LimitUnit unit, LocalDateTime due) {
        assertThat(time.due(vn(received), amount, unit).toLocalDateTime()).isEqualTo(due);
        assertThat(time.due(vn(received), amount, unit).getOffset().getId()).isEqualTo("+07:00");
    }

    @Test
    void oneWorkingDayBeforeAnAppointmentSkipsHolidays() {
        assertThat(time.minusWorkingMinutes(vn("2026-02-25T16:00"), 480).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-02-24T16:00"));
        assertThat(time.minusWorkingMinutes(vn("2026-02-23T10:00"), 480).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-02-13T10:00"));
        assertThat(time.minusWorkingMinutes(vn("2026-03-10T07:00"), 30).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-09T16:30"));
    }

    @Test
    void workingDaysAreCountedWithHolidaysLeftOut() {
        assertThat(time.workingDaysBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))).isEqualTo(15);
        assertThat(time.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 11))).isEqualTo(6);
        assertThat(time.workingMinutesBetween(vn("2026-02-13T16:00"), vn("2026-02-23T08:00"))).isEqualTo(120);
        assertThat(time.workingMinutesBetween(vn("2026-02-23T08:00"), vn("2026-02-13T16:00"))).isEqualTo(-120);
    }

    @Test
    void aYearWithoutAFileIsComputedAndAFileOverridesTheComputation() {
        HolidayCalendar days = TestCalendars.shipped();
        YearCalendar y2027 = days.year(2027);
        assertThat(y2027.source()).isEqualTo("computed");
        // Tết Đinh Mùi: 06/02/2027 is a Saturday; two weekend days give two compensatory days
        assertThat(y2027.daysOff()).containsKeys(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8),
                LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11));
        assertThat(days.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
        assertThat(y2027.daysOff().get(LocalDate.of(2027, 2, 11))).startsWith("Nghỉ bù");
        assertThat(days.isWorkingDay(LocalDate.of(2027, 4, 16))).isFalse();      // Giỗ Tổ, 10/3 lunar
        assertThat(days.isWorkingDay(LocalDate.of(2027, 5, 3))).isFalse();       // 01/05 is a Saturday
        assertThat(days.isWorkingDay(LocalDate.of(2027, 9, 1))).isFalse();
        // 2026 as computed would have Friday 02/01 as a working day and Saturday 10/01 off
        YearCalendar computed2026 = HolidayRules.standard().compute(2026);
        assertThat(computed2026.daysOff()).doesNotContainKey(LocalDate.of(2026, 1, 2));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
        assertThat(days.year(2026).source()).isEqualTo("2026.yaml");
    }

    @Test
    void aDueDateNeverFallsOutsideOfficeHoursOrOnADayOff() {
        Random random = new Random(20260213);
        for (int i = 0; i < 3000; i++) {
            ZonedDateTime received = randomInstant(random);
            LimitUnit unit = LimitUnit.values()[random.nextInt(3)];
            ZonedDateTime due = time.due(received, 1 + random.nextInt(20), unit);
            LocalTime t = due.toLocalTime();
            assertThat(time.isWorkingDay(due.toLocalDate())).as("%s from %s", due, received).isTrue();
            boolean inHours = (!t.isBefore(LocalTime.of(7, 0)) && !t.isAfter(LocalTime.of(11, 30)))
                    || (!t.isBefore(LocalTime.of(13, 30)) && !t.isAfter(LocalTime.of(17, 0)));
            assertThat(inHours).as("%s from %s", due, received).isTrue();
            assertThat(due).isAfter(received);
        }
    }

    @Test
    void addingNThenMWorkingDaysEqualsAddingNPlusM() {
        Random random = new Random(766);
        for (int i = 0; i < 3000; i++) {
            ZonedDateTime start = time.nextOpening(randomInstant(random));
            long n = random.nextInt(15) * time.minutesPerDay() + (random.nextBoolean() ? random.nextInt(480) : 0);
            long m = random.nextInt(15) * time.minutesPerDay() + (random.nextBoolean() ? random.nextInt(480) : 0);
            ZonedDateTime stepwise = time.plusWorkingMinutes(time.plusWorkingMinutes(start, n), m);
            assertThat(stepwise).as("%s + %d + %d", start, n, m).isEqualTo(time.plusWorkingMinutes(start, n + m));
            assertThat(time.workingMinutesBetween(start, time.plusWorkingMinutes(start, n))).isEqualTo(n);
            ZonedDateTime end = time.plusWorkingMinutes(start, n + m);
            assertThat(time.workingMinutesBetween(time.minusWorkingMinutes(end, m), end)).isEqualTo(m);
        }
        for (int i = 0; i < 500; i++) {
            ZonedDateTime received = randomInstant(random);
            int n = random.nextInt(10);
            int m = 1 + random.nextInt(10);   // a zero-day limit means "at the next opening"
            ZonedDateTime stepwise = time.due(time.due(received, n, LimitUnit.WORKING_DAYS), m, LimitUnit.WORKING_DAYS);
            assertThat(stepwise).isEqualTo(time.due(received, n + m, LimitUnit.WORKING_DAYS));
        }
    }

    private static ZonedDateTime randomInstant(Random random) {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(3 * 365));
        return day.atTime(random.nextInt(24), random.nextInt(60)).atZone(TestCalendars.VN);
    }

    private static ZonedDateTime vn(LocalDateTime t) {
        return t.atZone(TestCalendars.VN);
    }

    private static ZonedDateTime vn(String t) {
        return vn(LocalDateTime.parse(t));
    }
}
