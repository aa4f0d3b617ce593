package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ResultDelivery;
import vn.motcua.dossier.StatusLog;
import vn.motcua.process.DossierProcess.Var;

/** The leader signed: the result is issued and goes back to the one-stop (status 9). */
@Component("issueResult")
class IssueResult implements JavaDelegate {

    private final ResultDelivery results;
    private final StatusLog statusLog;
    private final Actors actors;

    IssueResult(ResultDelivery results, StatusLog statusLog, Actors actors) {
        this.results = results;
        this.statusLog = statusLog;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        results.recordResult(code, (String) execution.getVariable(Var.DRAFT_RESULT));
        statusLog.changeStatus(code, DossierStatus.FINISHED, actors.now(), "Lãnh đạo đã ký, chuyển kết quả về Bộ phận Một cửa");
    }
}
