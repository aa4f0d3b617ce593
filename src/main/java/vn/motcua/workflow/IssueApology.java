package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingTime;
import vn.motcua.dossier.Apology;
import vn.motcua.dossier.DossierClock;
import vn.motcua.common.Formats;
import vn.motcua.dossier.RescheduleRefused;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.process.DossierProcess.Var;

/** The head's reason and new date become the apology (Mẫu 04) and the appointment in force. */
@Component("issueApology")
class IssueApology implements JavaDelegate {

    private final DossierClock clock;
    private final WorkingTime time;
    private final Actors actors;
    private final Appointments appointments;

    IssueApology(DossierClock clock, WorkingTime time, Actors actors, Appointments appointments) {
        this.clock = clock;
        this.time = time;
        this.actors = actors;
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        Apology apology;
        try {
            OffsetDateTime newDate = parse(execution.getVariable(Var.NEW_APPOINTMENT), time);
            apology = clock.reschedule(code, newDate, (String) execution.getVariable(Var.DELAY_REASON), actors.now());
        } catch (RescheduleRefused | IllegalArgumentException e) {
            // the head's completion is refused with the reason; the task stays open
            throw new RejectedCompletion(Var.NEW_APPOINTMENT, e.getMessage());
        }
        appointments.refresh(execution);
        clock.notify(code, "APOLOGY", "Công dân", "Phiếu xin lỗi và hẹn lại ngày trả kết quả: "
                + Formats.dateTime(apology.newAppointmentAt()) + ". Lý do: " + apology.reason());
    }

    /**
     * The form's date or date-time ("2026-02-27" or "2026-02-27T10:00"); a date alone means the
     * close of office hours that day.
     */
    static OffsetDateTime parse(Object value, WorkingTime time) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(time.zone()).toOffsetDateTime();
        }
        String text = value == null ? "" : value.toString().trim();
        try {
            if (text.length() == 10) {
                return time.closingOf(LocalDate.parse(text)).toOffsetDateTime();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).atZoneSameInstant(time.zone()).toOffsetDateTime();
            }
            return LocalDateTime.parse(text).atZone(time.zone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Ngày hẹn mới không hợp lệ: " + text, e);
        }
    }
}
