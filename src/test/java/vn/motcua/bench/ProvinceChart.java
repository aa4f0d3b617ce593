package vn.motcua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A province at full size for the benchmark: {@code communes} communes of 30 officials each (3 at the
 * one-stop, the chairman and a vice-chairman, and three departments of a head and 7–8 specialists),
 * written as the org-chart YAML that the provisioning command takes. Login names follow the
 * provisioning's rule: {@code xa-007.reception2}, {@code xa-007.vp.head}, {@code xa-007.kt.specialist3}.
 */
final class ProvinceChart {

    static final String[] DEPARTMENTS = {"vp", "kt", "vhxh"};
    static final int[] SPECIALISTS = {8, 7, 7};
    static final int RECEPTION = 3;

    static String commune(int i) {
        return String.format("xa-%03d", i);
    }

    static Path write(int communes) throws IOException {
        StringBuilder y = new StringBuilder("""
                province:
                  code: cao-bang
                  name: Tỉnh Cao Bằng
                communes:
                """);
        for (int c = 1; c <= communes; c++) {
            y.append("  - code: ").append(commune(c)).append('\n')
                    .append("    name: Xã Thử Nghiệm ").append(c).append('\n')
                    .append("    agencyId: \"000.").append(String.format("%02d", c % 100)).append('.').append(c / 100 + 10).append(".H11\"\n")
                    .append("""
                                departments:
                                  - { code: vp, name: Văn phòng HĐND và UBND }
                                  - { code: kt, name: Phòng Kinh tế }
                                  - { code: vhxh, name: Phòng Văn hóa - Xã hội }
                                officials:
                            """);
            for (int r = 1; r <= RECEPTION; r++) {
                y.append("      - { fullName: Cán Bộ Một Cửa ").append(r).append(", role: reception, title: Công chức Bộ phận Một cửa }\n");
            }
            y.append("      - { fullName: Chủ Tịch Xã, role: leader, title: Chủ tịch UBND xã }\n");
            y.append("      - { fullName: Phó Chủ Tịch Xã, role: leader, title: Phó Chủ tịch UBND xã }\n");
            for (int d = 0; d < DEPARTMENTS.length; d++) {
                y.append("      - { fullName: Trưởng Phòng ").append(d + 1).append(", role: head, department: ").append(DEPARTMENTS[d])
                        .append(", title: Trưởng phòng }\n");
                for (int s = 1; s <= SPECIALISTS[d]; s++) {
                    y.append("      - { fullName: Công Chức ").append(d + 1).append('.').append(s).append(", role: specialist, department: ")
                            .append(DEPARTMENTS[d]).append(", title: Công chức }\n");
                }
            }
        }
        Path file = Files.createTempFile("province-" + communes + "-", ".yaml");
        Files.writeString(file, y, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private ProvinceChart() {
    }
}
