package vn.motcua.workflow;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import vn.motcua.process.DossierProcess;
import vn.motcua.process.DossierProcess.Var;

/**
 * The shared steps of the one-stop (fees, returning results) are the same diagram for every
 * procedure, so their names say nothing of the dossier. In Tasklist each such task is titled with
 * its procedure: "Trả kết quả tại Bộ phận Một cửa: Đăng ký khai sinh". The diagrams keep their
 * short names for analysts. An inter-agency part's task says which agency and which part it waits for.
 */
@Component
class TaskTitles extends AbstractBpmnParseListener {

    static final Set<String> SHARED_STEPS = Set.of(
            DossierProcess.Element.TASK_COLLECT_FEE,
            DossierProcess.Element.TASK_RETURN_AT_COUNTER,
            DossierProcess.Element.TASK_RETURN_BY_POST,
            DossierProcess.Element.TASK_CONFIRM_POST_DELIVERY);

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (DossierProcess.Element.TASK_RECORD_AGENCY_RESULT.equals(activity.getId())) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskTitles::withAgency);
        }
        if (SHARED_STEPS.contains(activity.getId())) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskTitles::withProcedure);
        }
    }

    /** An inter-agency part's wait: "Chờ kết quả của Công an xã: Đăng ký thường trú" (or "Ghi nhận …" without a connection). */
    static void withAgency(DelegateTask task) {
        Object title = task.getVariable(Var.AGENCY_TASK_TITLE);
        if (title != null && !title.toString().isBlank()) {
            task.setName(title.toString());
        }
    }

    static void withProcedure(DelegateTask task) {
        Object procedure = task.getVariable(Var.PROCEDURE_NAME);
        if (procedure != null && task.getName() != null && !task.getName().endsWith(": " + procedure)) {
            task.setName(task.getName() + ": " + procedure);
        }
    }
}
