package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.process.ProcessContract;

/**
 * The head or the leader stopped processing with a written reason: status 8; the citizen gets the
 * notice (e-mail, SMS, and the "Thông báo dừng giải quyết hồ sơ" in the documents), the portal is told.
 */
@Component("stopProcessing")
class StopProcessing implements JavaDelegate {

    private final DossierService dossiers;
    private final Actors actors;

    StopProcessing(DossierService dossiers, Actors actors) {
        this.dossiers = dossiers;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String reason = ProcessContract.STOP_REASON.get(execution);
        dossiers.changeStatus(code, DossierStatus.STOPPED, actors.now(), "Dừng giải quyết hồ sơ: " + reason);
        dossiers.receive(code, "Công dân", ProcessContract.APPLICANT_NAME.get(execution), null);
    }
}
