package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.workflow.DossierProcess.Var;

/** The reception officer accepted the dossier: status 2, appointment slip issued. */
@Component("acceptDossier")
class AcceptDossier implements JavaDelegate {

    private final DossierService dossiers;
    private final Actors actors;

    AcceptDossier(DossierService dossiers, Actors actors) {
        this.dossiers = dossiers;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable(Var.DOSSIER_CODE);
        dossiers.changeStatus(code, DossierStatus.RECEIVED, actors.now(), "Tiếp nhận hồ sơ, cấp giấy tiếp nhận và hẹn trả kết quả");
    }
}
