package vn.motcua.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database's growth per 1,000 finished dossiers, and what history cleanup leaves of it. On a fresh database
 * ({@code motcua_growth}) provisioned with {@code bench.growthCommunes} communes, {@code bench.growthDossiers} (1,000)
 * dossiers go through the whole flow in-process ({@link ProvinceSeeder#finish}): submitted, accepted, assigned,
 * appraised, reviewed, approved, returned at the counter. Every {@code act_*} and {@code mc_*} table is measured
 * before and after ({@link #measure}: exact rows, and the bytes of the live rows with their indexes and TOAST), so
 * that the figures are the rows kept, not the dead space the run-time tables leave (PostgreSQL reuses that for the
 * next dossiers). Then the finished instances' removal time is set to now, Camunda's
 * history cleanup runs to the end, and the database is measured again.
 */
final class DatabaseGrowth {

    static final BenchDatabase DB = new BenchDatabase("motcua_growth");

    /** Who did what and when: what the law needs kept (domain.md), engine's and motcua's. */
    static final Set<String> AUDIT = Set.of("act_hi_actinst", "act_hi_taskinst", "act_hi_op_log", "act_hi_comment",
            "mc_audit", "mc_dossier_status", "mc_handover");

    record Size(long rows, long bytes, long indexBytes) {
    }

    private final int dossiers;
    private final int communes;
    private final Report report;

    DatabaseGrowth(int dossiers, int communes, Report report) {
        this.dossiers = dossiers;
        this.communes = communes;
        this.report = report;
    }

    static void section(Report report) throws Exception {
        new DatabaseGrowth(Integer.getInteger("bench.growthDossiers", 1000), Integer.getInteger("bench.growthCommunes", 10), report).run();
    }

    void run() throws Exception {
        DB.recreate();
        try (ConfigurableApplicationContext app = ProvinceBenchmark.start(DB, ProvinceChart.write(communes),
                List.of("--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = off"))) {
            Map<String, Size> empty = measure();
            long start = System.nanoTime();
            System.out.printf(Locale.ROOT, "growth: %,d dossiers to the end through the services%n", dossiers);
            new ProvinceSeeder(app, communes).finish(0, dossiers, Integer.getInteger("bench.threads", 3));
            double seconds = (System.nanoTime() - start) / 1e9;
            long finished = DB.count("select count(*) from mc_dossier where status = 10");
            long open = DB.count("select count(*) from act_ru_execution");
            Map<String, Size> full = measure();

            double per = 1.0 / finished;
            report.section(String.format(Locale.ROOT, "Database growth: %,d dossiers taken to the end (returned at the counter)", finished),
                    String.format(Locale.ROOT, "in-process through the services (submission, then every task completed by an official of its group), "
                                    + "%d communes, history level full, %.0f s; %,d run-time executions left; sizes = the live rows' bytes "
                                    + "(pg_total_relation_size: table, indexes, TOAST, of the rows copied into a table with the same indexes, "
                                    + "what VACUUM FULL leaves), minus the provisioned empty database; rows = exact count",
                            communes, seconds, open));
            long engine = delta(empty, full, "act_"), motcua = delta(empty, full, "mc_"), audit = auditBytes(empty, full);
            double kb = (engine + motcua) * per / 1024;
            report.line(String.format(Locale.ROOT, "  per finished dossier: %.1f KB (engine act_* %.1f KB, motcua mc_* %.1f KB); per 1,000: %.1f MB",
                    kb, engine * per / 1024, motcua * per / 1024, (engine + motcua) * per * 1000 / 1048576));
            report.line(String.format(Locale.ROOT, "  the audit (%s): %.1f KB per dossier", String.join(", ", AUDIT.stream().sorted().toList()),
                    audit * per / 1024));
            report.line(String.format(Locale.ROOT, "  %-26s %12s %10s %14s %12s %6s %8s %8s", "table", "rows", "rows/doss.", "bytes", "KB/dossier", "share",
                    "indexes", "B/row"));
            List<String> tables = new ArrayList<>(full.keySet());
            tables.sort(Comparator.comparingLong((String t) -> grown(empty, full, t).bytes()).reversed());
            for (String t : tables) {
                Size g = grown(empty, full, t);
                if (g.bytes() <= 0 && g.rows() <= 0) continue;
                report.line(String.format(Locale.ROOT, "  %-26s %,12d %10.1f %,14d %12.2f %5.1f%% %7.0f%% %8s%s", t, g.rows(), g.rows() * per, g.bytes(),
                        g.bytes() * per / 1024, 100.0 * g.bytes() / (engine + motcua), g.bytes() > 0 ? 100.0 * g.indexBytes() / g.bytes() : 0,
                        g.rows() > 0 ? String.valueOf(g.bytes() / g.rows()) : "-", AUDIT.contains(t) ? "  (audit)" : ""));
            }
            breakdown(finished);
            report.target(String.format(Locale.ROOT, "database growth ≤ 40 KB per finished dossier (full history, %,d dossiers)", finished), kb, 40, true, "KB");

            // history cleanup: every finished instance due for removal now, then Camunda's cleanup until nothing is due
            long cleanupStart = System.nanoTime();
            cleanUp(app);
            double cleanupSeconds = (System.nanoTime() - cleanupStart) / 1e9;
            Map<String, Size> cleaned = measure();
            long engineLeft = delta(empty, cleaned, "act_"), motcuaLeft = delta(empty, cleaned, "mc_");
            report.line(String.format(Locale.ROOT, "  after history cleanup (removal time set to now for the finished instances, hierarchical, then "
                    + "HistoryService#cleanUpHistoryAsync to the end, %.0f s; live bytes as above): %.1f KB per dossier left (engine %.1f KB, motcua %.1f KB)",
                    cleanupSeconds, (engineLeft + motcuaLeft) * per / 1024, engineLeft * per / 1024, motcuaLeft * per / 1024));
            List<String> left = new ArrayList<>(cleaned.keySet());
            left.sort(Comparator.comparingLong((String t) -> grown(empty, cleaned, t).bytes()).reversed());
            for (String t : left) {
                Size g = grown(empty, cleaned, t);
                if (g.bytes() <= 8192 && g.rows() <= 0) continue;
                report.line(String.format(Locale.ROOT, "    left %-26s %,10d rows %,12d bytes %8.2f KB/dossier", t, g.rows(), g.bytes(), g.bytes() * per / 1024));
            }
        }
    }

    private void breakdown(long finished) throws SQLException {
        double per = 1.0 / finished;
        report.line("  process instances per dossier (call activities start sub-instances):");
        query("select proc_def_key_, count(*) from act_hi_procinst group by 1 order by 2 desc",
                r -> report.line(String.format(Locale.ROOT, "    %-24s %6.2f", r.getString(1), r.getLong(2) * per)));
        report.line(String.format(Locale.ROOT, "  variables per dossier (act_hi_varinst): %.1f; history detail rows per dossier (act_hi_detail): %.1f; "
                        + "of which variable updates %.1f",
                DB.count("select count(*) from act_hi_varinst") * per, DB.count("select count(*) from act_hi_detail") * per,
                DB.count("select count(*) from act_hi_detail where type_ = 'VariableUpdate'") * per));
        report.line("  variables by process (instances of the variable per dossier, text bytes per dossier):");
        query("select proc_def_key_, count(*), sum(coalesce(length(text_), 0) + coalesce(length(text2_), 0)) from act_hi_varinst group by 1 order by 2 desc",
                r -> report.line(String.format(Locale.ROOT, "    %-24s %6.1f variables %8.0f bytes", r.getString(1), r.getLong(2) * per, r.getLong(3) * per)));
        report.line(String.format(Locale.ROOT, "  %-28s %8s %8s %10s %10s %10s", "variable", "vars/d.", "subinst", "text B/d.", "updates/d.", "detail B/d."));
        query("""
                select v.name_, count(*), count(distinct v.proc_def_key_), sum(coalesce(octet_length(v.text_), 0) + coalesce(octet_length(v.text2_), 0)),
                  coalesce(max(d.n), 0), coalesce(max(d.b), 0)
                from act_hi_varinst v left join (select name_, count(*) n, sum(coalesce(octet_length(text_), 0) + coalesce(octet_length(text2_), 0)) b
                                                 from act_hi_detail group by name_) d on d.name_ = v.name_
                group by v.name_ order by 2 desc, 4 desc""",
                r -> report.line(String.format(Locale.ROOT, "  %-28s %8.2f %8d %10.0f %10.2f %10.0f", r.getString(1), r.getLong(2) * per, r.getLong(3),
                        r.getLong(4) * per, r.getLong(5) * per, r.getLong(6) * per)));
        report.line("  byte arrays (act_ge_bytearray, beyond the deployments), per dossier:");
        query("select coalesce(type_::text, '-') || ' ' || coalesce(name_, '-'), count(*), sum(octet_length(bytes_)) from act_ge_bytearray "
                        + "where deployment_id_ is null group by 1 order by 3 desc nulls last limit 10",
                r -> report.line(String.format(Locale.ROOT, "    %-40s %6.2f rows %8.0f bytes", r.getString(1), r.getLong(2) * per, r.getLong(3) * per)));
        report.line("  history rows per dossier by kind (act_hi_actinst by activity type, act_hi_op_log by operation):");
        query("select 'actinst ' || act_type_, count(*) from act_hi_actinst group by act_type_ union all "
                        + "select 'op_log ' || operation_type_, count(*) from act_hi_op_log group by operation_type_ order by 2 desc limit 16",
                r -> report.line(String.format(Locale.ROOT, "    %-40s %6.2f", r.getString(1), r.getLong(2) * per)));
    }

    private void cleanUp(ConfigurableApplicationContext app) throws Exception {
        HistoryService history = app.getBean(HistoryService.class);
        ManagementService management = app.getBean(ManagementService.class);
        Batch batch = history.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(new Date(System.currentTimeMillis() - 60_000))
                .byQuery(history.createHistoricProcessInstanceQuery().finished().rootProcessInstances()).hierarchical().executeAsync();
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (management.createBatchQuery().batchId(batch.getId()).count() > 0) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the removal-time batch did not finish in 30 min");
            Thread.sleep(1000);
        }
        history.cleanUpHistoryAsync(true);
        String due = "select (select count(*) from act_hi_procinst where removal_time_ <= now()) + (select count(*) from act_hi_actinst where removal_time_ <= now())"
                + " + (select count(*) from act_hi_varinst where removal_time_ <= now()) + (select count(*) from act_hi_detail where removal_time_ <= now())"
                + " + (select count(*) from act_hi_taskinst where removal_time_ <= now()) + (select count(*) from act_hi_op_log where removal_time_ <= now())";
        long lastPrint = System.nanoTime();
        for (long left = DB.count(due); left > 0; left = DB.count(due)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("history cleanup did not finish in 30 min: " + left + " rows due");
            if (System.nanoTime() - lastPrint > 10e9) {
                lastPrint = System.nanoTime();
                System.out.printf(Locale.ROOT, "  history cleanup: %,d rows due%n", left);
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Every act_* and mc_* table: exact rows, and the bytes of its live rows: the rows copied into a new table with the
     * same indexes ({@code LIKE … INCLUDING ALL}), which is what {@code VACUUM FULL} would leave. {@code VACUUM FULL}
     * itself keeps every row deleted after the oldest transaction still open anywhere on the server started (its own
     * snapshot's xmin), so on a server where something else runs long transactions it measures nothing.
     */
    static Map<String, Size> measure() throws SQLException {
        Map<String, Size> sizes = new LinkedHashMap<>();
        try (Connection c = DB.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select tablename from pg_tables where schemaname = current_schema() "
                    + "and (tablename like 'act\\_%' or tablename like 'mc\\_%') order by 1")) {
                while (r.next()) tables.add(r.getString(1));
            }
            for (String t : tables) {
                s.execute("drop table if exists pg_temp.bench_live");
                s.execute("create temp table bench_live (like " + t + " including all)");
                long rows = s.executeUpdate("insert into bench_live select * from " + t);
                try (ResultSet r = s.executeQuery("select pg_total_relation_size('pg_temp.bench_live'), pg_indexes_size('pg_temp.bench_live')")) {
                    r.next();
                    sizes.put(t, new Size(rows, r.getLong(1), r.getLong(2)));
                }
                s.execute("drop table pg_temp.bench_live");
            }
        }
        return sizes;
    }

    private static Size grown(Map<String, Size> before, Map<String, Size> after, String table) {
        Size b = before.getOrDefault(table, new Size(0, 0, 0)), a = after.get(table);
        return new Size(a.rows() - b.rows(), a.bytes() - b.bytes(), a.indexBytes() - b.indexBytes());
    }

    private static long delta(Map<String, Size> before, Map<String, Size> after, String prefix) {
        return after.keySet().stream().filter(t -> t.startsWith(prefix)).mapToLong(t -> grown(before, after, t).bytes()).sum();
    }

    private static long auditBytes(Map<String, Size> before, Map<String, Size> after) {
        return AUDIT.stream().filter(after::containsKey).mapToLong(t -> grown(before, after, t).bytes()).sum();
    }

    interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    private static void query(String sql, Row row) throws SQLException {
        try (Connection c = DB.connect(); ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) row.accept(r);
        }
    }
}
