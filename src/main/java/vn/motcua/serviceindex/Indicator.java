package vn.motcua.serviceindex;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of the service index (Decision 766/QĐ-TTg) that motcua holds the facts for, each as
 * the SQL predicates over the facts each dossier keeps as they happen (mc_dossier: its end, working
 * minutes, supplements after acceptance, papers digitized, result digitized, paid online, synced to the
 * portal), so that the index is one pass over the period's dossiers, and that pick the dossiers of its
 * denominator and of its numerator among those
 * handled in the period ({@code d} is mc_dossier, {@code r} its rating; {@code :from} and
 * {@code :end} the period, {@code :end} capped at now). The same predicates compute the figures and
 * list the dossiers behind them, so a number and its drill-down cannot disagree.
 */
enum Indicator {

    /** 1.4: dossiers received in the period whose reception reached the national portal. */
    SYNCED("1.4", Group.TRANSPARENCY, "Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia", Kind.RATE, null,
            Sql.RECEIVED,
            Sql.RECEIVED + " and d.portal_synced = true"),
    /**
     * 2.1: handled dossiers finished on time or still within their time; the end is the result
     * (status 9), else the return, the stop, the refusal or the withdrawal, or the period's end when
     * unfinished; the due date is the appointment moved only by supplements; more than one supplement
     * after acceptance is late.
     */
    ON_TIME("2.1", Group.PROGRESS, "Tỷ lệ hồ sơ giải quyết đúng hạn", Kind.RATE, null,
            "1 = 1",
            Sql.ON_TIME),
    /** 2.2: average working days from acceptance to the result, of the dossiers resolved in the period. */
    PROCESSING_TIME("2.2", Group.PROGRESS, "Thời gian giải quyết trung bình", Kind.DAYS, null,
            Sql.RESOLVED,
            Sql.RESOLVED),
    /** 3.3: dossiers received in the period that were filed online. */
    ONLINE("3.3", Group.ONLINE, "Tỷ lệ hồ sơ nộp trực tuyến", Kind.RATE, 0.5,
            Sql.RECEIVED,
            Sql.RECEIVED + " and d.channel = 'ONLINE'"),
    /** 3.6: dossiers with fees received in the period and paid online. */
    ONLINE_PAYMENT("3.6", Group.PAYMENT, "Tỷ lệ hồ sơ thanh toán trực tuyến", Kind.RATE, null,
            Sql.RECEIVED + " and d.fee_amount > 0",
            Sql.RECEIVED + " and d.fee_amount > 0 and d.paid_online = true"),
    /** 4.2: dossiers received in the period with every paper and the result as files. */
    DIGITIZED("4.2", Group.DIGITIZATION, "Tỷ lệ hồ sơ số hóa (giấy tờ và kết quả)", Kind.RATE, 0.8,
            Sql.RECEIVED,
            Sql.RECEIVED + " and d.paper_count > 0 and d.digitized_papers >= d.paper_count and d.result_digitized = true"),
    /**
     * 5.4: 100 % − (the late rate + the rate of dossiers rated "Không hài lòng"), over the handled
     * dossiers; its numerator lists the dossiers counted against it (late, or rated not satisfied).
     */
    SATISFACTION("5.4", Group.SATISFACTION, "Mức độ hài lòng trong giải quyết thủ tục hành chính", Kind.SATISFACTION, 0.9,
            "1 = 1",
            "(not (" + Sql.ON_TIME + ") or d.rating_level = 'KHONG_HAI_LONG')");

    enum Kind { RATE, DAYS, SATISFACTION }

    /** The groups of the index and their points (the national dashboard's six groups, 100 in all). */
    enum Group {
        TRANSPARENCY("1", "Công khai, minh bạch", 18),
        PROGRESS("2", "Tiến độ giải quyết", 20),
        ONLINE("3", "Dịch vụ công trực tuyến", 12),
        PAYMENT("4", "Thanh toán trực tuyến", 10),
        SATISFACTION("5", "Mức độ hài lòng", 18),
        DIGITIZATION("6", "Số hóa hồ sơ", 22);

        final String code;
        final String label;
        final int points;

        Group(String code, String label, int points) {
            this.code = code;
            this.label = label;
            this.points = points;
        }
    }

    final String code;
    final Group group;
    final String label;
    final Kind kind;
    /** The value from which the indicator has its full score (50 % online, 80 % digitized, 90 % satisfied); null: in proportion. */
    final Double fullAt;
    final String denominator;
    final String numerator;

    Indicator(String code, Group group, String label, Kind kind, Double fullAt, String denominator, String numerator) {
        this.code = code;
        this.group = group;
        this.label = label;
        this.kind = kind;
        this.fullAt = fullAt;
        this.denominator = denominator;
        this.numerator = numerator;
    }

    static Optional<Indicator> of(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    /** The shared SQL. */
    static final class Sql {
        /** Handled in the period: accepted before its end, and received in it, or not ended before it began. */
        static final String HANDLED = "d.accepted_at is not null and d.accepted_at < :end"
                + " and (d.accepted_at >= :from or d.ended_at is null or d.ended_at >= :from)";
        static final String RECEIVED = "d.accepted_at >= :from";
        static final String ON_TIME = "(d.processing_supplements <= 1 and coalesce(case when d.ended_at < :end then d.ended_at end, :end)"
                + " <= coalesce(d.original_appointment_at, d.appointment_at))";
        static final String RESOLVED = "(d.status in (9, 10) and d.processing_minutes is not null and d.ended_at >= :from and d.ended_at < :end)";

        private Sql() {
        }
    }
}
