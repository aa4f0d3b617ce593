package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.common.Formats;

/**
 * A dossier's clock: the appointment set at acceptance, paused while the citizen completes the
 * dossier and moved when the papers come, moved once more by an apology (Mẫu 04), marked late when
 * it passes; and the notices officials get about it.
 */
@Service
public class DossierClock {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final Deadlines deadlines;
    private final StatusLog statusLog;
    private final Clock clock;

    DossierClock(DossierRepository dossiers, ProcedureCatalog catalog, Deadlines deadlines, StatusLog statusLog, Clock clock) {
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.statusLog = statusLog;
        this.clock = clock;
    }

    /** The appointment given at acceptance (ngày hẹn trả kết quả on the slip, Mẫu 01). */
    @Transactional
    public OffsetDateTime schedule(String code) {
        Dossier d = dossiers.require(code);
        OffsetDateTime appointment = deadlines.appointment(procedure(d), OffsetDateTime.now(clock).toZonedDateTime()).toOffsetDateTime();
        dossiers.setTime(d.id(), "appointment_at", appointment);
        dossiers.setTime(d.id(), "original_appointment_at", appointment);
        return appointment;
    }

    /** The citizen is completing the dossier: the clock stops (only once it has started). */
    @Transactional
    public void pause(String code) {
        Dossier d = dossiers.require(code);
        if (d.appointmentAt() != null && d.pausedAt() == null) {
            dossiers.setTime(d.id(), "paused_at", OffsetDateTime.now(clock));
        }
    }

    /** The complete dossier is back: the clock runs again and the appointment moves per the procedure's rule. */
    @Transactional
    public OffsetDateTime resume(String code, String actor) {
        Dossier d = dossiers.require(code);
        if (d.appointmentAt() == null || d.pausedAt() == null) {
            return d.appointmentAt();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Procedure procedure = procedure(d);
        OffsetDateTime moved = deadlines.afterSupplement(procedure, d.appointmentAt().toZonedDateTime(),
                d.pausedAt().toZonedDateTime(), now.toZonedDateTime()).toOffsetDateTime();
        return moveAppointment(d, moved, actor, "Nhận đủ hồ sơ bổ sung, tiếp tục giải quyết; hẹn trả kết quả mới " + Formats.dateTime(moved)
                + (procedure.supplementRule() == Procedure.SupplementRule.RESTART
                ? " (tính lại thời hạn từ đầu)" : " (cộng thêm thời gian chờ bổ sung)"));
    }

    /**
     * The financial obligations are met (or the tax authority answered): the clock runs again and the
     * appointment moves by the working time the dossier waited, which the limit does not count.
     */
    @Transactional
    public OffsetDateTime resumeAfterFinancialObligation(String code, String actor, String what) {
        Dossier d = dossiers.require(code);
        if (d.appointmentAt() == null || d.pausedAt() == null) {
            return d.appointmentAt();
        }
        OffsetDateTime moved = deadlines.afterUncountedWait(d.appointmentAt().toZonedDateTime(),
                d.pausedAt().toZonedDateTime(), OffsetDateTime.now(clock).toZonedDateTime()).toOffsetDateTime();
        return moveAppointment(d, moved, actor, what + "; tiếp tục giải quyết, hẹn trả kết quả mới " + Formats.dateTime(moved)
                + " (thời gian thực hiện nghĩa vụ tài chính không tính vào thời hạn giải quyết)");
    }

    private OffsetDateTime moveAppointment(Dossier d, OffsetDateTime moved, String actor, String note) {
        dossiers.setTime(d.id(), "appointment_at", moved);
        dossiers.setTime(d.id(), "original_appointment_at", moved);
        dossiers.setTime(d.id(), "paused_at", null);
        statusLog.changeStatus(d.code(), DossierStatus.PROCESSING, actor, note);
        return moved;
    }

    /**
     * The apology with a new date (Mẫu 04): once per dossier. A second one is refused: the law
     * allows the return date to be moved only once.
     */
    @Transactional
    public Apology reschedule(String code, OffsetDateTime newAppointment, String reason, String actor) {
        Dossier d = dossiers.require(code);
        if (d.rescheduleCount() > 0) {
            throw new RescheduleRefused("Hồ sơ " + code + " đã được hẹn lại ngày trả kết quả một lần; "
                    + "theo quy định chỉ được hẹn lại không quá một lần");
        }
        if (d.appointmentAt() == null) {
            throw new RescheduleRefused("Hồ sơ " + code + " chưa có ngày hẹn trả kết quả");
        }
        if (!newAppointment.isAfter(d.appointmentAt())) {
            throw new RescheduleRefused("Ngày hẹn mới phải sau ngày hẹn hiện tại " + Formats.dateTime(d.appointmentAt()));
        }
        if (!deadlines.time().isWorkingDay(newAppointment.atZoneSameInstant(clock.getZone()).toLocalDate())) {
            throw new RescheduleRefused("Ngày hẹn mới " + Formats.date(newAppointment) + " không phải ngày làm việc");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        dossiers.insertApology(d.id(), reason, d.appointmentAt(), newAppointment, now, actor);
        dossiers.incrementReschedules(d.id());
        dossiers.setTime(d.id(), "appointment_at", newAppointment);
        Dossier moved = dossiers.require(code);
        statusLog.syncToPortal(moved);
        statusLog.notice(moved, CitizenNotices.Event.APOLOGY, reason);
        return dossiers.apology(d.id()).orElseThrow();
    }

    /** The appointment passed with the dossier unfinished. */
    @Transactional
    public void markLate(String code) {
        Dossier d = dossiers.require(code);
        if (d.lateAt() == null && d.finishedAt() == null) {
            dossiers.setTime(d.id(), "late_at", OffsetDateTime.now(clock));
        }
    }

    /**
     * A notice to an official about the dossier's deadlines, kept with the dossier.
     *
     * @param kind STEP_WARNING, STEP_OVERDUE, APOLOGY, APOLOGY_DUE, LATE
     */
    @Transactional
    public void notify(String code, String kind, String recipient, String message) {
        dossiers.insertNotification(dossiers.require(code).id(), kind, recipient, message, OffsetDateTime.now(clock));
    }

    private Procedure procedure(Dossier d) {
        return catalog.find(d.procedureCode())
                .orElseThrow(() -> new IllegalStateException("Procedure " + d.procedureCode() + " left the catalog"));
    }
}
