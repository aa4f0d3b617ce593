package vn.motcua.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Brings new Tân Giang birth registrations to a step through the real APIs, as the officials of
 * the demo province would: submitted as the portal, then each step completed by its official.
 */
public final class DossierSteps {

    /** A dossier waiting at a step: its code, the task there, its process instance. */
    public record AtStep(String code, String taskId, String processInstanceId) {
    }

    private final Http http;

    public DossierSteps(Http http) {
        this.http = http;
    }

    public AtStep submitted(String commune) {
        return submitted(commune, "COUNTER");
    }

    /** A birth registration of the commune, its result to be returned this way, at the reception check. */
    public AtStep submitted(String commune, String returnMethod) {
        String code = http.post("/api/dossiers", Submissions.birthRegistration(commune, returnMethod), Http.PORTAL)
                .expect(201).body().get("code").asText();
        return at(code, commune + ".reception");
    }

    /** Waiting for the head's assignment (accepted at reception). */
    public AtStep atAssignment() {
        return atAssignment("COUNTER");
    }

    private AtStep atAssignment(String returnMethod) {
        AtStep s = submitted("tan-giang", returnMethod);
        http.complete("tan-giang.reception", s.taskId(), Map.of("receptionDecision", "ACCEPT")).expect(204);
        return at(s.code(), "tan-giang.vp.head");
    }

    /** Waiting for specialist1's appraisal. */
    public AtStep atAppraisal() {
        return atAppraisal("COUNTER");
    }

    private AtStep atAppraisal(String returnMethod) {
        AtStep s = atAssignment(returnMethod);
        http.complete("tan-giang.vp.head", s.taskId(), Map.of("specialistId", "tan-giang.vp.specialist1")).expect(204);
        return at(s.code(), "tan-giang.vp.specialist1");
    }

    /** Waiting for the head's review of specialist1's draft. */
    public AtStep atReview() {
        return atReview("COUNTER");
    }

    private AtStep atReview(String returnMethod) {
        AtStep s = atAppraisal(returnMethod);
        http.complete("tan-giang.vp.specialist1", s.taskId(),
                Map.of("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh cho cháu Nguyễn Minh An")).expect(204);
        return at(s.code(), "tan-giang.vp.head");
    }

    /** Waiting for the leader's approval. */
    public AtStep atApproval() {
        return atApproval("COUNTER");
    }

    private AtStep atApproval(String returnMethod) {
        AtStep s = atReview(returnMethod);
        http.complete("tan-giang.vp.head", s.taskId(), Map.of("headDecision", "APPROVE")).expect(204);
        return at(s.code(), "tan-giang.leader");
    }

    /**
     * Sent by post without a post-office connection: the one-stop has recorded the tracking number
     * and waits to confirm the delivery (or the mail returned to sender).
     */
    public AtStep atPostConfirmation() {
        AtStep s = atApproval("POST");
        http.complete("tan-giang.leader", s.taskId(), Map.of("leaderDecision", "APPROVE")).expect(204);
        AtStep dispatch = at(s.code(), "tan-giang.reception");
        http.complete("tan-giang.reception", dispatch.taskId(), Map.of("postalTrackingNumber", "EB123456789VN")).expect(204);
        return at(s.code(), "tan-giang.reception");
    }

    /** The single open task of the dossier the official sees. */
    public AtStep at(String code, String official) {
        List<JsonNode> tasks = http.tasks(official, code);
        if (tasks.size() != 1) {
            throw new AssertionError(official + " sees " + tasks.size() + " tasks of " + code + ", expected 1");
        }
        JsonNode task = tasks.get(0);
        return new AtStep(code, task.get("id").asText(), task.get("processInstanceId").asText());
    }
}
