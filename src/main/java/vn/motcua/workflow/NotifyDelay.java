package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierClock;
import vn.motcua.organisation.Role;
import vn.motcua.process.DossierProcess.Var;

/** A dossier already rescheduled once is about to miss its date again: no second apology, the leader is told. */
@Component("notifyDelay")
class NotifyDelay implements JavaDelegate {

    private final DossierClock clock;

    NotifyDelay(DossierClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        clock.notify(code, "APOLOGY_DUE", Role.LEADER.groupId((String) execution.getVariable(Var.COMMUNE_CODE), null),
                "Hồ sơ " + code + " sắp quá hạn và đã hẹn lại một lần; không được hẹn lại lần thứ hai");
    }
}
