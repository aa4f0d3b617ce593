package vn.motcua.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** motcua's own audit rows: who did what to which dossier through the API, and when. */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 2000;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Recorded with the action, once it has taken effect: rolled back with it when it fails. A
     * refused request, or one that changed and disclosed nothing, leaves no row.
     */
    @Transactional
    public void record(String dossierCode, String actor, String action, String detail) {
        jdbc.sql("insert into mc_audit (dossier_code, actor, action, detail, at) values (?, ?, ?, ?, ?)")
                .params(dossierCode, actor, action, abbreviate(detail), OffsetDateTime.now(clock)).update();
    }

    /** The detail column holds 2000 characters; a longer detail is cut, never a failed action. */
    private static String abbreviate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
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
