package vn.motcua.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The night window is read as Camunda reads its history cleanup window, and a night is the date it began. */
class RetentionNightWindowTest {

    final NightWindow window = NightWindow.parse("22:00+0700", "05:00+0700");

    @Test
    void aMomentBelongsToTheNightThatBeganBeforeIt() {
        assertThat(window.nightOf(ZonedDateTime.parse("2026-12-04T22:00:00+07:00"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(window.nightOf(ZonedDateTime.parse("2026-12-04T20:30:00Z"))).as("03:30 on the 5th in Vietnam").isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(window.nightOf(ZonedDateTime.parse("2026-12-05T05:00:00+07:00"))).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(window.endOf(LocalDate.of(2026, 12, 31))).isEqualTo(ZonedDateTime.parse("2027-01-01T05:00:00+07:00"));
        assertThat(window.cron()).isEqualTo("0 0 22 * * *");
        NightWindow sameDay = NightWindow.parse("01:30+0700", "04:00+0700");
        assertThat(sameDay.endOf(LocalDate.of(2026, 12, 4))).isEqualTo(ZonedDateTime.parse("2026-12-04T04:00:00+07:00"));
        assertThat(sameDay.cron()).isEqualTo("0 30 1 * * *");
    }

    @Test
    void aWindowThatIsNotATimeStopsTheService() {
        assertThatThrownBy(() -> NightWindow.parse("22h", "05:00+0700"))
                .hasMessage("history cleanup window: 22h is not HH:mm or HH:mmZ (22:00+0700)");
    }
}
