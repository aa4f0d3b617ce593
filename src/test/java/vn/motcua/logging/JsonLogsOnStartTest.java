package vn.motcua.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Http;

/**
 * The service started with the operator's one switch, MOTCUA_LOG_FORMAT=ecs, logs its whole start and
 * its requests as ECS JSON, one object per line, naming the service motcua; a citizen who types a
 * phone number as a login over HTTP leaves only its last three digits in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsOnStartTest {

    @Test
    void withMotcuaLogFormatEcsTheServiceLogsMaskedEcsJsonFromItsFirstLine(CapturedOutput output) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class)
                .profiles("demo", "test")
                .run("--server.port=0", "--motcua.outbox.enabled=false", "--MOTCUA_LOG_FORMAT=ecs",
                        // the first wrong password is logged
                        "--motcua.security.login-throttle.free-attempts-per-login-and-client=0")) {
            int port = app.getEnvironment().getProperty("local.server.port", Integer.class);

            assertThat(new Http(port).withPassword("sai-mat-khau").get("/api/dossiers", LogSamples.PHONE).status())
                    .isEqualTo(401);

            List<JsonNode> lines = LogSamples.jsonLines(output.getOut());
            assertThat(lines).allSatisfy(line -> {
                assertThat(line.get("@timestamp")).isNotNull();
                assertThat(line.at("/log/level").asText()).isNotEmpty();
                assertThat(line.at("/service/name").asText()).isEqualTo("motcua");
                assertThat(line.at("/ecs/version").asText()).isNotEmpty();
            });
            assertThat(lines).extracting(line -> line.get("message").asText())
                    .anySatisfy(message -> assertThat(message).matches("Started \\w+ in .*"))
                    .anySatisfy(message -> assertThat(message).matches("Login throttle: login \\*{7}678 from \\S+ waits after 1 wrong passwords"));
            LogSamples.assertNoPersonalData(output.getAll());
        } finally {
            // Boot keeps its logging system properties for the JVM, and the JSON appenders outlive this
            // context: later tests in this JVM get the default text format back.
            System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
            System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
            LogSamples.configureLogging(new MockEnvironment(), null);
        }
    }
}
