package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.StatusChange;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.support.Submissions;
import vn.motcua.process.DossierProcess.Element;

/** Every path of the birth registration process, on the real engine with the real delegates. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class BirthRegistrationProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DossierSubmission submission;
    @Autowired Dossiers dossiers;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @Test
    void acceptedDossierIsReturnedAtTheCounter() {
        ProcessInstance pi = submit("COUNTER");
        acceptAndApprove(pi);
        ProcessInstance returning = returning(pi);
        waitingAt(returning, Element.TASK_RETURN_AT_COUNTER);
        assertThat(current(returning)).hasCandidateGroup("tan-giang:reception");
        complete(current(returning), withVariables("recipientName", "Nguyễn Thị Hồng Nhung"));
        assertThat(returning).isEnded().hasPassed("ServiceTask_ReturnResult");
        assertThat(pi).isEnded();
        assertThat(endedAt(pi)).isEqualTo(Element.END_RETURNED);
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9, 10);
        assertThat(last(pi).note()).contains("Nguyễn Thị Hồng Nhung");
    }

    @Test
    void acceptedDossierIsSentByPostWithItsTrackingNumber() {
        ProcessInstance pi = submit("POST");
        acceptAndApprove(pi);
        ProcessInstance returning = returning(pi);
        waitingAt(returning, Element.TASK_RETURN_BY_POST);
        complete(current(returning), withVariables("postalTrackingNumber", "EB123456789VN"));

        // dispatched, not returned: the post office holds the result until the one-stop confirms the delivery
        waitingAt(returning, Element.TASK_CONFIRM_POST_DELIVERY);
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9);
        assertThat(dossier(pi).timeline()).last().satisfies(row -> assertThat(row.toUnit()).isEqualTo("Bưu chính công ích"));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThatThrownBy(() -> complete(current(returning), withVariables("postOutcome", "DELIVERED",
                "postOutcomeDate", java.time.LocalDate.parse(today).plusDays(1).toString())))
                .isInstanceOf(RejectedCompletion.class).hasMessageContaining("sau hôm nay");
        assertThatThrownBy(() -> complete(current(returning), withVariables("postOutcome", "DELIVERED")))
                .hasMessageContaining("Trường postOutcomeDate là bắt buộc");
        waitingAt(returning, Element.TASK_CONFIRM_POST_DELIVERY);

        complete(current(returning), withVariables("postOutcome", "DELIVERED", "postOutcomeDate", today,
                "postOutcomeNote", "Người nhận: Nguyễn Thị Hồng Nhung"));
        assertThat(pi).isEnded();
        assertThat(endedAt(pi)).isEqualTo(Element.END_RETURNED);
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9, 10);
        assertThat(last(pi).note()).contains("EB123456789VN", "Bộ phận Một cửa xác nhận", "Người nhận: Nguyễn Thị Hồng Nhung");
        assertThat(dossier(pi).timeline()).last().satisfies(row -> assertThat(row.toUnit()).isEqualTo("Công dân"));
    }

    @Test
    void mailReturnedToSenderIsCollectedAtTheCounter() {
        ProcessInstance pi = submit("POST");
        acceptAndApprove(pi);
        ProcessInstance returning = returning(pi);
        complete(current(returning), withVariables("postalTrackingNumber", "EB987654321VN"));
        complete(current(returning), withVariables("postOutcome", "RETURNED",
                "postOutcomeDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
                "postOutcomeNote", "Không có người nhận"));

        waitingAt(returning, Element.TASK_RETURN_AT_COUNTER);
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9);
        complete(current(returning), withVariables("recipientName", "Nguyễn Thị Hồng Nhung"));
        assertThat(pi).isEnded();
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9, 10);
        assertThat(last(pi).note()).contains("người nhận: Nguyễn Thị Hồng Nhung", "sau khi bưu gửi bị chuyển hoàn");
    }

    @Test
    void acceptedDossierIsReturnedOnlineWithoutAClerk() {
        ProcessInstance pi = submit("ONLINE");
        acceptAndApprove(pi);
        assertThat(pi).isEnded();
        assertThat(endedAt(pi)).isEqualTo(Element.END_RETURNED);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(Element.TASK_RETURN_AT_COUNTER)
                .processInstanceId(pi.getId()).count()).isZero();
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9, 10);
        assertThat(last(pi).note()).isEqualTo("Trả kết quả điện tử trực tuyến");
    }

    @Test
    void supplementRequestWaitsForThePapersThenGoesBackToReception() {
        ProcessInstance pi = submit("COUNTER");
        complete(current(pi), withVariables("receptionDecision", "SUPPLEMENT", "supplementRequest", "Thiếu Giấy chứng sinh"));
        waitingAt(pi, Element.TASK_RECEIVE_SUPPLEMENT);
        assertThat(dossier(pi).status()).isEqualTo(5);
        complete(current(pi), withVariables("supplementNote", "Đã nộp Giấy chứng sinh"));
        waitingAt(pi, Element.TASK_RECEPTION_CHECK);
        complete(current(pi), withVariables("receptionDecision", "ACCEPT"));
        waitingAt(pi, Element.TASK_ASSIGN_SPECIALIST);
        assertThat(statuses(pi)).containsExactly(1, 5, 1, 2, 4);
        assertThat(dossier(pi).supplementCount()).isEqualTo(1);
    }

    @Test
    void refusedDossierEndsNotReceived() {
        ProcessInstance pi = submit("COUNTER");
        complete(current(pi), withVariables("receptionDecision", "REFUSE", "refusalReason", "Không thuộc thẩm quyền"));
        assertThat(pi).isEnded();
        assertThat(endedAt(pi)).isEqualTo(Element.END_REFUSED);
        assertThat(statuses(pi)).containsExactly(1, 3);
        assertThat(last(pi).note()).contains("Không thuộc thẩm quyền");
        assertThat(dossier(pi).timeline()).singleElement()
                .satisfies(row -> assertThat(row.toUser()).isEqualTo("Nguyễn Thị Hồng Nhung"));
    }

    @Test
    void headSendsTheDraftBackToTheSpecialist() {
        ProcessInstance pi = submit("COUNTER");
        acceptAndAssign(pi);
        complete(current(pi), withVariables("appraisalDecision", "DRAFT", "draftResult", "Dự thảo lần 1"));
        waitingAt(pi, Element.TASK_REVIEW_DRAFT);
        complete(current(pi), withVariables("headDecision", "RETURN", "headComment", "Sửa tên cha"));
        waitingAt(pi, Element.TASK_APPRAISE_DOSSIER);
        assertThat(current(pi)).isAssignedTo("tan-giang.vp.specialist2");
        complete(current(pi), withVariables("appraisalDecision", "DRAFT", "draftResult", "Dự thảo lần 2"));
        complete(current(pi), withVariables("headDecision", "APPROVE"));
        waitingAt(pi, Element.TASK_LEADER_APPROVAL);
    }

    @Test
    void leaderSendsTheDraftBackForRework() {
        ProcessInstance pi = submit("COUNTER");
        acceptAndAssign(pi);
        complete(current(pi), withVariables("appraisalDecision", "DRAFT", "draftResult", "Dự thảo lần 1"));
        complete(current(pi), withVariables("headDecision", "APPROVE"));
        assertThat(current(pi)).hasCandidateGroup("tan-giang:leader");
        complete(current(pi), withVariables("leaderDecision", "RETURN", "leaderComment", "Ghi rõ nơi sinh"));
        waitingAt(pi, Element.TASK_APPRAISE_DOSSIER);
        complete(current(pi), withVariables("appraisalDecision", "DRAFT", "draftResult", "Dự thảo lần 2"));
        complete(current(pi), withVariables("headDecision", "APPROVE"));
        complete(current(pi), withVariables("leaderDecision", "APPROVE"));
        waitingAt(returning(pi), Element.TASK_RETURN_AT_COUNTER);
        assertThat(statuses(pi)).containsExactly(1, 2, 4, 9);
    }

    @Test
    void routingOffersTheDepartmentsSpecialistsAndAssignsItsHead() throws Exception {
        ProcessInstance pi = submit("COUNTER");
        complete(current(pi), withVariables("receptionDecision", "ACCEPT"));
        assertThat(current(pi)).isAssignedTo("tan-giang.vp.head");
        assertThat(tasks.getIdentityLinksForTask(current(pi).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("tan-giang:vp:head"));
        ObjectValue options = runtime.getVariableTyped(current(pi).getProcessInstanceId(), "specialistOptions", false);
        assertThat(options.getSerializationDataFormat()).isEqualTo("application/json");
        List<Map<String, String>> parsed = new ObjectMapper().readValue(options.getValueSerialized(),
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertThat(parsed).containsExactly(
                Map.of("label", "Vũ Văn Toàn", "value", "tan-giang.vp.specialist1"),
                Map.of("label", "Đỗ Thị Hằng", "value", "tan-giang.vp.specialist2"));
    }

    @Test
    void aSpecialistOfAnotherDepartmentCannotBeChosen() {
        ProcessInstance pi = submit("COUNTER");
        complete(current(pi), withVariables("receptionDecision", "ACCEPT"));
        complete(current(pi), withVariables("specialistId", "tan-giang.kt.specialist1"));
        waitingAt(pi, Element.TASK_ASSIGN_SPECIALIST);
        complete(current(pi), withVariables("specialistId", "thuc-phan.vp.specialist1"));
        waitingAt(pi, Element.TASK_ASSIGN_SPECIALIST);
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist1"));
        waitingAt(pi, Element.TASK_APPRAISE_DOSSIER);
        assertThat(current(pi)).isAssignedTo("tan-giang.vp.specialist1");
    }

    @Test
    void aCompletionWithoutAValidDecisionIsRejectedAndChangesNothing() {
        ProcessInstance pi = submit("COUNTER");
        String taskId = current(pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("receptionDecision", "MAYBE")))
                .hasRootCauseInstanceOf(RejectedCompletion.class);
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("receptionDecision", "REFUSE")))
                .hasRootCauseInstanceOf(RejectedCompletion.class)
                .rootCause().hasMessageContaining("refusalReason");
        waitingAt(pi, Element.TASK_RECEPTION_CHECK);
        assertThat(runtime.getVariable(current(pi).getProcessInstanceId(), "receptionDecision")).isNull();
        assertThat(statuses(pi)).containsExactly(1);
        assertThat(dossier(pi).timeline()).isEmpty();
    }

    /** The end event the instance ended at: its own history row keeps it (the end event's activity row is plumbing, vn.motcua.engine.LeanHistory). */
    private String endedAt(ProcessInstance pi) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getEndActivityId();
    }

    private ProcessInstance submit(String returnMethod) {
        Map<String, Object> body = Submissions.birthRegistration("tan-giang", returnMethod);
        SubmissionRequest request = new ObjectMapper().convertValue(body, SubmissionRequest.class);
        DossierView view = submission.submit(request);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(view.code())
                .processDefinitionKey("thu-tuc").singleResult();
        waitingAt(pi, Element.TASK_RECEPTION_CHECK);
        assertThat(pi.getTenantId()).isEqualTo("tan-giang");
        return pi;
    }

    private void acceptAndAssign(ProcessInstance pi) {
        complete(current(pi), withVariables("receptionDecision", "ACCEPT"));
        complete(current(pi), withVariables("specialistId", "tan-giang.vp.specialist2"));
        waitingAt(pi, Element.TASK_APPRAISE_DOSSIER);
    }

    private void acceptAndApprove(ProcessInstance pi) {
        acceptAndAssign(pi);
        complete(current(pi), withVariables("appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh cho cháu Nguyễn Minh An"));
        complete(current(pi), withVariables("headDecision", "APPROVE"));
        complete(current(pi), withVariables("leaderDecision", "APPROVE"));
    }

    /** The shared return process the dossier's procedure called. */
    private ProcessInstance returning(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("CallActivity_ReturnResult");
        ProcessInstance called = runtime.createProcessInstanceQuery().processInstanceBusinessKey(pi.getBusinessKey())
                .processDefinitionKey("tra-ket-qua").singleResult();
        assertThat(called.getProcessDefinitionId()).startsWith("tra-ket-qua:");
        assertThat(called.getTenantId()).isEqualTo("tan-giang");
        return called;
    }

    /** The open task of the dossier, in whichever block of its procedure it waits. */
    private org.camunda.bpm.engine.task.Task current(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    }

    private void waitingAt(ProcessInstance pi, String taskKey) {
        org.camunda.bpm.engine.task.Task task = current(pi);
        assertThat(task).as("an open task of %s", pi.getBusinessKey()).isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    }

    private DossierView dossier(ProcessInstance pi) {
        return dossiers.get(pi.getBusinessKey());
    }

    private List<Integer> statuses(ProcessInstance pi) {
        return dossier(pi).statusHistory().stream().map(s -> s.status().code()).toList();
    }

    private StatusChange last(ProcessInstance pi) {
        List<StatusChange> history = dossier(pi).statusHistory();
        return history.get(history.size() - 1);
    }
}
