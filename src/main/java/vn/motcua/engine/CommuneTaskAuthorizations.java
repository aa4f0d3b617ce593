package vn.motcua.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Task authorizations by commune, not by task: the engine writes no authorization row when a dossier's task gets its
 * candidate groups, candidate users, assignee or owner.
 *
 * <p>Camunda's default provider grants every candidate group and every assignee of every task a row of its own in
 * {@code ACT_RU_AUTHORIZATION} (308,835 rows at 200,000 open dossiers), and every Tasklist list or count then probes
 * that table once per task of the filter ({@code AUTH.RESOURCE_ID_ IN (task, definition key, '*')}): 40–60 ms of SQL
 * for a filter of 800–1,300 tasks in one commune, whatever its filter selects. Instead:
 * <ul>
 *   <li><b>who may see a task</b>: every official reads the tasks of their own commune, granted once on {@code TASK *} to
 *       the province-wide officials group ({@link vn.motcua.organisation.Provisioner#OFFICIALS_GROUP}); the commune's
 *       tenant keeps them to their commune, as it already did for the dossiers' processes, variables and history,
 *       which every official of the commune could read before. Which tasks an official's Tasklist lists is their
 *       filters' choice (their groups', their own; the whole commune's for the leadership);</li>
 *   <li><b>who may act on a task</b> (claim, release, complete, give it variables, comment): only its assignee, its
 *       candidate users and the members of its candidate groups, checked by motcua's guard of the engine API
 *       ({@code security.EngineWriteRules}) against the task's own identity links before Camunda sees the request; the
 *       grant on {@code TASK *} carries only the permissions those operations need (task work, assign, update
 *       variables), never delete or update.</li>
 * </ul>
 * Tasks nobody started from a dossier (created by hand in Tasklist, which only the province admin may) keep Camunda's
 * default grants ({@link #newTask}).
 */
public class CommuneTaskAuthorizations extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return standaloneOnly(task, () -> super.newTaskAssignee(task, oldAssignee, newAssignee));
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return standaloneOnly(task, () -> super.newTaskOwner(task, oldOwner, newOwner));
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return standaloneOnly(task, () -> super.newTaskUserIdentityLink(task, userId, type));
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return standaloneOnly(task, () -> super.newTaskGroupIdentityLink(task, groupId, type));
    }

    /** Camunda's default grants for a task no process started; none for a dossier's task. */
    private static AuthorizationEntity[] standaloneOnly(Task task, Supplier<AuthorizationEntity[]> byDefault) {
        return task.getProcessInstanceId() == null ? byDefault.get() : null;
    }
}
