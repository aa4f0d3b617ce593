package vn.motcua.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import vn.motcua.common.ClientText;
import vn.motcua.common.MultiLineText;

/**
 * The JSON that motcua's API accepts: exactly one JSON value, no duplicate keys, no coercion (a
 * number or {@code true} is not a text, {@code 1.5} is not a whole number, {@code "12"} is not a
 * number), bounded in size and depth, and every text under {@link ClientText}'s rule. Unknown
 * properties are still ignored: portals send fields of their own, and a misspelt required field is
 * reported as missing anyway.
 *
 * <p>Only Spring MVC's converter gets this mapper; the application's {@code ObjectMapper} bean keeps
 * Jackson's tolerance for what peers answer (a tracking number sent as a number) and the outbox.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    /** A submission with 50 components is about 20 KB; no field is longer than a few thousand characters. */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxDocumentLength(1_000_000)
            .maxNestingDepth(32)
            .maxStringLength(10_000)
            .maxNameLength(200)
            .maxNumberLength(40)
            .build();

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(strict(objectMapper));
    }

    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the copy keeps Spring Boot's configuration
    static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper strict = base.copy();
        strict.getFactory().setStreamReadConstraints(LIMITS);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            strict.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("motcua-client-text").addDeserializer(String.class, new CheckedText(false)));
        return strict;
    }

    /** Jackson's own reading of a text (with the coercion rules above), then {@link ClientText}'s rule. */
    static final class CheckedText extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        CheckedText(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLineText.class) != null;
            return multi == multiLine ? this : new CheckedText(multi);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            var refusal = ClientText.refusal(value, multiLine);
            if (refusal.isPresent()) {
                throw new RefusedText(p, refusal.get());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
