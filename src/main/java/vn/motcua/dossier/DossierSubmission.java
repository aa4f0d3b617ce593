package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import vn.motcua.audit.AuditLog;
import vn.motcua.engine.DossierEngine;
import vn.motcua.organisation.Role;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;
import vn.motcua.security.Scopes;

/** A dossier comes in: checked field by field, given its code, registered and its process started. */
@Service
public class DossierSubmission {

    private final SubmissionValidator validator;
    private final DossierCodes codes;
    private final DossierRepository dossiers;
    private final StatusLog statusLog;
    private final DossierEngine engine;
    private final Dossiers views;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    DossierSubmission(SubmissionValidator validator, DossierCodes codes, DossierRepository dossiers, StatusLog statusLog,
                      DossierEngine engine, Dossiers views, AuditLog audit, Clock clock,
                      org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.validator = validator;
        this.codes = codes;
        this.dossiers = dossiers;
        this.statusLog = statusLog;
        this.engine = engine;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a dossier for motcua itself (no API caller). */
    public DossierView submit(SubmissionRequest request) {
        return submit(request, null);
    }

    /**
     * Registers a dossier (status 1) and starts its procedure's process; all or nothing. An official
     * submits only for their own commune's one-stop; a client needs the submit scope. The code is
     * taken first in a short transaction of its own, before the registration's transaction holds a
     * connection: a request never holds two connections at once, so a burst of submissions cannot
     * starve the pool (a registration that then fails leaves a gap in the day's numbers).
     */
    public DossierView submit(SubmissionRequest request, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SubmissionValidator.ValidSubmission s = validator.validate(request, now.toLocalDate());
        if (caller != null && !(caller.isAdmin() || caller.hasScope(Scopes.SUBMIT_DOSSIERS)
                || caller.hasRole(s.commune().code(), Role.RECEPTION))) {
            throw new AccessDenied("Chỉ Bộ phận Một cửa của " + s.commune().name() + " hoặc cổng dịch vụ công được nộp hồ sơ vào đây");
        }
        String code = codes.next(s.commune().agencyId(), now.toLocalDate());
        return transaction.execute(tx -> {
            registerAndStart(code, s, now);
            if (caller != null) {
                audit.record(code, caller.name(), "SUBMIT", s.procedure().code() + " " + s.channel());
            }
            return views.submitted(code, s.components());
        });
    }

    /**
     * What a submission writes before it answers, in the caller's transaction: the dossier's rows, its
     * first status with the portal's record of it, then its process, started from those rows, whose id
     * the dossier keeps.
     */
    void registerAndStart(String code, SubmissionValidator.ValidSubmission s, OffsetDateTime now) {
        long id = register(code, s, now);
        // the commune makes the instance's tenant; every other fact the processes load from here (DossierFacts)
        dossiers.setProcessInstance(id, engine.start(s.procedure().processKey(), code, s.commune().code()));
    }

    /** The dossier's rows and its first status with the portal's record of it; returns the dossier's id. */
    long register(String code, SubmissionValidator.ValidSubmission s, OffsetDateTime now) {
        long id = dossiers.insert(code, s, now, LookupSecrets.generate());
        statusLog.registered(code, s, now, "Công dân " + s.applicant().fullName(), "Nộp hồ sơ " + s.channel().label());
        return id;
    }
}
