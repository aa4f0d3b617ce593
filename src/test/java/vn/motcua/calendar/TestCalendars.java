package vn.motcua.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

/** The shipped calendar, built without Spring. */
final class TestCalendars {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private TestCalendars() {
    }

    static HolidayCalendar shipped() {
        return new HolidayCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Map.of(2025, year(2025), 2026, year(2026)), HolidayRules.standard());
    }

    static WorkingTime workingTime() {
        return new WorkingTime(shipped(), OfficeHours.standard(), LocalTime.of(15, 0), VN);
    }

    private static YearCalendar year(int year) {
        try (InputStream in = TestCalendars.class.getResourceAsStream("/holidays/" + year + ".yaml")) {
            return YearCalendarFile.read(in, year + ".yaml");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
