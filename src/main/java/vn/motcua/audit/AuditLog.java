package vn.motcua.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** motcua's own audit rows: who did what to which dossier through the API, and when. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Recorded with the action: rolled back with it when it fails. */
    @Transactional
    public void record(String dossierCode, String actor, String action, String detail) {
        jdbc.sql("insert into mc_audit (dossier_code, actor, action, detail, at) values (?, ?, ?, ?, ?)")
                .params(dossierCode, actor, action, detail, OffsetDateTime.now(clock)).update();
    }

    /** Recorded even though the request is refused (a wrong lookup secret, a denied access). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(String dossierCode, String actor, String action, String detail) {
        record(dossierCode, actor, action, detail);
    }

    public List<Entry> of(String dossierCode) {
        ZoneId zone = clock.getZone();
        return jdbc.sql("select at, actor, action, detail from mc_audit where dossier_code = ? order by id")
                .param(dossierCode)
                .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(),
                        rs.getString(2), rs.getString(3), rs.getString(4), "motcua"))
                .list();
    }

    /** @param source "motcua" for API actions, "camunda" for the engine's user operation log */
    public record Entry(OffsetDateTime at, String actor, String action, String detail, String source) {
    }
}
