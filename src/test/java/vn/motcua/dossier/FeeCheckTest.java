package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import vn.motcua.common.FieldError;

/** The rule of a cash fee, without an engine: exactly what is due, with a receipt number. */
class FeeCheckTest {

    private static final long DUE = 5000;

    @Test
    void exactlyTheAmountDueWithAReceiptPasses() {
        FeeCheck fee = FeeCheck.check(DUE, 5000, "BL-0001");
        assertThat(fee.ok()).isTrue();
        assertThat(fee.errors()).isEmpty();
        assertThat(fee.amount()).isEqualTo(5000);
        assertThat(fee.receipt()).isEqualTo("BL-0001");
    }

    @Test
    void theAmountMayComeAsAnyWholeNumberTypeOrItsDigits() {
        for (Object paid : new Object[] {5000L, (short) 5000, BigInteger.valueOf(5000), new BigDecimal("5000.00"), 5000.0, 5000f, " 5000 "}) {
            assertThat(FeeCheck.check(DUE, paid, "BL-1").amount()).as(paid.getClass().getSimpleName()).isEqualTo(5000);
        }
    }

    @Test
    void aNegativeAmountIsRefused() {
        FeeCheck fee = FeeCheck.check(DUE, -5000, "BL-0001");
        assertThat(fee.ok()).isFalse();
        assertThat(fee.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("feePaid");
            assertThat(e.reason()).isEqualTo("Số tiền đã thu không được âm (đã nhập -5.000 đồng)");
        });
    }

    @Test
    void anUnderpaymentIsRefusedNamingBothAmounts() {
        assertThat(FeeCheck.check(DUE, 3000, "BL-0001").message())
                .isEqualTo("feePaid: Thu thiếu: phải thu đúng 5.000 đồng, đã nhập 3.000 đồng");
    }

    @Test
    void anOverpaymentIsRefusedHoweverLarge() {
        assertThat(FeeCheck.check(DUE, 2_147_483_648L, "BL-0001").message())
                .isEqualTo("feePaid: Thu thừa: phải thu đúng 5.000 đồng, đã nhập 2.147.483.648 đồng");
        assertThat(FeeCheck.check(DUE, 5001, "BL-0001").ok()).isFalse();
        assertThat(FeeCheck.check(DUE, new BigInteger("99999999999999999999999"), "BL-0001").message()).startsWith("feePaid: Thu thừa");
    }

    @Test
    void aFractionAnotherTypeOrNothingIsNotAnAmount() {
        assertThat(FeeCheck.check(DUE, 5000.5, "BL-1").message()).contains("feePaid: Số tiền đã thu phải là một số nguyên đồng");
        assertThat(FeeCheck.check(DUE, "năm nghìn", "BL-1").message()).contains("phải là một số nguyên đồng (đã nhập: năm nghìn)");
        assertThat(FeeCheck.check(DUE, Double.NaN, "BL-1").ok()).isFalse();
        assertThat(FeeCheck.check(DUE, true, "BL-1").ok()).isFalse();
        assertThat(FeeCheck.check(DUE, null, "BL-1").message()).isEqualTo("feePaid: Bắt buộc: nhập số tiền đã thu (đồng)");
        assertThat(FeeCheck.check(DUE, "  ", "BL-1").message()).isEqualTo("feePaid: Bắt buộc: nhập số tiền đã thu (đồng)");
    }

    @Test
    void theReceiptNumberIsRequiredShortAndPlain() {
        assertThat(FeeCheck.check(DUE, 5000, null).message()).isEqualTo("receiptNumber: Bắt buộc: nhập số biên lai đã giao cho công dân");
        assertThat(FeeCheck.check(DUE, 5000, "   ").ok()).isFalse();
        assertThat(FeeCheck.check(DUE, 5000, 12345).message()).isEqualTo("receiptNumber: Số biên lai phải là chuỗi ký tự");
        assertThat(FeeCheck.check(DUE, 5000, "B".repeat(65)).message()).isEqualTo("receiptNumber: Số biên lai dài tối đa 64 ký tự (đã nhập 65)");
        assertThat(FeeCheck.check(DUE, 5000, "B".repeat(64)).ok()).isTrue();
        assertThat(FeeCheck.check(DUE, 5000, "BL<script>").message()).startsWith("receiptNumber: Số biên lai chỉ gồm chữ, số");
        assertThat(FeeCheck.check(DUE, 5000, "BL-1\n2").ok()).isFalse();
        assertThat(FeeCheck.check(DUE, 5000, "-").ok()).isFalse();
        assertThat(FeeCheck.check(DUE, 5000, " 0012/BLTP 2026.Đ ").receipt()).isEqualTo("0012/BLTP 2026.Đ");
        assertThat(FeeCheck.check(DUE, 5000, "7").ok()).isTrue();
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        FeeCheck fee = FeeCheck.check(DUE, 3000, "");
        assertThat(fee.errors()).extracting(FieldError::field).containsExactly("feePaid", "receiptNumber");
        assertThatThrownBy(fee::amount).isInstanceOf(IllegalStateException.class);
    }
}
