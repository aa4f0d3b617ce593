package vn.motcua.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;

/** A citizen's numbers to log, what the logs may show of them, and logback-spring.xml applied to a test's settings. */
final class LogSamples {

    static final String CCCD = "001190012345";
    static final String PHONE = "0912345678";
    static final String PHONE_INTERNATIONAL = "+84912345678";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogSamples() {
    }

    /** Every non-blank line of the output, each of which must be one JSON object. */
    static List<JsonNode> jsonLines(String output) {
        List<JsonNode> lines = output.lines().filter(line -> !line.isBlank()).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.isObject()).isTrue());
        return lines;
    }

    /** Only the last three digits of each number may appear. */
    static void assertNoPersonalData(String output) {
        assertThat(output).doesNotContain(CCCD, "190012345", PHONE, "912345678");
    }

    /** Reconfigures the JVM's logging from logback-spring.xml as Spring Boot does at start, with these settings. */
    static void configureLogging(ConfigurableEnvironment environment, LogFile logFile) {
        LoggingSystem logging = LoggingSystem.get(LogSamples.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", logFile);
    }
}
