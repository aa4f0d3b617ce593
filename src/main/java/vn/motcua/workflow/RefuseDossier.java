package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.dossier.Timeline;
import vn.motcua.process.DossierProcess.Var;

/** The dossier is not received (Mẫu 03): status 3, the refusal slip goes to the citizen. */
@Component("refuseDossier")
class RefuseDossier implements JavaDelegate {

    private final StatusLog statusLog;
    private final Timeline timeline;
    private final Actors actors;

    RefuseDossier(StatusLog statusLog, Timeline timeline, Actors actors) {
        this.statusLog = statusLog;
        this.timeline = timeline;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String reason = (String) execution.getVariable(Var.REFUSAL_REASON);
        statusLog.changeStatus(code, DossierStatus.NOT_RECEIVED, actors.now(), "Từ chối tiếp nhận: " + reason);
        timeline.receive(code, "Công dân", (String) execution.getVariable(Var.APPLICANT_NAME), null);
    }
}
