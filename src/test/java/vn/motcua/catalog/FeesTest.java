package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import vn.motcua.catalog.Procedure.Fee;

/** The catalog's fee rules on worked examples (Thông tư 226/2016/TT-BTC, 281/2016/TT-BTC, 85/2019/TT-BTC). */
class FeesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    static final Fee CERTIFIED_COPY = new Fee("PHI-CT", "Phí chứng thực bản sao từ bản chính", 0, Fee.Per.PAGE,
            List.of(new Fee.Tier(1, 2000), new Fee.Tier(3, 1000)), 200_000L, null, null, List.of(), false, "Thông tư 226/2016/TT-BTC");

    static Procedure with(Fee... fees) {
        return new Procedure("9.999999", "Thủ tục thử", "Chứng thực", "vp", new Procedure.Limit(1, LimitUnit.SAME_DAY, "x"),
                List.of(fees), List.of(), List.of(ReturnMethod.COUNTER), false, "thu-tuc", "giai-quyet-tai-cho", List.of(), false,
                java.util.Map.of(), null);
    }

    static long total(Procedure p, int copies, Integer pages, FeeExemption exemption, LocalDate event, boolean online) {
        return Fees.quote(p, new FeeRequest(copies, pages, exemption, event, TODAY, online)).total();
    }

    @Test
    void aCertifiedCopyCosts2000APageForTwoPagesThen1000AtMost200000ACopy() {
        Procedure p = with(CERTIFIED_COPY);
        assertThat(total(p, 1, 1, null, null, false)).isEqualTo(2_000);
        assertThat(total(p, 1, 2, null, null, false)).isEqualTo(4_000);
        assertThat(total(p, 1, 5, null, null, false)).isEqualTo(4_000 + 3 * 1_000);
        assertThat(total(p, 2, 5, null, null, false)).isEqualTo(2 * 7_000);
        // 198 pages: 4,000 + 196,000 = 200,000; from 199 pages on the cap holds
        assertThat(total(p, 1, 198, null, null, false)).isEqualTo(200_000);
        assertThat(total(p, 1, 500, null, null, false)).isEqualTo(200_000);
        assertThat(total(p, 3, 500, null, null, false)).isEqualTo(600_000);
        FeeQuote quote = Fees.quote(p, new FeeRequest(3, 500, null, null, TODAY, false));
        assertThat(quote.label()).isEqualTo("Phí chứng thực bản sao từ bản chính: 600.000 đồng (500 trang (tối đa 200.000 đồng/bản), 3 bản)");
        assertThat(Fees.describe(CERTIFIED_COPY)).isEqualTo("2.000 đồng/trang từ trang 1, 1.000 đồng/trang từ trang 3, tối đa 200.000 đồng/bản");
    }

    @Test
    void aFeePerCopyCountsTheCopiesAndAFlatFeeDoesNot() {
        Fee extract = new Fee("PHI-TL", "Phí cấp bản sao trích lục", 8000, Fee.Per.COPY, List.of(), null, null, null, List.of(), false, "TT 281/2016");
        Fee flat = new Fee("LP", "Lệ phí", 5000);
        assertThat(total(with(extract), 3, null, null, null, false)).isEqualTo(24_000);
        assertThat(total(with(flat), 3, null, null, null, false)).isEqualTo(5_000);
        assertThat(total(with(flat, extract), 2, null, null, null, false)).isEqualTo(21_000);
        assertThat(Fees.quote(with(flat, extract), new FeeRequest(2, null, null, null, TODAY, false)).label())
                .endsWith("(tổng cộng 21.000 đồng)");
    }

    @Test
    void lateRegistrationPaysOnTimeIsFreeAndTheExemptPayNothing() {
        Fee late = new Fee("LP-KS", "Lệ phí đăng ký khai sinh quá hạn", 8000, Fee.Per.DOSSIER, List.of(), null, null, 60,
                List.of(FeeExemption.HO_NGHEO), true, "TT 85/2019");
        Procedure birth = with(late);
        assertThat(total(birth, 1, null, null, TODAY.minusDays(60), false)).as("the 60th day is on time").isZero();
        assertThat(total(birth, 1, null, null, TODAY.minusDays(61), false)).isEqualTo(8_000);
        assertThat(total(birth, 1, null, FeeExemption.HO_NGHEO, TODAY.minusDays(400), false)).isZero();
        assertThat(Fees.quote(birth, new FeeRequest(1, null, FeeExemption.HO_NGHEO, TODAY.minusDays(400), TODAY, false)).label())
                .contains("miễn: người thuộc hộ nghèo");
        assertThat(total(birth, 1, null, FeeExemption.TRE_EM, TODAY.minusDays(400), false)).as("an exemption the fee does not allow").isEqualTo(8_000);
        assertThat(with().exemptions()).isEmpty();
        assertThat(Fees.quote(with(), FeeRequest.plain(TODAY)).label()).isEqualTo("Không thu phí, lệ phí");
    }

    @Test
    void onlineFilingPaysTheOnlineAmount() {
        Fee registration = new Fee("LP-HKD", "Lệ phí đăng ký hộ kinh doanh", 100_000, Fee.Per.DOSSIER, List.of(), null, 50_000L, null,
                List.of(), true, "TT 85/2019");
        assertThat(total(with(registration), 1, null, null, null, false)).isEqualTo(100_000);
        assertThat(total(with(registration), 1, null, null, null, true)).isEqualTo(50_000);
    }

    @Test
    void aRuleThatCannotBeEvaluatedIsNamed() {
        assertThat(Fees.problems(CERTIFIED_COPY)).isEmpty();
        assertThat(Fees.problems(new Fee("A", "a", 0, Fee.Per.PAGE, List.of(), null, null, null, List.of(), false, "b")))
                .containsExactly("fee A: per PAGE needs tiers");
        assertThat(Fees.problems(new Fee("B", "b", 0, Fee.Per.PAGE, List.of(new Fee.Tier(2, 1000)), null, null, null, List.of(), false, "b")))
                .containsExactly("fee B: the first tier must start at page 1");
        assertThat(Fees.problems(new Fee("C", "c", 0, Fee.Per.PAGE, List.of(new Fee.Tier(1, 1000), new Fee.Tier(1, 500)), null, null, null,
                List.of(), false, "b"))).containsExactly("fee C: tiers must start on ascending pages");
        assertThat(Fees.problems(new Fee("D", "d", -5, Fee.Per.DOSSIER, List.of(), 10L, 7L, 0, List.of(), false, " "))).containsExactly(
                "fee D: amount is negative", "fee D: capPerCopy must be positive and applies per COPY or PAGE",
                "fee D: onlineAmount must be between 0 and amount, and not per PAGE", "fee D: dueAfterDays must be at least 1",
                "fee D: the legal basis is missing");
    }

    @Test
    void everyFeeOfTheCatalogCanBeEvaluated() {
        ProcedureCatalog catalog = ProcedureCatalog.load(new FileSystemResource("processes/catalog.yaml"));
        for (Procedure p : catalog.all()) {
            for (Fee fee : p.fees()) {
                assertThat(Fees.problems(fee)).as("%s %s", p.code(), fee.code()).isEmpty();
                assertThat(Fees.describe(fee)).isNotBlank();
            }
            FeeQuote plain = Fees.quote(p, new FeeRequest(1, 3, null, TODAY.minusDays(1), TODAY, false));
            assertThat(plain.total()).as(p.code()).isGreaterThanOrEqualTo(0);
        }
    }
}
