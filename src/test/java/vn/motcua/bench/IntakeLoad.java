package vn.motcua.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.dossier.EngineStartBaseline;

/**
 * Dossiers filed as the national portal files them ({@code POST /api/dossiers}, its key), by several
 * clients at once, beside the engine's own start of the same processes. The two are measured in
 * alternating slices, so that what changes during a run (the JIT still compiling, a neighbour on a
 * shared machine taking CPU) falls on both alike, and each half's CPU is counted: this JVM's (the
 * service, the HTTP clients, the JIT, the collector) and the local PostgreSQL server's.
 */
final class IntakeLoad {

    /** One half's totals over its slices. */
    static final class Half {
        long count;
        long nanos;
        long jvmCpuNanos;
        long compileTicks;
        boolean compileCounted = true;
        long postgresTicks;
        boolean postgresCounted = true;
        final Samples latency = new Samples();

        double perSecond() {
            return count / (nanos / 1e9);
        }

        double jvmCpuMsPerDossier() {
            return jvmCpuNanos / 1e6 / count;
        }

        /** The local PostgreSQL server's CPU per dossier, when its processes can be read ({@code /proc}). */
        OptionalLong postgresMicrosPerDossier() {
            return postgresCounted ? OptionalLong.of(postgresTicks * 10_000 / count) : OptionalLong.empty();
        }

        /** The JIT compiler threads' CPU over the half's wall time; NaN where {@code /proc/self/task} is not there. */
        double compileShare() {
            return compileCounted ? compileTicks * 10.0 / (nanos / 1e6) : Double.NaN;
        }
    }

    /**
     * The intake's half; the engine's start of dossiers registered beforehand; and, for the ceiling,
     * what an intake must do before it answers, registration and start in one transaction.
     */
    record Result(Half intake, Half together, Half engine) {
        double ratio() {
            return intake.perSecond() / engine.perSecond();
        }

        /**
         * Registering and starting, in one transaction as an intake does, against starting alone: the
         * most an intake could reach, with no answer, no audit row and no HTTP.
         */
        double ceiling() {
            return together.perSecond() / engine.perSecond();
        }

        /** The JIT compiler threads' CPU over all three halves' wall time; NaN where it cannot be read. */
        double compileShare() {
            boolean counted = intake.compileCounted && together.compileCounted && engine.compileCounted;
            return counted ? (intake.compileTicks + together.compileTicks + engine.compileTicks) * 10.0
                    / ((intake.nanos + together.nanos + engine.nanos) / 1e6) : Double.NaN;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final ProcedureCatalog catalog;
    private final int communes;
    private final EngineStartBaseline engine;
    private final HttpClient http = HttpClient.newBuilder().build();
    private final AtomicLong sequence = new AtomicLong(1_000_000);

    IntakeLoad(String base, ProcedureCatalog catalog, int communes, EngineStartBaseline engine) {
        this.base = base;
        this.catalog = catalog;
        this.communes = communes;
        this.engine = engine;
    }

    private vn.motcua.dossier.SubmissionRequest request(long n) {
        String commune = ProvinceChart.commune(1 + (int) (n % communes));
        return ProvinceSeeder.request(catalog.find(ProvinceSeeder.PROCEDURES.get((int) (n % ProvinceSeeder.PROCEDURES.size()))).orElseThrow(), commune, n);
    }

    /**
     * Until the JIT has settled: slices of both halves with 2 clients until the compiler threads' CPU
     * in a slice is under {@code settledShare} of its wall time, at most {@code maxSeconds}. Returns
     * the seconds spent.
     */
    double warmUp(double settledShare, int maxSeconds) throws Exception {
        long start = System.nanoTime();
        while (true) {
            Result slice = run(2, 5, 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            double share = slice.compileShare();
            if (Double.isNaN(share) || share < settledShare || seconds >= maxSeconds) return seconds;
        }
    }

    /**
     * {@code slices} times: {@code clients} threads filing for {@code sliceSeconds} (every answer must
     * be 201); then as many dossiers registered (untimed) and started by the engine; then as many
     * registered and started in one transaction each; each with as many threads.
     */
    Result run(int clients, int sliceSeconds, int slices) throws Exception {
        Half intake = new Half(), together = new Half(), engineHalf = new Half();
        for (int s = 0; s < slices; s++) {
            Meter m = Meter.start();
            long filed = file(clients, sliceSeconds, intake.latency);
            m.stop(intake, filed);
            int count = (int) Math.max(filed, 20);
            EngineStartBaseline.Registered[] registered = new EngineStartBaseline.Registered[count];
            each(count, clients, i -> registered[i] = engine.register(request(sequence.getAndIncrement())));
            Meter e = Meter.start();
            each(count, clients, i -> engine.start(registered[i]));
            e.stop(engineHalf, count);
            Meter t = Meter.start();
            each(count, clients, i -> engine.registerAndStart(request(sequence.getAndIncrement())));
            t.stop(together, count);
        }
        return new Result(intake, together, engineHalf);
    }

    private long file(int clients, int seconds, Samples latency) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        inParallel(clients, () -> {
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
        });
        return done.get();
    }

    /** {@code work} for 0 … count - 1, shared by {@code threads} threads. */
    private static void each(int count, int threads, java.util.function.IntConsumer work) throws Exception {
        AtomicLong next = new AtomicLong();
        inParallel(threads, () -> {
            for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) work.accept((int) i);
            return null;
        });
    }

    /** The same work on {@code threads} threads at once, until each returns; the first failure is thrown. */
    private static void inParallel(int threads, Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) workers.add(pool.submit(work));
            for (Future<Void> w : workers) w.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Wall time, this JVM's CPU and compile time, the local PostgreSQL server's CPU, from start to stop. */
    private record Meter(long nanosAtStart, long jvmCpuAtStart, OptionalLong compileAtStart, OptionalLong postgresAtStart) {

        static Meter start() {
            return new Meter(System.nanoTime(), jvmCpu(), compilerTicks(), postgresTicks());
        }

        void stop(Half into, long dossiers) {
            into.nanos += System.nanoTime() - nanosAtStart;
            into.count += dossiers;
            into.jvmCpuNanos += jvmCpu() - jvmCpuAtStart;
            OptionalLong compiled = compilerTicks();
            if (compileAtStart.isPresent() && compiled.isPresent()) into.compileTicks += compiled.getAsLong() - compileAtStart.getAsLong();
            else into.compileCounted = false;
            OptionalLong now = postgresTicks();
            if (postgresAtStart.isPresent() && now.isPresent()) into.postgresTicks += now.getAsLong() - postgresAtStart.getAsLong();
            else into.postgresCounted = false;
        }

        private static long jvmCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** User and system ticks (1/100 s) of this JVM's JIT compiler threads (C1, C2); empty where {@code /proc} is not there. */
        private static OptionalLong compilerTicks() {
            return ticks(Path.of("/proc/self/task"), comm -> comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre"), false);
        }

        /**
         * User and system ticks of every PostgreSQL process on this machine, with those of the processes
         * that have ended (an autovacuum worker, a closed connection's backend): the postmaster counts
         * its ended children's time as its own (cutime, cstime), so the sum only grows. Empty for a
         * remote server or without {@code /proc}.
         */
        private static OptionalLong postgresTicks() {
            if (!BenchDatabase.SERVER.contains("127.0.0.1") && !BenchDatabase.SERVER.contains("localhost")) return OptionalLong.empty();
            return ticks(Path.of("/proc"), comm -> comm.startsWith("postgres"), true);
        }

        /**
         * The summed utime + stime of the processes or threads under {@code dir} whose name ({@code comm})
         * matches, with their ended children's (cutime + cstime) if {@code withEndedChildren}. One that
         * ends between the listing and the read is left out of this reading (its parent has its time
         * once it has reaped it); the compiler threads live as long as the run.
         */
        private static OptionalLong ticks(Path dir, Predicate<String> comm, boolean withEndedChildren) {
            if (!Files.isDirectory(dir)) return OptionalLong.empty();
            long ticks = 0;
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                    try {
                        if (!comm.test(Files.readString(p.resolve("comm")))) continue;
                        String stat = Files.readString(p.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        if (withEndedChildren) ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    } catch (IOException | RuntimeException ended) {
                        // gone between the listing and the read
                    }
                }
            } catch (IOException unreadable) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(ticks);
        }
    }
}
