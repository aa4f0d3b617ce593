package vn.motcua.calendar;

import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;

/**
 * The deadlines of a dossier: its appointment (ngày hẹn trả), each step's share of it, the warning
 * before a step's deadline, the day the apology is due, and how a supplement moves the appointment.
 */
@Service
public class Deadlines {

    private final WorkingTime time;
    private final ProcedureCatalog catalog;
    private final long warningMinutes;

    Deadlines(WorkingTime time, ProcedureCatalog catalog, CalendarProperties properties) {
        this.time = time;
        this.catalog = catalog;
        this.warningMinutes = WorkingDuration.parse(properties.warningBefore())
                .orElseThrow(() -> new IllegalArgumentException("motcua.calendar.warning-before must look like 0.5WD or 4WH"))
                .minutes(time.minutesPerDay());
    }

    public WorkingTime time() {
        return time;
    }

    /** The appointment of a dossier accepted at this instant. */
    public ZonedDateTime appointment(Procedure procedure, ZonedDateTime accepted) {
        return time.due(accepted, procedure.limit().value(), procedure.limit().unit());
    }

    /** One working day before the appointment: the latest time to apologise and set a new date. */
    public ZonedDateTime apologyDue(ZonedDateTime appointment) {
        return time.minusWorkingMinutes(appointment, time.minutesPerDay());
    }

    /**
     * A step's deadline: its share of the procedure's limit from the moment the step begins, never
     * after the appointment. A step with no share (the citizen's supplement, the return of the
     * result) is due at the appointment, or has no deadline while the clock is paused or before it
     * starts.
     */
    public Optional<ZonedDateTime> stepDue(String procedureCode, String step, ZonedDateTime begins,
                                           ZonedDateTime appointment, boolean paused) {
        Procedure procedure = catalog.find(procedureCode).orElse(null);
        if (procedure == null) return Optional.empty();
        // a step of a shared process (returning the result) has no share of its own
        int share = procedure.steps().getOrDefault(step, 0);
        if (share == 0) {
            return paused ? Optional.empty() : Optional.ofNullable(appointment);
        }
        long total = time.limitMinutes(begins, procedure.limit().value(), procedure.limit().unit());
        ZonedDateTime due = time.plusWorkingMinutes(time.nextOpening(begins), Math.round(total * share / 100.0));
        return Optional.of(appointment != null && due.isAfter(appointment) ? appointment : due);
    }

    /**
     * When to warn before a step's deadline: half a working day before (configurable), or halfway
     * through a step shorter than that, never as the step begins.
     */
    public ZonedDateTime warning(ZonedDateTime begins, ZonedDateTime due) {
        ZonedDateTime warning = time.minusWorkingMinutes(due, warningMinutes);
        if (warning.isAfter(begins)) {
            return warning;
        }
        ZonedDateTime start = time.nextOpening(begins);
        long length = Math.max(0, time.workingMinutesBetween(start, due));
        return time.plusWorkingMinutes(start, length / 2);
    }

    /** The appointment after the citizen completed the dossier, per the procedure's rule. */
    public ZonedDateTime afterSupplement(Procedure procedure, ZonedDateTime appointment, ZonedDateTime pausedAt,
                                         ZonedDateTime resumedAt) {
        return switch (procedure.supplementRule()) {
            case RESTART -> appointment(procedure, resumedAt);
            case EXTEND -> afterUncountedWait(appointment, pausedAt, resumedAt);
        };
    }

    /** Working minutes left until the appointment; negative once it has passed. */
    /**
     * A wait that the limit does not count (a land dossier's financial obligations): the appointment
     * moves by the working time it lasted, whatever the procedure's supplement rule.
     */
    public ZonedDateTime afterUncountedWait(ZonedDateTime appointment, ZonedDateTime pausedAt, ZonedDateTime resumedAt) {
        return time.plusWorkingMinutes(appointment, Math.max(0, time.workingMinutesBetween(pausedAt, resumedAt)));
    }

    public long remainingMinutes(ZonedDateTime now, ZonedDateTime appointment) {
        return time.workingMinutesBetween(now, appointment);
    }

    /** "2 ngày 3 giờ 30 phút làm việc", or "quá hạn …" once past. */
    public String describe(long minutes) {
        long abs = Math.abs(minutes);
        long perDay = time.minutesPerDay();
        StringBuilder text = new StringBuilder(minutes < 0 ? "quá hạn " : "còn ");
        long days = abs / perDay;
        long hours = (abs % perDay) / 60;
        long mins = abs % 60;
        if (days > 0) text.append(days).append(" ngày ");
        if (hours > 0) text.append(hours).append(" giờ ");
        if (mins > 0 || (days == 0 && hours == 0)) text.append(mins).append(" phút ");
        return text.append("làm việc").toString();
    }
}
