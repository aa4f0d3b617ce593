package vn.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PayloadsTest {

    static final String RECORD = "{\"MaHoSo\":\"000.01.10.H11-261204-0001\",\"TenTTHC\":\"Đăng ký giám hộ\",\"QuaTrinhXuLy\":["
            + "{\"NguoiXuLy\":\"Công dân Nguyễn Văn An\",\"NoiDungXuLy\":\"Nộp hồ sơ trực tiếp tại Bộ phận Một cửa\",\"TrangThai\":1},".repeat(8)
            + "{\"NguoiXuLy\":\"tan-giang.reception\",\"NoiDungXuLy\":\"Tiếp nhận hồ sơ, hẹn trả kết quả ngày 18/12/2026\",\"TrangThai\":2}]}";

    @Test
    void aLongRecordIsKeptDeflatedAndReadBackToTheCharacter() {
        Object[] stored = Payloads.store(RECORD);
        assertThat(stored[0]).isNull();
        byte[] deflated = (byte[]) stored[1];
        assertThat(deflated.length).isLessThan(RECORD.getBytes(StandardCharsets.UTF_8).length / 2);
        assertThat(Payloads.read(null, deflated)).isEqualTo(RECORD);
    }

    @Test
    void aShortNoticeStaysText() {
        String sms = "{\"to\":\"0912345678\",\"text\":\"Hồ sơ 000.01.10.H11-261204-0001 đã được tiếp nhận\"}";
        assertThat(Payloads.store(sms)).containsExactly(sms, null);
        assertThat(Payloads.read(sms, null)).isEqualTo(sms);
    }

    @Test
    void textThatDoesNotShrinkByAFifthStaysText() {
        byte[] noise = new byte[900];
        new Random(7).nextBytes(noise);
        StringBuilder b = new StringBuilder();
        for (byte x : noise) b.append((char) ('!' + Math.floorMod(x, 94)));
        String text = b.toString();
        assertThat(Payloads.store(text)).containsExactly(text, null);
    }

    @Test
    void damagedBytesAreAnErrorNotAnotherText() {
        byte[] deflated = (byte[]) Payloads.store(RECORD)[1];
        assertThatThrownBy(() -> Payloads.read(null, Arrays.copyOf(deflated, deflated.length / 2)))
                .isInstanceOf(IllegalStateException.class);
        byte[] garbled = deflated.clone();
        garbled[0] ^= 0x55;
        assertThatThrownBy(() -> Payloads.read(null, garbled)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Payloads.read(null, null)).isInstanceOf(IllegalStateException.class);
    }
}
