package vn.motcua.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.workflow.DossierProcess.Var;

/** Submitting, reading and recording the life of dossiers. */
@Service
public class DossierService {

    private final SubmissionValidator validator;
    private final DossierCodes codes;
    private final DossierRepository dossiers;
    private final ProcedureCatalog catalog;
    private final OrgDirectory directory;
    private final RuntimeService runtime;
    private final Clock clock;

    DossierService(SubmissionValidator validator, DossierCodes codes, DossierRepository dossiers,
                   ProcedureCatalog catalog, OrgDirectory directory, RuntimeService runtime, Clock clock) {
        this.validator = validator;
        this.codes = codes;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.directory = directory;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Registers a dossier (status 1) and starts its procedure's process; all or nothing. */
    @Transactional
    public DossierView submit(SubmissionRequest request) {
        SubmissionValidator.ValidSubmission s = validator.validate(request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String code = codes.next(s.commune().agencyId(), now.toLocalDate());
        long id = dossiers.insert(code, s, now);
        dossiers.insertStatus(id, DossierStatus.NEW, now, applicantActor(s), "Nộp hồ sơ qua kênh " + s.channel());
        VariableMap variables = Variables.createVariables()
                .putValue(Var.DOSSIER_CODE, code)
                .putValue(Var.COMMUNE_CODE, s.commune().code())
                .putValue(Var.COMMUNE_NAME, s.commune().name())
                .putValue(Var.PROCEDURE_CODE, s.procedure().code())
                .putValue(Var.PROCEDURE_NAME, s.procedure().name())
                .putValue(Var.APPLICANT_NAME, s.applicant().fullName())
                .putValue(Var.APPLICANT_ADDRESS, s.applicant().address())
                .putValue(Var.CHANNEL, s.channel().name())
                .putValue(Var.RETURN_METHOD, s.returnMethod().name())
                .putValue(Var.RETURN_METHOD_LABEL, s.returnMethod().label())
                .putValue(Var.COMPONENTS_SUMMARY, s.components().stream()
                        .map(c -> c.name() + " (" + c.copies() + " bản)").collect(Collectors.joining("; ")))
                .putValue(Var.RECEPTION_GROUP, Role.RECEPTION.groupId(s.commune().code(), null))
                .putValue(Var.LEADER_GROUP, Role.LEADER.groupId(s.commune().code(), null));
        ProcessInstance instance = runtime.startProcessInstanceByKey(s.procedure().processKey(), code, variables);
        dossiers.setProcessInstance(id, instance.getId());
        return get(code);
    }

    @Transactional(readOnly = true)
    public DossierView get(String code) {
        Dossier d = find(code);
        Procedure procedure = catalog.find(d.procedureCode()).orElse(null);
        String communeName = directory.commune(d.communeCode()).map(OrgDirectory.CommuneInfo::name).orElse(null);
        return new DossierView(d.code(), d.status().code(), d.status().label(),
                new DossierView.Named(d.procedureCode(), procedure == null ? null : procedure.name()),
                new DossierView.Named(d.communeCode(), communeName),
                d.agencyId(), d.departmentCode(), d.channel(), d.returnMethod(), d.applicant(),
                dossiers.components(d.id()),
                d.submittedAt(), d.acceptedAt(), d.appointmentAt(), d.finishedAt(), d.returnedAt(),
                d.supplementCount(),
                dossiers.statusHistory(d.id()),
                dossiers.timeline(d.id()),
                Map.of("self", new DossierView.Link("/api/dossiers/" + d.code())));
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
