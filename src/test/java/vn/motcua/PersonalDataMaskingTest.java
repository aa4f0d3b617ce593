package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.logging.PersonalDataMasking;

class PersonalDataMaskingTest {

    @Test
    void idAndPhoneNumbersKeepOnlyTheirLastThreeDigits() {
        assertThat(PersonalDataMasking.mask("Công dân 001190012345, ĐT 0912345678, CMND 123456789, +84912345678"))
                .isEqualTo("Công dân *********345, ĐT *******678, CMND ******789, *********678");
    }

    @Test
    void dossierCodesDatesAndIdentifiersAreLeftAlone() {
        String line = "Hồ sơ 000.03.04.H11-261122-0001 lúc 2026-11-22T21:50:39.873+07:00, task 15aebaa3-e684-11f1-a350-02fc00000001";
        assertThat(PersonalDataMasking.mask(line)).isEqualTo(line);
    }
}
