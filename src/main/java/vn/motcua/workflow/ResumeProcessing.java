package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierClock;
import vn.motcua.process.DossierProcess.Var;

/** The supplement asked during appraisal arrived: the clock runs again from a moved appointment (status 4). */
@Component("resumeProcessing")
class ResumeProcessing implements JavaDelegate {

    private final DossierClock clock;
    private final Appointments appointments;
    private final Actors actors;

    ResumeProcessing(DossierClock clock, Appointments appointments, Actors actors) {
        this.clock = clock;
        this.appointments = appointments;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        clock.resume(code, actors.now());
        execution.setVariable(Var.APPRAISAL_DECISION, null);
        appointments.refresh(execution);
    }
}
