package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist, Cockpit and Admin in a real browser: the scripts in {@code src/test/browser} drive
 * Debian's Chromium with Playwright against this service (the demo province on H2) and save a
 * screenshot of every step under {@code target/screenshots}. Chromium is required, not optional:
 * without it these tests fail and say how to install it ({@code .ci/run} does).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class InTheBrowserTest {

    static final Path SCRIPTS = Path.of("src/test/browser");
    static final Path SHOTS = Path.of("target/screenshots");
    static final String CHROMIUM = System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium");

    @LocalServerPort int port;

    @BeforeAll
    static void browserAndPlaywright() throws Exception {
        assertThat(Path.of(CHROMIUM)).as("Chromium for the browser tests: install Debian's package "
                + "(apt-get install chromium) or set MOTCUA_CHROMIUM; .ci/run installs it").isExecutable();
        // playwright-core as package-lock.json pins it (never a downloaded browser)
        Path installed = SCRIPTS.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(
                Files.getLastModifiedTime(SCRIPTS.resolve("package-lock.json"))) < 0) {
            Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertThat(npm.exit()).as("npm ci in src/test/browser:%n%s", npm.output()).isZero();
        }
    }

    @Test
    void aCommunesWorkingDayInTasklist() throws Exception {
        scenario("commune-day.mjs");
    }

    @Test
    void theAdminsToolsSpeakVietnameseAndCockpitTurnsAClerkAway() throws Exception {
        scenario("admin-tools.mjs");
    }

    @Test
    void theServiceIndexInCockpitInThePdfAndForACommunesLeader() throws Exception {
        scenario("service-index.mjs");
    }

    private void scenario(String script) throws Exception {
        Files.createDirectories(SHOTS);
        Result result = run(List.of("node", script, "http://localhost:" + port, SHOTS.toAbsolutePath().toString()), 360);
        System.out.println(result.output());
        assertThat(result.exit()).as("%s:%n%s", script, result.output()).isZero();
        assertThat(result.output()).contains("OK: " + script.replace(".mjs", ""));
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("motcua-browser", ".log");
        Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Result(done ? process.exitValue() : -1, done ? output : output + "\n(timed out after " + seconds + " s)");
    }
}
