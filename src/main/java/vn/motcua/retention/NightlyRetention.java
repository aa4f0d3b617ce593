package vn.motcua.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.ProcedureCatalog;

/**
 * Removes motcua's own rows past their time, each night at the start of the history cleanup window
 * (Camunda's, so the engine's history and motcua's go in the same hours):
 * <ul>
 * <li>a dossier with all its rows (papers, files, statuses, timeline, apology, notices, rating,
 *     payments, agencies' parts, result file, messages, events, audit) once {@code retain_until} has
 *     passed: its end + its procedure's retention in the catalog, as the engine's removal time. A
 *     dossier that ended without one (before this job existed) gets it first, from its last status;</li>
 * <li>outbox messages sent or skipped longer ago than {@code motcua.retention.sent-messages-kept-for}
 *     (what the portal got is on the dossier by then);</li>
 * <li>public lookup counters of windows over a day old (their window is minutes).</li>
 * </ul>
 * Login throttle rows go on their own within minutes (security.LoginThrottle). With several nodes each
 * node's scheduler fires; the first to insert the night's row in {@code mc_retention_run} runs it, the
 * others find the night taken. It works in batches, one transaction each, and stops at the window's
 * end; whatever is left is due the next night (the removal is idempotent). What it removed, per table,
 * is in {@code mc_retention_log}.
 */
@Service
public class NightlyRetention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NightlyRetention.class);

    /** The statuses that end a dossier: returned (10), refused (3), withdrawn (7), stopped (8). */
    static final List<Integer> ENDED = List.of(3, 7, 8, 10);

    /** The rows of a dossier by its id, then by its code, in the order they are removed (the dossier last). */
    static final List<String> BY_ID = List.of("mc_dossier_component", "mc_component_file", "mc_dossier_status", "mc_handover",
            "mc_apology", "mc_notification", "mc_rating");
    static final List<String> BY_CODE = List.of("mc_agency_part", "mc_payment", "mc_result_file", "mc_outbox", "mc_inbox", "mc_audit");

    /** What one night removed, per table (every table named, 0 when nothing), and whether it got through everything due. */
    public record Night(LocalDate night, Map<String, Long> removed, boolean complete) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ProcedureCatalog catalog;
    private final Clock clock;
    private final RetentionProperties properties;
    private final NightWindow window;
    private final String node;

    NightlyRetention(JdbcClient jdbc, PlatformTransactionManager transactions, ProcedureCatalog catalog, Clock clock,
                     RetentionProperties properties,
                     @Value("${camunda.bpm.generic-properties.properties.historyCleanupBatchWindowStartTime:22:00+0700}") String start,
                     @Value("${camunda.bpm.generic-properties.properties.historyCleanupBatchWindowEndTime:05:00+0700}") String end) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.catalog = catalog;
        this.clock = clock;
        this.properties = properties;
        this.window = NightWindow.parse(start, end);
        this.node = vn.motcua.common.NodeNames.fresh();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addTriggerTask(this::tonight, new CronTrigger(window.cron(), window.offset()));
        }
    }

    void tonight() {
        try {
            run(window.nightOf(ZonedDateTime.now(clock)));
        } catch (RuntimeException e) {
            log.warn("Retention: the night's removal stopped, the next night goes on: {}", e.toString());
        }
    }

    /**
     * Removes what is past its time, unless a node has claimed the night.
     *
     * @return what it removed; empty when the night was another call's
     */
    public Optional<Night> run(LocalDate night) {
        if (!claim(night)) return Optional.empty();
        Map<String, Long> removed = new LinkedHashMap<>();
        BY_ID.forEach(t -> removed.put(t, 0L));
        BY_CODE.forEach(t -> removed.put(t, 0L));
        removed.put("mc_dossier", 0L);
        removed.put("mc_outbox (sent)", 0L);
        removed.put("mc_lookup_failure", 0L);
        OffsetDateTime windowEnd = window.endOf(night).toOffsetDateTime();
        stampEndedDossiers();
        boolean complete = removeDossiers(removed, windowEnd) && removeSentMessages(removed, windowEnd);
        removed.merge("mc_lookup_failure", (long) jdbc.sql("delete from mc_lookup_failure where window_start < ?")
                .param(now().minusDays(1)).update(), Long::sum);
        transaction.executeWithoutResult(s -> {
            removed.forEach((table, count) -> jdbc.sql("insert into mc_retention_log (night, table_name, removed) values (?, ?, ?)")
                    .params(night, table, count).update());
            jdbc.sql("update mc_retention_run set finished_at = ?, complete = ? where night = ? and claimed_by = ?")
                    .params(now(), complete, night, node).update();
        });
        log.info("Retention of the night of {} by {}: removed {}{}", night, node, removed, complete ? "" : " (window ended, more tomorrow)");
        return Optional.of(new Night(night, removed, complete));
    }

    private boolean claim(LocalDate night) {
        try {
            return jdbc.sql("""
                            insert into mc_retention_run (night, claimed_by, claimed_at)
                            select ?, ?, ? where not exists (select 1 from mc_retention_run where night = ?)""")
                    .params(night, node, now(), night).update() == 1;
        } catch (DataAccessException concurrent) {
            // another node inserted the same night at the same moment (primary key)
            if (jdbc.sql("select count(*) from mc_retention_run where night = ?").param(night).query(Long.class).single() > 0) {
                return false;
            }
            throw concurrent;
        }
    }

    /** Ended dossiers without retain_until (ended before it was kept): their last status + their procedure's retention. */
    private void stampEndedDossiers() {
        while (true) {
            List<Object[]> batch = jdbc.sql("""
                            select d.id, d.procedure_code, (select max(s.changed_at) from mc_dossier_status s where s.dossier_id = d.id)
                            from mc_dossier d where d.retain_until is null and d.status in (:ended)
                            order by d.id fetch first %d rows only""".formatted(properties.batchSize()))
                    .param("ended", ENDED)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)})
                    .list();
            if (batch.isEmpty()) return;
            transaction.executeWithoutResult(s -> {
                for (Object[] row : batch) {
                    OffsetDateTime end = row[2] == null ? now() : (OffsetDateTime) row[2];
                    OffsetDateTime until = catalog.retention((String) row[1])
                            .map(r -> OffsetDateTime.ofInstant(r.until(end.toInstant()), end.getOffset()))
                            .orElseThrow(() -> new IllegalStateException("the catalog has no retention rule"));
                    jdbc.sql("update mc_dossier set retain_until = ? where id = ?").params(until, row[0]).update();
                }
            });
        }
    }

    /** @return false when the window ended first */
    private boolean removeDossiers(Map<String, Long> removed, OffsetDateTime windowEnd) {
        while (true) {
            if (!now().isBefore(windowEnd)) return false;
            OffsetDateTime now = now();
            Map<String, Long> batchRemoved = transaction.execute(s -> {
                List<Object[]> batch = jdbc.sql("select id, code from mc_dossier where retain_until < ? order by id fetch first %d rows only"
                                .formatted(properties.batchSize()))
                        .param(now).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
                Map<String, Long> counts = new LinkedHashMap<>();
                if (batch.isEmpty()) return counts;
                List<Long> ids = batch.stream().map(r -> (Long) r[0]).toList();
                List<String> codes = batch.stream().map(r -> (String) r[1]).toList();
                for (String table : BY_ID) {
                    counts.put(table, (long) jdbc.sql("delete from " + table + " where dossier_id in (:ids)").param("ids", ids).update());
                }
                for (String table : BY_CODE) {
                    counts.put(table, (long) jdbc.sql("delete from " + table + " where dossier_code in (:codes)").param("codes", codes).update());
                }
                counts.put("mc_dossier", (long) jdbc.sql("delete from mc_dossier where id in (:ids)").param("ids", ids).update());
                return counts;
            });
            if (batchRemoved == null || batchRemoved.isEmpty()) return true;
            batchRemoved.forEach((table, n) -> removed.merge(table, n, Long::sum));
        }
    }

    /** @return false when the window ended first */
    private boolean removeSentMessages(Map<String, Long> removed, OffsetDateTime windowEnd) {
        while (true) {
            if (!now().isBefore(windowEnd)) return false;
            OffsetDateTime before = now().minus(properties.sentMessagesKeptFor());
            int n = jdbc.sql("""
                            delete from mc_outbox where id in (select id from mc_outbox
                              where state in ('SENT', 'SKIPPED') and coalesce(sent_at, created_at) < ? order by id fetch first %d rows only)"""
                            .formatted(properties.batchSize()))
                    .param(before).update();
            removed.merge("mc_outbox (sent)", (long) n, Long::sum);
            if (n == 0) return true;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
