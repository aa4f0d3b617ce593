package vn.motcua.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization checks without the province-wide scan that precedes each of them, and task queries without
 * a per-task check for officials who may read every task of their commune.
 *
 * <p>Before every authorization check and every authorized query, Camunda's {@link AuthorizationManager}
 * narrows the user's groups to those named by at least one authorization, reading
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} once per command. The table holds a row for every
 * candidate group of every open task of the province, so the scan grows with the province: 10 ms per command at
 * 20,000 open dossiers (38,835 rows), several times per Tasklist click (the list, its count, its variables and
 * embedded resources are separate commands), whoever asks and however few tasks their commune has.
 *
 * <p>The narrowing only shortens the {@code GROUP_ID_ IN (...)} lists for users in very many groups (an LDAP
 * directory's). motcua's officials are in a handful of groups (their commune's role and department groups and the
 * province-wide ones), and a group named by no authorization matches no row anyway: passing all of the user's
 * groups gives the same answers, without reading the table. Installed as the engine's {@code AuthorizationManager}
 * session by {@link EngineConfiguration}.
 */
public class UnfilteredGroupAuthorizations extends AuthorizationManager {

    /**
     * A task query of an official who may read every task ({@code READ} on {@code TASK *}, every official of a commune:
     * engine.CommuneTaskAuthorizations) runs without the per-task authorization join. Camunda would still join
     * {@code ACT_RU_AUTHORIZATION} to each task of the commune ({@code AUTH.RESOURCE_ID_ IN (task, key, '*')}, about 8 of
     * a reception officer's 23 ms "Việc cần xử lý" count at 200,000 open dossiers) to find the same {@code '*'} row every
     * time. Same answers: a grant on every task passes every task, the commune's tenant check stays, and where revoke
     * authorizations are in use (Camunda's {@code authorizationCheckRevokes}) or the official lacks the grant, the
     * query is checked per task as before.
     */
    @Override
    public void configureTaskQuery(org.camunda.bpm.engine.impl.TaskQueryImpl query) {
        super.configureTaskQuery(query);
        org.camunda.bpm.engine.impl.db.AuthorizationCheck check = query.getAuthCheck();
        // getShouldPerformAuthorizatioCheck is what the task query's SQL reads (enabled and with permission checks)
        if (check.getShouldPerformAuthorizatioCheck() && !check.isRevokeAuthorizationCheckEnabled()
                && check.getAuthUserId() != null && readsEveryTask(check.getAuthUserId(), check.getAuthGroupIds())) {
            check.setAuthorizationCheckEnabled(false);
        }
    }

    private String everyTaskUser;
    private List<String> everyTaskGroups;
    private boolean everyTask;

    /** Whether the official holds READ on every task; asked once per command (a session lives for one). */
    private boolean readsEveryTask(String userId, List<String> groupIds) {
        if (!userId.equals(everyTaskUser) || !java.util.Objects.equals(groupIds, everyTaskGroups)) {
            everyTask = isAuthorized(userId, groupIds, org.camunda.bpm.engine.authorization.Permissions.READ,
                    org.camunda.bpm.engine.authorization.Resources.TASK, org.camunda.bpm.engine.authorization.Authorization.ANY);
            everyTaskUser = userId;
            everyTaskGroups = groupIds == null ? null : List.copyOf(groupIds);
        }
        return everyTask;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
    }
}
