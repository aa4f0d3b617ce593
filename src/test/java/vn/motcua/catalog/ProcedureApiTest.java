package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;

/** GET /api/procedures: the catalogue for the portal and the counter, public, without personal data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@org.springframework.test.annotation.DirtiesContext
class ProcedureApiTest {

    @LocalServerPort int port;

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    @Test
    void theWholeCatalogueIsPublicWithPapersFeesLimitsAndReturnMethods() {
        Http http = new Http(port);
        JsonNode all = http.get("/api/procedures", null).expect(200).body();
        ProcedureCatalog catalog = ProcedureCatalog.load(new FileSystemResource("processes/catalog.yaml"));
        assertThat(all.size()).isEqualTo(catalog.all().size()).isGreaterThanOrEqualTo(30);
        JsonNode copy = null;
        for (JsonNode p : all) {
            if (p.get("code").asText().equals("2.000815")) copy = p;
            assertThat(p.get("limit").get("basis").asText()).as(p.get("code").asText()).isNotBlank();
            assertThat(p.get("papers").size()).isPositive();
            assertThat(p.get("returnMethods").size()).isPositive();
            assertThat(p.get("department").get("name").asText()).isNotBlank();
        }
        assertThat(copy).isNotNull();
        assertThat(copy.get("field").asText()).isEqualTo("Chứng thực");
        assertThat(copy.get("countsPages").asBoolean()).isTrue();
        JsonNode fee = copy.get("fees").get(0);
        assertThat(fee.get("rule").asText()).isEqualTo("2.000 đồng/trang từ trang 1, 1.000 đồng/trang từ trang 3, tối đa 200.000 đồng/bản");
        assertThat(fee.get("basis").asText()).contains("226/2016/TT-BTC");
        assertThat(all.toString()).doesNotContain("lookupSecret", "applicant", "idNumber");
    }

    @Test
    void theCatalogueIsFilteredByFieldDepartmentAndWordsWithOrWithoutDiacritics() {
        Http http = new Http(port);
        List<String> certification = codes(http.get("/api/procedures?field=" + enc("Chứng thực"), null).expect(200).body());
        assertThat(certification).hasSizeGreaterThanOrEqualTo(5).allMatch(c -> c.startsWith("2."));
        assertThat(codes(http.get("/api/procedures?field=chung%20thuc", null).expect(200).body())).isEqualTo(certification);
        assertThat(codes(http.get("/api/procedures?department=vhxh", null).expect(200).body()))
                .contains("1.001776", "1.014027").doesNotContain("1.001193");
        assertThat(codes(http.get("/api/procedures?q=" + enc("khai sinh"), null).expect(200).body())).contains("1.001193", "1.004884");
        assertThat(codes(http.get("/api/procedures?q=" + enc("ho kinh doanh"), null).expect(200).body()))
                .containsExactlyInAnyOrder("1.001612", "2.000720", "1.001570", "1.001266", "2.000575");
        assertThat(codes(http.get("/api/procedures?q=1.004873", null).expect(200).body())).containsExactly("1.004873");
        assertThat(http.get("/api/procedures?field=" + enc("Thiên văn"), null).expect(200).body().size()).isZero();
    }

    @Test
    void oneProcedureAndWhatARequestWouldCost() {
        Http http = new Http(port);
        assertThat(http.get("/api/procedures/1.004873", null).expect(200).body().get("name").asText())
                .isEqualTo("Cấp Giấy xác nhận tình trạng hôn nhân");
        JsonNode quote = http.get("/api/procedures/2.000815/fees?pages=5&copies=2", null).expect(200).body();
        assertThat(quote.get("total").asLong()).isEqualTo(14_000);
        assertThat(quote.get("label").asText()).isEqualTo("Phí chứng thực bản sao từ bản chính: 14.000 đồng (5 trang, 2 bản)");
        assertThat(http.get("/api/procedures/1.001612/fees?online=true", null).expect(200).body().get("total").asLong()).isEqualTo(50_000);
        assertThat(http.get("/api/procedures/1.001776/fees", null).expect(200).body().get("label").asText()).isEqualTo("Không thu phí, lệ phí");
    }

    @Test
    void aWrongRequestIsNamedAndAnUnknownProcedureIs404() {
        Http http = new Http(port);
        Http.Response missing = http.get("/api/procedures/9.999999", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/procedures/9.999999/fees", null).status()).isEqualTo(404);
        for (String[] bad : new String[][] {
                {"/api/procedures/2.000815/fees", "pages"},
                {"/api/procedures/2.000815/fees?pages=0", "pages"},
                {"/api/procedures/2.000815/fees?pages=5&copies=x", "copies"},
                {"/api/procedures/1.001193/fees", "eventDate"},
                {"/api/procedures/1.001193/fees?eventDate=2999-01-01", "eventDate"},
                {"/api/procedures/1.004873/fees?feeExemption=TRE_EM", "feeExemption"},
                {"/api/procedures/1.004873/fees?online=maybe", "online"},
                {"/api/procedures?department=tu-phap", "department"},
                {"/api/procedures?q=" + "x".repeat(300), "q"}}) {
            Http.Response r = http.get(bad[0], null);
            assertThat(r.status()).as(bad[0]).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
    }
}
