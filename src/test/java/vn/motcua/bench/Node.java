package vn.motcua.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * motcua as it runs in production: {@code java -jar} of the packaged service, in a process of its
 * own, its output in a log file. Ready means an official's first successful login over HTTP.
 * By default the service starts as the README's production command starts it: the extracted jar
 * with its class data sharing archive ({@code target/app}, made by {@code mvn package});
 * {@code -Dbench.launch=jar} starts the single jar instead, to compare.
 */
final class Node implements AutoCloseable {

    final int port;
    final Process process;
    final long startedNanos;
    final Path log;

    private Node(int port, Process process, long startedNanos, Path log) {
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** How the nodes are started: {@code cds} (the default) or {@code jar}. */
    static String launch() {
        String launch = System.getProperty("bench.launch", "cds");
        if (!launch.equals("cds") && !launch.equals("jar")) throw new IllegalArgumentException("bench.launch is cds or jar, not " + launch);
        return launch;
    }

    /** The launch as the report prints it. */
    static String launchLabel() {
        return launch().equals("cds") ? "java -XX:SharedArchiveFile=target/app/motcua.jsa -jar target/app/motcua.jar"
                : "java -jar target/motcua-*.jar (no class data sharing archive)";
    }

    /** The JVM options and jar that start a node: {@code -jar} and the jar, with the archive before them when it is used. */
    private static List<String> launchArgs() {
        if (launch().equals("jar")) return List.of("-jar", jar().toString());
        Path app = Path.of("target", "app").toAbsolutePath();
        if (!Files.isRegularFile(app.resolve("motcua.jsa")) || !Files.isRegularFile(app.resolve("motcua.jar"))) {
            throw new IllegalStateException("target/app/motcua.jsa is missing: run the benchmark with `package` (without -DskipCds) before exec:java");
        }
        // -Xshare:on: a node refuses to start rather than run without an archive that does not match
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + app.resolve("motcua.jsa"), "-jar", app.resolve("motcua.jar").toString());
    }

    static Path jar() {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("motcua-") && n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("target/motcua-*.jar is missing: run the benchmark with `package` before exec:java (see the README)");
        }
        return jars[0].toPath().toAbsolutePath();
    }

    static Node start(Path workDir, List<String> args) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // JVM options for every node, e.g. a flight recording to see where a section's time goes (none by default)
        for (String option : System.getProperty("bench.nodeJvmArgs", "").split(" ")) {
            if (!option.isBlank()) command.add(option.replace("{port}", Integer.toString(port)));
        }
        command.addAll(launchArgs());
        command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(args);
        Files.createDirectories(workDir);
        Path log = workDir.resolve("node-" + port + ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Node(port, p, start, log);
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Seconds from the process's start until an official's login succeeds (polled every 50 ms). */
    double awaitLogin(String user, String password, Duration timeout) throws Exception {
        return awaitOk(HttpRequest.newBuilder(URI.create(base() + "/api/me/appointment-slips")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), "login", timeout);
    }

    /** Seconds from the process's start until readiness ({@code /readyz}) is UP (polled every 50 ms). */
    double awaitReady(Duration timeout) throws Exception {
        return awaitOk(HttpRequest.newBuilder(URI.create(base() + "/readyz")).timeout(Duration.ofSeconds(10)).GET().build(), "readiness", timeout);
    }

    /** A bounded poll: the request every 50 ms until it answers 200, the node stops or the timeout passes. */
    private double awaitOk(HttpRequest request, String what, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("the node stopped; see " + log);
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no " + what + " within " + timeout + "; see " + log);
    }

    /** The process's resident memory (VmRSS), in MiB. */
    double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return Double.NaN;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
