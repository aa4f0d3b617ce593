package vn.motcua.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.motcua.common.FieldError;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * The OpenAPI description the running service serves, read over HTTP as a client reads it: valid
 * OpenAPI 3; complete (every handler method of Spring MVC under {@code /api} with its path and
 * method, nothing else, nothing of Camunda's {@code /engine-rest}); documented (a Vietnamese summary
 * for every operation, a description for every parameter, an example for every request body that is
 * not a file, problem+json for every error); and true: the examples of {@code POST /api/dossiers} are
 * accepted, and the credentials each operation states are the ones the service asks for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.integrations.payment.secret=" + OpenApiDescriptionTest.PAYMENT_SECRET)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class OpenApiDescriptionTest {

    static final String PAYMENT_SECRET = "bi-mat-cong-thanh-toan-kiem-thu";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers;
    Http http;
    Http.Response served;
    JsonNode doc;

    @BeforeEach
    void fetch() {
        http = new Http(port);
        served = http.get("/v3/api-docs", null).expect(200);
        doc = served.body();
    }

    @Test
    void theDescriptionAndTheSwaggerUiAnswerWithoutLogin() {
        assertThat(served.contentType()).startsWith("application/json");
        assertThat(get("http://localhost:" + port + "/v3/api-docs.yaml").body()).startsWith("openapi: 3.");
        Http.Response ui = http.get("/swagger-ui/index.html", null).expect(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.text()).contains("swagger-ui");
        assertThat(http.get("/swagger-ui.html", null).status()).isEqualTo(302);
        JsonNode config = http.get("/v3/api-docs/swagger-config", null).expect(200).body();
        assertThat(config.path("url").asText()).isEqualTo("/v3/api-docs");
        // the wrong password of a stranger changes nothing: these pages are outside /api's authentication
        assertThat(new Http(port).withPassword("sai-mat-khau").get("/v3/api-docs", "admin").status()).isEqualTo(200);
    }

    @Test
    void leaksNoSecret() {
        String ui = http.get("/v3/api-docs/swagger-config", null).text() + http.get("/swagger-ui/swagger-initializer.js", null).text();
        for (String text : List.of(served.text(), ui)) {
            assertThat(text).doesNotContain(PAYMENT_SECRET, "demo-portal-key", "jdbc:", "password\":");
        }
    }

    @Test
    void isValidOpenApi3WithAVietnameseInfo() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.text(), null, options);
        assertThat(parsed.getMessages()).as("what the OpenAPI parser refuses").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        JsonNode info = doc.path("info");
        assertThat(info.path("title").asText()).contains("một cửa");
        assertThat(info.path("version").asText()).isNotBlank();
        assertThat(info.path("description").asText()).contains("Xác thực", "X-API-Key", "application/problem+json", "không cần đăng nhập");
        assertThat(info.path("contact").path("name").asText()).isNotBlank();
    }

    @Test
    void itsServerIsTheAddressEachClientUsed() {
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo("http://localhost:" + port);
        assertThat(get("http://127.0.0.1:" + port + "/v3/api-docs").body()).as("not the first client's")
                .contains("\"url\":\"http://127.0.0.1:" + port + "\"");
    }

    @Test
    void documentsEveryHandlerUnderApiAndNothingElse() {
        Set<String> handled = new TreeSet<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> mapping.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .forEach(path -> {
                    assertThat(mapping.getMethodsCondition().getMethods()).as(path + " answers a stated HTTP method").isNotEmpty();
                    mapping.getMethodsCondition().getMethods().forEach(m -> handled.add(m.name() + " " + path));
                }));
        assertThat(handled).as("motcua's API").hasSizeGreaterThan(30);
        assertThat(operations().keySet()).isEqualTo(handled);
        doc.path("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/").doesNotContain("engine-rest"));
    }

    @Test
    void everyOperationHasAVietnameseSummaryAndEveryParameterADescription() {
        Set<String> tags = new HashSet<>();
        doc.path("tags").forEach(t -> {
            assertThat(t.path("description").asText()).as(t.toString()).isNotBlank();
            tags.add(t.path("name").asText());
        });
        operations().forEach((name, op) -> {
            assertThat(op.path("summary").asText()).as(name).isNotBlank().matches(".*[^\\x00-\\x7F].*");
            assertThat(op.path("tags")).as(name).hasSize(1);
            assertThat(tags).as(name).contains(op.path("tags").get(0).asText());
            op.path("parameters").forEach(p -> {
                assertThat(p.path("description").asText()).as(name + " " + p.path("name")).isNotBlank();
                assertThat(p.has("example")).as(name + " " + p.path("name") + " has an example").isTrue();
            });
            assertThat(codes(op)).as(name + " says how it succeeds").anyMatch(c -> c.startsWith("2"));
            op.path("responses").forEach(r -> assertThat(r.path("description").asText()).as(name)
                    .isNotBlank().isNotIn("OK", "Created", "Accepted", "No Content"));
        });
    }

    @Test
    void everyRequestBodyThatIsNotAFileHasAnExample() {
        List<String> bodies = new ArrayList<>();
        operations().forEach((name, op) -> op.path("requestBody").path("content").fields().forEachRemaining(media -> {
            if (media.getValue().path("schema").path("format").asText().equals("binary")) return;
            bodies.add(name + " " + media.getKey());
            JsonNode examples = media.getValue().path("examples");
            assertThat(examples.size() > 0 || media.getValue().has("example")).as(name + " " + media.getKey() + " has an example").isTrue();
            examples.forEach(e -> assertThat(e.path("summary").asText()).as(name).isNotBlank());
        }));
        assertThat(bodies).contains("POST /api/dossiers application/json", "POST /api/dossiers/{code}/rating application/json",
                "POST /api/integrations/payment/callback application/json", "POST /api/integrations/agencies/events application/json",
                "POST /api/admin/provisioning application/yaml");
    }

    @Test
    void everyErrorIsAProblemNamingItsFields() {
        operations().forEach((name, op) -> op.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().compareTo("400") < 0) return;
            assertThat(r.getValue().path("content").path("application/problem+json").path("schema").path("$ref").asText())
                    .as(name + " " + r.getKey()).isEqualTo("#/components/schemas/Problem");
        }));
        JsonNode schemas = doc.path("components").path("schemas");
        Set<String> problemFields = names(schemas.path("Problem").path("properties"));
        assertThat(problemFields).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(names(schemas.path("FieldError").path("properties")))
                .isEqualTo(Arrays.stream(FieldError.class.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet()));
        assertThat(operations().get("POST /api/dossiers").path("responses").has("400")).isTrue();

        // the service's own refusal has no member the description does not name
        Map<String, Object> submission = Submissions.birthRegistration("tan-giang", "COUNTER");
        submission.put("channel", "FAX");
        Http.Response refused = http.post("/api/dossiers", submission, Http.PORTAL).expect(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(problemFields).containsAll(names(refused.body()));
        assertThat(names(refused.body().path("errors").get(0))).isEqualTo(names(schemas.path("FieldError").path("properties")));
        assertThat(problemFields).containsAll(names(http.get("/api/dossiers/000.03.04.H11-261204-9999", null).expect(401).body()));
    }

    @Test
    void theSubmissionExamplesAreAcceptedByTheService() {
        JsonNode submit = operations().get("POST /api/dossiers");
        assertThat(codes(submit)).contains("201");
        JsonNode examples = submit.path("requestBody").path("content").path("application/json").path("examples");
        assertThat(examples.size()).isGreaterThanOrEqualTo(2);
        examples.fields().forEachRemaining(e -> {
            Http.Response created = http.post("/api/dossiers", e.getValue().path("value").toString(), Http.PORTAL);
            assertThat(created.status()).as(e.getKey() + ": " + created.text()).isEqualTo(201);
            assertThat(created.body().path("procedure").path("code").asText()).isEqualTo(e.getValue().path("value").path("procedureCode").asText());
        });
    }

    /**
     * Each operation is called as its own description says (its parameters' examples, its first
     * request body example) with no credentials, then with a client key that has every scope: an
     * operation stated as needing credentials refuses the first with 401, an operation stated as
     * public does not; an operation that lists X-API-Key lets the key through, one that does not
     * refuses it with 403. Nothing answers 5xx.
     */
    @Test
    void theCredentialsItStatesAreTheOnesTheServiceAsksFor() {
        String dossier = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body().path("code").asText();
        String key = "key:" + http.post("/api/admin/clients/kiem-thu-openapi", Map.of("scopes", List.copyOf(vn.motcua.security.Scopes.ALL)),
                "admin").expect(200).body().path("apiKey").asText();
        List<String> checked = new ArrayList<>();
        operations().forEach((name, op) -> {
            Set<String> schemes = new HashSet<>();
            op.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            Http.Response anonymous = call(name, op, dossier, null);
            assertThat(anonymous.status()).as(name + " anonymous: " + anonymous.text()).isLessThan(500);
            if (schemes.isEmpty()) {
                assertThat(anonymous.status()).as(name + " is public").isNotEqualTo(401);
                return;
            }
            assertThat(anonymous.status()).as(name + " needs credentials: " + anonymous.text()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            Http.Response client = call(name, op, dossier, key);
            assertThat(client.status()).as(name + " with a client key: " + client.text()).isLessThan(500);
            if (schemes.contains(ApiDescription.API_KEY)) {
                assertThat(client.status()).as(name + " takes a client key: " + client.text()).isNotIn(401, 403);
            } else {
                assertThat(client.status()).as(name + " is for officials: " + client.text()).isEqualTo(403);
            }
            checked.add(name);
        });
        assertThat(checked).contains("POST /api/dossiers", "GET /api/dossiers/{code}", "POST /api/admin/provisioning",
                "POST /api/integrations/post/events");
    }

    /** A schema is named by its type's simple name: two types of one name would silently share one schema. */
    @Test
    void noTwoTypesOfTheApiShareASchemaName() {
        Map<String, Set<Class<?>>> named = new HashMap<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            if (mapping.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) return;
            List<Type> types = new ArrayList<>(List.of(method.getMethod().getGenericReturnType()));
            Arrays.stream(method.getMethodParameters()).filter(p -> p.hasParameterAnnotation(RequestBody.class))
                    .forEach(p -> types.add(p.getGenericParameterType()));
            AnnotatedElementUtils.findMergedRepeatableAnnotations(method.getMethod(), io.swagger.v3.oas.annotations.responses.ApiResponse.class)
                    .forEach(r -> Arrays.stream(r.content()).forEach(c -> types.add(c.schema().implementation())));
            types.forEach(t -> collect(t, named, new HashSet<>()));
        });
        assertThat(named).containsKeys("DossierView", "SubmissionRequest");
        named.forEach((name, classes) -> assertThat(classes.stream().map(OpenApiDescriptionTest::shape).distinct())
                .as("types named %s: %s", name, classes).hasSize(1));
    }

    private static void collect(Type type, Map<String, Set<Class<?>>> named, Set<Type> seen) {
        if (!seen.add(type)) return;
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(t -> collect(t, named, seen));
        } else if (type instanceof Class<?> cls && cls.isArray()) {
            collect(cls.getComponentType(), named, seen);
        } else if (type instanceof Class<?> cls && cls.isRecord() && cls.getName().startsWith("vn.motcua.")) {
            io.swagger.v3.oas.annotations.media.Schema schema = cls.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            String name = schema != null && !schema.name().isEmpty() ? schema.name() : cls.getSimpleName();
            named.computeIfAbsent(name, n -> new HashSet<>()).add(cls);
            Arrays.stream(cls.getRecordComponents()).forEach(c -> collect(c.getGenericType(), named, seen));
        }
    }

    /** Two records of one name are one schema only if their members are the same. */
    private static String shape(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName() + ":" + c.getGenericType().getTypeName())
                .collect(Collectors.joining(","));
    }

    /** A GET with no Accept header, as a browser follows a link (Http asks for JSON), expecting 200. */
    private static java.net.http.HttpResponse<String> get(String uri) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(uri)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operation as its description says to call it: examples for the parameters, the first example as the body. */
    private Http.Response call(String name, JsonNode op, String dossier, String user) {
        String method = name.substring(0, name.indexOf(' '));
        String path = name.substring(name.indexOf(' ') + 1);
        List<String> query = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            String value = p.path("example").asText();
            if (p.path("in").asText().equals("path")) {
                boolean aDossier = p.path("name").asText().equals("code") && path.startsWith("/api/dossiers/");
                path = path.replace("{" + p.path("name").asText() + "}", aDossier ? dossier : value);
            } else if (p.path("in").asText().equals("query")) {
                query.add(p.path("name").asText() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        String uri = query.isEmpty() ? path : path + "?" + String.join("&", query);
        var content = op.path("requestBody").path("content").fields();
        if (!content.hasNext()) {
            return http.send(method, uri, null, null, user);
        }
        var media = content.next();
        JsonNode example = media.getValue().path("examples").elements().hasNext()
                ? media.getValue().path("examples").elements().next().path("value") : null;
        String body = example == null ? "%PDF-1.7\n%\u00e2\u00e3\n" : example.isTextual() ? example.asText() : example.toString();
        return http.send(method, uri, body, media.getKey(), user);
    }

    /** "POST /api/dossiers" → the operation. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
        }));
        return operations;
    }

    private static Set<String> codes(JsonNode operation) {
        return names(operation.path("responses"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
