package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Fees paid for dossiers: online (the gateway's callback) or cash at the counter. */
@Service
public class Payments {

    private final JdbcClient jdbc;
    private final Clock clock;

    Payments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(String dossierCode, long amount, String method, boolean online, String reference, String recordedBy) {
        jdbc.sql("insert into mc_payment (dossier_code, amount, method, online, reference, recorded_by, paid_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(dossierCode, amount, method, online, reference, recordedBy, OffsetDateTime.now(clock)).update();
    }

    public boolean paidOnline(String dossierCode) {
        return jdbc.sql("select count(*) from mc_payment where dossier_code = ? and online = true")
                .param(dossierCode).query(Long.class).single() > 0;
    }

    public List<Payment> of(String dossierCode) {
        return jdbc.sql("select amount, method, online, reference, recorded_by, paid_at from mc_payment where dossier_code = ? order by id")
                .param(dossierCode)
                .query((rs, n) -> new Payment(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    public record Payment(long amount, String method, boolean online, String reference, String recordedBy, OffsetDateTime paidAt) {
    }
}
