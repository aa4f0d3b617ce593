package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierService;
import vn.motcua.process.DossierProcess.Var;

/** The supplement asked during appraisal arrived: the clock runs again from a moved appointment (status 4). */
@Component("resumeProcessing")
class ResumeProcessing implements JavaDelegate {

    private final DossierService dossiers;
    private final Appointments appointments;
    private final Actors actors;

    ResumeProcessing(DossierService dossiers, Appointments appointments, Actors actors) {
        this.dossiers = dossiers;
        this.appointments = appointments;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        OffsetDateTime moved = dossiers.resume(code, actors.now());
        execution.setVariable(Var.CLOCK_PAUSED, false);
        execution.setVariable(Var.APPRAISAL_DECISION, null);
        appointments.set(execution, moved, moved);
    }
}
