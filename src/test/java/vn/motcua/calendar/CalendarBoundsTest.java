package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.web.Problems.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.web.Problems;

/**
 * Dates a client sends are held to the years 1900–2200 (a 400 naming the parameter, where far
 * years used to be a 5xx), and no sequence of requests can grow the calendar's cache of computed
 * years beyond its bound.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class CalendarBoundsTest {

    @LocalServerPort int port;
    @Autowired HolidayCalendar calendar;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/calendar/working-days?from=%2B999999999-12-31&to=%2B999999999-12-31 | from",
            "/api/calendar/working-days?from=2026-01-01&to=%2B999999999-12-31 | to",
            "/api/calendar/working-days?from=-999999999-01-01&to=2026-01-01 | from",
            "/api/calendar/working-days?from=1899-12-31&to=1900-01-02 | from",
            "/api/calendar/working-days?from=2200-12-31&to=2201-01-01 | to",
            "/api/calendar/due?from=%2B999999999-12-31T23:59:59%2B07:00&limit=3&unit=WORKING_DAYS | from",
            "/api/calendar/due?from=%2B999999999-12-31T23:59:59-18:00&limit=3&unit=WORKING_DAYS | from",
            "/api/calendar/due?from=-999999999-01-01T00:00&limit=3&unit=SAME_DAY | from",
            "/api/communes/tan-giang/register?date=%2B999999999-12-31 | date",
            "/api/communes/tan-giang/register?date=0001-01-01&format=csv | date",
    })
    void aYearOutsideTheCalendarIsNamed(String path, String parameter) {
        assertRefused(new Http(port).get(path, "admin"), 400, parameter);
    }

    @Test
    void theEdgesOfTheRangeAreServed() {
        Http http = new Http(port);
        assertThat(http.get("/api/calendar/working-days?from=1900-01-01&to=1900-01-31", null).expect(200)
                .body().get("workingDays").asInt()).isPositive();
        assertThat(http.get("/api/calendar/due?from=2200-12-31T16:00:00%2B07:00&limit=365&unit=WORKING_DAYS", null).expect(200)
                .body().get("due").asText()).startsWith("2202-");
        http.get("/api/communes/tan-giang/register?date=2200-12-31&format=csv", "admin").expect(200);
    }

    @Test
    void distinctYearsNeverGrowTheCacheBeyondItsBound() {
        Http http = new Http(port);
        // over HTTP, every 31st year of 0–9999: out of range refused, in range served
        for (int year = 0; year < 10_000; year += 31) {
            String day = String.format("%04d-06-15", year);
            Http.Response r = http.get("/api/calendar/working-days?from=" + day + "&to=" + day, null);
            if (year >= HolidayCalendar.FIRST_YEAR && year <= HolidayCalendar.LAST_YEAR) {
                assertThat(r.status()).as(day).isEqualTo(200);
            } else {
                assertThat(Problems.fields(assertRefused(r, 400, "from"))).as(day).containsExactly("from", "to");
            }
        }
        // and 10,000 distinct years asked of the calendar itself, as the engine may: any year is
        // answered, only the supported ones (and a margin) are kept
        for (int year = -5000; year < 5000; year++) {
            assertThat(calendar.year(year).year()).isEqualTo(year);
            assertThat(calendar.cachedYears()).isLessThanOrEqualTo(HolidayCalendar.MAX_CACHED_YEARS);
        }
        assertThat(calendar.cachedYears()).isEqualTo(HolidayCalendar.MAX_CACHED_YEARS - 2);   // 2025 and 2026 come from files
    }
}
