package vn.motcua.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;
import vn.motcua.dossier.DossierSubmission;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.SubmissionRequest;
import vn.motcua.engine.ForbiddenStep;
import vn.motcua.engine.RejectedCompletion;
import vn.motcua.organisation.Role;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.DossierProcess.Element;
import vn.motcua.process.DossierProcess.Var;
import vn.motcua.process.ProcessContract;
import vn.motcua.process.Variable;
import vn.motcua.security.AccessDenied;
import vn.motcua.security.Caller;

/**
 * The counter intake ("Tiếp nhận hồ sơ" in Tasklist): the one-stop official's start form becomes
 * exactly what {@code POST /api/dossiers} receives, for the official's own commune and the COUNTER
 * channel, and goes through the same {@link DossierSubmission} (the same checks, required papers
 * included, the same code, status history, timeline and portal record). A refusal is a 400 naming
 * the form's fields, and nothing is registered. When the official ticked "tiếp nhận ngay", the new
 * dossier's reception check is completed as accepted by them at once (appointment, Mẫu 01).
 */
@Component("registerCounterDossier")
class RegisterCounterDossier implements JavaDelegate {

    /** The API's fields as the intake form calls them. */
    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(
            Map.entry("eventDate", Var.INTAKE_EVENT_DATE),
            Map.entry("pages", Var.INTAKE_PAGES),
            Map.entry("copies", Var.INTAKE_COPIES),
            Map.entry("feeExemption", Var.INTAKE_FEE_EXEMPTION),
            Map.entry("procedureCode", Var.INTAKE_PROCEDURE),
            Map.entry("returnMethod", Var.INTAKE_RETURN_METHOD),
            Map.entry("applicant", Var.INTAKE_APPLICANT_NAME),
            Map.entry("applicant.fullName", Var.INTAKE_APPLICANT_NAME),
            Map.entry("applicant.idNumber", Var.INTAKE_ID_NUMBER),
            Map.entry("applicant.phone", Var.INTAKE_PHONE),
            Map.entry("applicant.email", Var.INTAKE_EMAIL),
            Map.entry("applicant.address", Var.INTAKE_ADDRESS));

    private final DossierSubmission submission;

    RegisterCounterDossier(DossierSubmission submission) {
        this.submission = submission;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Set<String> groups = auth == null || auth.getGroupIds() == null ? Set.of() : new HashSet<>(auth.getGroupIds());
        String suffix = ":" + Role.RECEPTION.slug();
        List<String> communes = groups.stream().filter(g -> g.endsWith(suffix) && g.indexOf(':') == g.lastIndexOf(':'))
                .map(g -> g.substring(0, g.indexOf(':'))).toList();
        if (auth == null || communes.size() != 1) {
            throw new ForbiddenStep("Chỉ cán bộ Bộ phận Một cửa của một xã, phường tiếp nhận hồ sơ tại quầy");
        }
        List<String> papers = Variable.textList(execution.getVariable(Var.INTAKE_PAPERS));
        List<SubmissionRequest.Component> components = new ArrayList<>();
        for (String paper : papers == null ? List.<String>of() : papers) {
            components.add(new SubmissionRequest.Component(paper, 1));
        }
        SubmissionRequest request = new SubmissionRequest(
                ProcessContract.INTAKE_PROCEDURE.get(execution), communes.get(0), "COUNTER",
                ProcessContract.INTAKE_RETURN_METHOD.get(execution),
                new SubmissionRequest.Applicant(ProcessContract.INTAKE_APPLICANT_NAME.get(execution),
                        ProcessContract.INTAKE_ID_NUMBER.get(execution), ProcessContract.INTAKE_PHONE.get(execution),
                        blankToNull(ProcessContract.INTAKE_EMAIL.get(execution)), ProcessContract.INTAKE_ADDRESS.get(execution)),
                components,
                ProcessContract.INTAKE_COPIES.get(execution) == null ? null : ProcessContract.INTAKE_COPIES.get(execution).intValue(),
                ProcessContract.INTAKE_PAGES.get(execution) == null ? null : ProcessContract.INTAKE_PAGES.get(execution).intValue(),
                blankToNull(ProcessContract.INTAKE_FEE_EXEMPTION.get(execution)),
                blankToNull(ProcessContract.INTAKE_EVENT_DATE.get(execution)));
        DossierView dossier;
        try {
            dossier = submission.submit(request, new Caller.Official(auth.getUserId(), groups));
        } catch (InvalidRequestException e) {
            List<FieldError> errors = e.errors();
            String first = formField(errors.get(0).field());
            throw new RejectedCompletion(first, errors.stream().map(f -> formField(f.field()) + ": " + f.reason())
                    .collect(Collectors.joining("; ")));
        } catch (AccessDenied e) {
            throw new ForbiddenStep(e.getMessage());
        }
        execution.setVariable(Var.DOSSIER_CODE, dossier.code());
        if (Boolean.TRUE.equals(ProcessContract.INTAKE_ACCEPT_NOW.get(execution))) {
            // the new dossier's reception check exists in this transaction only (not flushed yet: a query
            // would not see it), so it is taken from the command's entities and completed here: all or nothing
            var tasks = execution.getProcessEngineServices().getTaskService();
            Task check = org.camunda.bpm.engine.impl.context.Context.getCommandContext().getDbEntityManager()
                    .getCachedEntitiesByType(org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.class).stream()
                    .filter(t -> Element.TASK_RECEPTION_CHECK.equals(t.getTaskDefinitionKey())
                            && t.getExecution() != null && dossier.code().equals(t.getExecution().getProcessBusinessKey()))
                    .findFirst().orElse(null);
            if (check == null) {
                throw new IllegalStateException("The reception check of " + dossier.code() + " was not created");
            }
            tasks.claim(check.getId(), auth.getUserId());
            tasks.complete(check.getId(), Map.of(Var.RECEPTION_DECISION, Decision.ACCEPT));
        }
    }

    private static String formField(String apiField) {
        if (apiField == null) return Var.INTAKE_PROCEDURE;
        if (apiField.startsWith("components")) return Var.INTAKE_PAPERS;
        return FORM_FIELDS.getOrDefault(apiField, apiField.startsWith("applicant") ? Var.INTAKE_APPLICANT_NAME : Var.INTAKE_PROCEDURE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
