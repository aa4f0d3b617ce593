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
 * short names for analysts.
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
        if (SHARED_STEPS.contains(activity.getId())) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskTitles::withProcedure);
        }
    }

    static void withProcedure(DelegateTask task) {
        Object procedure = task.getVariable(Var.PROCEDURE_NAME);
        if (procedure != null && task.getName() != null && !task.getName().endsWith(": " + procedure)) {
            task.setName(task.getName() + ": " + procedure);
        }
    }
}
