package vn.motcua.workflow;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.motcua.process.DossierProcess.Errors;
import vn.motcua.process.DossierProcess.Var;

/** The head's choice of specialist must be a specialist of the department; otherwise the head chooses again. */
@Component("assignSpecialist")
class AssignSpecialist implements JavaDelegate {

    private final DossierWorkflow workflow;

    AssignSpecialist(DossierWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String specialist = (String) execution.getVariable(Var.SPECIALIST_ID);
        String group = (String) execution.getVariable(Var.SPECIALIST_GROUP);
        if (!workflow.isSpecialistOf(specialist, group)) {
            throw new BpmnError(Errors.INVALID_SPECIALIST,
                    "Người được phân công (" + specialist + ") không phải công chức thụ lý của phòng");
        }
    }
}
