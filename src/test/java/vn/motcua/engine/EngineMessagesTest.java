package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.DossierSteps;
import vn.motcua.support.DossierSteps.AtStep;
import vn.motcua.support.Http;

/**
 * What Tasklist shows when the engine refuses (its toast is the answer's {@code message}): a 4xx
 * problem in Vietnamese, never the engine's English, never a 5xx, for the refusals an official
 * meets on a working day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class EngineMessagesTest {

    @LocalServerPort int port;
    Http http;
    DossierSteps steps;

    @BeforeEach
    void client() {
        http = new Http(port);
        steps = new DossierSteps(http);
    }

    @Test
    void aTaskAColleagueClaimedFirstIsAConflictSaidInVietnamese() {
        AtStep reception = steps.submitted("tan-giang");
        http.claim("tan-giang.reception", reception.taskId()).expect(204);

        Http.Response second = http.claim("tan-giang.reception2", reception.taskId());

        assertVietnamese(second, 409, "Công việc này đã có người khác nhận xử lý; hãy tải lại danh sách công việc");
    }

    @Test
    void aTaskThatIsGoneIsNotFoundSaidInVietnamese() {
        assertVietnamese(http.complete("tan-giang.reception", "khong-co-cong-viec-nay", Map.of()), 404,
                "Không tìm thấy công việc này: có thể đã được hoàn thành, hoặc hồ sơ đã kết thúc hay được rút");
        // Camunda answers 400 here (its own choice), with the same sentence
        assertVietnamese(http.get("/engine-rest/task/khong-co-cong-viec-nay/form-variables", "tan-giang.reception"), 400,
                "Không tìm thấy công việc này: có thể đã được hoàn thành, hoặc hồ sơ đã kết thúc hay được rút");
        // a filter the official may not read, or none at all: the same refusal
        assertVietnamese(http.get("/engine-rest/filter/khong-co-bo-loc/count", "tan-giang.reception"), 403, null);
    }

    @Test
    void aQueryTasklistCouldNotHaveMadeIsRefusedInVietnamese() {
        assertVietnamese(http.get("/engine-rest/task?sortBy=khongco&sortOrder=asc", "tan-giang.reception"), 400, null);
        assertVietnamese(http.get("/engine-rest/task?dueAfter=khong-phai-ngay", "tan-giang.reception"), 400, null);
        assertVietnamese(http.get("/engine-rest/task?firstResult=abc", "tan-giang.reception"), 400,
                "Tham số 'firstResult' sai định dạng");
    }

    @Test
    void everyKnownEngineRefusalHasItsSentenceAndTheRestTheirKinds() {
        assertThat(EngineMessages.known("Task 'c456' is already claimed by someone else.")).startsWith("Công việc này đã có");
        assertThat(EngineMessages.known("Cannot complete task x: Cannot find task with id x: task is null"))
                .startsWith("Không tìm thấy công việc");
        assertThat(EngineMessages.known("Filter with id 'x' does not exist.")).isEqualTo("Không tìm thấy bộ lọc công việc");
        assertThat(EngineMessages.known("Something new in Camunda 7.25")).isNull();
        assertThat(EngineMessages.vietnamese("Something new in Camunda 7.25", 400, "maxResults"))
                .isEqualTo("Giá trị của 'maxResults' không hợp lệ");
        assertThat(EngineMessages.vietnamese("Something new", 404, null)).isEqualTo("Không tìm thấy đối tượng yêu cầu");
    }

    private static void assertVietnamese(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        String shown = r.body().get("message").asText();
        if (message != null) {
            assertThat(shown).isEqualTo(message);
        }
        assertThat(shown).as("the toast an official reads").isNotBlank()
                .doesNotContainPattern("(?i)\\b(cannot|task|null|exception|does not|invalid|claimed|filter|query|request)\\b");
        assertThat(r.body().get("detail").asText()).isEqualTo(shown);
    }
}
