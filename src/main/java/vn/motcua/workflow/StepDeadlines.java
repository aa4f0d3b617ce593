package vn.motcua.workflow;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.Deadlines;
import vn.motcua.process.DossierProcess.Var;

/**
 * Step deadlines for the diagrams: a user task's {@code camunda:dueDate="${stepDeadlines.due(execution)}"}
 * and its timeout listeners' {@code ${stepDeadlines.warning(execution)}} / {@code ${stepDeadlines.due(execution)}}.
 * The due date is computed once per step and kept in a transient variable, so the task's due date
 * and its timers agree to the millisecond.
 */
@Component("stepDeadlines")
public class StepDeadlines {

    private final Deadlines deadlines;

    StepDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** The step's deadline, or null when it has none (the citizen's turn, or before the clock starts). */
    public Date due(DelegateExecution execution) {
        String key = "stepDue_" + execution.getCurrentActivityId();
        Object cached = execution.getVariableLocal(key);
        if (cached instanceof Date date) {
            return date;
        }
        Date due = ownTime(execution, execution.getCurrentActivityId());
        if (due != null) {
            execution.setVariableLocal(key, Variables.dateValue(due, true));
            return due;
        }
        Date appointment = (Date) execution.getVariable(Var.APPOINTMENT_AT);
        boolean paused = Boolean.TRUE.equals(execution.getVariable(Var.CLOCK_PAUSED));
        due = deadlines.stepDue((String) execution.getVariable(Var.PROCEDURE_CODE), execution.getCurrentActivityId(),
                        now(), appointment == null ? null : zoned(appointment), paused)
                .map(t -> Date.from(t.toInstant()))
                .orElse(null);
        if (due != null) {
            execution.setVariableLocal(key, Variables.dateValue(due, true));
        }
        return due;
    }

    /**
     * The deadline a later step of this execution will have if it begins now (uncached): an
     * inter-agency part records its due date when it is sent, before its task exists.
     */
    public Date dueOf(DelegateExecution execution, String step) {
        Date own = ownTime(execution, step);
        if (own != null) return own;
        Date appointment = (Date) execution.getVariable(Var.APPOINTMENT_AT);
        boolean paused = Boolean.TRUE.equals(execution.getVariable(Var.CLOCK_PAUSED));
        return deadlines.stepDue((String) execution.getVariable(Var.PROCEDURE_CODE), step, now(),
                        appointment == null ? null : zoned(appointment), paused)
                .map(t -> Date.from(t.toInstant()))
                .orElse(null);
    }

    /**
     * An agency's part that pauses the clock (the tax authority's financial obligations) is due after
     * its own working days, not at a share of the procedure's limit: null for any other step.
     */
    private Date ownTime(DelegateExecution execution, String step) {
        if (!vn.motcua.process.DossierProcess.Element.TASK_RECORD_AGENCY_RESULT.equals(step)) return null;
        Object part = execution.getVariable(Var.AGENCY_PART);
        return vn.motcua.dossier.AgencyPart.of(part == null ? null : part.toString())
                .filter(vn.motcua.dossier.AgencyPart::pausesClock)
                .map(p -> Date.from(deadlines.time().plusWorkingMinutes(now(),
                        p.ownWorkingDays() * deadlines.time().minutesPerDay()).toInstant()))
                .orElse(null);
    }

    /** When to warn the official before the step's deadline. */
    public Date warning(DelegateExecution execution) {
        Date due = due(execution);
        return due == null ? null : Date.from(deadlines.warning(now(), zoned(due)).toInstant());
    }

    /** One working day from now: the horizon of Tasklist's "Sắp đến hạn" filter. */
    public Date withinOneWorkingDay() {
        var time = deadlines.time();
        return Date.from(time.plusWorkingMinutes(time.nextOpening(now()), time.minutesPerDay()).toInstant());
    }

    private ZonedDateTime now() {
        return zoned(ClockUtil.getCurrentTime());
    }

    private ZonedDateTime zoned(Date date) {
        return date.toInstant().atZone(deadlines.time().zone());
    }
}
