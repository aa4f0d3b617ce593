package vn.motcua.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.EngineStartBaseline;

/** Dossiers filed as the national portal files them ({@code POST /api/dossiers}, its key), by several clients at once. */
final class IntakeLoad {

    record Result(long count, double perSecond, Samples latency) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final ProcedureCatalog catalog;
    private final int communes;
    private final HttpClient http = HttpClient.newBuilder().build();
    private final AtomicLong sequence = new AtomicLong(1_000_000);

    IntakeLoad(String base, ProcedureCatalog catalog, int communes) {
        this.base = base;
        this.catalog = catalog;
        this.communes = communes;
    }

    private vn.motcua.dossier.SubmissionRequest request(long n) {
        String commune = ProvinceChart.commune(1 + (int) (n % communes));
        return ProvinceSeeder.request(catalog.find(ProvinceSeeder.PROCEDURES.get((int) (n % ProvinceSeeder.PROCEDURES.size()))).orElseThrow(), commune, n);
    }

    /** {@code clients} threads filing for {@code seconds}; every answer must be 201. */
    Result run(int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Samples latency = new Samples();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String body = JSON.writeValueAsString(request(sequence.getAndIncrement()));
                        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/dossiers"))
                                .header("Content-Type", "application/json").header("X-API-Key", "demo-portal-key")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        HttpResponse<String> r = latency.time(() -> http.send(post, HttpResponse.BodyHandlers.ofString()));
                        if (r.statusCode() != 201) throw new IllegalStateException("POST /api/dossiers → " + r.statusCode() + ": " + r.body());
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) w.get();
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(done.get(), done.get() / elapsed, latency);
    }

    /** The engine's starts per second with {@code threads} threads, over {@code n} dossiers registered beforehand (untimed). */
    double engineRate(EngineStartBaseline engine, int threads, int n) throws Exception {
        List<EngineStartBaseline.Registered> registered = new ArrayList<>();
        for (int i = 0; i < n; i++) registered.add(engine.register(request(sequence.getAndIncrement())));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) engine.start(registered.get((int) i));
                    return null;
                }));
            }
            for (Future<?> w : workers) w.get();
        } finally {
            pool.shutdownNow();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
