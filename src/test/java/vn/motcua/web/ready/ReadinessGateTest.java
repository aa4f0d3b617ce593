package vn.motcua.web.ready;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * While the start-up provisioning has not finished (held here by a latch before it), the web server
 * answers but the service is not ready: readiness OUT_OF_SERVICE, 503 with Retry-After on the APIs
 * instead of a false 401, no banner. Once provisioning is done, everything answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReadinessGateTest {

    private static final String BANNER = "motcua is running";

    @Test
    void untilTheOrganisationIsProvisionedTheApisAnswer503AndReadinessIsOutOfServiceThenEverythingAnswers(CapturedOutput output)
            throws Exception {
        HoldProvisioning hold = new HoldProvisioning();
        PortOf web = new PortOf();
        ExecutorService starter = Executors.newSingleThreadExecutor();
        Future<ConfigurableApplicationContext> starting = starter.submit(() -> new SpringApplicationBuilder(MotcuaApplication.class)
                .profiles("demo", "test")
                .initializers(context -> context.getBeanFactory().registerSingleton("holdProvisioning", hold))
                .listeners(web)
                .run("--server.port=0", "--motcua.outbox.enabled=false"));
        ConfigurableApplicationContext app = null;
        try {
            assertThat(hold.reached.await(120, TimeUnit.SECONDS)).as("start-up reached provisioning").isTrue();
            int port = web.port.get(5, TimeUnit.SECONDS);

            HttpResponse<String> readiness = get(port, "/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(readiness.body()).get("status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(get(port, "/actuator/health/liveness", null).statusCode()).as("alive, only not ready").isEqualTo(200);
            for (String path : new String[] {"/api/dossiers/000.03.04.H11-260310-0001", "/engine-rest/task",
                    "/camunda/api/engine/engine/"}) {
                HttpResponse<String> refused = get(port, path, "tan-giang.reception");
                assertThat(refused.statusCode()).as(path).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("5");
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
                assertThat(refused.body()).as(path).contains("\"status\":503", "Dịch vụ chưa sẵn sàng");
            }
            Http http = new Http(port);
            assertThat(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                    .status()).isEqualTo(503);
            assertThat(output.getAll()).as("no banner before it is ready").doesNotContain(BANNER);

            hold.release.countDown();
            app = starting.get(120, TimeUnit.SECONDS);

            assertThat(get(port, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(get(port, "/readyz", null).statusCode()).isEqualTo(200);
            assertThat(get(port, "/engine-rest/task", "tan-giang.reception").statusCode()).isEqualTo(200);
            assertThat(http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                    .status()).isEqualTo(201);
            assertThat(output.getAll().split(BANNER, -1)).as("the banner, once").hasSize(2);
        } finally {
            hold.release.countDown();
            if (app == null) app = starting.get(120, TimeUnit.SECONDS);
            app.close();
            starter.shutdownNow();
        }
    }

    private static HttpResponse<String> get(int port, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A start-up runner ahead of the organisation's provisioning that waits for the test. */
    static class HoldProvisioning implements ApplicationRunner, Ordered {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            reached.countDown();
            release.await(120, TimeUnit.SECONDS);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static class PortOf implements ApplicationListener<WebServerInitializedEvent> {
        final CompletableFuture<Integer> port = new CompletableFuture<>();

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            port.complete(event.getWebServer().getPort());
        }
    }
}
