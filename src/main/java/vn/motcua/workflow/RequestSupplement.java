package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.dossier.Timeline;
import vn.motcua.process.DossierProcess.Var;

/**
 * The citizen is guided, once and in writing (Mẫu 02), to complete the dossier: status 5. Asked
 * at reception the clock has not started; asked during appraisal it stops until the papers come.
 */
@Component("requestSupplement")
class RequestSupplement implements JavaDelegate {

    private final StatusLog statusLog;
    private final DossierClock clock;
    private final Timeline timeline;
    private final Actors actors;

    RequestSupplement(StatusLog statusLog, DossierClock clock, Timeline timeline, Actors actors) {
        this.statusLog = statusLog;
        this.clock = clock;
        this.timeline = timeline;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        String what = (String) execution.getVariable(Var.SUPPLEMENT_REQUEST);
        statusLog.changeStatus(code, DossierStatus.SUPPLEMENT_REQUESTED, actors.now(), "Yêu cầu bổ sung, hoàn thiện hồ sơ: " + what);
        clock.pause(code);
        execution.setVariable(Var.CLOCK_PAUSED, true);
        timeline.receive(code, "Công dân", (String) execution.getVariable(Var.APPLICANT_NAME), null);
    }
}
