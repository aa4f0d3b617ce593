package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.FeeCheck;
import vn.motcua.dossier.Payments;
import vn.motcua.dossier.ResultDelivery;
import vn.motcua.dossier.StatusLog;
import vn.motcua.dossier.Timeline;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;

/**
 * The small delegates of returning the result and of fees: each reads its variables and calls one
 * service method.
 */
@Configuration(proxyBeanMethods = false)
class ReturnSteps {

    /** The signed result goes to the post office (the outbox creates the shipment, retrying until it is taken). */
    @Bean("requestShipment")
    JavaDelegate requestShipment(Timeline timeline, ResultDelivery results) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            timeline.receive(code, "Bộ phận Một cửa", null, null);
            results.requestShipment(code);
        };
    }

    /** The post office could not deliver: the result goes back to the counter. */
    @Bean("postReturned")
    JavaDelegate postReturned(ResultDelivery results) {
        return execution -> results.recordPostEvent(ProcessContract.dossierCode(execution), false,
                "Chuyển hoàn: " + execution.getVariable(Var.POST_EVENT_DETAIL));
    }

    /** The electronic result is published: the citizen downloads it with the lookup secret, the portal gets it. */
    @Bean("publishResultOnline")
    JavaDelegate publishResultOnline(Timeline timeline, ResultDelivery results) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            timeline.receive(code, "Bộ phận Một cửa", null, null);
            results.publishResultOnline(code);
        };
    }

    /** A fee is due: status 6 until the citizen pays online or at the counter. */
    @Bean("requestPayment")
    JavaDelegate requestPayment(StatusLog statusLog, Actors actors) {
        return execution -> statusLog.changeStatus(ProcessContract.dossierCode(execution),
                DossierStatus.FINANCIAL_OBLIGATION, actors.now(), "Yêu cầu nộp " + execution.getVariable(Var.FEE_LABEL));
    }

    /**
     * The reception officer took the fee in cash: exactly the amount due, with a receipt number
     * ({@link FeeCheck}); anything else is refused and the task stays open. The payment goes into
     * the status history and onto the fee step's row of the timeline (Mẫu 05).
     */
    @Bean("recordCashPayment")
    JavaDelegate recordCashPayment(Payments payments, Actors actors) {
        return execution -> {
            // the completion guard has held the payment to the amount due (FeeCheck); this records it
            FeeCheck fee = FeeCheck.check(ProcessContract.FEE_AMOUNT.get(execution) == null ? 0L : ProcessContract.FEE_AMOUNT.get(execution),
                    execution.getVariable(Var.FEE_PAID), execution.getVariable(Var.RECEIPT_NUMBER));
            payments.recordCash(ProcessContract.dossierCode(execution), Element.TASK_COLLECT_FEE, fee, actors.now());
        };
    }
}
