package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Http;
import vn.motcua.support.Submissions;

/**
 * The whole life of a birth registration over HTTP, as the officials do it: submitted through
 * motcua's API, then claimed and completed by each demo official through Camunda's REST API (the
 * calls Tasklist makes), until the result is returned. Runs once per database.
 */
abstract class BirthRegistrationHttpFlow {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    vn.motcua.outbox.Outbox outbox;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void officialsCarryADossierFromSubmissionToTheReturnedResult() throws Exception {
        Http http = new Http(port);
        JsonNode submitted = http.post("/api/dossiers", Submissions.birthRegistration("tan-giang", "COUNTER"), Http.PORTAL)
                .expect(201).body();
        String code = submitted.get("code").asText();
        assertThat(code).matches("000\\.03\\.04\\.H11-\\d{6}-\\d{4}");
        assertThat(submitted.get("status").asInt()).isEqualTo(1);

        // reception: only Tân Giang's one-stop sees the dossier
        assertThat(http.tasks("thuc-phan.reception", code)).isEmpty();
        assertThat(http.tasks("nung-tri-cao.reception", code)).isEmpty();
        JsonNode reception = single(http.tasks("tan-giang.reception", code));
        assertThat(reception.get("name").asText()).isEqualTo("Kiểm tra, tiếp nhận hồ sơ");
        assertThat(http.claim("thuc-phan.reception", reception.get("id").asText()).status()).isEqualTo(403);
        assertThat(filterTasks(http, "tan-giang.reception", "Hồ sơ chờ tiếp nhận")).contains(reception.get("id").asText());
        assertThat(filterTasks(http, "thuc-phan.reception", "Hồ sơ chờ tiếp nhận")).doesNotContain(reception.get("id").asText());
        assertThat(filterNames(http, "tan-giang.reception")).containsExactlyInAnyOrder(
                "Việc cần xử lý", "Hồ sơ chờ tiếp nhận", "Hồ sơ của tôi", "Hồ sơ của phòng", "Sắp đến hạn", "Quá hạn");
        assertThat(filterNames(http, "tan-giang.leader")).containsExactlyInAnyOrder(
                "Việc cần xử lý", "Hồ sơ của tôi", "Hồ sơ của phòng", "Sắp đến hạn (toàn xã, phường)", "Quá hạn (toàn xã, phường)",
                "Chờ phê duyệt");
        // every official lands on the work waiting for them, and it holds this dossier's step
        for (String user : List.of("tan-giang.reception", "tan-giang.vp.head", "tan-giang.vp.specialist1", "tan-giang.leader")) {
            assertThat(landingFilter(http, user)).as(user).isEqualTo("Việc cần xử lý");
        }
        assertThat(filterTasks(http, "tan-giang.reception", "Việc cần xử lý")).contains(reception.get("id").asText());
        assertThat(filterTasks(http, "tan-giang.reception2", "Việc cần xử lý")).contains(reception.get("id").asText());
        assertThat(filterTasks(http, "thuc-phan.reception", "Việc cần xử lý")).doesNotContain(reception.get("id").asText());
        String instance = reception.get("processInstanceId").asText();
        assertThat(variableNames(http, "tan-giang.reception", instance)).contains("dossierCode", "applicantName");
        assertThat(variableNames(http, "thuc-phan.reception", instance)).isEmpty();
        assertThat(variableNames(http, "thuc-phan.leader", instance)).isEmpty();
        http.claim("tan-giang.reception", reception.get("id").asText()).expect(204);
        assertThat(filterTasks(http, "tan-giang.reception", "Hồ sơ của tôi")).contains(reception.get("id").asText());
        // claimed: still in the holder's work, no longer waiting for the colleague
        assertThat(filterTasks(http, "tan-giang.reception", "Việc cần xử lý")).contains(reception.get("id").asText());
        assertThat(filterTasks(http, "tan-giang.reception2", "Việc cần xử lý")).doesNotContain(reception.get("id").asText());
        http.complete("tan-giang.reception", reception.get("id").asText(), Map.of("receptionDecision", "ACCEPT")).expect(204);

        // the head of Văn phòng HĐND và UBND receives it and chooses a specialist
        assertThat(http.tasks("thuc-phan.vp.head", code)).isEmpty();
        JsonNode assign = single(http.tasks("tan-giang.vp.head", code));
        // another department of the commune may read the step (as it reads the dossier's process and history), but it
        // is not in their inbox and not theirs to act on
        assertThat(filterTasks(http, "tan-giang.kt.head", "Việc cần xử lý")).doesNotContain(assign.get("id").asText());
        assertThat(http.claim("tan-giang.kt.head", assign.get("id").asText()).status()).isEqualTo(403);
        assertThat(filterTasks(http, "tan-giang.vp.head", "Việc cần xử lý")).contains(assign.get("id").asText());
        assertThat(assign.get("assignee").asText()).isEqualTo("tan-giang.vp.head");
        assertThat(assign.get("due").isNull()).as("the step has a deadline").isFalse();
        JsonNode accepted = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(accepted.get("deadline").get("appointmentAt").asText()).endsWith("17:00:00+07:00");
        assertThat(accepted.get("deadline").get("currentStepDueAt").asText()).isNotBlank();
        http.complete("tan-giang.vp.head", assign.get("id").asText(), Map.of("specialistId", "tan-giang.vp.specialist1")).expect(204);

        JsonNode appraise = single(http.tasks("tan-giang.vp.specialist1", code));
        assertThat(filterTasks(http, "tan-giang.vp.specialist1", "Việc cần xử lý")).contains(appraise.get("id").asText());
        assertThat(filterTasks(http, "tan-giang.vp.specialist2", "Việc cần xử lý")).doesNotContain(appraise.get("id").asText());
        assertThat(appraise.get("assignee").asText()).isEqualTo("tan-giang.vp.specialist1");
        assertThat(http.tasks("thuc-phan.vp.specialist1", code)).isEmpty();
        http.complete("tan-giang.vp.specialist1", appraise.get("id").asText(),
                Map.of("appraisalNote", "Hồ sơ hợp lệ", "appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh cho cháu Nguyễn Minh An")).expect(204);

        JsonNode review = single(http.tasks("tan-giang.vp.head", code));
        http.complete("tan-giang.vp.head", review.get("id").asText(), Map.of("headDecision", "APPROVE")).expect(204);

        assertThat(http.tasks("thuc-phan.leader", code)).isEmpty();
        JsonNode approval = single(http.tasks("tan-giang.leader", code));
        assertThat(filterTasks(http, "tan-giang.leader", "Chờ phê duyệt")).contains(approval.get("id").asText());
        assertThat(filterTasks(http, "tan-giang.leader", "Việc cần xử lý")).contains(approval.get("id").asText());
        http.claim("tan-giang.leader", approval.get("id").asText()).expect(204);
        http.complete("tan-giang.leader", approval.get("id").asText(), Map.of("leaderDecision", "APPROVE")).expect(204);

        assertThat(http.tasks("thuc-phan.reception", code)).isEmpty();
        JsonNode handBack = single(http.tasks("tan-giang.reception", code));
        assertThat(filterTasks(http, "tan-giang.reception", "Việc cần xử lý")).contains(handBack.get("id").asText());
        assertThat(handBack.get("name").asText()).isEqualTo("Trả kết quả tại Bộ phận Một cửa: Đăng ký khai sinh");
        http.claim("tan-giang.reception", handBack.get("id").asText()).expect(204);
        http.complete("tan-giang.reception", handBack.get("id").asText(), Map.of("recipientName", "Nguyễn Thị Hồng Nhung")).expect(204);

        JsonNode dossier = http.get("/api/dossiers/" + code, Http.PORTAL).expect(200).body();
        assertThat(dossier.get("status").asInt()).isEqualTo(10);
        assertThat(dossier.get("statusName").asText()).isEqualTo("Đã trả kết quả");
        assertThat(values(dossier.get("statusHistory"), "status")).containsExactly("1", "2", "4", "9", "10");
        assertThat(values(dossier.get("statusHistory"), "actor")).containsExactly(
                "Công dân Nguyễn Thị Hồng Nhung", "tan-giang.reception", "tan-giang.reception",
                "tan-giang.leader", "tan-giang.reception");
        assertThat(values(dossier.get("timeline"), "step")).containsExactly(
                "Task_ReceptionCheck", "Task_AssignSpecialist", "Task_AppraiseDossier", "Task_ReviewDraft",
                "Task_LeaderApproval", "Task_ReturnAtCounter");
        assertThat(values(dossier.get("timeline"), "fromUser")).containsExactly(
                "tan-giang.reception", "tan-giang.vp.head", "tan-giang.vp.specialist1", "tan-giang.vp.head",
                "tan-giang.leader", "tan-giang.reception");
        assertThat(values(dossier.get("timeline"), "toUser")).containsExactly(
                "tan-giang.vp.head", "tan-giang.vp.specialist1", "tan-giang.vp.head", "tan-giang.leader",
                "tan-giang.reception", "Nguyễn Thị Hồng Nhung");
        assertThat(values(dossier.get("timeline"), "toUnit")).containsExactly(
                "Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND", "Văn phòng HĐND và UBND",
                "Lãnh đạo UBND Phường Tân Giang", "Bộ phận Một cửa", "Công dân");
        for (JsonNode row : dossier.get("timeline")) {
            assertThat(row.get("handedAt").asText()).endsWith("+07:00");
            assertThat(row.get("receivedAt")).as("received: %s", row).isNotNull();
        }
        assertThat(http.tasks("tan-giang.reception", code)).isEmpty();

        // the portal's record at each status change, kept deflated, read back whole
        List<String> portalStatuses = new ArrayList<>();
        for (vn.motcua.outbox.OutboxMessage m : outbox.of(code)) {
            if (m.channel() == vn.motcua.outbox.Channel.PORTAL) {
                JsonNode record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.payload());
                assertThat(record.get("MaHoSo").asText()).isEqualTo(code);
                portalStatuses.add(record.get("TrangThaiHoSo").asText());
            }
        }
        assertThat(portalStatuses).containsExactly("1", "2", "4", "9", "10");
        assertThat(jdbc.sql("select count(*) from mc_outbox where dossier_code = ? and channel = 'PORTAL' "
                + "and payload is null and payload_deflated is not null").param(code).query(Long.class).single()).isEqualTo(5);
    }

    /** The process variables of a dossier the official may read (Tasklist's list columns). */
    private static List<String> variableNames(Http http, String user, String processInstanceId) {
        return values(http.get("/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId, user)
                .expect(200).body(), "name");
    }

    /** The filters Tasklist shows the official. */
    private static List<String> filterNames(Http http, String user) {
        return values(http.get("/engine-rest/filter?resourceType=Task", user).expect(200).body(), "name");
    }

    /** The filter Tasklist opens first: the lowest priority among those the official may read. */
    private static String landingFilter(Http http, String user) {
        JsonNode best = null;
        for (JsonNode filter : http.get("/engine-rest/filter?resourceType=Task", user).expect(200).body()) {
            if (best == null || filter.get("properties").get("priority").asInt() < best.get("properties").get("priority").asInt()) {
                best = filter;
            }
        }
        return best == null ? null : best.get("name").asText();
    }

    /** The task ids a Tasklist filter lists for the official (the call Tasklist makes). */
    private static List<String> filterTasks(Http http, String user, String filterName) {
        JsonNode filters = http.get("/engine-rest/filter?resourceType=Task", user).expect(200).body();
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(filterName)) {
                return values(http.post("/engine-rest/filter/" + filter.get("id").asText() + "/list", Map.of(), user)
                        .expect(200).body(), "id");
            }
        }
        return List.of();
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }
}
