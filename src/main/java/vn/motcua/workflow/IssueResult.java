package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.process.DossierProcess.Var;

/** The leader signed: the result is issued and goes back to the one-stop (status 9). */
@Component("issueResult")
class IssueResult implements JavaDelegate {

    private final DossierService dossiers;
    private final Actors actors;

    IssueResult(DossierService dossiers, Actors actors) {
        this.dossiers = dossiers;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        dossiers.recordResult(code, (String) execution.getVariable(Var.DRAFT_RESULT));
        dossiers.changeStatus(code, DossierStatus.FINISHED, actors.now(), "Lãnh đạo đã ký, chuyển kết quả về Bộ phận Một cửa");
    }
}
