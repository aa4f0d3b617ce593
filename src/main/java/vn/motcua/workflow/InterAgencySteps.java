package vn.motcua.workflow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.AgencyPart;
import vn.motcua.dossier.AgencyParts;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;
import vn.motcua.process.ProcessContract;

/**
 * The delegates of an inter-agency part (processes/chung/lien-thong.bpmn): the part goes to its
 * agency with its own deadline in the bundle, and the one-stop's record of the agency's result is
 * kept (the agency's own event is taken by the integration API).
 */
@Configuration(proxyBeanMethods = false)
class InterAgencySteps {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * Sends the part (through the outbox when the agency is connected) with the commune's result,
     * due at the share of the bundle's limit the catalog gives its waiting step; the one-stop's form
     * then shows what was sent and when.
     */
    @Bean("sendToAgency")
    JavaDelegate sendToAgency(AgencyParts parts, StepDeadlines deadlines) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            AgencyPart part = part(execution);
            Date due = deadlines.dueOf(execution, Element.TASK_RECORD_AGENCY_RESULT);
            AgencyParts.Sent sent = parts.send(code, part, ProcessContract.DRAFT_RESULT.get(execution),
                    due == null ? null : due.toInstant().atZone(ZONE).toOffsetDateTime());
            ProcessContract.AGENCY_NAME.set(execution, part.agency().label());
            ProcessContract.AGENCY_PART_NAME.set(execution, part.label());
            ProcessContract.AGENCY_TASK_TITLE.set(execution, sent.taskTitle(part));
            ProcessContract.AGENCY_SENT.set(execution, sent.label(part));
            ProcessContract.AGENCY_REQUEST.set(execution, sent.request());
        };
    }

    /**
     * The one-stop recorded the agency's result: done with its number, or refused with the reason,
     * on a day neither in the future nor before the part was sent.
     */
    @Bean("recordAgencyResult")
    JavaDelegate recordAgencyResult(AgencyParts parts, Actors actors, java.time.Clock clock) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            AgencyPart part = part(execution);
            LocalDate day = day(ProcessContract.AGENCY_RESULT_DATE.get(execution));
            if (day.isAfter(LocalDate.now(clock.withZone(ZONE)))) {
                throw new RejectedCompletion(Var.AGENCY_RESULT_DATE, "Ngày của kết quả không được sau hôm nay");
            }
            OffsetDateTime sent = parts.sentAt(code, part).orElse(null);
            if (sent != null && day.isBefore(sent.atZoneSameInstant(ZONE).toLocalDate())) {
                throw new RejectedCompletion(Var.AGENCY_RESULT_DATE, "Ngày của kết quả không được trước ngày chuyển hồ sơ cho "
                        + part.agency().label());
            }
            boolean done = Decision.DONE.equals(ProcessContract.AGENCY_OUTCOME.get(execution));
            String number = done ? ProcessContract.AGENCY_RESULT_NUMBER.get(execution) : null;
            if (!parts.recorded(code, part, Element.TASK_RECORD_AGENCY_RESULT, done, number == null ? null : number.strip(), day,
                    ProcessContract.AGENCY_NOTE.get(execution), actors.now())) {
                throw new RejectedCompletion(Var.AGENCY_OUTCOME, "Phần việc " + part.label() + " đã có kết quả");
            }
        };
    }

    private static AgencyPart part(DelegateExecution execution) {
        String code = ProcessContract.AGENCY_PART.get(execution);
        return AgencyPart.of(code).orElseThrow(() -> new IllegalStateException("Unknown inter-agency part " + code));
    }

    /** The day of a form's date field ("2026-11-24", or a date-time whose day it is). */
    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value == null || value.length() < 10 ? String.valueOf(value) : value.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new RejectedCompletion(Var.AGENCY_RESULT_DATE, "Ngày không hợp lệ: " + value);
        }
    }
}
