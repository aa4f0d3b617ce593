package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.process.DossierProcess.Block;
import vn.motcua.process.DossierProcess.Element;

/**
 * Every path of the resolution block (processes/chung/giai-quyet.bpmn) and of its three variants,
 * delegates mocked: resolved, returned for rework, supplement with the clock paused, stopped by the
 * head or the leader, the one apology and the refused second one, the late mark.
 */
@Deployment(resources = {"processes/chung/giai-quyet.bpmn", "processes/chung/giai-quyet-phong.bpmn",
        "processes/chung/giai-quyet-rut-gon.bpmn", "processes/chung/giai-quyet-tai-cho.bpmn"})
class ResolutionBlockTest extends BlockTestSupport {

    @BeforeEach
    void routing() throws Exception {
        doAnswer(call -> {
            DelegateExecution e = call.getArgument(0);
            e.setVariable("departmentName", "Văn phòng HĐND và UBND");
            e.setVariable("headGroup", "tan-giang:vp:head");
            e.setVariable("headAssignee", "tan-giang.vp.head");
            e.setVariable("specialistGroup", "tan-giang:vp:specialist");
            e.setVariable("specialistOptions", Variables.objectValue(List.of(Map.of("label", "Vũ Văn Toàn", "value", "tan-giang.vp.specialist1")))
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            return null;
        }).when(delegate("routeToDepartment")).execute(any());
    }

    ProcessInstance start(String variant) {
        Date apology = Date.from(Instant.now().plus(2, ChronoUnit.DAYS));
        Date late = Date.from(Instant.now().plus(3, ChronoUnit.DAYS));
        return runtimeService().startProcessInstanceByKey(Block.RESOLUTION, "HS-2", facts("HS-2",
                "resolutionBlock", variant, "apologyDueAt", apology, "lateCheckAt", late,
                "appointmentAt", late, "appointmentLabel", "17 giờ 00 phút, ngày 25/02/2026"));
    }

    Task waiting(String taskKey) {
        Task task = taskService().createTaskQuery().processInstanceBusinessKey("HS-2").taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("waiting at %s", taskKey).isNotNull();
        return task;
    }

    void complete(String taskKey, Object... vars) {
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < vars.length; i += 2) values.put((String) vars[i], vars[i + 1]);
        taskService().complete(waiting(taskKey).getId(), values);
    }

    void draftAndApprove() {
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Giấy khai sinh");
        complete(Element.TASK_REVIEW_DRAFT, "headDecision", "APPROVE");
        complete(Element.TASK_LEADER_APPROVAL, "leaderDecision", "APPROVE");
    }

    @Test
    void theDepartmentFlowResolvesTheDossier() throws Exception {
        ProcessInstance pi = start(Block.DEPARTMENT);
        Task assign = waiting(Element.TASK_ASSIGN_SPECIALIST);
        assertThat(assign.getAssignee()).isEqualTo("tan-giang.vp.head");
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        assertThat(waiting(Element.TASK_APPRAISE_DOSSIER).getAssignee()).isEqualTo("tan-giang.vp.specialist1");
        draftAndApprove();
        assertThat(pi).isEnded().hasPassed("ServiceTask_IssueResult", "End_Resolved");
        assertThat(historicVariable(pi, "resolutionOutcome")).isEqualTo("RESOLVED");
        assertThat(historicVariable(pi, "draftResult")).isEqualTo("Giấy khai sinh");
        verify(delegate("issueResult")).execute(any());
    }

    @Test
    void theHeadAndTheLeaderSendTheDraftBack() {
        ProcessInstance pi = start(Block.DEPARTMENT);
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Dự thảo 1");
        complete(Element.TASK_REVIEW_DRAFT, "headDecision", "RETURN", "headComment", "Sửa tên cha");
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Dự thảo 2");
        complete(Element.TASK_REVIEW_DRAFT, "headDecision", "APPROVE");
        complete(Element.TASK_LEADER_APPROVAL, "leaderDecision", "RETURN", "leaderComment", "Ghi rõ nơi sinh");
        draftAndApprove();
        assertThat(pi).isEnded().hasPassed("End_Resolved");
        assertThat(historicVariable(pi, "draftResult")).isEqualTo("Giấy khai sinh");
    }

    @Test
    void anInvalidSpecialistIsChosenAgain() throws Exception {
        start(Block.DEPARTMENT);
        doThrow(new BpmnError("INVALID_SPECIALIST")).doNothing().when(delegate("assignSpecialist")).execute(any());
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.kt.specialist1");
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        waiting(Element.TASK_APPRAISE_DOSSIER);
    }

    @Test
    void aSupplementPausesTheClockAndTheSameSpecialistResumes() throws Exception {
        ProcessInstance pi = start(Block.DEPARTMENT);
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "SUPPLEMENT", "supplementRequest", "Thiếu tờ khai");
        assertThat(pi).isWaitingAt(Element.TASK_RECEIVE_PROCESSING_SUPPLEMENT);
        assertThat(pi).hasNotPassed("ServiceTask_IssueResult");
        verify(delegate("requestSupplement")).execute(any());
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery()
                .activityId("Boundary_ApologyDue").count()).as("no deadline timer while the citizen has the dossier").isZero();
        complete(Element.TASK_RECEIVE_PROCESSING_SUPPLEMENT, "supplementNote", "Đã nộp");
        verify(delegate("resumeProcessing")).execute(any());
        assertThat(waiting(Element.TASK_APPRAISE_DOSSIER).getAssignee()).as("assignment is not repeated").isEqualTo("tan-giang.vp.specialist1");
        draftAndApprove();
        assertThat(pi).isEnded().hasPassed("End_Resolved");
    }

    @Test
    void theHeadStopsProcessingWithAReason() throws Exception {
        ProcessInstance pi = start(Block.DEPARTMENT);
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Dự thảo");
        complete(Element.TASK_REVIEW_DRAFT, "headDecision", "STOP", "stopReason", "Người yêu cầu không đủ điều kiện");
        assertThat(pi).isEnded().hasPassed("ServiceTask_StopProcessing", "End_Stopped").hasNotPassed("ServiceTask_IssueResult");
        assertThat(historicVariable(pi, "resolutionOutcome")).isEqualTo("STOPPED");
        assertThat(historicVariable(pi, "stopReason")).isEqualTo("Người yêu cầu không đủ điều kiện");
        verify(delegate("stopProcessing")).execute(any());
    }

    @Test
    void theLeaderStopsProcessingWithAReason() throws Exception {
        ProcessInstance pi = start(Block.DEPARTMENT);
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Dự thảo");
        complete(Element.TASK_REVIEW_DRAFT, "headDecision", "APPROVE");
        complete(Element.TASK_LEADER_APPROVAL, "leaderDecision", "STOP", "stopReason", "Giấy tờ giả mạo");
        assertThat(pi).isEnded().hasPassed("End_Stopped");
        verify(delegate("issueResult"), never()).execute(any());
    }

    @Test
    void oneApologyWithANewDateThenNoSecondOne() throws Exception {
        ProcessInstance pi = start(Block.DEPARTMENT);
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("rescheduleCount", 1L);
            return null;
        }).when(delegate("issueApology")).execute(any());
        execute(job("Boundary_ApologyDue", pi));
        Task explain = waiting(Element.TASK_EXPLAIN_DELAY);
        assertThat(explain.getAssignee()).isEqualTo("tan-giang.vp.head");
        complete(Element.TASK_EXPLAIN_DELAY, "delayReason", "Chờ xác minh", "newAppointment", "2026-03-02");
        verify(delegate("issueApology")).execute(any());
        assertThat(pi).isWaitingAt("Sub_Resolution");
        // a supplement later re-enters the resolution and re-arms the timer: no second apology, the leadership is told
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "SUPPLEMENT", "supplementRequest", "Thiếu tờ khai");
        complete(Element.TASK_RECEIVE_PROCESSING_SUPPLEMENT, "supplementNote", "Đã nộp");
        execute(job("Boundary_ApologyDue", pi));
        verify(delegate("notifyDelay")).execute(any());
        assertThat(taskService().createTaskQuery().taskDefinitionKey(Element.TASK_EXPLAIN_DELAY).count()).isZero();
    }

    @Test
    void aPassedAppointmentMarksTheDossierLateAndWorkGoesOn() throws Exception {
        ProcessInstance pi = start(Block.DEPARTMENT);
        execute(job("Boundary_AppointmentPassed", pi));
        verify(delegate("markLate")).execute(any());
        complete(Element.TASK_ASSIGN_SPECIALIST, "specialistId", "tan-giang.vp.specialist1");
        draftAndApprove();
        assertThat(pi).isEnded().hasPassed("End_Resolved", "End_MarkedLate");
    }

    @Test
    void theShortFlowGoesFromSpecialistToLeader() {
        ProcessInstance pi = start(Block.SHORT);
        Task appraisal = waiting(Element.TASK_APPRAISE_DOSSIER);
        assertThat(taskService().getIdentityLinksForTask(appraisal.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("tan-giang:vp:specialist"));
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Kết quả");
        assertThat(taskService().createTaskQuery().taskDefinitionKey(Element.TASK_REVIEW_DRAFT).count()).isZero();
        complete(Element.TASK_LEADER_APPROVAL, "leaderDecision", "APPROVE");
        assertThat(pi).isEnded().hasPassed("End_Resolved");
        assertThat(historicVariable(pi, "resolutionOutcome")).isEqualTo("RESOLVED");
    }

    @Test
    void theOnTheSpotFlowIsHandledByTheOneStopAndSignedByTheLeader() {
        ProcessInstance pi = start(Block.ON_THE_SPOT);
        Task counter = waiting(Element.TASK_APPRAISE_DOSSIER);
        assertThat(taskService().getIdentityLinksForTask(counter.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("tan-giang:reception"));
        complete(Element.TASK_APPRAISE_DOSSIER, "appraisalDecision", "DRAFT", "draftResult", "Bản sao được chứng thực");
        complete(Element.TASK_LEADER_APPROVAL, "leaderDecision", "APPROVE");
        assertThat(pi).isEnded().hasPassed("End_Resolved");
    }

    private static Object historicVariable(ProcessInstance pi, String name) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(name).singleResult().getValue();
    }
}
