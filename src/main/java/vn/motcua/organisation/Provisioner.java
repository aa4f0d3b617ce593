package vn.motcua.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organisation.OrgChart.Commune;
import vn.motcua.organisation.OrgChart.Department;
import vn.motcua.organisation.OrgChart.Official;

/**
 * Applies an org chart: communes and departments (motcua's tables), tenants, groups, users,
 * memberships, authorizations and Tasklist filters (Camunda's identity). Idempotent: it changes
 * only what differs from the chart and reports each change.
 */
@Service
public class Provisioner {

    public static final String PROVINCE_ADMIN_GROUP = "province:admin";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final JdbcClient jdbc;

    Provisioner(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks, JdbcClient jdbc) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /**
     * @param passwords gives the initial password of each user it creates; existing users keep theirs
     */
    @Transactional
    public List<String> apply(OrgChart chart, InitialPasswords passwords) {
        OrgChart checked = OrgChartReader.check(chart);
        lockProvisioning();
        List<String> changes = new ArrayList<>();
        List<String> filterIds = ensureFilters(changes);
        for (Commune commune : checked.communes()) {
            upsertCommune(checked.province(), commune, changes);
            ensureTenant(commune.code(), commune.name(), changes);
            ensureGroup(Role.RECEPTION.groupId(commune.code(), null),
                    Role.RECEPTION.label() + " – " + commune.name(), commune.code(), Role.RECEPTION, changes);
            ensureGroup(Role.LEADER.groupId(commune.code(), null),
                    Role.LEADER.label() + " – " + commune.name(), commune.code(), Role.LEADER, changes);
            for (Department d : commune.departments()) {
                for (Role role : List.of(Role.HEAD, Role.SPECIALIST)) {
                    ensureGroup(role.groupId(commune.code(), d.code()),
                            role.label() + " – " + d.name() + " – " + commune.name(), commune.code(), role, changes);
                }
            }
            for (Official official : commune.officials()) {
                ensureUser(official.id(), official.fullName(), official.email(), passwords, changes);
                ensureMembership(official.id(), official.role().groupId(commune.code(), official.department()), changes);
            }
        }
        grantFilters(checked, filterIds, changes);
        return changes;
    }

    /** The province administrator: Cockpit, Admin and Tasklist, every commune. */
    @Transactional
    public List<String> ensureAdmin(String adminId, String password) {
        lockProvisioning();
        List<String> changes = new ArrayList<>();
        ensureUser(adminId, "Quản trị viên tỉnh", null, id -> password, changes);
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Camunda BPM Administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
            changes.add("group " + Groups.CAMUNDA_ADMIN + " created");
        }
        for (Resource resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL, changes);
        }
        ensureGroupRecord(PROVINCE_ADMIN_GROUP, "Quản trị hệ thống cấp tỉnh", Groups.GROUP_TYPE_SYSTEM, changes);
        ensureMembership(adminId, Groups.CAMUNDA_ADMIN, changes);
        ensureMembership(adminId, PROVINCE_ADMIN_GROUP, changes);
        return changes;
    }

    /** Several nodes start together: one provisions at a time, the others then find nothing to change. */
    private void lockProvisioning() {
        jdbc.sql("select name from mc_lock where name = 'provisioning' for update").query(String.class).single();
    }

    private void upsertCommune(OrgChart.Province province, Commune commune, List<String> changes) {
        int updated = jdbc.sql("""
                        update mc_commune set name = :name, agency_id = :agency, province_code = :pcode, province_name = :pname
                        where code = :code and (name <> :name or agency_id <> :agency or province_code <> :pcode or province_name <> :pname)""")
                .param("code", commune.code()).param("name", commune.name()).param("agency", commune.agencyId())
                .param("pcode", province.code()).param("pname", province.name())
                .update();
        if (updated > 0) {
            changes.add("commune " + commune.code() + " updated");
        } else if (jdbc.sql("select count(*) from mc_commune where code = ?").param(commune.code()).query(Integer.class).single() == 0) {
            jdbc.sql("insert into mc_commune (code, name, agency_id, province_code, province_name) values (?, ?, ?, ?, ?)")
                    .params(commune.code(), commune.name(), commune.agencyId(), province.code(), province.name())
                    .update();
            changes.add("commune " + commune.code() + " created");
        }
        for (Department d : commune.departments()) {
            int changed = jdbc.sql("update mc_department set name = ? where commune_code = ? and code = ? and name <> ?")
                    .params(d.name(), commune.code(), d.code(), d.name()).update();
            if (changed > 0) {
                changes.add("department " + commune.code() + ":" + d.code() + " renamed");
            } else if (jdbc.sql("select count(*) from mc_department where commune_code = ? and code = ?")
                    .params(commune.code(), d.code()).query(Integer.class).single() == 0) {
                jdbc.sql("insert into mc_department (commune_code, code, name) values (?, ?, ?)")
                        .params(commune.code(), d.code(), d.name()).update();
                changes.add("department " + commune.code() + ":" + d.code() + " created");
            }
        }
    }

    private void ensureTenant(String id, String name, List<String> changes) {
        Tenant tenant = identity.createTenantQuery().tenantId(id).singleResult();
        if (tenant == null) {
            tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
            changes.add("tenant " + id + " created");
        } else if (!Objects.equals(tenant.getName(), name)) {
            tenant.setName(name);
            identity.saveTenant(tenant);
            changes.add("tenant " + id + " renamed");
        }
    }

    private void ensureGroup(String id, String name, String tenant, Role role, List<String> changes) {
        ensureGroupRecord(id, name, Groups.GROUP_TYPE_WORKFLOW, changes);
        if (identity.createTenantQuery().groupMember(id).tenantId(tenant).count() == 0) {
            identity.createTenantGroupMembership(tenant, id);
            changes.add("group " + id + " joined tenant " + tenant);
        }
        grant(id, Resources.APPLICATION, "tasklist", Permissions.ACCESS, changes);
        // reading the dossiers' variables and history (Tasklist's list columns, History tab); the
        // commune's tenant keeps this to the commune's own dossiers
        for (Permission p : List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY)) {
            grant(id, Resources.PROCESS_DEFINITION, Authorization.ANY, p, changes);
        }
        grant(id, Resources.USER, Authorization.ANY, Permissions.READ, changes);
        if (role == Role.LEADER) {
            // the commune's leadership oversees every dossier of the commune (its tenant keeps it there)
            grant(id, Resources.TASK, Authorization.ANY, Permissions.READ, changes);
        }
        grant(id, Resources.GROUP, Authorization.ANY, Permissions.READ, changes);
    }

    private void ensureGroupRecord(String id, String name, String type, List<String> changes) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            changes.add("group " + id + " created");
        } else if (!Objects.equals(group.getName(), name)) {
            group.setName(name);
            identity.saveGroup(group);
            changes.add("group " + id + " renamed");
        }
    }

    private void ensureUser(String id, String fullName, String email, InitialPasswords passwords, List<String> changes) {
        Names names = Names.split(fullName);
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
            user.setFirstName(names.first());
            user.setLastName(names.last());
            user.setEmail(email);
            user.setPassword(passwords.issue(id));
            identity.saveUser(user);
            changes.add("user " + id + " created");
        } else if (!Objects.equals(user.getFirstName(), names.first()) || !Objects.equals(user.getLastName(), names.last())
                || !Objects.equals(user.getEmail(), email)) {
            user.setFirstName(names.first());
            user.setLastName(names.last());
            user.setEmail(email);
            identity.saveUser(user);
            changes.add("user " + id + " updated");
        }
    }

    private void ensureMembership(String userId, String groupId, List<String> changes) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
            changes.add("user " + userId + " joined " + groupId);
        }
    }

    private List<String> ensureFilters(List<String> changes) {
        List<String> ids = new ArrayList<>();
        for (TasklistFilters definition : TasklistFilters.values()) {
            Filter filter = filters.createFilterQuery().filterName(definition.title()).singleResult();
            if (filter == null) {
                filter = filters.newTaskFilter(definition.title());
                filter.setOwner(null);
                filter.setQuery(definition.orderedQuery(tasks));
                filter.setProperties(definition.properties());
                filters.saveFilter(filter);
                changes.add("filter \"" + definition.title() + "\" created");
            }
            ids.add(filter.getId());
        }
        return ids;
    }

    private void grantFilters(OrgChart chart, List<String> filterIds, List<String> changes) {
        TasklistFilters[] definitions = TasklistFilters.values();
        for (Commune commune : chart.communes()) {
            for (int i = 0; i < definitions.length; i++) {
                for (Role role : definitions[i].roles()) {
                    if (role.perDepartment()) {
                        for (Department d : commune.departments()) {
                            grant(role.groupId(commune.code(), d.code()), Resources.FILTER, filterIds.get(i), Permissions.READ, changes);
                        }
                    } else {
                        grant(role.groupId(commune.code(), null), Resources.FILTER, filterIds.get(i), Permissions.READ, changes);
                    }
                }
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission, List<String> changes) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (existing == null) {
            Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
            changes.add("granted " + permission.getName() + " on " + resource.resourceName() + " " + resourceId + " to " + groupId);
        } else if (!existing.isPermissionGranted(permission)) {
            existing.addPermission(permission);
            authorizations.saveAuthorization(existing);
            changes.add("granted " + permission.getName() + " on " + resource.resourceName() + " " + resourceId + " to " + groupId);
        }
    }

    /**
     * Camunda's webapps show "firstName lastName". A Vietnamese name reads family name first, so the
     * given name (the last word) goes into lastName and the rest into firstName, which shows the
     * name in its natural order: "Nguyễn Thị Hồng" + "Nhung".
     */
    record Names(String first, String last) {
        static Names split(String fullName) {
            String name = fullName.trim().replaceAll("\\s+", " ");
            int space = name.lastIndexOf(' ');
            return space < 0 ? new Names(name, "") : new Names(name.substring(0, space), name.substring(space + 1));
        }
    }
}
