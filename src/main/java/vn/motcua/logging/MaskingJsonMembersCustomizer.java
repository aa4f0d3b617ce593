package vn.motcua.logging;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.MemberPath;
import org.springframework.boot.json.WritableJson;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks citizens' ID and phone numbers in every value a structured (JSON) log line writes as a
 * string — the message, the stack trace, the exception's message, MDC values, key-value pairs,
 * marker names and fields an operator adds — with {@link PersonalDataMasking}, the rule the text
 * format uses. The values are masked before JSON escaping, so a number after a line break in a stack
 * trace is masked like one after a space.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so Spring Boot applies it to every JSON format it
 * builds (ecs, logstash, gelf), in addition to any {@code logging.structured.json.customizer}.
 * Numbers and booleans stay as they are: they are not free text.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(MaskingJsonMembersCustomizer::mask);
    }

    /** What JsonValueWriter would write as a JSON string, masked; objects and arrays are masked element by element. */
    static Object mask(MemberPath path, Object value) {
        if (value instanceof CharSequence text) return PersonalDataMasking.mask(text.toString());
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof WritableJson
                || value instanceof Map || value.getClass().isArray()) return value;
        if (value instanceof Iterable && !(value instanceof Path)) return value;
        return PersonalDataMasking.mask(value.toString());
    }
}
