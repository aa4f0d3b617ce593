package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.dossier.Timeline;
import vn.motcua.process.ProcessContract;

/**
 * The head or the leader stopped processing with a written reason: status 8; the citizen gets the
 * notice (e-mail, SMS, and the "Thông báo dừng giải quyết hồ sơ" in the documents), the portal is told.
 */
@Component("stopProcessing")
class StopProcessing implements JavaDelegate {

    private final StatusLog statusLog;
    private final Timeline timeline;
    private final Actors actors;

    StopProcessing(StatusLog statusLog, Timeline timeline, Actors actors) {
        this.statusLog = statusLog;
        this.timeline = timeline;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String reason = ProcessContract.STOP_REASON.get(execution);
        statusLog.changeStatus(code, DossierStatus.STOPPED, actors.now(), "Dừng giải quyết hồ sơ: " + reason);
        timeline.receive(code, "Công dân", ProcessContract.APPLICANT_NAME.get(execution), null);
    }
}
