package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every procedure says how long its dossiers' history is kept; a rule that cannot be used stops the service. */
class CatalogRetentionTest {

    static final String HEAD = """
            departments: { vp: Văn phòng HĐND và UBND }
            %s
            procedures:
              - code: "1.000010"
                name: Thủ tục thử
                department: vp
                limit: { value: 3, unit: WORKING_DAYS, basis: "Luật thử" }
                returnMethods: [COUNTER]
                processKey: thu-tuc
                resolution: giai-quyet-phong
            %s""";

    static ProcedureCatalog catalog(String defaultRetention, String ownRetention) {
        String yaml = HEAD.formatted(defaultRetention, ownRetention.isEmpty() ? "" : "    retention: " + ownRetention + "\n");
        return ProcedureCatalog.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "catalog.yaml"));
    }

    @Test
    void theShippedCatalogKeepsCivilStatusAndContractHistoryTwentyYearsAndTheRestTen() {
        ProcedureCatalog catalog = ProcedureCatalog.load(new PathMatchingResourcePatternResolver().getResource("classpath:processes/catalog.yaml"));
        assertThat(catalog.defaultRetention()).hasValueSatisfying(r -> assertThat(r.period()).isEqualTo("P10Y"));
        assertThat(catalog.all()).allSatisfy(p -> assertThat(p.retention()).as(p.code()).isNotNull());
        Procedure birth = catalog.find("1.001193").orElseThrow();
        assertThat(birth.retention().asPeriod()).isEqualTo(Period.ofYears(20));
        assertThat(birth.retention().basis()).startsWith("Luật Hộ tịch 2014: sổ hộ tịch được lưu trữ vĩnh viễn");
        assertThat(catalog.find("1.004873").orElseThrow().retention().period()).as("a marital status certificate: the default").isEqualTo("P10Y");
        assertThat(catalog.find("2.001035").orElseThrow().retention().basis()).contains("Nghị định 23/2015/NĐ-CP");
        assertThat(catalog.find("2.000815").orElseThrow().retention().period()).as("a copy certification: the default").isEqualTo("P10Y");
        assertThat(catalog.find("3.000722").orElseThrow().retention().period()).isEqualTo("P20Y");
        assertThat(catalog.all().stream().filter(p -> p.retention().period().equals("P20Y")).count()).isEqualTo(20);
        assertThat(catalog.all().stream().filter(p -> p.retention().period().equals("P10Y")).count()).isEqualTo(catalog.all().size() - 20);
        // a dossier of a procedure the catalog no longer lists keeps the default
        assertThat(catalog.retention("9.999999")).hasValueSatisfying(r -> assertThat(r.period()).isEqualTo("P10Y"));
    }

    @Test
    void aProcedureTakesTheDefaultUnlessItHasItsOwn() {
        ProcedureCatalog defaulted = catalog("retention: { period: P5Y, basis: \"Quyết định của UBND tỉnh\" }", "");
        assertThat(defaulted.find("1.000010").orElseThrow().retention()).isEqualTo(new Procedure.Retention("P5Y", "Quyết định của UBND tỉnh"));
        ProcedureCatalog own = catalog("retention: { period: P5Y, basis: \"Quyết định của UBND tỉnh\" }", "{ period: P18M, basis: \"Luật thử\" }");
        assertThat(own.retention("1.000010")).contains(new Procedure.Retention("P18M", "Luật thử"));
        ProcedureCatalog noDefault = catalog("", "{ period: P90D, basis: \"Luật thử\" }");
        assertThat(noDefault.defaultRetention()).isEmpty();
        assertThat(noDefault.retention("9.999999")).as("without a default: the longest rule").contains(new Procedure.Retention("P90D", "Luật thử"));
    }

    @Test
    void theRemovalTimeIsTheEndPlusThePeriodInVietnamsCalendar() {
        Procedure.Retention twenty = new Procedure.Retention("P20Y", "x");
        assertThat(twenty.until(OffsetDateTime.parse("2026-03-02T08:00:00+07:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2046-03-02T08:00:00+07:00").toInstant());
        // a month from 31 January is 28 February (2027 is no leap year), by the Vietnamese date, not UTC's (30 January)
        assertThat(new Procedure.Retention("P1M", "x").until(Instant.parse("2027-01-30T18:00:00Z")))
                .isEqualTo(Instant.parse("2027-02-27T18:00:00Z"));
        assertThat(new Procedure.Retention("P90D", "x").until(Instant.parse("2026-12-04T01:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-04T01:00:00Z"));
    }

    @Test
    void aRetentionThatIsMissingNotAPeriodNotPositiveTooLongOrWithoutBasisIsRefusedOnLoad() {
        assertThatThrownBy(() -> catalog("", ""))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("procedure 1.000010: retention is missing (give the procedure one, or the catalog a default retention at the top)");
        assertThatThrownBy(() -> catalog("", "{ period: \"20 năm\", basis: \"Luật thử\" }"))
                .hasMessageContaining("procedure 1.000010: retention period 20 năm is not an ISO-8601 period such as P20Y, P6M or P90D"
                        + " (thời hạn lưu không đúng định dạng ISO-8601)");
        assertThatThrownBy(() -> catalog("", "{ period: P0D, basis: \"Luật thử\" }"))
                .hasMessageContaining("procedure 1.000010: retention period P0D is not positive (thời hạn lưu phải lớn hơn 0)");
        assertThatThrownBy(() -> catalog("", "{ period: P1Y-400D, basis: \"Luật thử\" }"))
                .hasMessageContaining("retention period P1Y-400D is not positive");
        assertThatThrownBy(() -> catalog("", "{ period: P101Y, basis: \"Luật thử\" }"))
                .hasMessageContaining("retention period P101Y is longer than P100Y");
        assertThatThrownBy(() -> catalog("", "{ period: P20Y }"))
                .hasMessageContaining("procedure 1.000010: the retention's legal basis is missing");
        assertThatThrownBy(() -> catalog("retention: { period: PT24H, basis: \"Luật thử\" }", "{ period: P1Y, basis: \"Luật thử\" }"))
                .hasMessageContaining("catalog default: retention period PT24H is not an ISO-8601 period");
        assertThatThrownBy(() -> catalog("", "{ period: P1Y, basis: \"Luật thử\", years: 3 }"))
                .as("an unknown key is a mistake, not ignored").isInstanceOf(CatalogException.class).hasMessageContaining("years");
    }
}
