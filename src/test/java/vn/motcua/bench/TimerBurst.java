package vn.motcua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A midnight at province scale: {@code bench.timers} (20,000) of motcua's deadline timers fall due at once while two
 * nodes ({@code java -jar}, job executor on) run on one PostgreSQL database.
 * <p>
 * motcua's working-day deadlines are timer jobs of two kinds: the timeout task listeners every step's user task carries
 * ({@code Timeout_StepWarning} → {@code stepWarning}, {@code Timeout_StepOverdue} → {@code stepOverdue}: a row in
 * {@code mc_notification} and a comment on the task; job handler {@code timer-task-listener}), and the two
 * non-interrupting boundary timers on the resolution ({@code Boundary_ApologyDue}: the head's "explain the delay" task;
 * {@code Boundary_AppointmentPassed}: {@code markLate}; job handler {@code timer-transition}).
 * <p>
 * The database {@code motcua_timers} is built once (kept unless {@code bench.fresh}): dossiers seeded through the
 * services with the job executor off ({@link ProvinceSeeder}), copied ({@link ProvinceCloner}) until there are enough
 * deadline timers. Each run works on a copy of it ({@code motcua_timers_run}, {@code CREATE DATABASE … TEMPLATE}),
 * starts both nodes, waits until both are ready, then sets the due date of exactly {@code bench.timers} deadline
 * timers to now in one statement, and measures until none of them is left. Proof: the job log (one successful run per
 * job, none twice), the effects (one notification per listener timer, one boundary activity instance per boundary
 * timer, per dossier and kind), incidents and failed jobs.
 */
final class TimerBurst {

    static final BenchDatabase TEMPLATE = new BenchDatabase("motcua_timers");
    static final BenchDatabase RUN = new BenchDatabase("motcua_timers_run");

    /** The deadline timers: the steps' timeout listeners and the resolution's boundary timers. */
    static final String DEADLINE_JOB = "type_ = 'timer' and (handler_type_ = 'timer-task-listener' "
            + "or (handler_type_ = 'timer-transition' and handler_cfg_ in ('Boundary_ApologyDue', 'Boundary_AppointmentPassed')))";

    record Run(double seconds, double firstRunSeconds, long fired, long jobLogRuns, long duplicateRuns, long duplicateEffects,
               long effects, long allEffects, long incidents, long failedJobs, long otherJobsRun, long left) {
    }

    /** How long both nodes idle before the burst (their job acquisition backs off up to max-wait, 60 s by default). */
    static final int IDLE_SECONDS = Integer.getInteger("bench.timerIdleSeconds", 90);

    private final int timers;
    private final int communes;

    TimerBurst(int timers, int communes) {
        this.timers = timers;
        this.communes = communes;
    }

    /** The template database with at least {@code timers} deadline timers (seeded, then copied). */
    void build() throws Exception {
        boolean ready = !Boolean.getBoolean("bench.fresh") && TEMPLATE.exists()
                && TEMPLATE.count("select count(*) from information_schema.tables where table_name = 'act_ru_job'") > 0
                && TEMPLATE.count("select count(*) from act_ru_job where " + DEADLINE_JOB) >= timers;
        if (ready) return;
        TEMPLATE.recreate();
        long dossiers = Long.getLong("bench.timerDossiers", 2000);
        try (ConfigurableApplicationContext app = ProvinceBenchmark.start(TEMPLATE, ProvinceChart.write(communes), List.of(
                "--camunda.bpm.job-execution.enabled=false", "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = off"))) {
            System.out.printf(Locale.ROOT, "timers: seeding %,d dossiers through the services%n", dossiers);
            new ProvinceSeeder(app, communes).seed(0, dossiers, Integer.getInteger("bench.threads", 3));
        }
        long perCopy = TEMPLATE.count("select count(*) from act_ru_job where " + DEADLINE_JOB);
        int copies = (int) Math.max(0, Math.ceil((double) timers / perCopy) - 1);
        System.out.printf(Locale.ROOT, "timers: %,d deadline timers seeded; %d copies%n", perCopy, copies);
        if (copies > 0) new ProvinceCloner(TEMPLATE, communes).copy(1, copies);
        execute(TEMPLATE, "vacuum analyze");
    }

    /** One burst on a fresh copy of the template. */
    Run runOnce(Path dir, List<String> extraNodeArgs) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(BenchDatabase.SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + RUN.name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + RUN.name + " TEMPLATE " + TEMPLATE.name);
        }
        // the burst: a deterministic spread over jobs, kinds and dossiers
        execute(RUN, "create table bench_burst as select id_ as job_id, process_instance_id_ as proc_inst_id, handler_type_, handler_cfg_, "
                + "case when handler_cfg_ like '%Timeout_StepWarning' then 'STEP_WARNING' when handler_cfg_ like '%Timeout_StepOverdue' "
                + "then 'STEP_OVERDUE' else handler_cfg_ end as kind, (select d.id from act_ru_variable v join mc_dossier d on d.code = v.text_ "
                + "where v.execution_id_ = j.process_instance_id_ and v.name_ = 'dossierCode') as dossier_id "
                + "from act_ru_job j where " + DEADLINE_JOB + " order by md5(id_) limit " + timers);
        execute(RUN, "alter table bench_burst add primary key (job_id)");
        execute(RUN, "create index on bench_burst (proc_inst_id)");
        execute(RUN, "analyze bench_burst");
        // no other timer falls due during the run (the template's deadlines were computed when it was seeded)
        execute(RUN, "update act_ru_job set duedate_ = duedate_ + interval '60 days' where type_ = 'timer' and duedate_ < now() + interval '1 day'");
        Path chart = ProvinceChart.write(communes);
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + RUN.url(),
                "--motcua.org-chart=file:" + chart, "--motcua.outbox.enabled=false", "--motcua.service-index.catch-up=false",
                "--logging.level.root=warn"));
        args.addAll(extraNodeArgs);
        // one after the other: the start-up provisioning of the same chart by both at once is not what is measured
        try (Node a = Node.start(dir, args)) {
            a.awaitReady(Duration.ofMinutes(5));
            try (Node b = Node.start(dir, args)) {
                b.awaitReady(Duration.ofMinutes(5));
                // a midnight comes after an idle evening: the job executors have backed off to their longest wait
                Thread.sleep(IDLE_SECONDS * 1000L);
                return burst(a, b);
            }
        }
    }

    private Run burst(Node a, Node b) throws Exception {
        String t0;
        String t1;
        long start;
        try (Connection c = RUN.connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select clock_timestamp()::text")) {
                r.next();
                t0 = r.getString(1);
            }
            start = System.nanoTime();
            s.executeUpdate("update act_ru_job set duedate_ = clock_timestamp() where id_ in (select job_id from bench_burst)");
            try (ResultSet r = s.executeQuery("select clock_timestamp()::text")) {
                r.next();
                t1 = r.getString(1);
            }
        }
        long timeout = System.nanoTime() + Duration.ofMinutes(Long.getLong("bench.timerTimeoutMinutes", 15)).toNanos();
        long left = timers;
        double seconds = Double.NaN;
        long lastPrint = 0;
        // The poll must not take what it measures: the exact count (a join of the 20,000 burst jobs with the job table)
        // took 140 ms of the database's CPU, five times a second, and the database is what the burst waits for. Until
        // few are left it counts the jobs due by the end of the UPDATE (one read of the job table, on one connection);
        // then the exact count decides.
        try (Connection poll = RUN.connect();
             java.sql.PreparedStatement due = poll.prepareStatement("select count(*) from act_ru_job where duedate_ <= '" + t1
                     + "'::timestamptz and (retries_ = 3 or retries_ is null)")) {
            while (System.nanoTime() < timeout) {
                if (!a.process.isAlive() || !b.process.isAlive()) throw new IllegalStateException("a node stopped; see " + a.log + ", " + b.log);
                try (ResultSet r = due.executeQuery()) {
                    r.next();
                    left = r.getLong(1);
                }
                // jobs that failed stay with fewer retries and a later due date: waiting for them is waiting for nothing
                if (left < 100) {
                    left = RUN.count("select count(*) from act_ru_job j join bench_burst b on b.job_id = j.id_ where j.retries_ = 3 or j.retries_ is null");
                }
                if (left == 0) {
                    seconds = (System.nanoTime() - start) / 1e9;
                    break;
                }
                if (System.nanoTime() - lastPrint > 10e9) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  timers: %,d of %,d left after %.0f s%n", left, timers, (System.nanoTime() - start) / 1e9);
                }
                Thread.sleep(200);
            }
        }
        String since = "'" + t0 + "'::timestamptz";
        double firstRun = RUN.count("select coalesce(extract(epoch from (min(timestamp_) - " + since + ")) * 1000, -1)::bigint from act_hi_job_log l "
                + "join bench_burst b on b.job_id = l.job_id_ where l.job_state_ = 2 and l.timestamp_ >= " + since) / 1000.0;
        long runs = RUN.count("select count(*) from act_hi_job_log l join bench_burst b on b.job_id = l.job_id_ where l.job_state_ = 2");
        long fired = RUN.count("select count(distinct l.job_id_) from act_hi_job_log l join bench_burst b on b.job_id = l.job_id_ where l.job_state_ = 2");
        long other = RUN.count("select count(*) from act_hi_job_log l where l.job_state_ = 2 and l.timestamp_ >= " + since
                + " and not exists (select 1 from bench_burst b where b.job_id = l.job_id_)");
        // the effects: the listeners' notices per dossier and kind, the boundary timers' activity instances per instance
        long notices = RUN.count("select count(*) from mc_notification where kind in ('STEP_WARNING', 'STEP_OVERDUE') and created_at >= " + since);
        long noticeDuplicates = RUN.count("select coalesce(sum(n - 1), 0) from (select count(*) n from mc_notification where kind in "
                + "('STEP_WARNING', 'STEP_OVERDUE') and created_at >= " + since + " group by dossier_id, kind) x");
        long boundaries = RUN.count("select count(*) from act_hi_actinst where act_id_ in ('Boundary_ApologyDue', 'Boundary_AppointmentPassed') "
                + "and start_time_ >= " + since);
        long boundaryDuplicates = RUN.count("select coalesce(sum(n - 1), 0) from (select count(*) n from act_hi_actinst where act_id_ in "
                + "('Boundary_ApologyDue', 'Boundary_AppointmentPassed') and start_time_ >= " + since + " group by proc_inst_id_, act_id_) x");
        // every timer of the burst has its effect: its kind of notice for its dossier, or its boundary event in its instance
        long effects = RUN.count("select count(*) from bench_burst b where exists (select 1 from mc_notification n where n.dossier_id = b.dossier_id "
                + "and n.kind = b.kind and n.created_at >= " + since + ") or exists (select 1 from act_hi_actinst a where a.proc_inst_id_ = b.proc_inst_id "
                + "and a.act_id_ = b.kind and a.start_time_ >= " + since + ")");
        long incidents = RUN.count("select count(*) from act_ru_incident");
        long failed = RUN.count("select count(*) from act_ru_job where retries_ < 3");
        return new Run(seconds, firstRun, fired, runs, runs - fired, noticeDuplicates + boundaryDuplicates, effects, notices + boundaries,
                incidents, failed, other, left);
    }

    /** The burst's timers by kind (listener id or boundary event), with how many there are. */
    Map<String, Long> kinds() throws SQLException {
        Map<String, Long> kinds = new LinkedHashMap<>();
        try (Connection c = RUN.connect(); ResultSet r = c.createStatement().executeQuery(
                "select kind || case when dossier_id is null then ' (no dossier!)' else '' end, count(*) from bench_burst group by 1 order by 2 desc")) {
            while (r.next()) kinds.put(r.getString(1), r.getLong(2));
        }
        return kinds;
    }

    static void execute(BenchDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The section: builds, runs {@code bench.timerRuns} bursts and reports them. */
    static void section(Report report, int communes) throws Exception {
        int timers = Integer.getInteger("bench.timers", 20_000);
        int runs = Integer.getInteger("bench.timerRuns", 1);
        List<String> nodeArgs = new ArrayList<>();
        for (String a : System.getProperty("bench.timerNodeArgs", "").split(",")) {
            if (!a.isBlank()) nodeArgs.add(a.trim());
        }
        TimerBurst burst = new TimerBurst(timers, communes);
        burst.build();
        Samples seconds = new Samples();
        Samples first = new Samples();
        long worstDuplicates = 0, worstIncidents = 0;
        List<String> lines = new ArrayList<>();
        Map<String, Long> kinds = Map.of();
        for (int i = 0; i < runs; i++) {
            Run r = burst.runOnce(Files.createTempDirectory("motcua-timers-"), nodeArgs);
            if (i == 0) kinds = burst.kinds();
            seconds.add(Double.isNaN(r.seconds()) ? Double.MAX_VALUE : r.seconds());
            first.add(r.firstRunSeconds());
            worstDuplicates = Math.max(worstDuplicates, r.duplicateRuns() + r.duplicateEffects());
            worstIncidents = Math.max(worstIncidents, r.incidents() + r.failedJobs());
            lines.add(String.format(Locale.ROOT, "  run %d: %s s (first timer run after %.1f s); jobs run %,d (job log: %,d successful runs, %,d twice); "
                            + "with their effect %,d (%,d effects twice; notices and boundary events since the burst: %,d); incidents %,d; failed jobs %,d; other jobs run %,d; left %,d",
                    i + 1, Double.isNaN(r.seconds()) ? "not done" : String.format(Locale.ROOT, "%.1f", r.seconds()), r.firstRunSeconds(), r.fired(),
                    r.jobLogRuns(), r.duplicateRuns(), r.effects(), r.duplicateEffects(), r.allEffects(), r.incidents(), r.failedJobs(), r.otherJobsRun(), r.left()));
        }
        long dossiers = RUN.count("select count(*) from mc_dossier");
        long allTimers = TEMPLATE.count("select count(*) from act_ru_job where type_ = 'timer'");
        report.section(String.format(Locale.ROOT, "Timer burst: %,d deadline timers due at once on two nodes (java -jar, one PostgreSQL)", timers),
                String.format(Locale.ROOT, "%,d dossiers (%,d communes), %,d timer jobs in all; the burst's timers by kind: %s; "
                                + "timers due within a day moved 60 days on (none falls due but the burst); both nodes ready (/readyz) and idle for " + IDLE_SECONDS + " s, then one UPDATE sets their due dates to now; time until none is left; "
                                + "job executor: %s; %d run(s)%s",
                        dossiers, communes, allTimers, kinds, nodeArgs.isEmpty() ? "motcua's settings (application.yaml)" : nodeArgs, runs,
                        runs == 1 ? " (each run builds a fresh copy and boots two nodes: one run is the default)" : ""));
        report.line(String.format(Locale.ROOT, "  %-44s %s", "", "min / median / max"));
        report.line(String.format(Locale.ROOT, "  %-44s %s s", "all " + String.format(Locale.ROOT, "%,d", timers) + " run", seconds.minMedianMax("%.1f")));
        report.line(String.format(Locale.ROOT, "  %-44s %s s", "first timer run (after the UPDATE)", first.minMedianMax("%.1f")));
        report.lines(lines);
        report.target(String.format(Locale.ROOT, "%,d timers all run ≤ 120 s on two nodes", timers), seconds.max(), 120, true, "s");
        report.target("timer burst: 0 run twice (job log and effects)", worstDuplicates, 0, true, "");
        report.target("timer burst: 0 incidents and 0 failed jobs", worstIncidents, 0, true, "");
    }
}
