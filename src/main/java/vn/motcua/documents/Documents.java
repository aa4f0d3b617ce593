package vn.motcua.documents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.ElectronicResult;
import vn.motcua.common.Formats;
import vn.motcua.dossier.Handover;
import vn.motcua.dossier.StatusChange;
import vn.motcua.organisation.OrgDirectory;

/** Prints the forms of a dossier from its data, and the daily register of a commune's one-stop. */
@Service
public class Documents implements ElectronicResult {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final DossierService dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    Documents(DossierService dossiers, ProcedureCatalog catalog, OrgDirectory directory, JdbcClient jdbc, java.time.Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The forms this dossier has come to have. */
    public List<DocumentKind> available(DossierView d) {
        List<DocumentKind> kinds = new ArrayList<>();
        if (d.acceptedAt() != null) kinds.add(DocumentKind.MAU_01);
        if (last(d, DossierStatus.SUPPLEMENT_REQUESTED).isPresent()) kinds.add(DocumentKind.MAU_02);
        if (d.status() == DossierStatus.NOT_RECEIVED.code()) kinds.add(DocumentKind.MAU_03);
        if (d.apology() != null) kinds.add(DocumentKind.MAU_04);
        kinds.add(DocumentKind.MAU_05);
        if ((d.finishedAt() != null && resultText(d.code()) != null) || signedResult(d.code()).isPresent()) kinds.add(DocumentKind.KET_QUA);
        return kinds;
    }

    @Override
    public Optional<byte[]> pdf(String code) {
        return render(code, DocumentKind.KET_QUA);
    }

    public Optional<byte[]> render(String code, DocumentKind kind) {
        DossierView d = dossiers.get(code);
        if (kind == DocumentKind.KET_QUA) {
            Optional<byte[]> signed = signedResult(code);
            if (signed.isPresent()) return signed;
        }
        if (!available(d).contains(kind)) return Optional.empty();
        return Optional.of(switch (kind) {
            case MAU_01 -> appointmentSlip(d);
            case MAU_02 -> supplementRequest(d);
            case MAU_03 -> refusal(d);
            case MAU_04 -> apology(d);
            case MAU_05 -> controlSlip(d);
            case KET_QUA -> result(d);
        });
    }

    byte[] appointmentSlip(DossierView d) {
        Procedure p = procedure(d);
        Pdf pdf = start(d, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", d.acceptedAt());
        pdf.title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + d.code());
        pdf.line(center(d) + " tiếp nhận hồ sơ của:");
        applicant(pdf, d);
        pdf.line("Nội dung yêu cầu giải quyết: ", p.name());
        pdf.line("1. Thành phần hồ sơ nộp gồm:");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.components().size(); i++) {
            rows.add(List.of(String.valueOf(i + 1), d.components().get(i).name(), String.format("%02d", d.components().get(i).copies())));
        }
        pdf.table(new float[] {0.6f, 6f, 1.4f}, List.of("STT", "Tên giấy tờ", "Số lượng"), rows);
        pdf.line("2. Số lượng hồ sơ: ", "01 (bộ)");
        pdf.line("3. Thời gian giải quyết hồ sơ theo quy định là: ", limit(p));
        pdf.line("4. Thời gian nhận hồ sơ: ", Formats.dateTime(d.acceptedAt()));
        pdf.line("5. Thời gian trả kết quả giải quyết hồ sơ: ", Formats.dateTime(d.deadline().originalAppointmentAt() != null
                ? d.deadline().originalAppointmentAt() : d.appointmentAt()));
        pdf.line("6. Đăng ký nhận kết quả tại: ", d.returnMethod().label());
        pdf.qr(d.code() + "|" + d.lookupSecret(), "Mã tra cứu hồ sơ: " + d.lookupSecret()
                + "\nTra cứu tại Bộ phận Một cửa hoặc trực tuyến bằng mã hồ sơ và mã tra cứu.");
        return pdf.signatures(signers("NGƯỜI NỘP HỒ SƠ", d.applicant().fullName(), "NGƯỜI TIẾP NHẬN HỒ SƠ",
                officialName(last(d, DossierStatus.RECEIVED).map(StatusChange::actor).orElse(null)))).bytes();
    }

    byte[] supplementRequest(DossierView d) {
        StatusChange request = last(d, DossierStatus.SUPPLEMENT_REQUESTED).orElseThrow();
        Pdf pdf = start(d, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", request.at());
        pdf.title("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: " + d.code());
        pdf.line(center(d) + " tiếp nhận hồ sơ của:");
        applicant(pdf, d);
        pdf.line("Nội dung yêu cầu giải quyết: ", procedure(d).name());
        pdf.line("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:");
        pdf.line(request.note() == null ? "" : request.note().replaceFirst("^Yêu cầu bổ sung, hoàn thiện hồ sơ: ", ""), pdf.bold);
        pdf.line("Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định của thủ tục hành chính.");
        pdf.line("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ " + center(d)
                + " để được hướng dẫn.");
        return pdf.signatures(signers("NGƯỜI HƯỚNG DẪN", officialName(request.actor()))).bytes();
    }

    byte[] refusal(DossierView d) {
        StatusChange refused = last(d, DossierStatus.NOT_RECEIVED).orElseThrow();
        Pdf pdf = start(d, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", refused.at());
        pdf.title("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        pdf.line(center(d) + " tiếp nhận hồ sơ của:");
        applicant(pdf, d);
        pdf.line("Nội dung yêu cầu giải quyết: ", procedure(d).name());
        pdf.line("Theo quy định, hồ sơ không đủ điều kiện để giải quyết. "
                + "Cơ quan, đơn vị không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
        pdf.line(refused.note() == null ? "" : refused.note().replaceFirst("^Từ chối tiếp nhận: ", ""), pdf.bold);
        pdf.line("Xin thông báo cho ông/bà được biết và thực hiện.");
        return pdf.signatures(signers("NGƯỜI TIẾP NHẬN HỒ SƠ", officialName(refused.actor()))).bytes();
    }

    byte[] apology(DossierView d) {
        Pdf pdf = start(d, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", d.apology().issuedAt());
        pdf.title("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
        pdf.line("Kính gửi: ", d.applicant().fullName());
        pdf.line("Ngày " + DAY.format(d.acceptedAt().atZoneSameInstant(VN)) + ", " + center(d) + " tiếp nhận hồ sơ đề nghị "
                + procedure(d).name() + " của ông/bà.");
        pdf.line("Mã hồ sơ: ", d.code());
        pdf.line("Thời gian hẹn trả kết quả giải quyết hồ sơ: ", Formats.dateTime(d.apology().previousAppointmentAt()));
        pdf.line("Tuy nhiên đến nay, " + communeLeadership(d) + " chưa trả kết quả giải quyết hồ sơ cho ông/bà.");
        pdf.line("Lý do: ", d.apology().reason());
        pdf.line("Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào: ",
                Formats.dateTime(d.apology().newAppointmentAt()));
        pdf.line("Xin trân trọng cảm ơn sự hợp tác của ông/bà.");
        // signed and sealed by the head of the agency: the commune's leader
        String leader = directory.members(vn.motcua.organisation.Role.LEADER.groupId(d.commune().code(), null)).stream()
                .findFirst().map(OrgDirectory.Person::fullName).orElse("");
        return pdf.signatures(signers("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ\n(Ký tên, đóng dấu)", leader)).bytes();
    }

    byte[] controlSlip(DossierView d) {
        Pdf pdf = start(d, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", d.submittedAt());
        pdf.title("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + d.code());
        pdf.line("Kèm theo hồ sơ của: ", d.applicant().fullName());
        pdf.line("Thủ tục: ", procedure(d).name());
        pdf.line("Ngày hẹn trả kết quả: ", d.appointmentAt() == null ? "chưa tiếp nhận" : Formats.dateTime(d.appointmentAt()));
        List<List<String>> rows = new ArrayList<>();
        for (Handover h : d.timeline()) {
            // a step no official handed over (a payment on the gateway) is given by its unit
            String given = "Giao: " + time(h.handedAt()) + "\nNgười giao: "
                    + (h.fromUser() == null && h.fromUnit() != null ? h.fromUnit() : officialName(h.fromUser()));
            String received = h.toUnit() == null ? "" : "Nhận: " + (h.receivedAt() == null ? "" : time(h.receivedAt()))
                    + "\nNgười nhận: " + (h.toUser() == null ? h.toUnit() : officialName(h.toUser()));
            String result = h.timeliness() == null ? "" : switch (h.timeliness()) {
                case "EARLY" -> "Trước hạn";
                case "ON_TIME" -> "Đúng hạn";
                default -> "Quá hạn";
            };
            rows.add(List.of((h.fromUnit() == null ? "" : h.fromUnit()) + " → " + (h.toUnit() == null ? "" : h.toUnit()),
                    h.stepName() + "\n" + given + "\n" + received, result, h.note() == null ? "" : h.note()));
        }
        pdf.table(new float[] {2.4f, 4f, 1.2f, 1.8f},
                List.of("Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Kết quả giải quyết (trước, đúng, quá hạn)", "Ghi chú"), rows);
        return pdf.bytes();
    }

    byte[] result(DossierView d) {
        Pdf pdf = start(d, "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", d.finishedAt());
        pdf.title("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", procedure(d).name().toUpperCase(java.util.Locale.forLanguageTag("vi")));
        pdf.line("Mã hồ sơ: ", d.code());
        pdf.line("Người yêu cầu: ", d.applicant().fullName());
        pdf.line(resultText(d.code()), pdf.text);
        pdf.line("Bản điện tử của kết quả, đã được " + communeLeadership(d) + " phê duyệt lúc "
                + Formats.dateTime(d.finishedAt()) + ".", pdf.italic);
        return pdf.signatures(signers("TM. ỦY BAN NHÂN DÂN", officialName(last(d, DossierStatus.FINISHED)
                .map(StatusChange::actor).orElse(null)))).bytes();
    }

    /** The daily register (Sổ theo dõi hồ sơ, Mẫu 06) of a commune's one-stop. */
    public byte[] registerPdf(String commune, LocalDate day) {
        List<List<String>> rows = registerRows(commune, day);
        OrgDirectory.CommuneInfo c = directory.commune(commune).orElseThrow();
        Pdf pdf = new Pdf(true, "Sổ theo dõi hồ sơ");
        pdf.heading("UBND " + c.name().toUpperCase(java.util.Locale.forLanguageTag("vi")), "BỘ PHẬN MỘT CỬA", null,
                place(c) + ", ngày " + DateTimeFormatter.ofPattern("dd 'tháng' MM 'năm' yyyy").format(day));
        pdf.title("SỔ THEO DÕI HỒ SƠ", "Ngày " + DAY.format(day));
        pdf.table(new float[] {0.7f, 3.5f, 2f, 0.9f, 1.8f, 2f, 1.6f, 1.5f, 1.5f, 1.5f, 1.5f, 1.1f},
                List.of("STT", "Mã hồ sơ", "Tên TTHC", "Số lượng", "Tổ chức, cá nhân", "Địa chỉ, điện thoại",
                        "Cơ quan chủ trì", "Ngày nhận", "Hẹn trả", "Chuyển", "Trả kết quả", "Ghi chú"), rows);
        return pdf.bytes();
    }

    public byte[] registerCsv(String commune, LocalDate day) {
        StringBuilder csv = new StringBuilder("\uFEFFSTT,Mã hồ sơ,Tên TTHC,Số lượng,Tổ chức/cá nhân,Địa chỉ/điện thoại,"
                + "Cơ quan chủ trì,Ngày nhận,Hẹn trả,Chuyển,Trả kết quả,Ghi chú\r\n");
        for (List<String> row : registerRows(commune, day)) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) cells.add("\"" + (cell == null ? "" : cell.replace("\"", "\"\"")) + "\"");
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<List<String>> registerRows(String commune, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(VN).toOffsetDateTime();
        List<String> codes = jdbc.sql("select code from mc_dossier where commune_code = ? and submitted_at >= ? and submitted_at < ? order by id")
                .params(commune, from, from.plusDays(1)).query(String.class).list();
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (String code : codes) {
            DossierView d = dossiers.get(code);
            String transferred = d.timeline().stream().filter(h -> h.step().equals("Task_ReceptionCheck") && h.toUnit() != null)
                    .findFirst().map(h -> time(h.handedAt())).orElse("");
            rows.add(List.of(String.valueOf(n++), d.code(), procedure(d).name(), "01", d.applicant().fullName(),
                    d.applicant().address() + ", " + d.applicant().phone(),
                    directory.departmentName(d.commune().code(), procedure(d).department()).orElse(""),
                    time(d.acceptedAt() != null ? d.acceptedAt() : d.submittedAt()),
                    d.appointmentAt() == null ? "" : time(d.appointmentAt()), transferred,
                    d.returnedAt() == null ? "" : time(d.returnedAt()), d.statusName()));
        }
        return rows;
    }

    private Pdf start(DossierView d, String title, OffsetDateTime at) {
        OrgDirectory.CommuneInfo c = directory.commune(d.commune().code()).orElseThrow();
        Pdf pdf = new Pdf(false, title);
        OffsetDateTime when = at == null ? d.submittedAt() : at;
        pdf.heading("UBND " + c.name().toUpperCase(java.util.Locale.forLanguageTag("vi")), "TRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG",
                "Số: " + d.code(), place(c) + ", ngày " + DateTimeFormatter.ofPattern("dd 'tháng' MM 'năm' yyyy").format(when.atZoneSameInstant(VN)));
        return pdf;
    }

    private void applicant(Pdf pdf, DossierView d) {
        pdf.line("Ông/bà: ", d.applicant().fullName());
        pdf.line("Địa chỉ: ", d.applicant().address());
        pdf.line("Số điện thoại: ", d.applicant().phone());
        if (d.applicant().email() != null) pdf.line("Thư điện tử: ", d.applicant().email());
    }

    private String center(DossierView d) {
        return "Trung tâm Phục vụ hành chính công " + d.commune().name();
    }

    private String communeLeadership(DossierView d) {
        return "Ủy ban nhân dân " + d.commune().name();
    }

    private static String place(OrgDirectory.CommuneInfo c) {
        return c.provinceName().replaceFirst("^(Tỉnh|Thành phố) ", "");
    }

    private Procedure procedure(DossierView d) {
        return catalog.find(d.procedure().code()).orElseThrow();
    }

    private static String limit(Procedure p) {
        return switch (p.limit().unit()) {
            case WORKING_DAYS -> String.format("%02d ngày làm việc", p.limit().value());
            case WORKING_HOURS -> String.format("%02d giờ làm việc", p.limit().value());
            case SAME_DAY -> "trong ngày (nhận sau 15 giờ trả trong ngày làm việc tiếp theo)";
        };
    }

    private String officialName(String userId) {
        if (userId == null) return "";
        return directory.person(userId).map(OrgDirectory.Person::fullName).orElse(userId);
    }

    private static Map<String, String> signers(String... titleThenName) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < titleThenName.length; i += 2) map.put(titleThenName[i], titleThenName[i + 1]);
        return map;
    }

    private static Optional<StatusChange> last(DossierView d, DossierStatus status) {
        StatusChange found = null;
        for (StatusChange s : d.statusHistory()) if (s.status() == status) found = s;
        return Optional.ofNullable(found);
    }

    /**
     * Attaches the signed result (the PDF the leader signed with their certificate in the document
     * system); it replaces the printed electronic result everywhere, the citizen's download included.
     */
    public void attachSignedResult(String code, byte[] pdf, String fileName, String uploadedBy) {
        if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalArgumentException("Tệp kết quả phải là PDF");
        }
        jdbc.sql("delete from mc_result_file where dossier_code = ?").param(code).update();
        jdbc.sql("insert into mc_result_file (dossier_code, content, file_name, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)")
                .params(code, pdf, fileName, uploadedBy, OffsetDateTime.now(clock)).update();
    }

    Optional<byte[]> signedResult(String code) {
        return jdbc.sql("select content from mc_result_file where dossier_code = ?").param(code)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private String resultText(String code) {
        return jdbc.sql("select result_text from mc_dossier where code = ?").param(code).query(String.class).optional().orElse(null);
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : HOUR.format(t.atZoneSameInstant(VN));
    }

}
