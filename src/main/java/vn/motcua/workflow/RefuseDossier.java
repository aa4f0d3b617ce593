package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.process.DossierProcess.Var;

/** The dossier is not received (Mẫu 03): status 3, the refusal slip goes to the citizen. */
@Component("refuseDossier")
class RefuseDossier implements JavaDelegate {

    private final DossierService dossiers;
    private final Actors actors;

    RefuseDossier(DossierService dossiers, Actors actors) {
        this.dossiers = dossiers;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String reason = (String) execution.getVariable(Var.REFUSAL_REASON);
        dossiers.changeStatus(code, DossierStatus.NOT_RECEIVED, actors.now(), "Từ chối tiếp nhận: " + reason);
        dossiers.receive(code, "Công dân", (String) execution.getVariable(Var.APPLICANT_NAME), null);
    }
}
