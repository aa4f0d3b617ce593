package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierFacts;
import vn.motcua.process.ProcessContract;

/**
 * After a delegate moved the appointment in motcua's tables (acceptance, a resumed supplement, the
 * apology), the variables its timers and forms read are written again from there: one rule for the
 * clock, in {@link DossierFacts}.
 */
@Component
class Appointments {

    private final DossierFacts facts;

    Appointments(@Lazy DossierFacts facts) {
        this.facts = facts;
    }

    void refresh(DelegateExecution execution) {
        execution.setVariables(facts.clock(ProcessContract.dossierCode(execution)));
    }
}
