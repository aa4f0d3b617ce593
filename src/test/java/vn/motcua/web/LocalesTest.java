package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Camunda's webapps speak Vietnamese: each app's {@code vi.json} has exactly the keys of the English
 * file of the Camunda webjar on the classpath (so an upgrade that brings new labels fails here, not in
 * front of an official), keeps every placeholder and tag of the English text, leaves nothing in English
 * and is written with Vietnamese letters; each app offers only Vietnamese.
 */
class LocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final String WEBJAR = "camunda-webapp-webjar";

    /** Values that read the same in Vietnamese: product, type and format names, operators, date patterns. */
    private static final Set<String> SAME_IN_VIETNAMESE = Set.of(
            "Camunda", "Cockpit", "Tasklist", "Admin", "Optimize", "Camunda Cockpit",
            // a JSON member name the modification dialog shows as it is
            "requestPayload",
            "Boolean", "Double", "Integer", "Long", "Short", "String", "JSON", "CSV", "ID", "null", "<null>",
            "<", "<=", ">", ">=",
            "L", "DD/MM/YYYY", "HH:mm", "YYYY-MM-DDTHH:mm:ss");

    /** What the webapps fill in or render: {{…}} and {…} placeholders, %d and %s, HTML tags and entities. */
    private static final Pattern MARKUP = Pattern.compile(
            "\\{\\{[^{}]*}}|(?<!\\{)\\{[^{}]*}(?!})|%[ds]|</?(?:a|b|br|code|em|i|p|small|span|strong|u)\\b[^<>]*>|&(?:[a-zA-Z]+|#\\d+);",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern VIETNAMESE_LETTER = Pattern.compile(
            "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** English's plural ending appended to a count ("1 batch" / "2 batch" + "s"): Vietnamese has none. */
    private static boolean pluralSuffix(String key, JsonNode en) {
        return key.endsWith("_S") && en.asText().equals("s");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAVietnameseValueAndThereIsNoOtherKey(String app) {
        Map<String, JsonNode> english = english(app);
        Map<String, JsonNode> vietnamese = vietnamese(app);
        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode vi = vietnamese.get(key);
            if (vi == null) {
                problems.add(key + ": missing (English: \"" + en.asText() + "\")");
            } else if (vi.getNodeType() != en.getNodeType()) {
                problems.add(key + ": a " + vi.getNodeType() + " where English has a " + en.getNodeType());
            } else if (vi.isTextual() && vi.asText().isBlank() && !en.asText().isBlank() && !pluralSuffix(key, en)) {
                problems.add(key + ": blank");
            }
        });
        vietnamese.keySet().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> problems.add(key + ": not in Camunda's English file"));
        assertThat(problems).as(app + "/locales/vi.json against the webjar's en.json (%d keys)", english.size()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyPlaceholderAndTagOfTheEnglishTextIsKept(String app) {
        List<String> problems = texts(app).stream()
                .filter(t -> !markup(t.english()).equals(markup(t.vietnamese())))
                .map(t -> t.key() + ": has " + markup(t.vietnamese()) + ", English has " + markup(t.english()))
                .toList();
        assertThat(problems).as(app + "/locales/vi.json: placeholders, tags and entities").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void noTextIsLeftInEnglish(String app) {
        List<String> problems = new ArrayList<>();
        for (Text t : texts(app)) {
            if (t.vietnamese().equals(t.english()) && !t.english().isBlank() && !SAME_IN_VIETNAMESE.contains(t.english())) {
                problems.add(t.key() + ": left in English \"" + t.english() + "\"");
            } else if (!SAME_IN_VIETNAMESE.contains(t.vietnamese()) && words(t.vietnamese()) >= 3
                    && !VIETNAMESE_LETTER.matcher(t.vietnamese()).find()) {
                problems.add(t.key() + ": reads as English \"" + t.vietnamese() + "\"");
            }
        }
        assertThat(problems).as(app + "/locales/vi.json: text left in English").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theTextIsWrittenInVietnameseLettersComposedAsNFC(String app) {
        List<Text> texts = texts(app);
        assertThat(texts).as(app + "/locales/vi.json: letters with combining marks instead of composed ones")
                .filteredOn(t -> !Normalizer.isNormalized(t.vietnamese(), Normalizer.Form.NFC)).isEmpty();

        List<String> labels = texts.stream().filter(t -> t.key().startsWith("labels.")).map(Text::vietnamese)
                .filter(vi -> WORD.matcher(vi).find() && !SAME_IN_VIETNAMESE.contains(vi)).toList();
        long withDiacritics = labels.stream().filter(vi -> VIETNAMESE_LETTER.matcher(vi).find()).count();
        assertThat(withDiacritics)
                .as(app + "/locales/vi.json: labels with Vietnamese diacritics, of %d", labels.size())
                .isGreaterThanOrEqualTo(labels.size() * 8L / 10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theAppOffersOnlyVietnamese(String app) {
        String config = text(ours(app, "/scripts/config.js"));
        assertThat(config).as(app + "/scripts/config.js")
                .containsPattern("['\"]?availableLocales['\"]?\\s*:\\s*\\[\\s*['\"]vi['\"]\\s*]")
                .containsPattern("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]vi['\"]");
    }

    private record Text(String key, String english, String vietnamese) {}

    /** Every text both files have (the key test reports the others). */
    private static List<Text> texts(String app) {
        Map<String, JsonNode> vietnamese = vietnamese(app);
        List<Text> texts = new ArrayList<>();
        english(app).forEach((key, en) -> {
            JsonNode vi = vietnamese.get(key);
            if (en.isTextual() && vi != null && vi.isTextual()) {
                texts.add(new Text(key, en.asText(), vi.asText()));
            }
        });
        return texts;
    }

    private static List<String> markup(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MARKUP.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        Collections.sort(found);
        return found;
    }

    private static int words(String text) {
        Matcher m = WORD.matcher(MARKUP.matcher(text).replaceAll(" "));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Map<String, JsonNode> english(String app) {
        String path = APP + app + "/locales/en.json";
        return flatten(read(resource(path, url -> url.toString().contains(WEBJAR),
                "no " + path + " in the " + WEBJAR + " jar on the classpath")));
    }

    private static Map<String, JsonNode> vietnamese(String app) {
        return flatten(read(ours(app, "/locales/vi.json")));
    }

    /** motcua's own file of the app: the webjar also contributes this path prefix. */
    private static URL ours(String app, String file) {
        return resource(APP + app + file, url -> !url.toString().contains(WEBJAR),
                "src/main/resources/" + APP + app + file + " is missing: Camunda " + app + " would not be in Vietnamese");
    }

    private static URL resource(String path, Predicate<URL> which, String missing) {
        try {
            return Collections.list(LocalesTest.class.getClassLoader().getResources(path)).stream()
                    .filter(which).findFirst().orElseGet(() -> fail(missing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(URL url) {
        try {
            return JSON.readTree(text(url));
        } catch (IOException e) {
            throw new AssertionError(url + " is not valid JSON (or has a key twice): " + e.getMessage(), e);
        }
    }

    /** Strict UTF-8 (a wrongly encoded byte fails), without the BOM Camunda's files start with. */
    private static String text(URL url) {
        try (InputStream in = url.openStream()) {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new AssertionError(url + " is not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every leaf by its path: labels.USERS_USERS, dateLocales.months[0], dateLocales.week.dow. */
    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }
}
