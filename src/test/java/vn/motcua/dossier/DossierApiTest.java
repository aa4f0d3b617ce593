package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/** motcua's dossier API over real HTTP: validation, not-found, and dossier codes under load. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class DossierApiTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("procedureCode", b -> b.remove("procedureCode")),
                bad("procedureCode", b -> b.put("procedureCode", "9.999999")),
                bad("communeCode", b -> b.remove("communeCode")),
                bad("communeCode", b -> b.put("communeCode", "phuong-khong-co")),
                bad("channel", b -> b.remove("channel")),
                bad("channel", b -> b.put("channel", "FAX")),
                bad("returnMethod", b -> b.put("returnMethod", "DRONE")),
                bad("applicant", b -> b.remove("applicant")),
                bad("applicant.fullName", b -> applicant(b).put("fullName", "  ")),
                bad("applicant.fullName", b -> applicant(b).put("fullName", "Nguyễn 123")),
                bad("applicant.idNumber", b -> applicant(b).put("idNumber", "12345")),
                bad("applicant.idNumber", b -> applicant(b).remove("idNumber")),
                bad("applicant.phone", b -> applicant(b).put("phone", "gọi tôi")),
                bad("applicant.email", b -> applicant(b).put("email", "nhung-at-example")),
                bad("applicant.address", b -> applicant(b).remove("address")),
                bad("applicant.address", b -> applicant(b).put("address", "x".repeat(501))),
                bad("components", b -> b.put("components", List.of())),
                bad("components", b -> b.remove("components")),
                bad("components[0].name", b -> b.put("components", List.of(Map.of("name", "", "copies", 1)))),
                bad("components[0].copies", b -> b.put("components", List.of(Map.of("name", "Tờ khai", "copies", 0)))),
                bad("components[0].copies", b -> b.put("components", List.of(Map.of("name", "Tờ khai", "copies", "một")))),
                bad("applicant.fullName", b -> b.put("applicant", "Nguyễn Thị Hồng Nhung")));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("badFields")
    void eachBadFieldIsNamedAndNothingIsStored(String field, Map<String, Object> body) {
        long dossiersBefore = dossierCount();
        long instancesBefore = runtime.createProcessInstanceQuery().count();

        Http.Response response = http.post("/api/dossiers", body, Http.PORTAL);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            assertThat(e.get("reason").asText()).isNotBlank();
        });
        assertThat(fields).as(response.text()).contains(field.equals("applicant.fullName") && body.get("applicant") instanceof String
                ? "applicant" : field);
        assertThat(dossierCount()).isEqualTo(dossiersBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void malformedJsonIsABadRequestNamingTheBody() {
        Http.Response response = http.post("/api/dossiers", "{\"procedureCode\": ", Http.PORTAL);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void lowerCaseValuesAreAcceptedAndEveryMissingFieldIsListedAtOnce() {
        Http.Response response = http.post("/api/dossiers", Map.of("returnMethod", "post"), Http.PORTAL);
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).doesNotContain("returnMethod").contains("procedureCode", "communeCode", "channel", "applicant", "components");
    }

    @Test
    void aSubmissionWithoutARequiredPaperIsRefusedNamingEachMissingPaper() {
        long dossiersBefore = dossierCount();
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", "COUNTER");
        body.put("components", List.of(Map.of("name", "Tờ khai đăng ký khai sinh", "copies", 1)));

        Http.Response response = http.post("/api/dossiers", body, Http.PORTAL);

        assertThat(response.status()).isEqualTo(400);
        List<String> reasons = new ArrayList<>();
        response.body().get("errors").forEach(e -> {
            assertThat(e.get("field").asText()).isEqualTo("components");
            reasons.add(e.get("reason").asText());
        });
        assertThat(reasons).hasSize(2).anySatisfy(r -> assertThat(r).contains("Giấy chứng sinh hoặc giấy tờ thay thế"))
                .anySatisfy(r -> assertThat(r).contains("Giấy tờ tùy thân của người đi đăng ký"));
        assertThat(dossierCount()).isEqualTo(dossiersBefore);

        // a paper is recognised by its name, however its case, its spaces and its diacritics were typed
        body.put("components", List.of(Map.of("name", "Tờ khai đăng ký khai sinh", "copies", 1),
                Map.of("name", "  giấy chứng sinh   hoặc giấy tờ thay thế", "copies", 1),
                Map.of("name", Normalizer.normalize("GIẤY TỜ TÙY THÂN CỦA NGƯỜI ĐI ĐĂNG KÝ", Normalizer.Form.NFD), "copies", 1),
                Map.of("name", "Bản sao sổ hộ khẩu", "copies", 1)));
        http.post("/api/dossiers", body, Http.PORTAL).expect(201);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        Http.Response response = http.get("/api/dossiers/000.03.04.H11-260101-9999", Http.PORTAL);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSubmissionIsStoredWithItsComponentsAndStartsItsProcess() {
        JsonNode dossier = http.post("/api/dossiers", Submissions.birthRegistration("nung-tri-cao", "ONLINE"), Http.PORTAL)
                .expect(201).body();
        String code = dossier.get("code").asText();
        assertThat(code).startsWith("000.02.04.H11-");
        assertThat(dossier.get("procedure").get("name").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(dossier.get("commune").get("name").asText()).isEqualTo("Phường Nùng Trí Cao");
        assertThat(dossier.get("components")).hasSize(3);
        assertThat(dossier.get("_links").get("self").get("href").asText()).isEqualTo("/api/dossiers/" + code);
        // where a client goes from here: its documents, payments and lookup, and what it may do now
        JsonNode links = dossier.get("_links");
        assertThat(links.get("documents").get("href").asText()).isEqualTo("/api/dossiers/" + code + "/documents");
        assertThat(links.get("controlSlip").get("href").asText()).endsWith("/documents/mau-05");
        assertThat(links.has("appointmentSlip")).as("no Mẫu 01 before acceptance").isFalse();
        assertThat(links.get("withdrawal").get("method").asText()).isEqualTo("POST");
        assertThat(links.get("self").has("method")).isFalse();
        for (JsonNode link : links) {
            String href = link.get("href").asText().replace("{lookupSecret}", dossier.get("lookupSecret").asText());
            if (!link.has("method")) {
                assertThat(http.get(href, link == links.get("publicLookup") ? null : "admin").status()).as(href).isEqualTo(200);
            }
        }
        JsonNode read = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(read.get("applicant").get("fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).rootProcessInstances().singleResult().getTenantId())
                .isEqualTo("nung-tri-cao");
        http.post("/api/dossiers/" + code + "/withdrawal", Map.of("reason", "Công dân xin rút"), Http.PORTAL).expect(200);
        assertThat(http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body().get("_links").has("withdrawal"))
                .as("a withdrawn dossier offers no withdrawal").isFalse();
    }

    @Test
    void fiftyConcurrentSubmissionsToOneWardGetFiftyConsecutiveCodes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        // one day for all fifty (the codes' date is Vietnam's, midnight there is 17:00 UTC)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-03-02T03:00:00Z")));
        try {
            List<Callable<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                submissions.add(() -> http.post("/api/dossiers", Submissions.birthRegistration("thuc-phan", "COUNTER"), Http.PORTAL)
                        .expect(201).body().get("code").asText());
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(submissions)) {
                codes.add(f.get());
            }
            assertThat(codes).doesNotHaveDuplicates().hasSize(50);
            String prefix = codes.get(0).substring(0, codes.get(0).lastIndexOf('-') + 1);
            assertThat(codes).allSatisfy(c -> assertThat(c).startsWith(prefix));
            List<Integer> numbers = codes.stream().map(c -> Integer.parseInt(c.substring(prefix.length()))).sorted().toList();
            int first = numbers.get(0);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(first + i);
            }
            assertThat(runtime.createProcessInstanceQuery().tenantIdIn("thuc-phan").count()).isGreaterThanOrEqualTo(50);
            assertThat(prefix).endsWith("-260302-");
        } finally {
            pool.shutdownNow();
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    private long dossierCount() {
        return jdbc.sql("select count(*) from mc_dossier").query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> applicant(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) body.get("applicant"));
        body.put("applicant", copy);
        return copy;
    }

    private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Submissions.birthRegistration("tan-giang", "COUNTER"));
        change.accept(body);
        return Arguments.of(field, body);
    }
}
