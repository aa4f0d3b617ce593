package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Many officials opening Tasklist, Cockpit and Admin at once: every page carries in its script tags the
 * nonce its own Content-Security-Policy header allows, so that the browser runs its scripts
 * ({@link CspNoncePerRequest}). Without it, most pages served concurrently carried another response's nonce.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class WebappPageNonceTest {

    static final Pattern HEADER = Pattern.compile("'nonce-([^']+)'");
    static final Pattern PAGE = Pattern.compile("nonce=\"([^\"]+)\"");

    @LocalServerPort int port;

    @Test
    void everyPageServedAtOnceCarriesItsOwnHeadersNonce() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> pages = List.of("tasklist", "cockpit", "admin", "welcome");
        ExecutorService officials = Executors.newFixedThreadPool(16);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String app = pages.get(i % pages.size());
            answers.add(officials.submit(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                Matcher header = HEADER.matcher(r.headers().firstValue("Content-Security-Policy").orElse(""));
                Matcher page = PAGE.matcher(r.body());
                if (r.statusCode() != 200 || !header.find() || !page.find()) return app + ": " + r.statusCode() + " without a nonce";
                String allowed = header.group(1);
                do {
                    if (!page.group(1).equals(allowed)) return app + ": page nonce " + page.group(1) + ", header allows " + allowed;
                } while (page.find());
                return null;
            }));
        }
        List<String> wrong = new ArrayList<>();
        for (Future<String> answer : answers) {
            String problem = answer.get();
            if (problem != null) wrong.add(problem);
        }
        officials.shutdown();
        assertThat(wrong).as("pages whose scripts the browser would refuse, of %d", answers.size()).isEmpty();
    }
}
