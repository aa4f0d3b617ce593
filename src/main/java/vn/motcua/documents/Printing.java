package vn.motcua.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.motcua.organisation.OrgDirectory;

/** What every printed page shares: the commune's letterhead, and dates as the forms write them. */
final class Printing {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DAY_IN_WORDS = DateTimeFormatter.ofPattern("dd 'tháng' MM 'năm' yyyy");

    private Printing() {
    }

    /** "UBND PHƯỜNG TÂN GIANG" over the issuing unit, the number, and "Cao Bằng, ngày 13 tháng 02 năm 2026". */
    static Pdf letterhead(Pdf pdf, OrgDirectory.CommuneInfo commune, String unit, String number, LocalDate day) {
        return pdf.heading("UBND " + commune.name().toUpperCase(Locale.forLanguageTag("vi")), unit, number,
                commune.provinceName().replaceFirst("^(Tỉnh|Thành phố) ", "") + ", ngày " + DAY_IN_WORDS.format(day));
    }

    /** 13/02/2026 */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** 16:00 13/02/2026, or nothing. */
    static String time(OffsetDateTime t) {
        return t == null ? "" : HOUR.format(t.atZoneSameInstant(VN));
    }
}
