package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.engine.DossierEngine;

/**
 * For the benchmark: the engine's own start of a dossier's process, without motcua's intake around
 * it. {@link #register} does what the intake does before the engine (validation, the code, the
 * dossier's rows, its first status and the portal's record of it), {@link #start} only what the
 * engine does: the same process, business key and tenant, in a transaction of its own, to its first
 * wait state. {@link #registerAndStart} does both as the intake does, in one transaction.
 */
public final class EngineStartBaseline {

    private final SubmissionValidator validator;
    private final DossierCodes codes;
    private final DossierEngine engine;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final DossierSubmission submission;

    public record Registered(String code, String processKey, String commune) {
    }

    public EngineStartBaseline(ApplicationContext app) {
        validator = app.getBean(SubmissionValidator.class);
        codes = app.getBean(DossierCodes.class);
        engine = app.getBean(DossierEngine.class);
        clock = app.getBean(Clock.class);
        transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        submission = app.getBean(DossierSubmission.class);
    }

    public Registered register(SubmissionRequest request) {
        Prepared p = prepare(request);
        transaction.executeWithoutResult(tx -> submission.register(p.code(), p.submission(), p.now()));
        return new Registered(p.code(), p.submission().procedure().processKey(), p.submission().commune().code());
    }

    /**
     * What an intake must write before it answers, in one transaction as the intake does it
     * ({@link DossierSubmission#registerAndStart}): the registration, the engine's start, the instance's
     * id on the dossier; no answer, no audit row, no HTTP.
     */
    public void registerAndStart(SubmissionRequest request) {
        Prepared p = prepare(request);
        transaction.executeWithoutResult(tx -> submission.registerAndStart(p.code(), p.submission(), p.now()));
    }

    private record Prepared(OffsetDateTime now, SubmissionValidator.ValidSubmission submission, String code) {
    }

    /** As the intake does before its transaction: the request checked, the dossier's code taken. */
    private Prepared prepare(SubmissionRequest request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SubmissionValidator.ValidSubmission s = validator.validate(request, now.toLocalDate());
        return new Prepared(now, s, codes.next(s.commune().agencyId(), now.toLocalDate()));
    }

    /** The engine's part of an intake; returns the process instance id. */
    public String start(Registered r) {
        return transaction.execute(tx -> engine.start(r.processKey(), r.code(), r.commune()));
    }
}
