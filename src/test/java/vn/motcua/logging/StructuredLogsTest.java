package vn.motcua.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * logback-spring.xml with a structured format writes one JSON object per line, in UTF-8, with the
 * citizen's ID and phone numbers masked in the message, the exception's message, the stack trace, the
 * MDC and the key-value pairs exactly as the text format masks its message — and the text format,
 * still the default, masks its stack traces too.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger("vn.motcua.dossier.Intake");
    private static final String MESSAGE = "Tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung, CCCD " + LogSamples.CCCD
            + ", điện thoại " + LogSamples.PHONE + " tại Phường Tân Giang";
    private static final String MASKED_MESSAGE =
            "Tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung, CCCD *********345, điện thoại *******678 tại Phường Tân Giang";
    private static final String CITIZEN = "Nguyễn Thị Hồng Nhung " + LogSamples.CCCD;
    private static final String ERROR_MESSAGE = "Từ chối hồ sơ của công dân " + LogSamples.CCCD;
    // after a line break, which JSON writes as \n: masked before escaping or it would slip through
    private static final String CAUSE_MESSAGE = "Số điện thoại đã đăng ký:\n" + LogSamples.PHONE_INTERNATIONAL;

    /** Where a format puts what the test checks (JSON pointers); null where it has no such field. */
    record Format(String id, String timestamp, String level, String logger, String message, String errorMessage,
            String stackTrace, String mdc, String keyValue) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Format> formats() {
        return Stream.of(
                new Format("ecs", "/@timestamp", "/log/level", "/log/logger", "/message", "/error/message",
                        "/error/stack_trace", "/congDan", "/dienThoai"),
                new Format("logstash", "/@timestamp", "/level", "/logger_name", "/message", null, "/stack_trace",
                        "/congDan", "/dienThoai"),
                new Format("gelf", "/timestamp", "/_level_name", "/_log_logger", "/short_message", "/_error_message",
                        "/_error_stack_trace", "/_congDan", "/_dienThoai"));
    }

    @AfterEach
    void backToTheDefaultTextFormat() {
        configure(new MockEnvironment(), null);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void eachLineIsOneJsonObjectWithThePersonalDataMaskedInEveryField(Format format, CapturedOutput output) {
        configure(environment().withProperty("logging.structured.format.console", format.id()), null);

        logTheCitizen();

        List<JsonNode> lines = LogSamples.jsonLines(output.getOut());
        JsonNode line = lines.stream().filter(l -> l.at(format.logger()).asText().equals(LOG.getName()))
                .findFirst().orElseThrow();
        assertThat(line.at(format.timestamp()).isMissingNode()).as("timestamp").isFalse();
        assertThat(line.at(format.level()).asText()).isEqualTo("WARN");
        assertThat(line.at(format.message()).asText()).isEqualTo(MASKED_MESSAGE).isEqualTo(PersonalDataMasking.mask(MESSAGE));
        assertThat(line.at(format.mdc()).asText()).isEqualTo("Nguyễn Thị Hồng Nhung *********345");
        assertThat(line.at(format.keyValue()).asText()).isEqualTo("*********678");
        if (format.errorMessage() != null) {
            assertThat(line.at(format.errorMessage()).asText()).isEqualTo("Từ chối hồ sơ của công dân *********345");
        }
        assertThat(line.at(format.stackTrace()).asText())
                .contains("java.lang.IllegalStateException: Từ chối hồ sơ của công dân *********345")
                .contains("Caused by: java.lang.IllegalArgumentException: Số điện thoại đã đăng ký:\n*********678")
                .contains("at vn.motcua.logging.StructuredLogsTest.logTheCitizen");
        LogSamples.assertNoPersonalData(output.getOut());
    }

    @Test
    void ecsNamesTheServiceMotcuaWithItsVersionAndEnvironment(CapturedOutput output) {
        configure(environment().withProperty("logging.structured.format.console", "ecs")
                .withProperty("spring.application.version", "0.1.0")
                .withProperty("logging.structured.ecs.service.environment", "cao-bang"), null);

        LOG.info("Nguyễn Thị Hồng Nhung nộp hồ sơ");

        JsonNode service = LogSamples.jsonLines(output.getOut()).get(0).get("service");
        assertThat(service.get("name").asText()).isEqualTo("motcua");
        assertThat(service.get("version").asText()).isEqualTo("0.1.0");
        assertThat(service.get("environment").asText()).isEqualTo("cao-bang");
    }

    @Test
    void springBootsOwnEnvironmentVariableSwitchesTheConsoleToo(CapturedOutput output) {
        MockEnvironment environment = environment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "gelf")));
        configure(environment, null);

        LOG.info("Nguyễn Thị Hồng Nhung nộp hồ sơ, điện thoại {}", LogSamples.PHONE);

        assertThat(LogSamples.jsonLines(output.getOut()).get(0).get("short_message").asText())
                .isEqualTo("Nguyễn Thị Hồng Nhung nộp hồ sơ, điện thoại *******678");
    }

    @Test
    void theLogFileHasItsOwnSwitchAndIsValidUtf8Json(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("motcua.log");
        MockEnvironment environment = environment().withProperty("logging.structured.format.file", "logstash")
                .withProperty("logging.file.name", file.toString());
        System.clearProperty("LOG_FILE");
        try {
            configure(environment, LogFile.get(environment));
            logTheCitizen();
        } finally {
            System.clearProperty("LOG_FILE"); // Boot sets it once per JVM; later tests must not log into this test's file
        }

        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        JsonNode line = LogSamples.jsonLines(text).stream()
                .filter(l -> l.path("logger_name").asText().equals(LOG.getName())).findFirst().orElseThrow();
        assertThat(line.get("message").asText()).isEqualTo(MASKED_MESSAGE);
        LogSamples.assertNoPersonalData(text);
    }

    @Test
    void theTextFormatStaysTheDefaultAndMasksItsStackTracesToo(CapturedOutput output) {
        configure(environment(), null);

        logTheCitizen();

        String out = output.getOut();
        assertThat(out).doesNotStartWith("{").contains(MASKED_MESSAGE)
                .contains("java.lang.IllegalStateException: Từ chối hồ sơ của công dân *********345")
                .contains("Caused by: java.lang.IllegalArgumentException: Số điện thoại đã đăng ký:" + System.lineSeparator()
                        + "*********678");
        LogSamples.assertNoPersonalData(out);
    }

    @Test
    void aFormatThatCouldNotBeMaskedStopsTheStart() {
        assertThatThrownBy(() -> configure(environment().withProperty("logging.structured.format.console",
                "com.example.PlainFormatter"), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unknown structured log format 'com.example.PlainFormatter'");
    }

    private static MockEnvironment environment() {
        return new MockEnvironment().withProperty("spring.application.name", "motcua")
                .withProperty("logging.charset.console", "UTF-8").withProperty("logging.charset.file", "UTF-8");
    }

    private static void configure(MockEnvironment environment, LogFile logFile) {
        LogSamples.configureLogging(environment, logFile);
    }

    private static void logTheCitizen() {
        Exception error = new IllegalStateException(ERROR_MESSAGE, new IllegalArgumentException(CAUSE_MESSAGE));
        MDC.put("congDan", CITIZEN);
        try {
            LOG.atWarn().addKeyValue("dienThoai", LogSamples.PHONE_INTERNATIONAL).setCause(error).log(MESSAGE);
        } finally {
            MDC.remove("congDan");
        }
    }
}
