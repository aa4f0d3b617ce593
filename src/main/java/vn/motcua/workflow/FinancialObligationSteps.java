package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.AgencyPart;
import vn.motcua.dossier.AgencyPartView;
import vn.motcua.dossier.AgencyParts;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.process.DossierProcess.Var;
import vn.motcua.process.ProcessContract;

/**
 * A land procedure's financial obligations (processes/chung/giai-quyet.bpmn, after an appraisal that
 * chose them): the dossier waits in status 6 with its clock paused while the tax authority determines
 * the obligations and the citizen pays (the tax authority's part, processes/chung/lien-thong.bpmn);
 * then the clock runs again from an appointment moved by the time it waited, and the specialist
 * finishes the appraisal.
 */
@Configuration(proxyBeanMethods = false)
class FinancialObligationSteps {

    @Bean("requestFinancialObligation")
    JavaDelegate requestFinancialObligation(StatusLog statusLog, DossierClock clock, Actors actors) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            statusLog.changeStatus(code, DossierStatus.FINANCIAL_OBLIGATION, actors.now(),
                    "Chuyển thông tin sang " + AgencyPart.NGHIA_VU_TAI_CHINH.agency().label()
                            + " xác định nghĩa vụ tài chính; thời gian người sử dụng đất thực hiện nghĩa vụ tài chính"
                            + " không tính vào thời hạn giải quyết");
            clock.pause(code);
            execution.setVariable(Var.CLOCK_PAUSED, true);
        };
    }

    @Bean("financialObligationMet")
    JavaDelegate financialObligationMet(AgencyParts parts, DossierClock clock, Appointments appointments, Actors actors) {
        return execution -> {
            String code = ProcessContract.dossierCode(execution);
            AgencyPartView part = parts.find(code, AgencyPart.NGHIA_VU_TAI_CHINH)
                    .orElseThrow(() -> new IllegalStateException("Dossier " + code + " has no financial obligation part"));
            String what = AgencyParts.DONE.equals(part.state())
                    ? "Đã hoàn thành nghĩa vụ tài chính (chứng từ, thông báo số " + part.resultNumber() + ")"
                    : part.agencyName() + " trả lại, chưa xác định được nghĩa vụ tài chính: " + part.detail();
            clock.resumeAfterFinancialObligation(code, actors.now(), what);
            execution.setVariable(Var.APPRAISAL_DECISION, null);
            appointments.refresh(execution);
        };
    }
}
