package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.StatusLog;
import vn.motcua.dossier.Timeline;
import vn.motcua.process.DossierProcess.Var;

/**
 * Transfers the dossier to the competent department of its commune: the head (or the heads'
 * group) receives it, with the department's specialists to choose from. Status 4.
 */
@Component("routeToDepartment")
class RouteToDepartment implements JavaDelegate {

    private final DossierWorkflow workflow;
    private final Timeline timeline;
    private final StatusLog statusLog;
    private final Actors actors;

    RouteToDepartment(DossierWorkflow workflow, Timeline timeline, StatusLog statusLog, Actors actors) {
        this.workflow = workflow;
        this.timeline = timeline;
        this.statusLog = statusLog;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = ProcessContract.dossierCode(execution);
        Routing routing = workflow.route((String) execution.getVariable(Var.COMMUNE_CODE),
                (String) execution.getVariable(Var.PROCEDURE_CODE));
        execution.setVariable(Var.DEPARTMENT_NAME, routing.departmentName());
        execution.setVariable(Var.HEAD_GROUP, routing.headGroup());
        execution.setVariable(Var.HEAD_ASSIGNEE, routing.headAssignee());
        execution.setVariable(Var.SPECIALIST_GROUP, routing.specialistGroup());
        execution.setVariable(Var.SPECIALIST_OPTIONS, Variables.objectValue(routing.specialists())
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        timeline.assignDepartment(code, routing.department());
        statusLog.changeStatus(code, DossierStatus.PROCESSING, actors.now(), "Chuyển " + routing.departmentName() + " giải quyết");
    }
}
