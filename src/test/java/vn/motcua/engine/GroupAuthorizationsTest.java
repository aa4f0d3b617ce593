package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's authorization checks take all of an official's groups without first reading every group named in
 * ACT_RU_AUTHORIZATION ({@link UnfilteredGroupAuthorizations}), and still answer as Camunda's own do: a permission
 * granted to one of the official's groups holds, one granted to a group the official is not in does not, a group
 * with no authorization at all grants nothing.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class GroupAuthorizationsTest {

    @Autowired ProcessEngine engine;
    @Autowired AuthorizationService authorizations;

    private String granted;

    @AfterEach
    void removeGrant() {
        if (granted != null) authorizations.deleteAuthorization(granted);
    }

    @Test
    void theEngineUsesMotcuasAuthorizationSession() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        AuthorizationManager session = configuration.getCommandExecutorTxRequired()
                .execute((Command<AuthorizationManager>) context -> context.getAuthorizationManager());
        assertThat(session).isInstanceOf(UnfilteredGroupAuthorizations.class);
        assertThat(session.filterAuthenticatedGroupIds(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(session.filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    void permissionsFollowTheGroupsAnOfficialIsIn() {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("bench-probe:readers");
        grant.setResource(Resources.DEPLOYMENT);
        grant.setResourceId("probe-deployment");
        grant.addPermission(Permissions.READ);
        granted = authorizations.saveAuthorization(grant).getId();

        assertThat(authorizations.isUserAuthorized("someone", List.of("no-such-group", "bench-probe:readers"),
                Permissions.READ, Resources.DEPLOYMENT, "probe-deployment")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of("no-such-group", "bench-probe:writers"),
                Permissions.READ, Resources.DEPLOYMENT, "probe-deployment")).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("bench-probe:readers"),
                Permissions.DELETE, Resources.DEPLOYMENT, "probe-deployment")).isFalse();
        assertThat(authorizations.isUserAuthorized("someone", List.of("bench-probe:readers"),
                Permissions.READ, Resources.DEPLOYMENT, "another-deployment")).isFalse();
    }

    /**
     * Task queries: an official who may read every task gets the commune's tasks without the per-task join (the query's
     * authorization check is off, the tenant check on); one who may read a single task gets that one only, checked per
     * task; a revoke on a task is still honoured.
     */
    @Test
    void taskQueriesOfOfficialsWhoReadEveryTaskSkipThePerTaskCheckWithTheSameAnswers() {
        org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
        org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
        List<String> ids = List.of("probe-task-1", "probe-task-2", "probe-task-other");
        List<String> grants = new java.util.ArrayList<>();
        try {
            for (String id : ids) {
                org.camunda.bpm.engine.task.Task t = tasks.newTask(id);
                t.setTenantId(id.endsWith("other") ? "thuc-phan" : "tan-giang");
                tasks.saveTask(t);
            }
            grants.add(grant("probe:every", Authorization.AUTH_TYPE_GRANT, "*"));
            grants.add(grant("probe:one", Authorization.AUTH_TYPE_GRANT, "probe-task-1"));

            assertThat(visible(identity, tasks, "probe:every")).containsExactly("probe-task-1", "probe-task-2");
            assertThat(checkedPerTask("probe:every")).as("no per-task join for a reader of every task").isFalse();
            assertThat(visible(identity, tasks, "probe:one")).containsExactly("probe-task-1");
            assertThat(checkedPerTask("probe:one")).as("checked per task").isTrue();
            assertThat(visible(identity, tasks, "probe:none")).isEmpty();

            grants.add(grant("probe:every", Authorization.AUTH_TYPE_REVOKE, "probe-task-2"));
            assertThat(visible(identity, tasks, "probe:every")).as("a revoke is honoured").containsExactly("probe-task-1");
        } finally {
            grants.forEach(authorizations::deleteAuthorization);
            ids.forEach(id -> tasks.deleteTask(id, true));
        }
    }

    private String grant(String group, int type, String taskId) {
        Authorization a = authorizations.createNewAuthorization(type);
        a.setGroupId(group);
        a.setResource(Resources.TASK);
        a.setResourceId(taskId);
        if (type == Authorization.AUTH_TYPE_GRANT) a.addPermission(Permissions.READ); else a.removePermission(Permissions.READ);
        return authorizations.saveAuthorization(a).getId();
    }

    private static List<String> visible(org.camunda.bpm.engine.IdentityService identity, org.camunda.bpm.engine.TaskService tasks, String group) {
        identity.setAuthentication("probe-official", List.of(group), List.of("tan-giang"));
        try {
            return tasks.createTaskQuery().taskIdIn("probe-task-1", "probe-task-2", "probe-task-other").orderByTaskId().asc().list()
                    .stream().map(org.camunda.bpm.engine.task.Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Whether a task query of an official of the group would join the authorizations per task. */
    private boolean checkedPerTask(String group) {
        engine.getIdentityService().setAuthentication("probe-official", List.of(group), List.of("tan-giang"));
        try {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            return configuration.getCommandExecutorTxRequired().execute((Command<Boolean>) context -> {
                org.camunda.bpm.engine.impl.TaskQueryImpl query = new org.camunda.bpm.engine.impl.TaskQueryImpl();
                context.enableAuthorizationCheck(); // as for a query of the public API
                context.getAuthorizationManager().configureTaskQuery(query);
                return query.getAuthCheck().getShouldPerformAuthorizatioCheck();
            });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
