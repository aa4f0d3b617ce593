package vn.motcua.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything provisioning compares against, read in a handful of queries instead of several per
 * official: users, groups, tenants, memberships and group grants. Memberships and grants are read
 * from Camunda's tables directly (read only; every write goes through the engine's API).
 */
@Component
public class IdentitySnapshot {

    private final IdentityService identity;
    private final JdbcClient jdbc;

    IdentitySnapshot(IdentityService identity, JdbcClient jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    public State load() {
        Map<String, User> users = new HashMap<>();
        identity.createUserQuery().list().forEach(u -> users.put(u.getId(), u));
        Map<String, Group> groups = new HashMap<>();
        identity.createGroupQuery().list().forEach(g -> groups.put(g.getId(), g));
        Map<String, Tenant> tenants = new HashMap<>();
        identity.createTenantQuery().list().forEach(t -> tenants.put(t.getId(), t));
        Set<String> memberships = new HashSet<>(jdbc.sql("select USER_ID_ || '|' || GROUP_ID_ from ACT_ID_MEMBERSHIP")
                .query(String.class).list());
        Set<String> tenantGroups = new HashSet<>(jdbc.sql(
                        "select TENANT_ID_ || '|' || GROUP_ID_ from ACT_ID_TENANT_MEMBER where GROUP_ID_ is not null")
                .query(String.class).list());
        Map<String, Integer> grants = new HashMap<>();
        jdbc.sql("select GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from ACT_RU_AUTHORIZATION where TYPE_ = 1 and GROUP_ID_ is not null")
                .query(rs -> {
                    grants.put(grantKey(rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getInt(4));
                });
        return new State(users, groups, tenants, memberships, tenantGroups, grants);
    }

    public static String grantKey(String group, int resourceType, String resourceId) {
        return group + "|" + resourceType + "|" + resourceId;
    }

    /** Mutable: provisioning records its own writes here as it goes. */
    public record State(Map<String, User> users, Map<String, Group> groups, Map<String, Tenant> tenants,
                        Set<String> memberships, Set<String> tenantGroups, Map<String, Integer> grants) {
    }
}
