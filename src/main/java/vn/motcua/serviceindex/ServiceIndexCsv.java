package vn.motcua.serviceindex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The index as a spreadsheet: one line per scope and indicator, with its group's points and the scope's score. */
final class ServiceIndexCsv {

    private ServiceIndexCsv() {
    }

    static byte[] of(ServiceIndex.Report report) {
        StringBuilder csv = new StringBuilder("\uFEFF");   // Excel reads UTF-8 with its mark
        csv.append("Phạm vi,Mã,Tên,Hạng,Điểm chỉ số,Nhóm,Điểm nhóm,Điểm tối đa nhóm,Chỉ tiêu,Tên chỉ tiêu,Tử số,Mẫu số,Giá trị,Đơn vị,Mức đạt\r\n");
        List<ServiceIndex.Scope> scopes = new ArrayList<>();
        if (report.province() != null) scopes.add(report.province());
        scopes.addAll(report.communes());
        scopes.addAll(report.procedures());
        for (ServiceIndex.Scope s : scopes) {
            for (ServiceIndex.GroupValue g : s.groups()) {
                for (ServiceIndex.IndicatorValue i : g.indicators()) {
                    csv.append(String.join(",", cell(label(s.kind())), cell(s.code()), cell(s.name()), cell(s.rank()), cell(s.score()),
                            cell(g.code() + ". " + g.name()), cell(g.points()), cell(g.maxPoints()), cell(i.code()), cell(i.name()),
                            cell(i.numerator()), cell(i.denominator()), cell(i.value()), cell(i.unit()), cell(i.achievement()))).append("\r\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String label(String kind) {
        return switch (kind) {
            case "PROVINCE" -> "Tỉnh";
            case "COMMUNE" -> "Xã, phường";
            default -> "Thủ tục";
        };
    }

    private static String cell(Object value) {
        if (value == null) return "";
        String text = value.toString();
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) text = "'" + text;
        return text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
