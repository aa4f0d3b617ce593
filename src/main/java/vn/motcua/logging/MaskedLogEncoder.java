package vn.motcua.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * One appender's encoder, chosen once at start: the text {@code pattern} when no structured
 * {@code format} is set, else Spring Boot's JSON encoder, one object per line, for the format ecs,
 * logstash or gelf. Citizens' ID and phone numbers are masked either way: in text by the masking
 * converters logback-spring.xml registers, in JSON by {@link MaskingJsonMembersCustomizer}.
 * Any other format (a formatter class) is refused — it could write unmasked text — and Spring Boot
 * then fails the start-up with a logback configuration error naming it.
 */
public class MaskedLogEncoder extends EncoderBase<ILoggingEvent> {

    static final List<String> FORMATS = List.of("ecs", "logstash", "gelf");

    private String pattern;
    private String format;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        String structured = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (structured.isEmpty()) {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(charset);
            delegate = text;
        } else if (FORMATS.contains(structured)) {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(structured);
            json.setCharset(charset);
            delegate = json;
        } else {
            addError("Unknown structured log format '" + format + "': use one of " + FORMATS
                    + " (or none for text); another formatter would not mask citizens' ID and phone numbers");
            return;
        }
        delegate.setContext(getContext());
        delegate.start();
        if (delegate.isStarted()) super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) delegate.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return isStarted() ? delegate.headerBytes() : null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return isStarted() ? delegate.encode(event) : new byte[0];
    }

    @Override
    public byte[] footerBytes() {
        return isStarted() ? delegate.footerBytes() : null;
    }
}
