package vn.motcua.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;

/**
 * The service index at province scale on PostgreSQL: a province of 100 communes with 1,000,000
 * dossiers in one year, the index of that year (every commune ranked, every procedure, the province)
 * asked over HTTP as the admin's page asks it, timed, and printed with the target (≤ 1 s).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.motcua.bench.ServiceIndexBenchmark
 *     [-Dbench.dossiers=1000000] [-Dbench.runs=7] [-Dbench.fresh=true]
 * </pre>
 * The dossiers are seeded with SQL into a database of their own ({@code motcua_bench}; kept between
 * runs unless {@code bench.fresh}), with the facts the service keeps on each dossier as it works:
 * accepted and due dates over the year, ends and working minutes, supplements, online filing,
 * fees paid online, papers and result digitized, the portal reached, one in five rated.
 */
public final class ServiceIndexBenchmark {

    static final String SERVER = System.getenv().getOrDefault("MOTCUA_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DB = "motcua_bench";

    public static void main(String[] args) throws Exception {
        Result r = run(Integer.getInteger("bench.dossiers", 1_000_000), Integer.getInteger("bench.runs", 7), Boolean.getBoolean("bench.fresh"));
        System.out.println();
        System.out.println(r.conditions());
        r.lines().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "target: the index of 1,000,000 dossiers ≤ 1000 ms (median): %s (%.0f ms)%n",
                r.yearMedianMs() <= 1000 ? "MET" : "NOT MET", r.yearMedianMs());
    }

    /** The figures of one run: the table's lines, its conditions, the year's median. */
    record Result(String conditions, List<String> lines, double yearMedianMs) {
    }

    static Result run(int dossiers, int runs, boolean fresh) throws Exception {
        if (fresh || !exists()) create();
        ConfigurableApplicationContext app = SpringApplication.run(MotcuaApplication.class,
                "--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + SERVER + DB,
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--motcua.outbox.enabled=false",
                "--motcua.service-index.catch-up=false", "--logging.level.root=warn", "--spring.main.banner-mode=off");
        try {
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            long seeded = seed(dossiers);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            List<String> lines = new ArrayList<>();
            lines.add(String.format("  %-58s %9s %9s %9s", "call (admin, over HTTP)", "min ms", "median ms", "max ms"));
            double[] year = time(http, base + "/api/service-index?from=2025-01-01&to=2025-12-31", runs);
            lines.add(row("GET /api/service-index, the year 2025", year));
            lines.add(row("GET /api/service-index, one month (2025-06)",
                    time(http, base + "/api/service-index?from=2025-06-01&to=2025-06-30", runs)));
            lines.add(row("GET /api/service-index/weekly (ranking, 12-week trend)",
                    time(http, base + "/api/service-index/weekly?week=2025-06-16", runs)));
            lines.add(row("GET /api/service-index/dossiers?indicator=2.1 (page 1)",
                    time(http, base + "/api/service-index/dossiers?indicator=2.1&from=2025-01-01&to=2025-12-31", runs)));
            String conditions = "Service index — PostgreSQL " + version() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + seeded + " dossiers in 2025 over 100 communes, " + runs + " runs after 2 warm-ups";
            return new Result(conditions, lines, year[1]);
        } finally {
            app.close();
        }
    }

    private static String row(String label, double[] t) {
        return String.format(Locale.ROOT, "  %-58s %9.0f %9.0f %9.0f", label, t[0], t[1], t[2]);
    }

    /** min, median, max of the calls, after two warm-ups. */
    private static double[] time(HttpClient http, String url, int runs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").GET().build();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - start) / 1e6;
            if (r.statusCode() != 200) throw new IllegalStateException(url + " → " + r.statusCode() + ": " + r.body());
            if (i >= 2) ms.add(took);
        }
        Collections.sort(ms);
        return new double[] {ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1)};
    }

    private static boolean exists() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             ResultSet r = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + DB + "'")) {
            return r.next();
        }
    }

    private static void create() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DB + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    private static String version() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", "");
             ResultSet r = c.createStatement().executeQuery("show server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Seeds the province's year when it is not there yet; returns how many dossiers 2025 holds. */
    private static long seed(int dossiers) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
            ResultSet have = s.executeQuery("select count(*) from mc_dossier where code like 'BENCH-%'");
            have.next();
            if (have.getLong(1) >= dossiers) return have.getLong(1);
            long start = System.nanoTime();
            s.execute("delete from mc_rating where dossier_id in (select id from mc_dossier where code like 'BENCH-%')");
            s.execute("delete from mc_dossier where code like 'BENCH-%'");
            s.execute("""
                    insert into mc_commune (code, name, agency_id, province_code, province_name)
                    select 'bench-' || lpad(g::text, 3, '0'), 'Xã thử ' || g, 'BENCH.' || lpad(g::text, 3, '0'), 'cao-bang', 'Tỉnh Cao Bằng'
                    from generate_series(1, 100) g on conflict do nothing""");
            // procedures of the catalog in rotation; one year of acceptances; the facts the service keeps
            s.execute("""
                    insert into mc_dossier (code, procedure_code, commune_code, agency_id, channel, return_method, status,
                      applicant_name, applicant_id_number, applicant_phone, applicant_address, submitted_at, accepted_at,
                      appointment_at, original_appointment_at, ended_at, finished_at, processing_minutes, processing_supplements,
                      supplement_count, fee_amount, paper_count, digitized_papers, result_digitized, paid_online, portal_synced)
                    select 'BENCH-' || g,
                      (array['1.001193','1.004873','2.000815','1.001776','2.000635','1.013978','1.013225','1.000894'])[1 + g % 8],
                      'bench-' || lpad((1 + g % 100)::text, 3, '0'), 'BENCH.' || lpad((1 + g % 100)::text, 3, '0'),
                      case when g % 5 < 2 then 'ONLINE' else 'COUNTER' end, 'COUNTER',
                      case when g % 50 = 0 then 4 when g % 97 = 0 then 8 else 10 end,
                      'Người thử ' || g, lpad((g % 1000000000000)::text, 12, '0'), '0912345678', 'Cao Bằng',
                      a, a, a + due, a + due,
                      case when g % 50 = 0 then null else a + due * (0.5 + (g % 7) / 10.0) end,
                      case when g % 50 = 0 or g % 97 = 0 then null else a + due * (0.5 + (g % 7) / 10.0) end,
                      case when g % 50 = 0 or g % 97 = 0 then null else 480 * (1 + g % 9) end,
                      case when g % 40 = 0 then 2 when g % 13 = 0 then 1 else 0 end,
                      case when g % 40 = 0 then 2 when g % 13 = 0 then 1 else 0 end,
                      case when g % 10 < 3 then 5000 else 0 end, 2,
                      case when g % 4 = 0 then 1 else 2 end, g % 3 <> 0, g % 10 < 3 and g % 2 = 0, g % 20 <> 0
                    from (select g, timestamptz '2025-01-01 08:00+07' + (g % 365) * interval '1 day' + (g % 480) * interval '1 minute' as a,
                                 (3 + g % 10) * interval '1 day' as due
                          from generate_series(1, {N}) g) x""".replace("{N}", String.valueOf(dossiers)));
            s.execute("""
                    insert into mc_rating (dossier_id, level, via, recorded_by, rated_at)
                    select id, case when id % 10 = 0 then 'KHONG_HAI_LONG' when id % 3 = 0 then 'RAT_HAI_LONG' else 'HAI_LONG' end,
                           'ONLINE', 'bench', coalesce(ended_at, accepted_at)
                    from mc_dossier where code like 'BENCH-%' and id % 5 = 0""");
            s.execute("""
                    update mc_dossier d set rating_level = r.level from mc_rating r
                    where r.dossier_id = d.id and d.code like 'BENCH-%'""");
            s.execute("analyze");
            System.out.printf(Locale.ROOT, "seeded %d dossiers in %.0f s%n", dossiers, (System.nanoTime() - start) / 1e9);
            ResultSet count = s.executeQuery("select count(*) from mc_dossier where code like 'BENCH-%'");
            count.next();
            return count.getLong(1);
        }
    }

    private ServiceIndexBenchmark() {
    }
}
