package vn.motcua.workflow;

import vn.motcua.process.ProcessContract;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import vn.motcua.dossier.DossierClock;
import vn.motcua.common.Formats;
import vn.motcua.organisation.Role;
import vn.motcua.process.DossierProcess.Var;

/**
 * The timeout listeners of every step: {@code stepWarning} before the deadline tells whoever holds
 * the task; {@code stepOverdue} at the deadline tells the department's head (the commune's leader
 * for steps before the dossier reaches a department). Each notice is recorded with the dossier and
 * written as a comment on the task, where Tasklist shows it.
 */
@Configuration(proxyBeanMethods = false)
class StepTimeouts {

    @Bean("stepWarning")
    TaskListener stepWarning(@Lazy DossierClock clock, @Lazy TaskService tasks) {
        return task -> {
            String recipient = task.getAssignee() != null ? task.getAssignee() : candidateGroup(task);
            String message = "Bước \"" + task.getName() + "\" của hồ sơ " + ProcessContract.dossierCode(task)
                    + " sắp đến hạn: " + Formats.dateTime(java.time.OffsetDateTime.ofInstant(task.getDueDate().toInstant(), java.time.ZoneOffset.UTC));
            record(clock, tasks, task, "STEP_WARNING", recipient, message);
        };
    }

    @Bean("stepOverdue")
    TaskListener stepOverdue(@Lazy DossierClock clock, @Lazy TaskService tasks) {
        return task -> {
            Object headGroup = task.getVariable(Var.HEAD_GROUP);
            String recipient = headGroup != null ? headGroup.toString()
                    : Role.LEADER.groupId((String) task.getVariable(Var.COMMUNE_CODE), null);
            String message = "Bước \"" + task.getName() + "\" của hồ sơ " + ProcessContract.dossierCode(task)
                    + " đã quá hạn (" + (task.getAssignee() != null ? "đang giao " + task.getAssignee() : "chưa có người nhận") + ")";
            record(clock, tasks, task, "STEP_OVERDUE", recipient, message);
        };
    }

    private static void record(DossierClock clock, TaskService tasks, DelegateTask task, String kind,
                               String recipient, String message) {
        clock.notify(ProcessContract.dossierCode(task), kind, recipient, message);
        tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse("?");
    }
}
