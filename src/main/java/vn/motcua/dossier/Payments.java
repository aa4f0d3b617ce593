package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.MotcuaProperties;

/**
 * Fees paid for dossiers: cash at the counter or online (the gateway's callback). A payment that
 * counts is written where officials and citizens look: the status history, the timeline and so
 * the process-control slip (Mẫu 05). An online payment of the wrong amount is kept as a
 * {@link State#MISMATCH} for the admins to settle; it never counts as paid.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    /** The timeline's step of a payment made on the gateway (no official handed anything over). */
    public static final String ONLINE_PAYMENT_STEP = "ONLINE_PAYMENT";

    public enum State {
        /** Paid as due: the dossier moves on. */
        PAID,
        /** The gateway reported another amount than is due: recorded, not counted, the dossier still waits. */
        MISMATCH
    }

    private final JdbcClient jdbc;
    private final DossierRepository dossiers;
    private final Clock clock;
    private final ZoneId zone;

    Payments(JdbcClient jdbc, DossierRepository dossiers, Clock clock, MotcuaProperties properties) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /**
     * The cash a reception officer took, as {@link FeeCheck} passed it: kept with its receipt number
     * and the official, noted in the status history and on the fee step's row of the timeline.
     *
     * @param feeStep the element id of the counter's fee task, whose timeline row gets the note
     */
    @Transactional
    public void recordCash(String code, String feeStep, FeeCheck fee, String official) {
        Dossier d = find(code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String note = "Đã thu " + FeeCheck.money(fee.amount()) + ", biên lai số " + fee.receipt();
        insert(code, fee.amount(), fee.amount(), "CASH", false, fee.receipt(), official, now, State.PAID);
        dossiers.insertStatus(d.id(), d.status(), now, official, note);
        dossiers.noteHandover(d.id(), feeStep, note);
    }

    /**
     * The gateway's word that the citizen paid. Paid as due, it is noted in the status history and
     * the timeline and {@link State#PAID} is returned; any other amount is only recorded, as a
     * {@link State#MISMATCH}.
     */
    @Transactional
    public State recordOnline(String code, long due, long amount, String transactionId, String gateway) {
        Dossier d = find(code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        State state = amount == due ? State.PAID : State.MISMATCH;
        insert(code, amount, due, "ONLINE", true, transactionId, gateway, now, state);
        if (state == State.MISMATCH) {
            log.warn("Payment {} for dossier {}: the gateway reported {} đồng, {} are due; kept as a mismatch, not counted",
                    transactionId, code, amount, due);
            return state;
        }
        String note = "Thanh toán trực tuyến, mã giao dịch " + transactionId + ": " + FeeCheck.money(amount);
        dossiers.insertStatus(d.id(), d.status(), now, gateway, note);
        dossiers.insertHandover(d.id(), ONLINE_PAYMENT_STEP, "Thanh toán phí, lệ phí trực tuyến", gateway, null, now, null, null, note);
        return state;
    }

    /** Whether the dossier's fee was paid online (the portal's DuocThanhToanTrucTuyen). */
    public boolean paidOnline(String dossierCode) {
        return jdbc.sql("select count(*) from mc_payment where dossier_code = ? and online = true and state = 'PAID'")
                .param(dossierCode).query(Long.class).single() > 0;
    }

    /** Every payment of a dossier, mismatches included, oldest first. */
    public List<Payment> of(String dossierCode) {
        return jdbc.sql("select * from mc_payment where dossier_code = ? order by id").param(dossierCode).query(this::payment).list();
    }

    /** The latest 500 payments in a state, newest first: what the admins settle. */
    public List<Payment> inState(State state) {
        return jdbc.sql("select * from mc_payment where state = ? order by id desc fetch first 500 rows only")
                .param(state.name()).query(this::payment).list();
    }

    private void insert(String code, long amount, long due, String method, boolean online, String reference, String by,
                        OffsetDateTime at, State state) {
        jdbc.sql("""
                        insert into mc_payment (dossier_code, amount, amount_due, method, online, reference, recorded_by, paid_at, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, amount, due, method, online, reference, by, at, state.name()).update();
        if (online && state == State.PAID) {
            // paid online (index 3.6), kept on the dossier for the index's sums
            jdbc.sql("update mc_dossier set paid_online = true where code = ?").param(code).update();
        }
    }

    private Dossier find(String code) {
        return dossiers.findByCode(code).orElseThrow(() -> new DossierNotFoundException(code));
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        OffsetDateTime paidAt = rs.getObject("paid_at", OffsetDateTime.class);
        long due = rs.getLong("amount_due");
        Long amountDue = rs.wasNull() ? null : due;
        return new Payment(rs.getString("dossier_code"), rs.getLong("amount"), amountDue,
                rs.getString("method"), rs.getBoolean("online"), rs.getString("reference"), rs.getString("recorded_by"),
                paidAt == null ? null : paidAt.atZoneSameInstant(zone).toOffsetDateTime(), State.valueOf(rs.getString("state")));
    }

    /**
     * @param amountDue what was due when it was paid (absent for payments recorded before it was kept)
     * @param reference the receipt number (cash) or the gateway's transaction id (online)
     */
    public record Payment(String dossierCode, long amount, Long amountDue, String method, boolean online, String reference,
                          String recordedBy, OffsetDateTime paidAt, State state) {
    }
}
