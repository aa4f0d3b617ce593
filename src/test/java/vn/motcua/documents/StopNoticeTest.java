package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.Http;

/** A stopped dossier (status 8) offers the notice "Thông báo dừng giải quyết hồ sơ", signed by whoever stopped it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class StopNoticeTest {

    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aHeadWhoStopsADossierSignsTheNoticeWithTheReasonAndTheDate() throws Exception {
        Http http = new Http(port);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-18T02:00:00Z")));   // Wednesday 09:00 in Vietnam
        DossierSteps.AtStep review = new DossierSteps(http).atReview();
        assertThat(kinds(http, review.code())).doesNotContain("thong-bao-dung");
        assertThat(http.get("/api/dossiers/" + review.code() + "/documents/thong-bao-dung", "tan-giang.reception").status())
                .as("no notice before the dossier is stopped").isEqualTo(404);

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-18T07:15:00Z")));   // 14:15
        http.complete("tan-giang.vp.head", review.taskId(), Map.of("headDecision", "STOP",
                "stopReason", "Người yêu cầu không đủ điều kiện đăng ký khai sinh tại phường")).expect(204);

        assertThat(kinds(http, review.code())).contains("thong-bao-dung");
        String notice = DocumentsTest.text(download(review.code(), "tan-giang.reception"));
        assertThat(notice).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "UBND PHƯỜNG TÂN GIANG", "Mã hồ sơ: " + review.code(),
                "Kính gửi: Nguyễn Thị Hồng Nhung", "Đăng ký khai sinh", "Ủy ban nhân dân phường Tân Giang thông báo dừng",
                "Lý do: Người yêu cầu không đủ điều kiện đăng ký khai sinh tại phường",
                "14 giờ 15 phút, ngày 18/03/2026", "Cao Bằng, ngày 18 tháng 03 năm 2026",
                "TRƯỞNG PHÒNG", "Lê Thị Minh Nguyệt");
        assertThat(notice).doesNotContain("Dừng giải quyết hồ sơ: ");
    }

    @Test
    void aLeaderWhoStopsADossierSignsAsTheCommunesLeader() throws Exception {
        Http http = new Http(port);
        DossierSteps.AtStep approval = new DossierSteps(http).atApproval();
        http.complete("tan-giang.leader", approval.taskId(), Map.of("leaderDecision", "STOP",
                "stopReason", "Giấy chứng sinh không hợp lệ")).expect(204);

        String notice = DocumentsTest.text(download(approval.code(), "tan-giang.leader"));
        assertThat(notice).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Lý do: Giấy chứng sinh không hợp lệ",
                "CHỦ TỊCH UBND PHƯỜNG", "Hoàng Văn Lợi");
        assertThat(http.get("/api/dossiers/" + approval.code() + "/documents/thong-bao-dung", "thuc-phan.reception").status())
                .as("another commune's dossier does not exist").isEqualTo(404);
    }

    private static String kinds(Http http, String code) {
        return http.get("/api/dossiers/" + code + "/documents", "tan-giang.reception").expect(200).body().toString();
    }

    private byte[] download(String code, String user) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/dossiers/" + code + "/documents/thong-bao-dung"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        Files.write(Path.of("target", code + "-thong-bao-dung.pdf"), response.body());
        return response.body();
    }
}
