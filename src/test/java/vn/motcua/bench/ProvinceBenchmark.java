package vn.motcua.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.EngineStartBaseline;

/**
 * motcua at province scale on PostgreSQL, measured from outside and printed as a table with its
 * conditions and every target, met or not. One command (README, "Benchmark"):
 * <pre>
 * mvn -q -DskipTests -DskipModelCheck package exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.motcua.bench.ProvinceBenchmark
 *     [-Dbench.sections=boot,intake,inbox,timers,growth,index] [-Dbench.sizes=20000,200000] [-Dbench.fresh=true]
 * </pre>
 * Sections:
 * <ul>
 * <li>boot — the packaged service started as in production ({@link Node}: {@code target/app} with its class data
 *     sharing archive) until an official's first successful login, on H2 and on PostgreSQL, with an empty database and
 *     restarted on it; its resident memory once idle;</li>
 * <li>intake — {@code POST /api/dossiers} over HTTP at 1, 4 and 8 clients beside the engine's own start of the same
 *     process in the same run;</li>
 * <li>inbox — a province of 100 communes × 30 officials (provisioned from an org chart by the provisioning code)
 *     with 20,000 and 200,000 open dossiers spread over communes and steps, and the exact calls Tasklist makes for a
 *     reception officer, a department head and a leader;</li>
 * <li>timers — 20,000 deadline timers due at once on two nodes;</li>
 * <li>growth — the database's rows and bytes per 1,000 finished dossiers, and after history cleanup;</li>
 * <li>index — the service index over 1,000,000 dossiers ({@link ServiceIndexBenchmark}).</li>
 * </ul>
 * The databases are the benchmark's own ({@code motcua_province}, kept between runs unless {@code bench.fresh};
 * the others made afresh). Seeding goes in-process; every measured call goes over HTTP as users make it.
 */
public final class ProvinceBenchmark {

    static final int COMMUNES = Integer.getInteger("bench.communes", 100);
    static final Report REPORT = new Report();

    public static void main(String[] args) throws Exception {
        Set<String> sections = Arrays.stream(System.getProperty("bench.sections", "boot,intake,inbox,timers,growth,index").split(","))
                .map(String::trim).collect(Collectors.toSet());
        long startedAt = System.nanoTime();
        String machine = String.format(Locale.ROOT, "%d cores, %.0f GiB RAM, Java %s, PostgreSQL %s", Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1073741824.0,
                System.getProperty("java.version"), new BenchDatabase("postgres").version());
        System.out.println("motcua province benchmark — " + machine);
        if (sections.contains("boot")) boot();
        if (sections.contains("inbox")) inbox();
        if (sections.contains("intake")) intake();
        if (sections.contains("timers")) timers();
        if (sections.contains("growth")) growth();
        if (sections.contains("index")) index();
        System.out.println();
        System.out.println("motcua province benchmark — " + machine + String.format(Locale.ROOT, ", %.0f min", (System.nanoTime() - startedAt) / 6e10));
        REPORT.print();
    }

    // ---------------------------------------------------------------------------------------- boot

    static void boot() throws Exception {
        int runs = Integer.getInteger("bench.bootRuns", 3);
        Samples h2First = new Samples(), h2Again = new Samples(), pgFirst = new Samples(), pgAgain = new Samples();
        Samples h2Memory = new Samples(), pgMemory = new Samples();
        BenchDatabase pg = new BenchDatabase("motcua_boot");
        for (int i = 0; i < runs; i++) {
            Path dir = Files.createTempDirectory("motcua-boot-");
            List<String> h2 = List.of("--spring.profiles.active=demo");
            bootOnce(dir, h2, h2First, h2Memory);
            bootOnce(dir, h2, h2Again, null);
            pg.recreate();
            List<String> onPg = List.of("--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + pg.url());
            bootOnce(dir, onPg, pgFirst, pgMemory);
            bootOnce(dir, onPg, pgAgain, null);
        }
        REPORT.section("Boot: the packaged service until an official's first successful login (GET /api/me/appointment-slips as tan-giang.reception)",
                runs + " runs each, demo province (3 wards), " + Node.launchLabel() + "; memory = resident set 20 s after the login, idle");
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s", "", "min / median / max"));
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s s", "H2, empty database (schema, demo province)", h2First.minMedianMax("%.1f")));
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s s", "H2, restart", h2Again.minMedianMax("%.1f")));
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s s", "PostgreSQL, empty database", pgFirst.minMedianMax("%.1f")));
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s s", "PostgreSQL, restart", pgAgain.minMedianMax("%.1f")));
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s MiB", "idle memory (RSS), H2", h2Memory.minMedianMax("%.0f")));
        REPORT.line(String.format(Locale.ROOT, "  %-44s %s MiB", "idle memory (RSS), PostgreSQL", pgMemory.minMedianMax("%.0f")));
        double worst = Math.max(Math.max(h2First.max(), h2Again.max()), Math.max(pgFirst.max(), pgAgain.max()));
        REPORT.target("boot to first login ≤ 15 s (slowest run of any kind)", worst, 15, true, "s");
    }

    private static void bootOnce(Path dir, List<String> args, Samples time, Samples memory) throws Exception {
        try (Node node = Node.start(dir, args)) {
            time.add(node.awaitLogin("tan-giang.reception", "demo", Duration.ofMinutes(3)));
            if (memory != null) {
                // the measuring condition itself: 20 s of idleness after the login (not a wait for something to happen)
                Thread.sleep(20_000);
                memory.add(node.residentMiB());
            }
        }
    }

    // --------------------------------------------------------------------------------------- inbox

    static final BenchDatabase PROVINCE = new BenchDatabase("motcua_province");

    /** The province's database with its organisation and its seeded dossiers (the copies' templates). */
    static long province() throws Exception {
        if (Boolean.getBoolean("bench.fresh") || !PROVINCE.exists()) PROVINCE.recreate();
        long templates = Long.getLong("bench.templates", 1000);
        ProvinceCloner cloner = new ProvinceCloner(PROVINCE, COMMUNES);
        boolean hasTables = PROVINCE.count("select count(*) from information_schema.tables where table_name = 'mc_dossier'") > 0;
        long have = hasTables ? cloner.templates() : 0;
        if (have < templates) {
            if (hasTables && cloner.copies() > 0) {
                throw new IllegalStateException("motcua_province has copies already; run with -Dbench.fresh=true to seed more templates");
            }
            Path chart = ProvinceChart.write(COMMUNES);
            try (ConfigurableApplicationContext app = start(PROVINCE, chart, List.of("--camunda.bpm.job-execution.enabled=false",
                    // seeding only: commits don't wait for the WAL to reach the disk (the measured calls run with the default)
                    "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = off"))) {
                System.out.printf("seeding the province: %,d of %,d dossiers through the services%n", have, templates);
                new ProvinceSeeder(app, COMMUNES).seed(have, templates, Integer.getInteger("bench.threads", 3));
            }
        }
        return cloner.templates();
    }

    static void inbox() throws Exception {
        long templates = province();
        ProvinceCloner cloner = new ProvinceCloner(PROVINCE, COMMUNES);
        int sampled = Integer.getInteger("bench.sampledCommunes", 10);
        int reps = Integer.getInteger("bench.inboxReps", 10);
        for (String size : System.getProperty("bench.sizes", "20000,200000").split(",")) {
            long open = Long.parseLong(size.trim());
            int copies = (int) Math.max(0, Math.ceil((double) open / templates) - 1);
            if (cloner.copies() < copies) cloner.copy((int) cloner.copies() + 1, copies);
            try (ConfigurableApplicationContext app = start(PROVINCE, ProvinceChart.write(COMMUNES), List.of("--camunda.bpm.job-execution.enabled=false"))) {
                String base = "http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
                long dossiers = PROVINCE.count("select count(*) from mc_dossier where status < 10");
                long tasks = PROVINCE.count("select count(*) from act_ru_task");
                long auths = PROVINCE.count("select count(*) from act_ru_authorization");
                List<InboxCalls.Row> rows = new InboxCalls(base, COMMUNES).measure(sampled, reps);
                REPORT.section(String.format(Locale.ROOT, "Inbox at %,d open dossiers: Tasklist's calls for one commune's officials", dossiers),
                        String.format(Locale.ROOT, "%d communes × 30 officials, %,d open tasks, %,d authorization rows; %d communes sampled, "
                                + "each filter's list (POST filter/{id}/list, HAL, 15 by due date) and count (GET filter/{id}/count) %d times per official",
                                COMMUNES, tasks, auths, sampled, reps));
                REPORT.lines(InboxCalls.table(rows));
                REPORT.target(String.format(Locale.ROOT, "inbox p95 ≤ 50 ms, every list and count call, %,d open", dossiers),
                        InboxCalls.worstP95(rows), InboxCalls.TARGET_P95_MS, true, "ms");
            }
        }
    }

    // -------------------------------------------------------------------------------------- intake

    static void intake() throws Exception {
        BenchDatabase db = new BenchDatabase("motcua_intake");
        db.recreate();
        int seconds = Integer.getInteger("bench.intakeSeconds", 15);
        int slices = 3;
        try (ConfigurableApplicationContext app = start(db, ProvinceChart.write(COMMUNES), List.of("--camunda.bpm.job-execution.enabled=false"))) {
            String base = "http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            IntakeLoad load = new IntakeLoad(base, app.getBean(ProcedureCatalog.class), COMMUNES, new EngineStartBaseline(app));
            int warmUpLimit = Integer.getInteger("bench.intakeWarmUpSeconds", 300);
            double settled = 0.10;
            double warm = load.warmUp(settled, warmUpLimit);
            REPORT.section("Intake: POST /api/dossiers over HTTP (portal key) beside the engine's own start of the same process, same run",
                    String.format(Locale.ROOT, "%d s per client count in %d slices, each followed by the engine's start of as many dossiers; "
                            + "engine = DossierEngine.start in-process after the dossier's registration (untimed), then as many "
                            + "registered and started in one transaction each, in-process, as the intake does (reg+start); "
                            + "after %.0f s of both halves warming up (until the JIT compiler threads' CPU fell under %.0f %% of a slice, at most %d s), "
                            + "then 10 s more of both at each client count",
                            seconds, slices, warm, 100 * settled, warmUpLimit));
            REPORT.line("   CPU per dossier: this JVM (service, HTTP clients, JIT, collector) + the local PostgreSQL server; cmp = the JIT compiler threads' CPU over the half's wall time");
            REPORT.line("   ceiling = reg+start / engine: what an intake must write before it answers (validation, code, the dossier's rows, "
                    + "its first status, the portal's record, the engine's start), against the start alone; no answer, no audit row, no HTTP");
            REPORT.line(String.format(Locale.ROOT, "  %-8s %10s %12s %10s %7s %12s %8s | %-26s | %-27s | %-26s", "clients", "intake /s", "p50/p95 ms",
                    "engine /s", "ratio", "reg+start /s", "ceiling", "intake CPU ms (JVM+PG) cmp", "reg+start CPU ms (JVM+PG) cmp",
                    "engine CPU ms (JVM+PG) cmp"));
            IntakeLoad.Result worst = null;
            for (int clients : new int[] {1, 4, 8}) {
                load.run(clients, 10, 1); // warm-up at this client count, unmeasured
                IntakeLoad.Result r = load.run(clients, Math.max(1, seconds / slices), slices);
                if (worst == null || r.ratio() < worst.ratio()) worst = r;
                REPORT.line(String.format(Locale.ROOT, "  %-8d %10.1f %12s %10.1f %7.2f %12.1f %8.2f | %-26s | %-27s | %-26s", clients,
                        r.intake().perSecond(),
                        String.format(Locale.ROOT, "%.0f / %.0f", r.intake().latency.percentile(50), r.intake().latency.percentile(95)),
                        r.engine().perSecond(), r.ratio(), r.together().perSecond(), r.ceiling(),
                        cpu(r.intake()), cpu(r.together()), cpu(r.engine())));
            }
            REPORT.target("intake ≥ 0.9 × the engine's own start rate (worst client count)",
                    String.format(Locale.ROOT, "%.2f × (≥ 0.90); ceiling there %.2f ×", worst.ratio(), worst.ceiling()), worst.ratio() >= 0.9);
        }
    }

    private static String cpu(IntakeLoad.Half half) {
        java.util.OptionalLong pg = half.postgresMicrosPerDossier();
        return String.format(Locale.ROOT, "%.1f + %s = %s  %3.0f%%", half.jvmCpuMsPerDossier(),
                pg.isPresent() ? String.format(Locale.ROOT, "%.1f", pg.getAsLong() / 1000.0) : "n/a",
                pg.isPresent() ? String.format(Locale.ROOT, "%.1f", half.jvmCpuMsPerDossier() + pg.getAsLong() / 1000.0) : "n/a",
                100 * half.compileShare());
    }

    // -------------------------------------------------------------------------------- timers, growth

    static void timers() throws Exception {
        TimerBurst.section(REPORT, COMMUNES);
    }

    static void growth() throws Exception {
        DatabaseGrowth.section(REPORT);
    }

    // --------------------------------------------------------------------------------------- index

    static void index() throws Exception {
        ServiceIndexBenchmark.Result r = ServiceIndexBenchmark.run(1_000_000, Integer.getInteger("bench.runs", 7), false);
        REPORT.section("Service index over 1,000,000 dossiers (admin, over HTTP)", r.conditions());
        REPORT.lines(r.lines());
        REPORT.target("the index of 1,000,000 dossiers ≤ 1 s (median)", r.yearMedianMs(), 1000, true, "ms");
    }

    // -------------------------------------------------------------------------------------- shared

    static ConfigurableApplicationContext start(BenchDatabase db, Path chart, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + db.url(), "--motcua.org-chart=file:" + chart, "--server.port=0",
                "--motcua.outbox.enabled=false", "--motcua.service-index.catch-up=false",
                "--logging.level.root=warn", "--spring.main.banner-mode=off"));
        args.addAll(extra);
        return SpringApplication.run(MotcuaApplication.class, args.toArray(String[]::new));
    }

    private ProvinceBenchmark() {
    }
}
