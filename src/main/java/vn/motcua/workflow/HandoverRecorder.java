package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import vn.motcua.process.DossierProcess;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.MotcuaProperties;
import vn.motcua.dossier.Timeline;
import vn.motcua.organisation.OrgDirectory;
import vn.motcua.process.DossierProcess.Decision;
import vn.motcua.process.DossierProcess.Var;

/**
 * Records the handover timeline of every procedure without a listener in any diagram: each user
 * task hands the dossier over when it is completed, and the next task receives it when it is
 * created (its unit, and its official if already assigned) or claimed (the official).
 */
@Component
class HandoverRecorder extends AbstractBpmnParseListener {

    private final Timeline timeline;
    private final OrgDirectory directory;
    private final Actors actors;
    private final ZoneId zone;

    /** Lazy: the recorder is part of the engine's configuration, and these services need the engine. */
    HandoverRecorder(@Lazy Timeline timeline, @Lazy OrgDirectory directory, @Lazy Actors actors,
                     MotcuaProperties properties) {
        this.timeline = timeline;
        this.directory = directory;
        this.actors = actors;
        this.zone = properties.zone();
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, this::handOver);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this::receive);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, this::claimed);
    }

    private void handOver(DelegateTask task) {
        String code = ProcessContract.dossierCode(task);
        if (code == null) return;
        String giver = task.getAssignee() != null ? task.getAssignee() : actors.now();
        // completed without a claim: whoever completes it received it
        timeline.receivedBy(task.getId(), giver);
        OffsetDateTime due = task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(zone).toOffsetDateTime();
        timeline.handOver(code, task.getTaskDefinitionKey(), task.getName(), unit(task), giver, due, outcome(task));
    }

    private void receive(DelegateTask task) {
        String code = ProcessContract.dossierCode(task);
        if (code == null) return;
        timeline.receive(code, unit(task), task.getAssignee(), task.getId());
    }

    private void claimed(DelegateTask task) {
        if (task.getAssignee() != null) {
            timeline.receivedBy(task.getId(), task.getAssignee());
        }
    }

    private String unit(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .findFirst()
                .map(directory::unitOf)
                .orElse(null);
    }

    private static final Map<String, String> OUTCOMES = Map.of(
            Decision.ACCEPT, "Tiếp nhận hồ sơ",
            Decision.SUPPLEMENT, "Yêu cầu bổ sung hồ sơ",
            Decision.REFUSE, "Từ chối tiếp nhận",
            Decision.APPROVE, "Đồng ý",
            Decision.RETURN, "Trả lại");

    /** What the step decided, as the note of its row on the process-control slip. */
    private static String outcome(DelegateTask task) {
        String decisionVariable = switch (task.getTaskDefinitionKey()) {
            case DossierProcess.Element.TASK_RECEPTION_CHECK -> Var.RECEPTION_DECISION;
            case DossierProcess.Element.TASK_REVIEW_DRAFT -> Var.HEAD_DECISION;
            case DossierProcess.Element.TASK_LEADER_APPROVAL -> Var.LEADER_DECISION;
            default -> null;
        };
        if (decisionVariable == null) return null;
        Object decision = task.getVariable(decisionVariable);
        return decision == null ? null : OUTCOMES.getOrDefault(decision.toString(), decision.toString());
    }
}
