package vn.motcua.documents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.RegisterEntry;
import vn.motcua.organisation.OrgDirectory;

/**
 * The daily register (Sổ theo dõi hồ sơ, Mẫu 06) of a commune's one-stop, as PDF or CSV: a row per
 * dossier submitted that day. The rows come from one query, and each department's name is asked
 * once, however many dossiers the day had.
 */
@Component
class DailyRegister {

    static final List<String> COLUMNS = List.of("STT", "Mã hồ sơ", "Tên TTHC", "Số lượng", "Tổ chức, cá nhân",
            "Địa chỉ, điện thoại", "Cơ quan chủ trì", "Ngày nhận", "Hẹn trả", "Chuyển", "Trả kết quả", "Ghi chú");

    private final Dossiers dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;

    DailyRegister(Dossiers dossiers, ProcedureCatalog catalog, OrgDirectory directory) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
    }

    byte[] pdf(String commune, LocalDate day) {
        List<List<String>> rows = rows(commune, day);
        OrgDirectory.CommuneInfo c = directory.commune(commune).orElseThrow();
        Pdf pdf = Printing.letterhead(new Pdf(true, "Sổ theo dõi hồ sơ"), c, "BỘ PHẬN MỘT CỬA", null, day);
        pdf.title("SỔ THEO DÕI HỒ SƠ", "Ngày " + Printing.day(day));
        pdf.table(new float[] {0.7f, 3.5f, 2f, 0.9f, 1.8f, 2f, 1.6f, 1.5f, 1.5f, 1.5f, 1.5f, 1.1f}, COLUMNS, rows);
        return pdf.bytes();
    }

    /** UTF-8 with a byte-order mark, so that a spreadsheet opens the Vietnamese as it is. */
    byte[] csv(String commune, LocalDate day) {
        StringBuilder csv = new StringBuilder("\uFEFFSTT,Mã hồ sơ,Tên TTHC,Số lượng,Tổ chức/cá nhân,Địa chỉ/điện thoại,"
                + "Cơ quan chủ trì,Ngày nhận,Hẹn trả,Chuyển,Trả kết quả,Ghi chú\r\n");
        for (List<String> row : rows(commune, day)) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) cells.add("\"" + (cell == null ? "" : cell.replace("\"", "\"\"")) + "\"");
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The register's rows, in the order the dossiers came. */
    List<List<String>> rows(String commune, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(Printing.VN).toOffsetDateTime();
        Map<String, String> departments = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (RegisterEntry entry : dossiers.submitted(commune, from, from.plusDays(1))) {
            Dossier d = entry.dossier();
            Procedure procedure = catalog.find(d.procedureCode()).orElseThrow();
            String department = departments.computeIfAbsent(procedure.department(),
                    code -> directory.departmentName(commune, code).orElse(""));
            rows.add(List.of(String.valueOf(n++), d.code(), procedure.name(), "01", d.applicant().fullName(),
                    d.applicant().address() + ", " + d.applicant().phone(), department,
                    Printing.time(d.acceptedAt() != null ? d.acceptedAt() : d.submittedAt()),
                    Printing.time(d.appointmentAt()), Printing.time(entry.transferredAt()),
                    Printing.time(d.returnedAt()), d.status().label()));
        }
        return rows;
    }
}
