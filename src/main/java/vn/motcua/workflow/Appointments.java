package vn.motcua.workflow;

import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Deadlines;
import vn.motcua.common.Formats;
import vn.motcua.process.DossierProcess.Var;

/** Writes a dossier's appointment into the variables its timers and forms read. */
@Component
class Appointments {

    private final Deadlines deadlines;

    Appointments(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * @param statutory the appointment the law sets (moved by supplements, not by an apology): the
     *                  dossier is late once it has passed; the apology is due one working day before it
     */
    void set(DelegateExecution execution, OffsetDateTime inForce, OffsetDateTime statutory) {
        execution.setVariable(Var.APPOINTMENT_AT, Date.from(inForce.toInstant()));
        execution.setVariable(Var.APPOINTMENT_LABEL, Formats.dateTime(inForce));
        // late once the appointment has passed: in the minute after it (finishing at 16:00 for 16:00 is on time)
        execution.setVariable(Var.LATE_CHECK_AT, Date.from(statutory.plusMinutes(1).toInstant()));
        execution.setVariable(Var.APOLOGY_DUE_AT, Date.from(deadlines.apologyDue(statutory.toZonedDateTime()).toInstant()));
    }
}
