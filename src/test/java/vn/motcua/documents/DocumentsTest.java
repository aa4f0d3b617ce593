package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/** The statutory forms as PDF, read back as text: Vietnamese names, the dossier code and the dates exactly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
public class DocumentsTest {

    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theAppointmentSlipPrintsTheCitizenTheWardTheCodeAndTheDates() throws Exception {
        Http http = new Http(port);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-02-13T09:00:00Z")));   // 16:00 in Vietnam
        Map<String, Object> body = Submissions.marriageStatus("tan-giang", "POST");
        JsonNode created = http.post("/api/dossiers", body, "tan-giang.reception").expect(201).body();
        String code = created.get("code").asText();
        String task = http.tasks("tan-giang.reception", code).get(0).get("id").asText();
        http.complete("tan-giang.reception", task, Map.of("receptionDecision", "ACCEPT")).expect(204);
        String fee = http.tasks("tan-giang.reception", code).get(0).get("id").asText();
        http.complete("tan-giang.reception", fee, Map.of("feePaid", 5000, "receiptNumber", "BL-0001")).expect(204);

        String slip = text(download("/api/dossiers/" + code + "/documents/mau-01", "tan-giang.reception"));
        Files.writeString(Path.of("target/mau-01.txt"), slip);
        assertThat(slip).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "UBND PHƯỜNG TÂN GIANG", "Nguyễn Thị Hồng Nhung",
                "Mã hồ sơ: " + code, "Cấp Giấy xác nhận tình trạng hôn nhân", "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
                "03 ngày làm việc", "16 giờ 00 phút, ngày 13/02/2026", "16 giờ 00 phút, ngày 25/02/2026",
                "Nhận qua dịch vụ bưu chính công ích", created.get("lookupSecret").asText(), "Cao Bằng, ngày 13 tháng 02 năm 2026",
                "Nguyễn Thị Thu Trang",
                "7. Phí, lệ phí: Lệ phí cấp Giấy xác nhận tình trạng hôn nhân: 5.000 đồng",
                "Trung tâm Phục vụ hành chính công phường Tân Giang tiếp nhận hồ sơ của")
                .doesNotContain("hành chính công Phường");
        JsonNode history = http.get("/api/dossiers/" + code, "tan-giang.reception").expect(200).body().get("statusHistory");
        assertThat(history.get(0).get("note").asText()).isEqualTo("Nộp hồ sơ trực tiếp tại Bộ phận Một cửa");

        String control = text(download("/api/dossiers/" + code + "/documents/mau-05", "tan-giang.vp.head"));
        assertThat(control).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code, "Bộ phận Một cửa",
                "Văn phòng HĐND và UBND", "Kiểm tra, tiếp nhận hồ sơ", "Trước hạn");

        JsonNode list = http.get("/api/dossiers/" + code + "/documents", "tan-giang.reception").expect(200).body();
        assertThat(list.toString()).contains("mau-01", "mau-05").doesNotContain("mau-03");
        assertThat(http.get("/api/dossiers/" + code + "/documents/mau-01", "thuc-phan.reception").status()).isEqualTo(404);
        assertThat(http.get("/api/dossiers/" + code + "/documents/mau-03", "tan-giang.reception").status()).isEqualTo(404);

        String register = text(download("/api/communes/tan-giang/register?date=2026-02-13", "tan-giang.leader"));
        assertThat(register).contains("SỔ THEO DÕI HỒ SƠ", code, "Nguyễn Thị Hồng Nhung");
        Http.Response csv = http.get("/api/communes/tan-giang/register?date=2026-02-13&format=csv", "tan-giang.leader");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text()).contains(code, "Nguyễn Thị Hồng Nhung", "Cấp Giấy xác nhận tình trạng hôn nhân");
        assertThat(http.get("/api/communes/tan-giang/register?date=13-02-2026", "tan-giang.leader").status()).isEqualTo(400);
        assertThat(http.get("/api/communes/tan-giang/register?date=2026-02-13", "thuc-phan.leader").status()).isEqualTo(403);
    }

    @Test
    void aFreeProcedureSaysSoOnTheSlipAndTheResultIsSignedForTheCommitteeByItsChairperson() throws Exception {
        Http http = new Http(port);
        vn.motcua.support.DossierSteps.AtStep approval = new vn.motcua.support.DossierSteps(http).atApproval();
        String code = approval.code();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);

        assertThat(text(download("/api/dossiers/" + code + "/documents/mau-01", "tan-giang.reception")))
                .contains("7. Phí, lệ phí: Không thu phí, lệ phí");
        String result = text(download("/api/dossiers/" + code + "/documents/ket-qua", "tan-giang.reception"));
        assertThat(result).contains("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", "Hoàng Văn Lợi",
                "đã được Ủy ban nhân dân phường Tân Giang phê duyệt");
        assertThat(DossierForms.signingCapacity("Phó Chủ tịch UBND xã")).isEqualTo("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
        assertThat(DossierForms.signingCapacity("Chủ tịch Ủy ban nhân dân phường")).isEqualTo("CHỦ TỊCH");
    }

    @Test
    void supplementAndRefusalSlipsCarryTheirReasons() throws Exception {
        Http http = new Http(port);
        String code = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        String task = http.tasks("tan-giang.reception", code).get(0).get("id").asText();
        http.complete("tan-giang.reception", task, Map.of("receptionDecision", "SUPPLEMENT",
                "supplementRequest", "Bổ sung Giấy chứng sinh bản chính")).expect(204);
        assertThat(text(download("/api/dossiers/" + code + "/documents/mau-02", "tan-giang.reception")))
                .contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Bổ sung Giấy chứng sinh bản chính", "Nguyễn Thị Hồng Nhung");

        String refused = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), "tan-giang.reception")
                .expect(201).body().get("code").asText();
        String t2 = http.tasks("tan-giang.reception", refused).get(0).get("id").asText();
        http.complete("tan-giang.reception", t2, Map.of("receptionDecision", "REFUSE",
                "refusalReason", "Việc đăng ký khai sinh thuộc thẩm quyền của nơi cư trú của người mẹ")).expect(204);
        assertThat(text(download("/api/dossiers/" + refused + "/documents/mau-03", "tan-giang.reception")))
                .contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "thuộc thẩm quyền của nơi cư trú của người mẹ");
    }

    private byte[] download(String path, String user) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        Files.write(Path.of("target", path.replaceAll("[^a-z0-9]+", "-") + ".pdf"), response.body());
        return response.body();
    }

    public static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
