package vn.motcua.workflow;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.engine.CurrentActor;
import vn.motcua.engine.ForbiddenStep;
import vn.motcua.process.DossierProcess;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.ProcessContract;

/**
 * Whoever drafts a result does not review or approve it, and whoever reviews it does not approve
 * it as leader — even when one person belongs to several groups. The drafter and the reviewer are
 * recorded by the service when they complete their steps; a claim or a completion of a later step
 * by either of them is refused (403) and changes nothing. A step that the diagram assigns to a
 * barred official at creation is left to the rest of the group instead.
 */
@Component
class SeparationOfDuties extends AbstractBpmnParseListener {

    private final CurrentActor actor;

    SeparationOfDuties(@Lazy CurrentActor actor) {
        this.actor = actor;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        switch (activity.getId()) {
            case DossierProcess.Element.TASK_APPRAISE_DOSSIER ->
                    task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::drafted);
            case DossierProcess.Element.TASK_REVIEW_DRAFT, DossierProcess.Element.TASK_LEADER_APPROVAL -> {
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::assigned);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::completed);
            }
            default -> {
            }
        }
    }

    private void drafted(DelegateTask task) {
        if (Decision.DRAFT.equals(ProcessContract.APPRAISAL_DECISION.get(task))) {
            ProcessContract.DRAFTED_BY.set(task, whoActs(task));
        }
    }

    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        String reason = barred(task, assignee);
        if (reason == null) return;
        // at creation Camunda's task state is "Created"; a later claim or assignment makes it "Updated"
        if (task instanceof TaskEntity entity && "Created".equals(entity.getTaskState())) {
            task.setAssignee(null);
            return;
        }
        throw new ForbiddenStep(reason);
    }

    private void completed(DelegateTask task) {
        String who = whoActs(task);
        String reason = barred(task, who);
        if (reason != null) {
            throw new ForbiddenStep(reason);
        }
        if (DossierProcess.Element.TASK_REVIEW_DRAFT.equals(task.getTaskDefinitionKey())
                && Decision.APPROVE.equals(ProcessContract.HEAD_DECISION.get(task))) {
            ProcessContract.REVIEWED_BY.set(task, who);
        }
    }

    /** Why this official may not hold this step of this dossier, or null. */
    private static String barred(DelegateTask task, String userId) {
        if (userId == null) return null;
        if (Objects.equals(userId, ProcessContract.DRAFTED_BY.get(task))) {
            return "Người dự thảo kết quả hồ sơ " + ProcessContract.dossierCode(task)
                    + " không được tự xem xét hoặc phê duyệt dự thảo của mình";
        }
        if (DossierProcess.Element.TASK_LEADER_APPROVAL.equals(task.getTaskDefinitionKey())
                && Objects.equals(userId, ProcessContract.REVIEWED_BY.get(task))) {
            return "Trưởng phòng đã xem xét hồ sơ " + ProcessContract.dossierCode(task)
                    + " không được phê duyệt thay lãnh đạo UBND";
        }
        return null;
    }

    /** The official completing the task: the authenticated caller, else its assignee. */
    private String whoActs(DelegateTask task) {
        return actor.userId().orElse(task.getAssignee());
    }
}
