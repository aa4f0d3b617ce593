package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ReturnMethod;

/**
 * A dossier as the national portal's sync service (DongBoHoSoMC) takes it, with the field names
 * of domain.md §5 and dates as yyyyMMddHHmmss in Vietnam's time. Built when the status changes, so
 * the portal receives each state as it was.
 */
final class PortalRecord {

    private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private PortalRecord() {
    }

    /** What of the dossier is digitized: the positions of the papers with their file, and whether the result has one. */
    record Files(String publicUrl, java.util.Set<Integer> papers, boolean result) {
    }

    static Map<String, Object> of(Dossier d, Procedure procedure, String communeName, List<SubmissionRequest.Component> components,
                                  List<StatusChange> history, boolean paidOnline, Files files) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("MaHoSo", d.code());
        r.put("MaTTHC", d.procedureCode());
        r.put("TenTTHC", procedure == null ? null : procedure.name());
        r.put("LinhVuc", procedure == null ? null : procedure.field());
        r.put("KenhThucHien", d.channel().portalCode());
        r.put("ChuHoSo", d.applicant().fullName());
        r.put("SoGiayToChuHoSo", d.applicant().idNumber());
        r.put("SoDienThoai", d.applicant().phone());
        r.put("EmailChuHoSo", d.applicant().email());
        r.put("DiaChiChuHoSo", d.applicant().address());
        r.put("TrichYeuHoSo", (procedure == null ? d.procedureCode() : procedure.name()) + " - " + d.applicant().fullName());
        r.put("NgayNopHoSo", time(d.submittedAt()));
        r.put("NgayTiepNhan", time(d.acceptedAt()));
        r.put("NgayHenTra", time(d.appointmentAt()));
        r.put("TrangThaiHoSo", d.status().code());
        r.put("NgayKetThucXuLy", time(d.finishedAt()));
        r.put("NgayTra", time(d.returnedAt()));
        r.put("NgayTuChoi", d.status() == DossierStatus.NOT_RECEIVED ? time(history.get(history.size() - 1).at()) : null);
        r.put("HinhThuc", d.returnMethod() == ReturnMethod.POST ? 1 : 0);
        r.put("DonViXuLy", communeName);
        r.put("NoiNopHoSo", d.agencyId());
        List<Map<String, Object>> papers = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            SubmissionRequest.Component c = components.get(i);
            Map<String, Object> paper = new LinkedHashMap<>();
            paper.put("TenTepDinhKem", c.name());
            paper.put("SoLuong", c.copies());
            boolean digitized = files.papers().contains(i + 1);
            paper.put("DuocSoHoa", digitized ? 1 : 0);
            if (digitized) paper.put("DuongDanTepTin", files.publicUrl() + "/api/dossiers/" + d.code() + "/components/" + (i + 1) + "/file");
            papers.add(paper);
        }
        r.put("TaiLieuNop", papers);
        // digitized (indicator 4.2): every paper and the result as files
        r.put("DuocSoHoa", !components.isEmpty() && files.papers().size() >= components.size() && files.result() ? 1 : 0);
        if (files.result()) r.put("DuongDanTepTinKetQua", files.publicUrl() + "/api/dossiers/" + d.code() + "/documents/ket-qua");
        List<Map<String, Object>> fees = new ArrayList<>();
        if (procedure != null) {
            for (vn.motcua.catalog.FeeQuote.Line f : d.feesOwed(procedure).lines()) {
                fees.add(Map.of("MaPhiLePhi", f.code(), "TenPhiLePhi", f.name(), "Gia", f.amount()));
            }
        }
        r.put("DanhSachLePhi", fees);
        r.put("DuocThanhToanTrucTuyen", paidOnline ? 1 : 0);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StatusChange s : history) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("NguoiXuLy", s.actor());
            step.put("ThoiDiemXuLy", time(s.at()));
            step.put("NoiDungXuLy", s.note());
            step.put("TrangThai", s.status().code());
            steps.add(step);
        }
        r.put("QuaTrinhXuLy", steps);
        return r;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : PORTAL_TIME.format(t.atZoneSameInstant(VN));
    }
}
