package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.organisation.OrgChart.Official;

class OrgChartReaderTest {

    @Test
    void theDemoProvinceHasThreeWardsWithTheDocumentedLoginNames() throws Exception {
        OrgChart chart;
        try (InputStream in = getClass().getResourceAsStream("/demo/cao-bang.yaml")) {
            chart = OrgChartReader.read(in, "demo");
        }
        assertThat(chart.province().name()).isEqualTo("Tỉnh Cao Bằng");
        assertThat(chart.communes()).extracting(OrgChart.Commune::code).containsExactly("thuc-phan", "nung-tri-cao", "tan-giang");
        OrgChart.Commune tanGiang = chart.communes().get(2);
        assertThat(tanGiang.name()).isEqualTo("Phường Tân Giang");
        assertThat(tanGiang.departments()).extracting(OrgChart.Department::code).containsExactly("vp", "kt", "vhxh");
        assertThat(tanGiang.officials()).extracting(Official::id).containsExactlyInAnyOrder(
                "tan-giang.reception", "tan-giang.reception2", "tan-giang.leader",
                "tan-giang.vp.head", "tan-giang.vp.specialist1", "tan-giang.vp.specialist2",
                "tan-giang.kt.head", "tan-giang.kt.specialist1", "tan-giang.kt.specialist2",
                "tan-giang.vhxh.head", "tan-giang.vhxh.specialist1", "tan-giang.vhxh.specialist2");
    }

    @Test
    void everyMistakeOfAChartIsReportedAndNothingIsReturned() {
        String yaml = """
                province: { code: cao-bang, name: Tỉnh Cao Bằng }
                communes:
                  - code: Tan Giang
                    name: Phường Tân Giang
                    agencyId: "H11"
                    departments: [ { code: vp, name: Văn phòng } ]
                    officials:
                      - { fullName: Lê Văn A, role: head, department: kt }
                      - { fullName: Lê Văn B, role: chairman }
                """;
        assertThatThrownBy(() -> OrgChartReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml"))
                .isInstanceOf(OrgChartException.class)
                .hasMessageContaining("x.yaml");
        OrgChart chart = new OrgChart(new OrgChart.Province("cao-bang", "Tỉnh Cao Bằng"), List.of(
                new OrgChart.Commune("Tan Giang", "Phường Tân Giang", "H11", List.of(new OrgChart.Department("vp", "Văn phòng")),
                        List.of(new Official(null, "Lê Văn A", Role.HEAD, "kt", null, null, null)))));
        assertThatThrownBy(() -> OrgChartReader.check(chart))
                .isInstanceOf(OrgChartException.class)
                .satisfies(e -> assertThat(((OrgChartException) e).problems()).containsExactly(
                        "commune Tan Giang: code must be a lower-case slug such as tan-giang",
                        "commune Tan Giang: agencyId must look like 000.00.01.H22 (QCVN 102:2016)",
                        "commune Tan Giang: official Lê Văn A: department kt is not a department of Tan Giang"));
    }

    @Test
    void aVietnameseNameShowsInItsNaturalOrderInTheWebapps() {
        Provisioner.Names names = Provisioner.Names.split("  Nguyễn Thị  Hồng Nhung ");
        assertThat(names.first()).isEqualTo("Nguyễn Thị Hồng");
        assertThat(names.last()).isEqualTo("Nhung");
        assertThat(names.first() + " " + names.last()).isEqualTo("Nguyễn Thị Hồng Nhung");
    }
}
