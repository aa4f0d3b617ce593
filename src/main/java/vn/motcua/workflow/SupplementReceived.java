package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.process.DossierProcess.Var;

/** The citizen brought the missing papers: the dossier waits for reception again (status 1). */
@Component("supplementReceived")
class SupplementReceived implements JavaDelegate {

    private final StatusLog statusLog;
    private final Actors actors;

    SupplementReceived(StatusLog statusLog, Actors actors) {
        this.statusLog = statusLog;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String note = (String) execution.getVariable(Var.SUPPLEMENT_NOTE);
        statusLog.changeStatus(code, DossierStatus.NEW, actors.now(),
                "Nhận hồ sơ bổ sung" + (note == null || note.isBlank() ? "" : ": " + note));
    }
}
