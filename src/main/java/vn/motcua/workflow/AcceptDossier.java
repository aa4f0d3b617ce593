package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.common.Formats;
import vn.motcua.process.DossierProcess.Var;

/** The reception officer accepted the dossier: status 2, the clock starts, the appointment is set (Mẫu 01). */
@Component("acceptDossier")
class AcceptDossier implements JavaDelegate {

    private final DossierClock clock;
    private final StatusLog statusLog;
    private final Appointments appointments;
    private final Actors actors;

    AcceptDossier(DossierClock clock, StatusLog statusLog, Appointments appointments, Actors actors) {
        this.clock = clock;
        this.statusLog = statusLog;
        this.appointments = appointments;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        OffsetDateTime appointment = clock.schedule(code);
        statusLog.changeStatus(code, DossierStatus.RECEIVED, actors.now(),
                "Tiếp nhận hồ sơ, hẹn trả kết quả " + Formats.dateTime(appointment));
        appointments.refresh(execution);
    }
}
