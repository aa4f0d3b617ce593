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
}
