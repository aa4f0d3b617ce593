package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import vn.motcua.dossier.Dossiers;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.process.DossierProcess.Decision;
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

    /**
     * Without a post-office connection the one-stop hands the result to the post office itself: the
     * tracking number goes on the dossier and the timeline names the post office as the receiver. The
     * dossier is not returned yet (status 10 waits for the delivery, {@link #recordPostConfirmation}).
     */
    @Bean("recordDispatch")
    JavaDelegate recordDispatch(ResultDelivery results) {
        return execution -> results.recordShipment(ProcessContract.dossierCode(execution),
                ProcessContract.POSTAL_TRACKING_NUMBER.get(execution));
    }

    /**
     * The one-stop records what the post office reported: delivered on a day, or returned to sender
     * on a day (then the citizen collects at the counter). The day may not be in the future nor before
     * the result was signed. Delivered: the dossier is returned (status 10); returned: the citizen
     * collects the result at the counter, as after the post office's own events.
     */
    @Bean("recordPostConfirmation")
    JavaDelegate recordPostConfirmation(Dossiers dossiers, ResultDelivery results, java.time.Clock clock) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            java.time.LocalDate day = dayOf(ProcessContract.POST_OUTCOME_DATE.get(execution));
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            java.time.OffsetDateTime signed = dossiers.find(code).finishedAt();
            if (day.isAfter(today)) {
                throw new RejectedCompletion(Var.POST_OUTCOME_DATE, "Ngày phát hoặc chuyển hoàn không được sau hôm nay");
            }
            if (signed != null && day.isBefore(signed.atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate())) {
                throw new RejectedCompletion(Var.POST_OUTCOME_DATE, "Ngày phát hoặc chuyển hoàn không được trước ngày ký kết quả");
            }
            boolean delivered = Decision.DELIVERED.equals(ProcessContract.POST_OUTCOME.get(execution));
            String note = ProcessContract.POST_OUTCOME_NOTE.get(execution);
            String detail = "ngày " + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    + ", Bộ phận Một cửa xác nhận" + (note == null || note.isBlank() ? "" : ": " + note.strip());
            execution.setVariable(Var.POST_DELIVERED, delivered);
            execution.setVariable(Var.POST_EVENT_DETAIL, detail);
            if (!delivered) {
                // back to the counter, as after the post office's own "returned" event
                results.recordPostEvent(code, false, "Chuyển hoàn: " + detail);
            }
        };
    }

    /** The day of a form's date field ("2026-11-24", or a date-time whose day it is). */
    private static java.time.LocalDate dayOf(String value) {
        try {
            return java.time.LocalDate.parse(value == null || value.length() < 10 ? String.valueOf(value) : value.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            throw new RejectedCompletion(Var.POST_OUTCOME_DATE, "Ngày không hợp lệ: " + value);
        }
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
