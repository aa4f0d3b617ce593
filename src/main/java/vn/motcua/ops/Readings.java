package vn.motcua.ops;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.OutboxDispatcher;

/**
 * What the operations gauges show, read at one moment by one grouped query per table: open and
 * overdue dossiers by commune and status, the outbox by channel, the engine's job backlog, incidents by
 * type, and the communes there are. Immutable; {@link #UNKNOWN} (every value NaN) when the database
 * could not be read.
 */
record Readings(List<String> communes, Map<String, long[]> dossiers, Map<String, Long> overdue,
                Map<Channel, OutboxDispatcher.Backlog> outbox, double jobsBacklog, Map<String, Long> incidents) {

    static final String OTHER_INCIDENTS = "other";
    /** The incident types Camunda raises itself; anything else (custom types) is counted as {@link #OTHER_INCIDENTS}. */
    static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE,
            OTHER_INCIDENTS);
    static final Readings UNKNOWN = new Readings(List.of(), Map.of(), Map.of(), Map.of(), Double.NaN, Map.of());

    static Readings read(JdbcClient jdbc, OutboxDispatcher outbox, Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String open = OperationsMetrics.OPEN.stream().map(s -> String.valueOf(s.code())).collect(Collectors.joining(", "));
        Map<String, long[]> dossiers = new HashMap<>();
        Map<String, Long> overdue = new HashMap<>();
        // ix_mc_dossier_commune_status; closed dossiers (most of a year's million) are not counted
        jdbc.sql("select commune_code, status, count(*), "
                        + "sum(case when appointment_at < :now and finished_at is null and paused_at is null then 1 else 0 end) "
                        + "from mc_dossier where status in (" + open + ") group by commune_code, status")
                .param("now", now)
                .query(rs -> {
                    String commune = rs.getString(1);
                    long[] byStatus = dossiers.computeIfAbsent(commune, c -> new long[OperationsMetrics.OPEN.size()]);
                    byStatus[OperationsMetrics.OPEN.indexOf(DossierStatus.of(rs.getInt(2)))] = rs.getLong(3);
                    overdue.merge(commune, rs.getLong(4), Long::sum);
                });
        // the job executor's acquisition condition (Camunda's Job.xml, selectNextJobsToExecute)
        long jobs = jdbc.sql("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= :now) "
                        + "and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < :now) and SUSPENSION_STATE_ = 1")
                .param("now", Timestamp.from(now.toInstant()))
                .query(Long.class).single();
        Map<String, Long> incidents = new HashMap<>();
        // each failure once: Camunda repeats an incident in every calling process instance above it (blocks are called processes)
        jdbc.sql("select INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT where ID_ = ROOT_CAUSE_INCIDENT_ID_ group by INCIDENT_TYPE_").query(rs -> {
            String type = INCIDENT_TYPES.contains(rs.getString(1)) ? rs.getString(1) : OTHER_INCIDENTS;
            incidents.merge(type, rs.getLong(2), Long::sum);
        });
        return new Readings(communes(jdbc), dossiers, overdue, outbox.backlog(), jobs, incidents);
    }

    static List<String> communes(JdbcClient jdbc) {
        return jdbc.sql("select code from mc_commune order by code").query(String.class).list();
    }

    double open(String commune, DossierStatus status) {
        if (this == UNKNOWN) return Double.NaN;
        long[] byStatus = dossiers.get(commune);
        return byStatus == null ? 0 : byStatus[OperationsMetrics.OPEN.indexOf(status)];
    }

    double overdue(String commune) {
        return this == UNKNOWN ? Double.NaN : overdue.getOrDefault(commune, 0L);
    }

    double outbox(Channel channel, boolean failing) {
        OutboxDispatcher.Backlog backlog = outbox.get(channel);
        if (backlog == null) return Double.NaN;
        return failing ? backlog.failing() : backlog.pending();
    }

    double incidents(String type) {
        return this == UNKNOWN ? Double.NaN : incidents.getOrDefault(type, 0L);
    }
}
