package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.Deadlines;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.engine.DossierEngine;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.security.Caller;
import vn.motcua.security.Scopes;

/**
 * The dossiers as they stand: found by code, and shown (with their deadlines, status history,
 * timeline and notices) to those allowed to read them.
 */
@Service
public class Dossiers {

    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final DossierEngine engine;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;
    private final AgencyParts agencyParts;

    Dossiers(DossierRepository dossiers, ProcedureCatalog catalog, OrgDirectory directory, DossierEngine engine,
             Deadlines deadlines, AuditLog audit, Clock clock, AgencyParts agencyParts) {
        this.agencyParts = agencyParts;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
        this.engine = engine;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    public Dossier find(String code) {
        return dossiers.require(code);
    }

    public Optional<Dossier> findOptional(String code) {
        return dossiers.findByCode(code);
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

    /** The dossiers of a commune submitted in [from, to), for the daily register. */
    @Transactional(readOnly = true)
    public List<RegisterEntry> submitted(String commune, OffsetDateTime from, OffsetDateTime to) {
        return dossiers.submitted(commune, from, to);
    }

    @Transactional(readOnly = true)
    public DossierView get(String code) {
        Dossier d = find(code);
        return view(d, dossiers.components(d.id()), dossiers.apology(d.id()).orElse(null));
    }

    /**
     * A dossier just submitted, for the submission's answer, in the submission's transaction: its
     * papers are those submitted, and it has no apology (one is written only when an accepted
     * dossier's appointment moves). The rest is read as {@link #get(String)} reads it, after its
     * process has started.
     */
    DossierView submitted(String code, List<SubmissionRequest.Component> components) {
        return view(find(code), components, null);
    }

    private DossierView view(Dossier d, List<SubmissionRequest.Component> components, Apology apology) {
        Procedure procedure = catalog.find(d.procedureCode()).orElse(null);
        String communeName = directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<AgencyPartView> parts = agencyParts.of(d.code());
        return new DossierView(d.code(), d.status().code(), d.status().label(),
                new DossierView.Named(d.procedureCode(), procedure == null ? null : procedure.name()),
                new DossierView.Named(d.communeCode(), communeName),
                d.agencyId(), d.departmentCode(), d.channel(), d.returnMethod(), d.applicant(), d.lookupSecret(),
                components,
                fees(d, procedure),
                d.submittedAt(), d.acceptedAt(), d.appointmentAt(), d.finishedAt(), d.returnedAt(),
                d.supplementCount(),
                deadline(d, now),
                apology,
                dossiers.statusHistory(d.id()),
                dossiers.timeline(d.id()),
                dossiers.notifications(d.id()),
                parts.isEmpty() ? null : parts,
                links(d));
    }

    private static DossierView.Fees fees(Dossier d, Procedure procedure) {
        if (procedure == null && d.fees() == null) return null;
        vn.motcua.catalog.FeeQuote quote = procedure == null ? d.fees() : d.feesOwed(procedure);
        return new DossierView.Fees(quote.total(), quote.label(), d.resultCopies(), quote.lines());
    }

    /**
     * Where a client goes from a dossier: itself, its documents (the list, and the appointment slip
     * and the result when it has them), its payments, the citizen's public lookup, and the actions
     * its state allows now (withdrawal until the result is returned or the dossier has ended).
     */
    static Map<String, DossierView.Link> links(Dossier d) {
        String self = "/api/dossiers/" + d.code();
        Map<String, DossierView.Link> links = new java.util.LinkedHashMap<>();
        links.put("self", new DossierView.Link(self));
        links.put("documents", new DossierView.Link(self + "/documents", null, "Giấy tờ của hồ sơ"));
        if (d.acceptedAt() != null) {
            links.put("appointmentSlip", new DossierView.Link(self + "/documents/mau-01", null,
                    "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)"));
        }
        links.put("controlSlip", new DossierView.Link(self + "/documents/mau-05", null,
                "Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)"));
        if (d.finishedAt() != null) {
            links.put("result", new DossierView.Link(self + "/documents/ket-qua", null, "Kết quả giải quyết"));
        }
        links.put("payments", new DossierView.Link(self + "/payments", null, "Phí, lệ phí đã nộp"));
        links.put("publicLookup", new DossierView.Link("/api/public/dossiers/" + d.code() + "?secret={lookupSecret}", null,
                "Tra cứu của công dân (mã tra cứu)"));
        boolean ended = d.status() == DossierStatus.RETURNED || d.status() == DossierStatus.WITHDRAWN
                || d.status() == DossierStatus.STOPPED || d.status() == DossierStatus.NOT_RECEIVED;
        if (!ended) {
            links.put("withdrawal", new DossierView.Link(self + "/withdrawal", "POST", "Công dân rút hồ sơ (lý do bắt buộc)"));
        }
        return links;
    }

    /** Where the dossier stands against its appointment and its current step's deadline. */
    private DossierView.Deadline deadline(Dossier d, OffsetDateTime now) {
        OffsetDateTime stepDue = null;
        if (d.processInstanceId() != null) {
            stepDue = engine.nextDue(d.code()).map(due -> due.atZone(clock.getZone()).toOffsetDateTime()).orElse(null);
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
}
