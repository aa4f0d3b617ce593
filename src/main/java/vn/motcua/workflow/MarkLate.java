package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierClock;
import vn.motcua.organisation.Role;
import vn.motcua.process.DossierProcess.Var;

/** The appointment passed before the result was issued: the dossier is late, and its leader sees it in "Quá hạn". */
@Component("markLate")
class MarkLate implements JavaDelegate {

    private final DossierClock clock;

    MarkLate(DossierClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        clock.markLate(code);
        execution.setVariable(Var.DOSSIER_LATE, true);
        clock.notify(code, "LATE", Role.LEADER.groupId((String) execution.getVariable(Var.COMMUNE_CODE), null),
                "Hồ sơ " + code + " đã quá hạn trả kết quả (" + execution.getVariable(Var.APPOINTMENT_LABEL) + ")");
    }
}
