package vn.motcua.documents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.common.Formats;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Handover;
import vn.motcua.dossier.StatusChange;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;

/**
 * The statutory forms of a dossier (Circular 01/2018/TT-VPCP), printed from the dossier as the API
 * shows it: the appointment slip, the supplement request, the refusal, the apology, the
 * process-control slip, the notice that processing stopped, and the electronic result.
 */
@Component
class DossierForms {

    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;

    DossierForms(ProcedureCatalog catalog, OrgDirectory directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    /** Mẫu 01. */
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
        pdf.line("7. Phí, lệ phí: ", d.fees() == null ? "Không thu phí, lệ phí" : d.fees().label());
        pdf.qr(d.code() + "|" + d.lookupSecret(), "Mã tra cứu hồ sơ: " + d.lookupSecret()
                + "\nTra cứu tại Bộ phận Một cửa hoặc trực tuyến bằng mã hồ sơ và mã tra cứu.");
        return pdf.signatures(signers("NGƯỜI NỘP HỒ SƠ", d.applicant().fullName(), "NGƯỜI TIẾP NHẬN HỒ SƠ",
                officialName(last(d, DossierStatus.RECEIVED).map(StatusChange::actor).orElse(null)))).bytes();
    }

    /** Mẫu 02. */
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

    /** Mẫu 03. */
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

    /** Mẫu 04. */
    byte[] apology(DossierView d) {
        Pdf pdf = start(d, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", d.apology().issuedAt());
        pdf.title("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
        pdf.line("Kính gửi: ", d.applicant().fullName());
        pdf.line("Ngày " + Printing.day(d.acceptedAt().atZoneSameInstant(Printing.VN).toLocalDate()) + ", " + center(d)
                + " tiếp nhận hồ sơ đề nghị " + procedure(d).name() + " của ông/bà.");
        pdf.line("Mã hồ sơ: ", d.code());
        pdf.line("Thời gian hẹn trả kết quả giải quyết hồ sơ: ", Formats.dateTime(d.apology().previousAppointmentAt()));
        pdf.line("Tuy nhiên đến nay, " + communeLeadership(d) + " chưa trả kết quả giải quyết hồ sơ cho ông/bà.");
        pdf.line("Lý do: ", d.apology().reason());
        pdf.line("Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào: ",
                Formats.dateTime(d.apology().newAppointmentAt()));
        pdf.line("Xin trân trọng cảm ơn sự hợp tác của ông/bà.");
        return pdf.signatures(signers("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ\n(Ký tên, đóng dấu)", leader(d))).bytes();
    }

    /** Mẫu 05: a row per handover of the timeline, each early, on time or late. */
    byte[] controlSlip(DossierView d) {
        Pdf pdf = start(d, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", d.submittedAt());
        pdf.title("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + d.code());
        pdf.line("Kèm theo hồ sơ của: ", d.applicant().fullName());
        pdf.line("Thủ tục: ", procedure(d).name());
        pdf.line("Ngày hẹn trả kết quả: ", d.appointmentAt() == null ? "chưa tiếp nhận" : Formats.dateTime(d.appointmentAt()));
        List<List<String>> rows = new ArrayList<>();
        for (Handover h : d.timeline()) {
            // a step no official handed over (a payment on the gateway) is given by its unit
            String given = "Giao: " + Printing.time(h.handedAt()) + "\nNgười giao: "
                    + (h.fromUser() == null && h.fromUnit() != null ? h.fromUnit() : officialName(h.fromUser()));
            String received = h.toUnit() == null ? "" : "Nhận: " + Printing.time(h.receivedAt())
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

    /**
     * The notice that processing stopped (status 8): the head or the leader who stopped it tells the
     * citizen why, signing with their title.
     */
    byte[] stopNotice(DossierView d) {
        StatusChange stopped = last(d, DossierStatus.STOPPED).orElseThrow();
        Pdf pdf = start(d, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", stopped.at());
        pdf.title("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
        pdf.line("Kính gửi: ", d.applicant().fullName());
        OffsetDateTime received = d.acceptedAt() != null ? d.acceptedAt() : d.submittedAt();
        pdf.line("Ngày " + Printing.day(received.atZoneSameInstant(Printing.VN).toLocalDate()) + ", " + center(d)
                + " tiếp nhận hồ sơ đề nghị " + procedure(d).name() + " của ông/bà.");
        pdf.line("Mã hồ sơ: ", d.code());
        pdf.line(communeLeadership(d) + " thông báo dừng giải quyết hồ sơ của ông/bà kể từ: ", Formats.dateTime(stopped.at()));
        pdf.line("Lý do: ", stopped.note() == null ? "" : stopped.note().replaceFirst("^Dừng giải quyết hồ sơ: ", ""));
        pdf.line("Ông/bà có thể liên hệ " + center(d) + " để được hướng dẫn, hoặc nộp hồ sơ mới khi đủ điều kiện.");
        pdf.line("Xin thông báo cho ông/bà được biết.");
        String signer = stopped.actor();
        return pdf.signatures(signers(signerTitle(d, signer).toUpperCase(Locale.forLanguageTag("vi")), officialName(signer))).bytes();
    }

    /** The title of the official who signs (as provisioned), else the role they acted in. */
    private String signerTitle(DossierView d, String userId) {
        return directory.title(userId).orElseGet(() ->
                directory.isMember(userId, Role.LEADER.groupId(d.commune().code(), null)) ? Role.LEADER.label() : Role.HEAD.label());
    }

    /** The electronic result: the text the leader approved. */
    byte[] result(DossierView d, String approved) {
        Pdf pdf = start(d, "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", d.finishedAt());
        pdf.title("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", procedure(d).name().toUpperCase(Locale.forLanguageTag("vi")));
        pdf.line("Mã hồ sơ: ", d.code());
        pdf.line("Người yêu cầu: ", d.applicant().fullName());
        pdf.line(approved, pdf.text);
        if (d.agencyParts() != null) {
            // an inter-agency bundle: each agency's part, refused ones with their reason
            pdf.line("Kết quả của các cơ quan liên thông:", pdf.text);
            d.agencyParts().forEach(part -> pdf.line("- " + part.summary(), pdf.text));
        }
        pdf.line("Bản điện tử của kết quả, đã được " + communeLeadership(d) + " phê duyệt lúc "
                + Formats.dateTime(d.finishedAt()) + ".", pdf.italic);
        String signer = last(d, DossierStatus.FINISHED).map(StatusChange::actor).orElse(null);
        return pdf.signatures(signers("TM. ỦY BAN NHÂN DÂN\n" + signingCapacity(signerTitle(d, signer)), officialName(signer))).bytes();
    }

    /**
     * The draft of the result, as the head and the leader review it before approving: the same
     * layout as the result, marked "DỰ THẢO" and unsigned.
     */
    byte[] draft(DossierView d, String drafted) {
        Pdf pdf = start(d, "DỰ THẢO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", null);
        pdf.title("DỰ THẢO", "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n" + procedure(d).name().toUpperCase(Locale.forLanguageTag("vi")));
        pdf.line("Mã hồ sơ: ", d.code());
        pdf.line("Người yêu cầu: ", d.applicant().fullName());
        pdf.line(drafted, pdf.text);
        pdf.line("Bản dự thảo để trưởng phòng xem xét và lãnh đạo " + communeLeadership(d)
                + " phê duyệt; chưa có giá trị pháp lý.", pdf.italic);
        return pdf.signatures(signers("TM. ỦY BAN NHÂN DÂN\n" + signingCapacity(null) + " (dự kiến ký)", leader(d))).bytes();
    }

    /**
     * The signer's capacity under "TM. ỦY BAN NHÂN DÂN", from the title provisioned for them: the
     * chairperson signs as "CHỦ TỊCH"; a vice-chairperson signs on the chairperson's behalf
     * ("KT. CHỦ TỊCH", then "PHÓ CHỦ TỊCH").
     */
    static String signingCapacity(String title) {
        java.util.Locale vi = Locale.forLanguageTag("vi");
        String position = title == null ? "Chủ tịch" : title.replaceFirst("(?i)\\s+(UBND|Ủy ban nhân dân)\\b.*$", "").trim();
        if (position.toLowerCase(vi).startsWith("phó chủ tịch")) {
            return "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH";
        }
        if (position.isEmpty() || position.toLowerCase(vi).startsWith("lãnh đạo")) {
            position = "Chủ tịch";
        }
        return position.toUpperCase(vi);
    }

    /** The last time the dossier took this status. */
    static Optional<StatusChange> last(DossierView d, DossierStatus status) {
        StatusChange found = null;
        for (StatusChange s : d.statusHistory()) if (s.status() == status) found = s;
        return Optional.ofNullable(found);
    }

    private Pdf start(DossierView d, String title, OffsetDateTime at) {
        OrgDirectory.CommuneInfo c = directory.commune(d.commune().code()).orElseThrow();
        OffsetDateTime when = at == null ? d.submittedAt() : at;
        return Printing.letterhead(new Pdf(false, title), c, "TRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG", "Số: " + d.code(),
                when.atZoneSameInstant(Printing.VN).toLocalDate());
    }

    private static void applicant(Pdf pdf, DossierView d) {
        pdf.line("Ông/bà: ", d.applicant().fullName());
        pdf.line("Địa chỉ: ", d.applicant().address());
        pdf.line("Số điện thoại: ", d.applicant().phone());
        if (d.applicant().email() != null) pdf.line("Thư điện tử: ", d.applicant().email());
    }

    private static String center(DossierView d) {
        return "Trung tâm Phục vụ hành chính công " + Formats.inSentence(d.commune().name());
    }

    private static String communeLeadership(DossierView d) {
        return "Ủy ban nhân dân " + Formats.inSentence(d.commune().name());
    }

    /** Signed and sealed by the head of the agency: the commune's leader. */
    private String leader(DossierView d) {
        return directory.members(Role.LEADER.groupId(d.commune().code(), null)).stream()
                .findFirst().map(OrgDirectory.Person::fullName).orElse("");
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
}
