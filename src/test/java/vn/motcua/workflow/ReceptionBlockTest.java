package vn.motcua.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import vn.motcua.process.DossierProcess.Block;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Message;

/** Every path of the reception block (processes/chung/tiep-nhan.bpmn), its delegates mocked. */
@Deployment(resources = "processes/chung/tiep-nhan.bpmn")
class ReceptionBlockTest extends BlockTestSupport {

    ProcessInstance start(long fee) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(Block.RECEPTION, "HS-1", facts("HS-1", "feeAmount", fee));
        assertThat(pi).isWaitingAt(Element.TASK_RECEPTION_CHECK);
        assertThat(task(pi)).hasCandidateGroup("tan-giang:reception");
        return pi;
    }

    @Test
    void aCompleteDossierWithoutFeeIsAccepted() throws Exception {
        ProcessInstance pi = start(0);
        complete(task(pi), withVariables("receptionDecision", "ACCEPT"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_AcceptDossier", "End_Accepted").hasNotPassed("Task_CollectFee");
        verify(delegate("acceptDossier")).execute(any());
        verify(delegate("requestPayment"), never()).execute(any());
    }

    @Test
    void aFeeIsTakenInCashAtTheCounter() throws Exception {
        ProcessInstance pi = start(5000);
        complete(task(pi), withVariables("receptionDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt(Element.TASK_COLLECT_FEE);
        complete(task(pi), withVariables("feePaid", 5000, "receiptNumber", "BL-0001"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_RequestPayment", "ServiceTask_RecordCashPayment", "End_Accepted");
        verify(delegate("recordCashPayment")).execute(any());
    }

    @Test
    void aFeePaidOnlineEndsTheCounterStep() throws Exception {
        ProcessInstance pi = start(5000);
        complete(task(pi), withVariables("receptionDecision", "ACCEPT"));
        runtimeService().createMessageCorrelation(Message.PAYMENT_RECEIVED).processInstanceBusinessKey("HS-1").correlate();
        assertThat(pi).isEnded().hasPassed("Boundary_PaymentReceived", "End_Accepted").hasNotPassed("ServiceTask_RecordCashPayment");
        verify(delegate("recordCashPayment"), never()).execute(any());
    }

    @Test
    void aRefusedDossierEndsRefused() throws Exception {
        ProcessInstance pi = start(0);
        complete(task(pi), withVariables("receptionDecision", "REFUSE", "refusalReason", "Không thuộc thẩm quyền"));
        assertThat(pi).isEnded().hasPassed("ServiceTask_RefuseDossier", "End_Refused").hasNotPassed("ServiceTask_AcceptDossier");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aSupplementBeforeAcceptanceComesBackToTheCheck() throws Exception {
        ProcessInstance pi = start(0);
        complete(task(pi), withVariables("receptionDecision", "SUPPLEMENT", "supplementRequest", "Thiếu Giấy chứng sinh"));
        assertThat(pi).isWaitingAt(Element.TASK_RECEIVE_SUPPLEMENT);
        verify(delegate("requestSupplement")).execute(any());
        complete(task(pi), withVariables("supplementNote", "Đã nộp"));
        assertThat(pi).isWaitingAt(Element.TASK_RECEPTION_CHECK);
        verify(delegate("supplementReceived")).execute(any());
        complete(task(pi), withVariables("receptionDecision", "ACCEPT"));
        assertThat(pi).isEnded().hasPassed("End_Accepted");
    }
}
