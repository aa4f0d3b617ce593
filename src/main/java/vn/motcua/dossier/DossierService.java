package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.Deadlines;
import vn.motcua.common.Formats;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Scopes;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.engine.DossierEngine;
import vn.motcua.outbox.Channel;
import vn.motcua.outbox.Outbox;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;

/** Submitting, reading and recording the life of dossiers. */
@Service
public class DossierService {

    private final SubmissionValidator validator;
    private final DossierCodes codes;
    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final DossierEngine engine;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Outbox outbox;
    private final CitizenNotices notices;
    private final Payments payments;
    private final Clock clock;

    DossierService(SubmissionValidator validator, DossierCodes codes, DossierRepository dossiers,
                   ProcedureCatalog catalog, OrgDirectory directory, DossierEngine engine,
                   Deadlines deadlines, AuditLog audit, Outbox outbox, CitizenNotices notices, Payments payments, Clock clock) {
        this.validator = validator;
        this.codes = codes;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
        this.engine = engine;
        this.deadlines = deadlines;
        this.audit = audit;
        this.outbox = outbox;
        this.notices = notices;
        this.payments = payments;
        this.clock = clock;
    }

    /** Registers a dossier for motcua itself (no API caller). */
    @Transactional
    public DossierView submit(SubmissionRequest request) {
        return submit(request, null);
    }

    /**
     * Registers a dossier (status 1) and starts its procedure's process; all or nothing. An official
     * submits only for their own commune's one-stop; a client needs the submit scope.
     */
    @Transactional
    public DossierView submit(SubmissionRequest request, Caller caller) {
        SubmissionValidator.ValidSubmission s = validator.validate(request);
        if (caller != null && !(caller.isAdmin() || caller.hasScope(Scopes.SUBMIT_DOSSIERS)
                || caller.hasRole(s.commune().code(), Role.RECEPTION))) {
            throw new AccessDenied("Chỉ Bộ phận Một cửa của " + s.commune().name() + " hoặc cổng dịch vụ công được nộp hồ sơ vào đây");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String code = codes.next(s.commune().agencyId(), now.toLocalDate());
        long id = dossiers.insert(code, s, now, LookupSecrets.generate());
        dossiers.insertStatus(id, DossierStatus.NEW, now, applicantActor(s), "Nộp hồ sơ qua kênh " + s.channel());
        syncToPortal(code);
        // the commune makes the instance's tenant; every other fact the processes load from here (DossierFacts)
        dossiers.setProcessInstance(id, engine.start(s.procedure().processKey(), code, s.commune().code()));
        if (caller != null) {
            audit.record(code, caller.name(), "SUBMIT", s.procedure().code() + " " + s.channel());
        }
        return get(code);
    }

    /**
     * The citizen withdraws the dossier (status 7), by a written request at the counter (the commune's
     * one-stop records it) or on the portal (a client with the submit scope): allowed until the
     * result is returned. Its process ends at once — open tasks, timers and waits with it — and the
     * status history, the timeline and the portal say who and why.
     */
    @Transactional
    public DossierView withdraw(String code, String reason, Caller caller) {
        Dossier d = dossiers.findByCode(code).orElseThrow(() -> new DossierNotFoundException(code));
        if (!(caller.isAdmin() || caller.hasScope(Scopes.SUBMIT_DOSSIERS) || caller.hasRole(d.communeCode(), Role.RECEPTION))) {
            if (caller.isOfficialOf(d.communeCode())) {
                throw new AccessDenied("Chỉ Bộ phận Một cửa ghi nhận yêu cầu rút hồ sơ của công dân");
            }
            throw new DossierNotFoundException(code);
        }
        if (d.status() == DossierStatus.RETURNED) {
            throw new DossierStateConflict("Hồ sơ " + code + " đã trả kết quả; không thể rút hồ sơ");
        }
        if (d.status() == DossierStatus.WITHDRAWN || d.status() == DossierStatus.STOPPED || d.status() == DossierStatus.NOT_RECEIVED) {
            throw new DossierStateConflict("Hồ sơ " + code + " đã kết thúc (" + d.status().label() + ")");
        }
        String why = "Công dân yêu cầu rút hồ sơ: " + reason;
        engine.end(code, why);
        String actor = caller.name();
        changeStatus(code, DossierStatus.WITHDRAWN, actor, why);
        handOver(code, "WITHDRAWN", "Rút hồ sơ", caller instanceof Caller.Client ? "Cổng Dịch vụ công" : "Bộ phận Một cửa",
                actor, null, why);
        audit.record(code, actor, "WITHDRAW", reason);
        return get(code);
    }

    /** A dossier for an API caller: officials of its commune, admins, and clients allowed to read. */
    @Transactional
    public DossierView get(String code, Caller caller) {
        authorizeRead(code, caller, "READ", null);
        return get(code);
    }

    /** Refuses anyone but the dossier's commune officials, admins and reading clients; records the access. */
    @Transactional
    public void authorizeRead(String code, Caller caller, String action, String detail) {
        readable(code, caller);
        audit.record(code, caller.name(), action, detail);
    }

    /**
     * The dossier, for its commune's officials, admins and reading clients. Anyone else gets the
     * same 404 as for a code that does not exist: codes are sequential, so a 403 would tell which do.
     */
    @Transactional(readOnly = true)
    public Dossier readable(String code, Caller caller) {
        Dossier d = dossiers.findByCode(code).orElse(null);
        if (d == null || !(caller.isAdmin() || caller.hasScope(Scopes.READ_DOSSIERS) || caller.isOfficialOf(d.communeCode()))) {
            throw new DossierNotFoundException(code);
        }
        return d;
    }

    /** Asks the post office, through the outbox, to carry the result to the citizen. */
    @Transactional
    public void requestShipment(String code) {
        Dossier d = find(code);
        Map<String, Object> shipment = new java.util.LinkedHashMap<>();
        shipment.put("dossierCode", d.code());
        shipment.put("recipient", d.applicant().fullName());
        shipment.put("address", d.applicant().address());
        shipment.put("phone", d.applicant().phone());
        shipment.put("contents", "Kết quả giải quyết thủ tục " + procedureName(d) + ", hồ sơ " + d.code());
        shipment.put("sender", directory.commune(d.communeCode()).map(c -> "Bộ phận Một cửa " + c.name()).orElse("Bộ phận Một cửa"));
        outbox.enqueue(code, Channel.POST, "TaoBuuGui", shipment);
    }

    /** The post office took the shipment: its tracking number goes on the dossier and its timeline. */
    @Transactional
    public void recordShipment(String code, String trackingNumber) {
        Dossier d = find(code);
        if (trackingNumber.equals(d.postalTrackingNumber())) {
            return;   // the same shipment again (a retried request): recorded already
        }
        dossiers.setTracking(d.id(), trackingNumber);
        handOver(code, "POST_SHIPMENT", "Giao kết quả cho bưu điện chuyển phát", "Bộ phận Một cửa", "motcua", null,
                "Số hiệu bưu gửi " + trackingNumber);
        receive(code, "Bưu chính công ích", "Số hiệu bưu gửi " + trackingNumber, null);
    }

    /** The post office reports what became of the shipment. */
    @Transactional
    public void recordPostEvent(String code, boolean delivered, String detail) {
        Dossier d = find(code);
        handOver(code, delivered ? "POST_DELIVERED" : "POST_RETURNED",
                delivered ? "Bưu điện phát kết quả cho công dân" : "Bưu gửi chuyển hoàn về Bộ phận Một cửa",
                "Bưu chính công ích", d.postalTrackingNumber(), null, detail);
        if (delivered) {
            receive(code, "Công dân", d.applicant().fullName(), null);
        }
    }

    /** The electronic result for the citizen (downloaded with the lookup secret) and the portal. */
    @Transactional
    public void publishResultOnline(String code) {
        Dossier d = find(code);
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("MaHoSo", d.code());
        result.put("DanhSachGiayToKetQua", List.of(Map.of(
                "TenGiayTo", "Kết quả giải quyết " + procedureName(d),
                "MaGiayToKetQua", d.code(),
                "DuongDanTepTinKetQua", notices.publicUrl() + "/api/public/dossiers/" + d.code() + "/result?secret=" + d.lookupSecret())));
        outbox.enqueue(code, Channel.PORTAL, "DongBoKetQua", result);
    }

    public Optional<Dossier> findOptional(String code) {
        return dossiers.findByCode(code);
    }

    public Optional<String> codeOfShipment(String trackingNumber) {
        return dossiers.codeOfTracking(trackingNumber);
    }

    /** The result as the leader approved it, printed as the electronic result. */
    @Transactional
    public void recordResult(String code, String text) {
        dossiers.setResultText(find(code).id(), text);
    }

    @Transactional(readOnly = true)
    public DossierView get(String code) {
        Dossier d = find(code);
        Procedure procedure = catalog.find(d.procedureCode()).orElse(null);
        String communeName = directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new DossierView(d.code(), d.status().code(), d.status().label(),
                new DossierView.Named(d.procedureCode(), procedure == null ? null : procedure.name()),
                new DossierView.Named(d.communeCode(), communeName),
                d.agencyId(), d.departmentCode(), d.channel(), d.returnMethod(), d.applicant(), d.lookupSecret(),
                dossiers.components(d.id()),
                d.submittedAt(), d.acceptedAt(), d.appointmentAt(), d.finishedAt(), d.returnedAt(),
                d.supplementCount(),
                deadline(d, now),
                dossiers.apology(d.id()).orElse(null),
                dossiers.statusHistory(d.id()),
                dossiers.timeline(d.id()),
                dossiers.notifications(d.id()),
                Map.of("self", new DossierView.Link("/api/dossiers/" + d.code())));
    }

    /** Where the dossier stands against its appointment and its current step's deadline. */
    private DossierView.Deadline deadline(Dossier d, OffsetDateTime now) {
        OffsetDateTime stepDue = null;
        if (d.processInstanceId() != null) {
            // the open tasks of the dossier's procedure and of every block it called (they share its business key)
            stepDue = engine.openTasks(d.code()).stream()
                    .map(DossierEngine.OpenTask::due)
                    .filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.naturalOrder())
                    .map(due -> due.atZone(clock.getZone()).toOffsetDateTime())
                    .orElse(null);
        }
        if (d.appointmentAt() == null) {
            return new DossierView.Deadline(null, null, stepDue, null, null, null, false, d.supplementCount() > 1, d.rescheduleCount());
        }
        OffsetDateTime end = d.finishedAt() != null ? d.finishedAt() : now;
        OffsetDateTime measuredAgainst = d.originalAppointmentAt() != null ? d.originalAppointmentAt() : d.appointmentAt();
        Timeliness timeliness = Timeliness.of(end, measuredAgainst);
        Long remaining = null;
        String remainingText = null;
        if (d.finishedAt() == null && d.pausedAt() == null) {
            remaining = deadlines.remainingMinutes(now.toZonedDateTime(), d.appointmentAt().toZonedDateTime());
            remainingText = deadlines.describe(remaining);
        }
        boolean late = timeliness == Timeliness.LATE || d.lateAt() != null;
        return new DossierView.Deadline(d.appointmentAt(), d.originalAppointmentAt(), stepDue, remaining, remainingText,
                timeliness, late, late || d.supplementCount() > 1, d.rescheduleCount());
    }

    public Dossier find(String code) {
        return dossiers.findByCode(code).orElseThrow(() -> new DossierNotFoundException(code));
    }

    /** Records a status change of a dossier, with the time it happened and who did it. */
    @Transactional
    public void changeStatus(String code, DossierStatus status, String actor, String note) {
        Dossier d = find(code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        dossiers.updateStatus(d.id(), status);
        dossiers.insertStatus(d.id(), status, now, actor, note);
        switch (status) {
            case RECEIVED -> dossiers.setTime(d.id(), "accepted_at", now);
            case FINISHED -> dossiers.setTime(d.id(), "finished_at", now);
            case RETURNED -> dossiers.setTime(d.id(), "returned_at", now);
            case SUPPLEMENT_REQUESTED -> dossiers.incrementSupplements(d.id());
            default -> { }
        }
        Dossier changed = find(code);
        syncToPortal(changed);
        CitizenNotices.Event event = switch (status) {
            case RECEIVED -> CitizenNotices.Event.ACCEPTED;
            case SUPPLEMENT_REQUESTED -> CitizenNotices.Event.SUPPLEMENT;
            case FINISHED -> CitizenNotices.Event.RESULT_READY;
            case RETURNED -> CitizenNotices.Event.DELIVERED;
            case WITHDRAWN -> CitizenNotices.Event.WITHDRAWN;
            case STOPPED -> CitizenNotices.Event.STOPPED;
            default -> null;
        };
        if (event != null) {
            notices.send(changed, procedureName(changed), event, noticeContent(changed, status, note));
        }
    }

    /** The portal gets every status as it stands, through the outbox (in order, once, after commit). */
    private void syncToPortal(String code) {
        syncToPortal(find(code));
    }

    private void syncToPortal(Dossier d) {
        String code = d.code();
        String communeName = directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(null);
        outbox.enqueue(code, Channel.PORTAL, "DongBoHoSoMC", PortalRecord.of(d, catalog.find(d.procedureCode()).orElse(null),
                communeName, dossiers.components(d.id()), dossiers.statusHistory(d.id()), payments.paidOnline(code)));
    }

    private String procedureName(Dossier d) {
        return catalog.find(d.procedureCode()).map(Procedure::name).orElse(d.procedureCode());
    }

    private String noticeContent(Dossier d, DossierStatus status, String note) {
        return switch (status) {
            case SUPPLEMENT_REQUESTED -> note == null ? "" : note.replaceFirst("^Yêu cầu bổ sung, hoàn thiện hồ sơ: ", "");
            case FINISHED -> switch (d.returnMethod()) {
                case COUNTER -> "Mời anh/chị đến Bộ phận Một cửa nhận kết quả từ " + Formats.dateTime(d.finishedAt()) + ".";
                case POST -> "Kết quả sẽ được gửi qua bưu chính công ích.";
                case ONLINE -> "Tải kết quả điện tử tại: " + notices.publicUrl() + "/api/public/dossiers/" + d.code()
                        + "/result?secret=" + d.lookupSecret();
            };
            case RETURNED -> note == null ? d.returnMethod().label() : note;
            case WITHDRAWN -> note == null ? "" : note.replaceFirst("^Công dân yêu cầu rút hồ sơ: ", "");
            case STOPPED -> note == null ? "" : note.replaceFirst("^Dừng giải quyết hồ sơ: ", "");
            default -> note;
        };
    }

    /** The appointment given at acceptance (ngày hẹn trả kết quả on the slip, Mẫu 01). */
    @Transactional
    public OffsetDateTime schedule(String code) {
        Dossier d = find(code);
        Procedure procedure = procedure(d);
        OffsetDateTime appointment = deadlines.appointment(procedure, OffsetDateTime.now(clock).toZonedDateTime()).toOffsetDateTime();
        dossiers.setTime(d.id(), "appointment_at", appointment);
        dossiers.setTime(d.id(), "original_appointment_at", appointment);
        return appointment;
    }

    /** The citizen is completing the dossier: the clock stops (only once it has started). */
    @Transactional
    public void pause(String code) {
        Dossier d = find(code);
        if (d.appointmentAt() != null && d.pausedAt() == null) {
            dossiers.setTime(d.id(), "paused_at", OffsetDateTime.now(clock));
        }
    }

    /** The complete dossier is back: the clock runs again and the appointment moves per the procedure's rule. */
    @Transactional
    public OffsetDateTime resume(String code, String actor) {
        Dossier d = find(code);
        if (d.appointmentAt() == null || d.pausedAt() == null) {
            return d.appointmentAt();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Procedure procedure = procedure(d);
        OffsetDateTime moved = deadlines.afterSupplement(procedure, d.appointmentAt().toZonedDateTime(),
                d.pausedAt().toZonedDateTime(), now.toZonedDateTime()).toOffsetDateTime();
        dossiers.setTime(d.id(), "appointment_at", moved);
        dossiers.setTime(d.id(), "original_appointment_at", moved);
        dossiers.setTime(d.id(), "paused_at", null);
        dossiers.updateStatus(d.id(), DossierStatus.PROCESSING);
        dossiers.insertStatus(d.id(), DossierStatus.PROCESSING, now, actor,
                "Nhận đủ hồ sơ bổ sung, tiếp tục giải quyết; hẹn trả kết quả mới " + Formats.dateTime(moved)
                        + (procedure.supplementRule() == Procedure.SupplementRule.RESTART
                        ? " (tính lại thời hạn từ đầu)" : " (cộng thêm thời gian chờ bổ sung)"));
        syncToPortal(code);
        return moved;
    }

    /**
     * The apology with a new date (Mẫu 04): once per dossier. A second one is refused: the law
     * allows the return date to be moved only once.
     */
    @Transactional
    public Apology reschedule(String code, OffsetDateTime newAppointment, String reason, String actor) {
        Dossier d = find(code);
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
        Dossier moved = find(code);
        syncToPortal(moved);
        notices.send(moved, procedureName(moved), CitizenNotices.Event.APOLOGY, reason);
        return dossiers.apology(d.id()).orElseThrow();
    }

    /** The appointment passed with the dossier unfinished. */
    @Transactional
    public void markLate(String code) {
        Dossier d = find(code);
        if (d.lateAt() == null && d.finishedAt() == null) {
            dossiers.setTime(d.id(), "late_at", OffsetDateTime.now(clock));
        }
    }

    @Transactional
    public void notify(String code, String kind, String recipient, String message) {
        dossiers.insertNotification(find(code).id(), kind, recipient, message, OffsetDateTime.now(clock));
    }

    private Procedure procedure(Dossier d) {
        return catalog.find(d.procedureCode())
                .orElseThrow(() -> new IllegalStateException("Procedure " + d.procedureCode() + " left the catalog"));
    }

    @Transactional
    public void assignDepartment(String code, String department) {
        dossiers.setDepartment(find(code).id(), department);
    }

    /** The giver hands the dossier over at the end of a step; the receiver is named when known. */
    @Transactional
    public void handOver(String code, String step, String stepName, String fromUnit, String fromUser,
                         OffsetDateTime dueAt, String note) {
        Dossier d = find(code);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String timeliness = dueAt == null ? null : Timeliness.of(now, dueAt).name();
        dossiers.insertHandover(d.id(), step, stepName, fromUnit, fromUser, now, dueAt, timeliness, note);
    }

    /** The next holder of the dossier: a unit, and the official if one is already assigned. */
    @Transactional
    public void receive(String code, String toUnit, String toUser, String toTaskId) {
        Dossier d = find(code);
        dossiers.receivePending(d.id(), toUnit, toUser, toTaskId, toUser == null ? null : OffsetDateTime.now(clock));
    }

    /** An official claimed the task a handover led to. */
    @Transactional
    public void receivedBy(String taskId, String userId) {
        dossiers.receivedBy(taskId, userId, OffsetDateTime.now(clock));
    }

    private static String applicantActor(SubmissionValidator.ValidSubmission s) {
        return "Công dân " + s.applicant().fullName();
    }
}
