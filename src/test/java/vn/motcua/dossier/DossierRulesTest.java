package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DossierRulesTest {

    @Test
    void aDossierCodeIsAgencyDateAndFourDigitSequence() {
        assertThat(DossierCodes.format("000.00.01.H22", LocalDate.of(2025, 7, 1), 1)).isEqualTo("000.00.01.H22-250701-0001");
        assertThat(DossierCodes.format("000.03.04.H11", LocalDate.of(2026, 2, 13), 137)).isEqualTo("000.03.04.H11-260213-0137");
        assertThatThrownBy(() -> DossierCodes.format("000.03.04.H11", LocalDate.of(2026, 2, 13), 10000))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStepIsEarlyOnTimeOrLateToTheMinute() {
        OffsetDateTime due = OffsetDateTime.parse("2026-02-20T17:00:00+07:00");
        assertThat(Timeliness.of(due.minusMinutes(1), due)).isEqualTo(Timeliness.EARLY);
        assertThat(Timeliness.of(due.plusSeconds(59), due)).isEqualTo(Timeliness.ON_TIME);
        assertThat(Timeliness.of(due.plusMinutes(1), due)).isEqualTo(Timeliness.LATE);
        assertThat(Timeliness.LATE.label()).isEqualTo("Quá hạn");
    }

    @Test
    void statusCodesAreThePortals() {
        assertThat(DossierStatus.of(1).label()).isEqualTo("Mới đăng ký");
        assertThat(DossierStatus.of(10).label()).isEqualTo("Đã trả kết quả");
        assertThat(DossierStatus.values()).hasSize(10);
        assertThatThrownBy(() -> DossierStatus.of(11)).isInstanceOf(IllegalArgumentException.class);
    }
}
