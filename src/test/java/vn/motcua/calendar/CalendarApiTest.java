package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;

/** The calendar API over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class CalendarApiTest {

    @LocalServerPort int port;

    @Test
    void theDueDateOfTheIssuesExample() {
        Http.Response r = new Http(port).get("/api/calendar/due?from=2026-02-13T16:00:00%2B07:00&limit=3&unit=WORKING_DAYS", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("due").asText()).isEqualTo("2026-02-25T16:00:00+07:00");
        // an unencoded + and a time without offset are read as Vietnam's time
        assertThat(new Http(port).get("/api/calendar/due?from=2026-02-13T16:00:00+07:00&limit=3&unit=WORKING_DAYS", null)
                .expect(200).body().get("due").asText()).isEqualTo("2026-02-25T16:00:00+07:00");
        assertThat(new Http(port).get("/api/calendar/due?from=2026-02-13T15:30&limit=1&unit=SAME_DAY", null)
                .expect(200).body().get("due").asText()).isEqualTo("2026-02-23T17:00:00+07:00");
        assertThat(new Http(port).get("/api/calendar/due?from=2026-03-06T16:00:00Z&limit=4&unit=working_hours", null)
                .expect(200).body().get("due").asText()).isEqualTo("2026-03-09T11:00:00+07:00");
    }

    @Test
    void workingDaysAreCounted() {
        Http.Response r = new Http(port).get("/api/calendar/working-days?from=2026-02-01&to=2026-02-28", null);
        assertThat(r.expect(200).body().get("workingDays").asInt()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/calendar/due?limit=3&unit=WORKING_DAYS | from",
            "/api/calendar/due?from=hôm-nay&limit=3&unit=WORKING_DAYS | from",
            "/api/calendar/due?from=2026-02-13T16:00&unit=WORKING_DAYS | limit",
            "/api/calendar/due?from=2026-02-13T16:00&limit=ba&unit=WORKING_DAYS | limit",
            "/api/calendar/due?from=2026-02-13T16:00&limit=0&unit=WORKING_DAYS | limit",
            "/api/calendar/due?from=2026-02-13T16:00&limit=3&unit=WEEKS | unit",
            "/api/calendar/due?from=2026-02-13T16:00&limit=3 | unit",
            "/api/calendar/working-days?to=2026-02-28 | from",
            "/api/calendar/working-days?from=2026-02-01&to=28/02/2026 | to",
            "/api/calendar/working-days?from=2026-03-01&to=2026-02-01 | to",
    })
    void aBadParameterIsNamed(String path, String parameter) {
        Http.Response r = new Http(port).get(path, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly(parameter);
    }
}
