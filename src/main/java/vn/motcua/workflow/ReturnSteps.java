package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.FeeCheck;
import vn.motcua.dossier.Payments;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.workflow.DossierProcess.Element;
import vn.motcua.workflow.DossierProcess.Var;

/**
 * The small delegates of returning the result and of fees: each reads its variables and calls one
 * service method.
 */
@Configuration(proxyBeanMethods = false)
class ReturnSteps {

    /** The signed result goes to the post office (the outbox creates the shipment, retrying until it is taken). */
    @Bean("requestShipment")
    JavaDelegate requestShipment(DossierService dossiers) {
        return execution -> {
            String code = (String) execution.getVariable(Var.DOSSIER_CODE);
            dossiers.receive(code, "Bộ phận Một cửa", null, null);
            dossiers.requestShipment(code);
        };
    }

    /** The post office could not deliver: the result goes back to the counter. */
    @Bean("postReturned")
    JavaDelegate postReturned(DossierService dossiers) {
        return execution -> dossiers.recordPostEvent((String) execution.getVariable(Var.DOSSIER_CODE), false,
                "Chuyển hoàn: " + execution.getVariable("postEventDetail"));
    }

    /** The electronic result is published: the citizen downloads it with the lookup secret, the portal gets it. */
    @Bean("publishResultOnline")
    JavaDelegate publishResultOnline(DossierService dossiers) {
        return execution -> {
            String code = (String) execution.getVariable(Var.DOSSIER_CODE);
            dossiers.receive(code, "Bộ phận Một cửa", null, null);
            dossiers.publishResultOnline(code);
        };
    }

    /** A fee is due: status 6 until the citizen pays online or at the counter. */
    @Bean("requestPayment")
    JavaDelegate requestPayment(DossierService dossiers, Actors actors) {
        return execution -> dossiers.changeStatus((String) execution.getVariable(Var.DOSSIER_CODE),
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
            Object due = execution.getVariable(Var.FEE_AMOUNT);
            FeeCheck fee = FeeCheck.check(due instanceof Number n ? n.longValue() : 0L,
                    execution.getVariable(Var.FEE_PAID), execution.getVariable(Var.RECEIPT_NUMBER));
            if (!fee.ok()) {
                throw new RejectedCompletion(fee.message());
            }
            payments.recordCash((String) execution.getVariable(Var.DOSSIER_CODE), Element.TASK_COLLECT_FEE, fee, actors.now());
        };
    }
}
