package vn.motcua.common;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates and amounts as Vietnamese documents write them: "16 giờ 00 phút, ngày 25/02/2026", "5.000". */
public final class Formats {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút'");

    private Formats() {
    }

    public static String dateTime(OffsetDateTime t) {
        OffsetDateTime local = t.atZoneSameInstant(VN).toOffsetDateTime();
        return TIME.format(local) + ", ngày " + DATE.format(local);
    }

    public static String date(OffsetDateTime t) {
        return DATE.format(t.atZoneSameInstant(VN));
    }

    /** An amount of đồng with dots between thousands: 1.500.000. */
    /**
     * A commune's name inside a sentence: the unit's kind in lower case, as Vietnamese administrative
     * writing does ("Ủy ban nhân dân phường Tân Giang"); the name itself keeps its capitals.
     */
    public static String inSentence(String communeName) {
        for (String kind : new String[] {"Phường ", "Xã ", "Thị trấn ", "Đặc khu "}) {
            if (communeName.startsWith(kind)) {
                return kind.toLowerCase(java.util.Locale.forLanguageTag("vi")) + communeName.substring(kind.length());
            }
        }
        return communeName;
    }

    public static String money(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
    }
}
