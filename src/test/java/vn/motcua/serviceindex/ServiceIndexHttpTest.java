package vn.motcua.serviceindex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;

/**
 * A commune's day seen by the index, through the real HTTP API: papers and the result attached as
 * files (recognised by their content), the citizen's one rating with the slip's secret and the
 * counter's rating, and the figures they make, with the dossiers behind them, for the province's
 * admin and for the commune's leader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class ServiceIndexHttpTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final String ADMIN = "admin";
    static final String RECEPTION = "tan-giang.reception";

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired vn.motcua.outbox.Outbox outbox;

    @Test
    void papersAndResultAsFilesTheCitizensRatingAndTheFiguresTheyMake() throws Exception {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        DossierSteps.AtStep approval = steps.atApproval();
        String code = approval.code();
        String papers = "/api/dossiers/" + code + "/components";

        // the reception scans the first paper, the specialist the other two, at any step
        http.putBytes(papers + "/1/file", PDF, "application/pdf", RECEPTION).expect(200);
        JsonNode second = http.putBytes(papers + "/2/file", JPEG, "image/jpeg", "tan-giang.vp.specialist1").expect(200).body();
        assertThat(second.get("digitized").asBoolean()).isTrue();
        assertThat(second.get("contentType").asText()).isEqualTo("image/jpeg");
        http.putBytes(papers + "/3/file", PNG, "application/octet-stream", "tan-giang.vp.specialist1").expect(200);
        List<String> refused = new ArrayList<>();
        refused.add(field(http.putBytes(papers + "/1/file", "Giấy khai sinh.pdf".getBytes(StandardCharsets.UTF_8), "application/pdf", RECEPTION), 400));
        refused.add(field(http.putBytes(papers + "/1/file", PNG, "application/pdf", RECEPTION), 400));
        refused.add(field(http.putBytes(papers + "/1/file", new byte[0], "application/pdf", RECEPTION), 400));
        refused.add(field(http.putBytes(papers + "/0/file", PDF, "application/pdf", RECEPTION), 400));
        refused.add(field(http.putBytes(papers + "/x/file", PDF, "application/pdf", RECEPTION), 400));
        assertThat(refused).containsExactly("body", "Content-Type", "body", "index", "index");
        assertThat(http.putBytes(papers + "/9/file", PDF, "application/pdf", RECEPTION).status()).isEqualTo(404);
        assertThat(http.putBytes(papers + "/1/file", PDF, "application/pdf", "thuc-phan.reception").status())
                .as("another commune's dossier does not exist").isEqualTo(404);
        assertThat(http.putBytes(papers + "/1/file", PDF, "application/pdf", Http.PORTAL).status()).isEqualTo(403);

        Http.Download scan = http.download(papers + "/2/file", "tan-giang.leader");
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.contentType()).isEqualTo("image/jpeg");
        assertThat(scan.body()).isEqualTo(JPEG);
        assertThat(http.download(papers + "/2/file", "thuc-phan.leader").status()).isEqualTo(404);
        assertThat(http.get(papers, RECEPTION).expect(200).body()).extracting(p -> p.get("digitized").asBoolean())
                .containsExactly(true, true, true);

        // not finished: no rating yet
        String secret = http.get("/api/dossiers/" + code, RECEPTION).expect(200).body().get("lookupSecret").asText();
        String rating = "/api/public/dossiers/" + code + "/rating?secret=";
        assertThat(http.post(rating + secret, Map.of("level", "HAI_LONG"), null).status()).isEqualTo(409);

        // signed, returned at the counter, the signed result attached
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        http.putBytes("/api/dossiers/" + code + "/result", PDF, "application/pdf", "tan-giang.leader").expect(200);
        http.complete(RECEPTION, steps.at(code, RECEPTION).taskId(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);
        // the portal's record of the returned dossier says it is digitized, with each file's address
        String portal = outbox.of(code).stream().filter(m -> m.channel() == vn.motcua.outbox.Channel.PORTAL)
                .reduce((first, last) -> last).orElseThrow().payload();
        JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(portal);
        assertThat(record.get("TrangThaiHoSo").asInt()).isEqualTo(10);
        assertThat(record.get("DuocSoHoa").asInt()).isEqualTo(1);
        assertThat(record.get("TaiLieuNop")).allSatisfy(p -> assertThat(p.get("DuocSoHoa").asInt()).isEqualTo(1));
        assertThat(record.get("TaiLieuNop").get(1).get("DuongDanTepTin").asText()).endsWith("/api/dossiers/" + code + "/components/2/file");
        assertThat(record.get("DuongDanTepTinKetQua").asText()).endsWith("/api/dossiers/" + code + "/documents/ket-qua");

        // the signed result is a file: the citizen downloads it with the slip's secret, though it was returned at the counter
        Http.Download result = http.download("/api/public/dossiers/" + code + "/result?secret=" + secret, null);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).isEqualTo(PDF);
        assertThat(http.download("/api/public/dossiers/" + code + "/result?secret=SAI-MA-TRA-CUU", null).status()).isEqualTo(404);

        // the citizen rates once with the slip's secret; a wrong secret is the lookup's 404
        assertThat(http.post(rating + "SAI-MA-TRA-CUU", Map.of("level", "HAI_LONG"), null).status()).isEqualTo(404);
        assertThat(field(http.post(rating + secret, Map.of("level", "TOT"), null), 400)).isEqualTo("level");
        assertThat(field(http.post(rating + secret, Map.of("level", "HAI_LONG", "comment", "x".repeat(1001)), null), 400)).isEqualTo("comment");
        JsonNode rated = http.post(rating + secret, Map.of("level", "KHONG_HAI_LONG", "comment", "Phải chờ lâu ở quầy"), null)
                .expect(201).body();
        assertThat(rated.get("levelLabel").asText()).isEqualTo("Không hài lòng");
        assertThat(http.post(rating + secret, Map.of("level", "RAT_HAI_LONG"), null).status()).as("once").isEqualTo(409);
        assertThat(http.post("/api/dossiers/" + code + "/rating", Map.of("level", "RAT_HAI_LONG"), RECEPTION).status())
                .as("nor again at the counter").isEqualTo(409);

        // a second dossier, stopped by the head, rated at the counter on the official's screen
        DossierSteps.AtStep review = steps.atReview();
        http.complete("tan-giang.vp.head", review.taskId(), Map.of("headDecision", "STOP", "stopReason", "Không đủ điều kiện")).expect(204);
        assertThat(http.post("/api/dossiers/" + review.code() + "/rating", Map.of("level", "HAI_LONG"), "tan-giang.vp.head").status())
                .as("the one-stop records it").isEqualTo(403);
        http.post("/api/dossiers/" + review.code() + "/rating", Map.of("level", "RAT_HAI_LONG"), RECEPTION).expect(201);

        // the figures of today, for the province's admin
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode index = http.get("/api/service-index?from=" + today + "&to=" + today, ADMIN).expect(200).body();
        JsonNode tanGiang = index.get("communes").get(0);
        assertThat(tanGiang.get("code").asText()).isEqualTo("tan-giang");
        assertThat(tanGiang.get("rank").asInt()).isEqualTo(1);
        assertThat(tanGiang.get("handled").asLong()).isEqualTo(2);
        JsonNode digitized = indicator(tanGiang, "4.2");
        assertThat(digitized.get("numerator").asLong()).as("every paper and the result").isEqualTo(1);
        assertThat(digitized.get("denominator").asLong()).isEqualTo(2);
        JsonNode satisfaction = indicator(tanGiang, "5.4");
        assertThat(satisfaction.get("numerator").asLong()).as("the dossier rated 'Không hài lòng'").isEqualTo(1);
        assertThat(satisfaction.get("value").asDouble()).isEqualTo(50.0);
        JsonNode behind = http.get(digitized.get("dossiers").asText(), ADMIN).expect(200).body();
        assertThat(behind).extracting(d -> d.get("code").asText()).containsExactly(code);
        JsonNode notSatisfied = http.get(satisfaction.get("dossiers").asText(), ADMIN).expect(200).body();
        assertThat(notSatisfied).extracting(d -> d.get("rating").asText()).containsExactly("KHONG_HAI_LONG");

        // the commune's leader sees the commune, not the province nor another commune
        JsonNode own = http.get("/api/service-index?from=" + today + "&to=" + today, "tan-giang.leader").expect(200).body();
        assertThat(own.path("province").isMissingNode() || own.path("province").isNull()).as("no province figures").isTrue();
        assertThat(own.get("communes")).extracting(c -> c.get("code").asText()).containsExactly("tan-giang");
        assertThat(http.get("/api/service-index?from=" + today + "&to=" + today + "&commune=thuc-phan", "tan-giang.leader").status())
                .isEqualTo(403);
        assertThat(http.get("/api/service-index?from=" + today + "&to=" + today, Http.PORTAL).status()).isEqualTo(403);

        // a spreadsheet
        Http.Response csv = http.get("/api/service-index?from=" + today + "&to=" + today + "&format=csv", ADMIN).expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains("Chỉ tiêu,Tên chỉ tiêu", "Tỷ lệ hồ sơ số hóa (giấy tờ và kết quả)", "\"Xã, phường\",tan-giang");

        // what a clumsy client sends
        assertThat(field(http.get("/api/service-index?to=" + today, ADMIN), 400)).isEqualTo("from");
        assertThat(field(http.get("/api/service-index?from=" + today + "&to=2020-01-01", ADMIN), 400)).isEqualTo("to");
        assertThat(field(http.get("/api/service-index?from=2026-02-30&to=" + today, ADMIN), 400)).isEqualTo("from");
        assertThat(field(http.get("/api/service-index?from=" + today + "&to=" + today + "&format=xlsx", ADMIN), 400)).isEqualTo("format");
        assertThat(field(http.get("/api/service-index?from=" + today + "&to=" + today + "&commune=khong-co", ADMIN), 400)).isEqualTo("commune");
        assertThat(field(http.get("/api/service-index/dossiers?indicator=9.9&from=" + today + "&to=" + today, ADMIN), 400)).isEqualTo("indicator");
        assertThat(field(http.get("/api/service-index/dossiers?indicator=2.1&part=all&from=" + today + "&to=" + today, ADMIN), 400)).isEqualTo("part");
        assertThat(field(http.get("/api/service-index/dossiers?indicator=2.1&page=0&from=" + today + "&to=" + today, ADMIN), 400)).isEqualTo("page");
    }

    @Test
    void theCitizenRatesAtTheCounterOnTheReturnForm() {
        Http http = new Http(port);
        DossierSteps steps = new DossierSteps(http);
        DossierSteps.AtStep approval = steps.atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        String task = steps.at(approval.code(), RECEPTION).taskId();
        assertThat(field(http.complete(RECEPTION, task, Map.of("recipientName", "Nguyễn Thị Hồng Nhung", "citizenRating", "TOT")), 400))
                .isEqualTo("citizenRating");
        http.complete(RECEPTION, task, Map.of("recipientName", "Nguyễn Thị Hồng Nhung", "citizenRating", "RAT_HAI_LONG",
                "citizenRatingComment", "Cán bộ hướng dẫn tận tình")).expect(204);
        Map<String, Object> rated = jdbc.sql("""
                        select r.level, r.via, r.comment, d.rating_level from mc_rating r join mc_dossier d on d.id = r.dossier_id
                        where d.code = ?""").param(approval.code()).query().singleRow();
        assertThat(rated).containsValues("RAT_HAI_LONG", "COUNTER", "Cán bộ hướng dẫn tận tình");
        assertThat(rated.get("rating_level")).isEqualTo("RAT_HAI_LONG");
        String secret = http.get("/api/dossiers/" + approval.code(), RECEPTION).expect(200).body().get("lookupSecret").asText();
        assertThat(http.post("/api/public/dossiers/" + approval.code() + "/rating?secret=" + secret, Map.of("level", "HAI_LONG"), null)
                .status()).as("rated once, at the counter").isEqualTo(409);
    }

    private static JsonNode indicator(JsonNode scope, String code) {
        for (JsonNode g : scope.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asText().equals(code)) return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private static String field(Http.Response r, int status) {
        r.expect(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.body().get("errors").get(0).get("field").asText();
    }
}
