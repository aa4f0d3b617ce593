package vn.motcua.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** logback-spring.xml masks the citizen's ID and phone numbers in the message and in the stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger("vn.motcua.dossier.Intake");
    private static final String MESSAGE = "Tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung, CCCD " + LogSamples.CCCD
            + ", điện thoại " + LogSamples.PHONE + " tại Phường Tân Giang";
    private static final String MASKED_MESSAGE =
            "Tiếp nhận hồ sơ của Nguyễn Thị Hồng Nhung, CCCD *********345, điện thoại *******678 tại Phường Tân Giang";
    private static final String ERROR_MESSAGE = "Từ chối hồ sơ của công dân " + LogSamples.CCCD;
    private static final String CAUSE_MESSAGE = "Số điện thoại đã đăng ký:\n" + LogSamples.PHONE_INTERNATIONAL;

    @AfterEach
    void backToTheDefaults() {
        configure(new MockEnvironment(), null);
    }

    @Test
    void theTextFormatMasksItsStackTracesToo(CapturedOutput output) {
        configure(environment(), null);

        logTheCitizen();

        String out = output.getOut();
        assertThat(out).contains(MASKED_MESSAGE)
                .contains("java.lang.IllegalStateException: Từ chối hồ sơ của công dân *********345")
                .contains("Caused by: java.lang.IllegalArgumentException: Số điện thoại đã đăng ký:" + System.lineSeparator()
                        + "*********678");
        LogSamples.assertNoPersonalData(out);
    }

    private static MockEnvironment environment() {
        return new MockEnvironment().withProperty("spring.application.name", "motcua");
    }

    private static void configure(MockEnvironment environment, LogFile logFile) {
        LogSamples.configureLogging(environment, logFile);
    }

    private static void logTheCitizen() {
        Exception error = new IllegalStateException(ERROR_MESSAGE, new IllegalArgumentException(CAUSE_MESSAGE));
        LOG.atWarn().setCause(error).log(MESSAGE);
    }
}
