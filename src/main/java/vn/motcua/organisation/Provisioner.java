package vn.motcua.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.engine.DossierEngine;
import vn.motcua.engine.IdentitySnapshot;
import vn.motcua.organisation.OrgChart.Commune;
import vn.motcua.organisation.OrgChart.Department;
import vn.motcua.organisation.OrgChart.Official;

/**
 * Applies an org chart: communes and departments (motcua's tables), tenants, groups, users,
 * memberships, authorizations and Tasklist filters (Camunda's identity). Idempotent: it changes
 * only what differs from the chart and reports each change. An official of a commune in the chart
 * who is no longer listed is disabled (memberships removed, password voided, open tasks back to
 * their groups), never deleted.
 */
@Service
public class Provisioner {

    public static final String PROVINCE_ADMIN_GROUP = "province:admin";

    /**
     * What every official of the province may do whatever their commune — open Tasklist, read the
     * dossiers' processes and history, read users and groups — is granted once, to a province-wide
     * group every official belongs to, and the one-stop's and the leadership's own grants to two more
     * such groups; never to each commune's groups. The commune's tenant (its groups' membership) keeps
     * each official to their commune's dossiers as before. Granted per commune, these "any resource"
     * rows grew with the province (about 2,600 at 100 communes) and the engine reads every one of them
     * for every task it checks ({@code AUTH.RESOURCE_ID_ IN (task, key, '*')}), so a commune's inbox
     * slowed as the province grew; now their number is fixed. The ids have no colon, so no code takes
     * them for a commune's role group.
     */
    public static final String OFFICIALS_GROUP = "motcua-officials";
    public static final String ONE_STOP_GROUP = "motcua-one-stop";
    public static final String LEADERS_GROUP = "motcua-leaders";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    /** Only to build the Tasklist filters' queries; the tasks themselves are the engine gateway's. */
    private final TaskService tasks;
    private final DossierEngine engine;
    private final IdentitySnapshot snapshot;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Provisioner(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks, DossierEngine engine, IdentitySnapshot snapshot, JdbcClient jdbc, Clock clock) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.engine = engine;
        this.snapshot = snapshot;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param passwords gives the initial password of each user it creates (or enables again);
     *                  existing users keep theirs
     */
    @Transactional
    public List<String> apply(OrgChart chart, InitialPasswords passwords) {
        OrgChart checked = OrgChartReader.check(chart);
        lockProvisioning();
        Run run = new Run(snapshot.load(), passwords);
        ensureProvinceGroups(run);
        List<String> filterIds = ensureFilters(run);
        Map<String, String> communes = new HashMap<>();
        jdbc.sql("select code, name || '|' || agency_id || '|' || province_code || '|' || province_name from mc_commune")
                .query(rs -> {
                    communes.put(rs.getString(1), rs.getString(2));
                });
        Map<String, String> departments = new HashMap<>();
        jdbc.sql("select commune_code || ':' || code, name from mc_department").query(rs -> {
            departments.put(rs.getString(1), rs.getString(2));
        });
        Map<String, OfficialRow> officials = officialsOf(checked.communes().stream().map(Commune::code).toList());

        for (Commune commune : checked.communes()) {
            upsertCommune(checked.province(), commune, communes, departments, run);
            ensureTenant(commune.code(), commune.name(), run);
            ensureGroup(Role.RECEPTION.groupId(commune.code(), null), Role.RECEPTION.label() + " – " + commune.name(),
                    commune.code(), run);
            ensureGroup(Role.LEADER.groupId(commune.code(), null), Role.LEADER.label() + " – " + commune.name(),
                    commune.code(), run);
            for (Department d : commune.departments()) {
                for (Role role : List.of(Role.HEAD, Role.SPECIALIST)) {
                    ensureGroup(role.groupId(commune.code(), d.code()), role.label() + " – " + d.name() + " – " + commune.name(),
                            commune.code(), run);
                }
            }
            Set<String> listed = new HashSet<>();
            for (Official official : commune.officials()) {
                listed.add(official.id());
                OfficialRow row = officials.get(official.id());
                boolean enableAgain = row != null && !row.active();
                ensureUser(official.id(), official.fullName(), official.email(), enableAgain, run);
                String roleGroup = official.role().groupId(commune.code(), official.department());
                for (String group : run.groupsOf(official.id())) {
                    if (group.contains(":") && !group.equals(roleGroup) && !group.equals(PROVINCE_ADMIN_GROUP)) {
                        identity.deleteMembership(official.id(), group);
                        run.memberships.remove(official.id() + "|" + group);
                        run.changes.add("user " + official.id() + " left " + group);
                    }
                }
                ensureMembership(official.id(), roleGroup, run);
                joinProvinceGroups(official.id(), official.role(), run);
                upsertOfficial(commune.code(), official, row, run);
            }
            for (OfficialRow row : officials.values()) {
                if (row.communeCode().equals(commune.code()) && row.active() && !listed.contains(row.userId())) {
                    disable(row.userId(), run);
                }
            }
        }
        grantFilters(checked, filterIds, run);
        return run.changes;
    }

    /** The province administrator: Cockpit, Admin and Tasklist, every commune. */
    @Transactional
    public List<String> ensureAdmin(String adminId, String password) {
        lockProvisioning();
        Run run = new Run(snapshot.load(), (id, name, email) -> password);
        ensureUser(adminId, "Quản trị viên tỉnh", null, false, run);
        ensureGroupRecord(Groups.CAMUNDA_ADMIN, "Camunda BPM Administrators", Groups.GROUP_TYPE_SYSTEM, run);
        for (Resource resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL, run);
        }
        ensureGroupRecord(PROVINCE_ADMIN_GROUP, "Quản trị hệ thống cấp tỉnh", Groups.GROUP_TYPE_SYSTEM, run);
        ensureMembership(adminId, Groups.CAMUNDA_ADMIN, run);
        ensureMembership(adminId, PROVINCE_ADMIN_GROUP, run);
        return run.changes;
    }

    /** Several nodes start together: one provisions at a time, the others then find nothing to change. */
    private void lockProvisioning() {
        jdbc.sql("select name from mc_lock where name = 'provisioning' for update").query(String.class).single();
    }

    private void upsertCommune(OrgChart.Province province, Commune commune, Map<String, String> communes,
                               Map<String, String> departments, Run run) {
        String wanted = commune.name() + "|" + commune.agencyId() + "|" + province.code() + "|" + province.name();
        String existing = communes.get(commune.code());
        if (existing == null) {
            jdbc.sql("insert into mc_commune (code, name, agency_id, province_code, province_name) values (?, ?, ?, ?, ?)")
                    .params(commune.code(), commune.name(), commune.agencyId(), province.code(), province.name()).update();
            run.changes.add("commune " + commune.code() + " created");
        } else if (!existing.equals(wanted)) {
            jdbc.sql("update mc_commune set name = ?, agency_id = ?, province_code = ?, province_name = ? where code = ?")
                    .params(commune.name(), commune.agencyId(), province.code(), province.name(), commune.code()).update();
            run.changes.add("commune " + commune.code() + " updated");
        }
        for (Department d : commune.departments()) {
            String name = departments.get(commune.code() + ":" + d.code());
            if (name == null) {
                jdbc.sql("insert into mc_department (commune_code, code, name) values (?, ?, ?)")
                        .params(commune.code(), d.code(), d.name()).update();
                run.changes.add("department " + commune.code() + ":" + d.code() + " created");
            } else if (!name.equals(d.name())) {
                jdbc.sql("update mc_department set name = ? where commune_code = ? and code = ?")
                        .params(d.name(), commune.code(), d.code()).update();
                run.changes.add("department " + commune.code() + ":" + d.code() + " renamed");
            }
        }
    }

    private void ensureTenant(String id, String name, Run run) {
        Tenant tenant = run.state.tenants().get(id);
        if (tenant == null) {
            tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
            run.state.tenants().put(id, tenant);
            run.changes.add("tenant " + id + " created");
        } else if (!Objects.equals(tenant.getName(), name)) {
            tenant.setName(name);
            identity.saveTenant(tenant);
            run.changes.add("tenant " + id + " renamed");
        }
    }

    private void ensureGroup(String id, String name, String tenant, Run run) {
        ensureGroupRecord(id, name, Groups.GROUP_TYPE_WORKFLOW, run);
        if (run.state.tenantGroups().add(tenant + "|" + id)) {
            identity.createTenantGroupMembership(tenant, id);
            run.changes.add("group " + id + " joined tenant " + tenant);
        }
        // an earlier release granted the province-wide permissions to each commune's groups
        for (Map.Entry<Resource, String> obsolete : COMMUNE_GRANTS_MOVED) {
            revoke(id, obsolete.getKey(), obsolete.getValue(), run);
        }
    }

    private static final List<Map.Entry<Resource, String>> COMMUNE_GRANTS_MOVED = List.of(
            Map.entry(Resources.APPLICATION, "tasklist"),
            Map.entry(Resources.PROCESS_DEFINITION, Authorization.ANY),
            Map.entry(Resources.PROCESS_DEFINITION, vn.motcua.process.DossierProcess.Block.COUNTER_INTAKE),
            Map.entry(Resources.USER, Authorization.ANY),
            Map.entry(Resources.GROUP, Authorization.ANY),
            Map.entry(Resources.PROCESS_INSTANCE, Authorization.ANY),
            Map.entry(Resources.TASK, Authorization.ANY));

    private void ensureProvinceGroups(Run run) {
        ensureGroupRecord(OFFICIALS_GROUP, "Cán bộ, công chức các xã, phường (quyền chung)", Groups.GROUP_TYPE_WORKFLOW, run);
        grant(OFFICIALS_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS, run);
        // reading the dossiers' variables and history (Tasklist's list columns, History tab); each
        // official's commune tenant keeps this to the commune's own dossiers
        for (Permission p : List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY)) {
            grant(OFFICIALS_GROUP, Resources.PROCESS_DEFINITION, Authorization.ANY, p, run);
        }
        grant(OFFICIALS_GROUP, Resources.USER, Authorization.ANY, Permissions.READ, run);
        grant(OFFICIALS_GROUP, Resources.GROUP, Authorization.ANY, Permissions.READ, run);
        ensureGroupRecord(ONE_STOP_GROUP, "Bộ phận Một cửa các xã, phường (quyền chung)", Groups.GROUP_TYPE_WORKFLOW, run);
        // the counter intake ("Tiếp nhận hồ sơ" in Tasklist's start dialog): the one-stop may start it, and only it
        grant(ONE_STOP_GROUP, Resources.PROCESS_DEFINITION, vn.motcua.process.DossierProcess.Block.COUNTER_INTAKE,
                Permissions.CREATE_INSTANCE, run);
        grant(ONE_STOP_GROUP, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE, run);
        // the tasks of the commune (engine.CommuneTaskAuthorizations: no authorization row per task): each official
        // reads them, and works on those that are theirs, which motcua's guard of the engine API checks against the
        // task's assignee and candidates; never update or delete a task as such
        for (Permission p : TASK_PERMISSIONS) {
            grant(OFFICIALS_GROUP, Resources.TASK, Authorization.ANY, p, run);
        }
        ensureGroupRecord(LEADERS_GROUP, "Lãnh đạo UBND các xã, phường (quyền chung)", Groups.GROUP_TYPE_WORKFLOW, run);
        // an earlier release let the leadership alone read every task of the commune; every official does now, and
        // the leadership's own filters list the whole commune's (TasklistFilters)
        revoke(LEADERS_GROUP, Resources.TASK, Authorization.ANY, run, "every official reads the commune's tasks now");
    }

    /** What every official may do to a task of their commune that is theirs (the guard decides which are). */
    static final List<Permission> TASK_PERMISSIONS = List.of(TaskPermissions.READ, TaskPermissions.TASK_WORK,
            TaskPermissions.TASK_ASSIGN, TaskPermissions.UPDATE_VARIABLE);

    /** The province-wide groups of an official's role: all officials, and the one-stop's or the leadership's. */
    private void joinProvinceGroups(String userId, Role role, Run run) {
        ensureMembership(userId, OFFICIALS_GROUP, run);
        for (Map.Entry<String, Role> g : Map.of(ONE_STOP_GROUP, Role.RECEPTION, LEADERS_GROUP, Role.LEADER).entrySet()) {
            if (g.getValue() == role) {
                ensureMembership(userId, g.getKey(), run);
            } else if (run.memberships.remove(userId + "|" + g.getKey())) {
                identity.deleteMembership(userId, g.getKey());
                run.changes.add("user " + userId + " left " + g.getKey());
            }
        }
    }

    private void ensureGroupRecord(String id, String name, String type, Run run) {
        Group group = run.state.groups().get(id);
        if (group == null) {
            group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
            run.state.groups().put(id, group);
            run.changes.add("group " + id + " created");
        } else if (!Objects.equals(group.getName(), name)) {
            group.setName(name);
            identity.saveGroup(group);
            run.changes.add("group " + id + " renamed");
        }
    }

    private void ensureUser(String id, String fullName, String email, boolean enableAgain, Run run) {
        Names names = Names.split(fullName);
        User user = run.state.users().get(id);
        if (user == null) {
            user = identity.newUser(id);
            user.setFirstName(names.first());
            user.setLastName(names.last());
            user.setEmail(email);
            user.setPassword(run.passwords.issue(id, fullName, email));
            identity.saveUser(user);
            run.state.users().put(id, user);
            run.changes.add("user " + id + " created");
        } else if (enableAgain || !Objects.equals(user.getFirstName(), names.first())
                || !Objects.equals(user.getLastName(), names.last()) || !Objects.equals(user.getEmail(), email)) {
            user.setFirstName(names.first());
            user.setLastName(names.last());
            user.setEmail(email);
            if (enableAgain) {
                user.setPassword(run.passwords.issue(id, fullName, email));
            }
            identity.saveUser(user);
            run.changes.add("user " + id + (enableAgain ? " enabled again" : " updated"));
        }
    }

    private void ensureMembership(String userId, String groupId, Run run) {
        if (run.memberships.add(userId + "|" + groupId)) {
            run.joined(userId, groupId);
            identity.createMembership(userId, groupId);
            run.changes.add("user " + userId + " joined " + groupId);
        }
    }

    private void upsertOfficial(String commune, Official given, OfficialRow row, Run run) {
        // HR's spreadsheet carries no titles: a missing title keeps the one on record
        Official o = given.title() == null && row != null && row.title() != null
                ? new Official(given.id(), given.fullName(), given.role(), given.department(), row.title(), given.email(), given.phone())
                : given;
        OfficialRow wanted = new OfficialRow(o.id(), commune, o.role().name(), o.department(), o.fullName(), o.title(),
                o.email(), o.phone(), true);
        if (row == null) {
            jdbc.sql("""
                            insert into mc_official (user_id, commune_code, role, department_code, full_name, title, email, phone, active)
                            values (?, ?, ?, ?, ?, ?, ?, ?, true)""")
                    .params(o.id(), commune, o.role().name(), o.department(), o.fullName(), o.title(), o.email(), o.phone()).update();
        } else if (!row.equals(wanted)) {
            jdbc.sql("""
                            update mc_official set commune_code = ?, role = ?, department_code = ?, full_name = ?, title = ?,
                              email = ?, phone = ?, active = true, disabled_at = null where user_id = ?""")
                    .params(commune, o.role().name(), o.department(), o.fullName(), o.title(), o.email(), o.phone(), o.id()).update();
            if (!Objects.equals(row.role(), wanted.role()) || !Objects.equals(row.departmentCode(), wanted.departmentCode())
                    || !Objects.equals(row.communeCode(), wanted.communeCode())) {
                run.changes.add("official " + o.id() + " is now " + o.role().slug()
                        + (o.department() == null ? "" : " of " + o.department()) + " in " + commune);
            } else if (!Objects.equals(row.title(), wanted.title()) || !Objects.equals(row.phone(), wanted.phone())) {
                run.changes.add("official " + o.id() + " details updated");
            }
        }
    }

    /** Leaves the user in place for the record, but without roles, without a usable password, without tasks. */
    private void disable(String userId, Run run) {
        for (String group : run.groupsOf(userId)) {
            identity.deleteMembership(userId, group);
            run.memberships.remove(userId + "|" + group);
        }
        User user = run.state.users().get(userId);
        if (user != null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            user.setPassword(java.util.HexFormat.of().formatHex(bytes));
            identity.saveUser(user);
        }
        int open = engine.releaseTasksOf(userId);
        jdbc.sql("update mc_official set active = false, disabled_at = ? where user_id = ?")
                .params(OffsetDateTime.now(clock), userId).update();
        run.changes.add("user " + userId + " disabled (" + open + " open tasks back to their groups)");
    }

    private Map<String, OfficialRow> officialsOf(List<String> communes) {
        Map<String, OfficialRow> rows = new HashMap<>();
        if (communes.isEmpty()) return rows;
        jdbc.sql("select user_id, commune_code, role, department_code, full_name, title, email, phone, active from mc_official")
                .query((rs, n) -> new OfficialRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9)))
                .list()
                .forEach(r -> rows.put(r.userId(), r));
        return rows;
    }

    private List<String> ensureFilters(Run run) {
        List<String> ids = new ArrayList<>();
        for (TasklistFilters definition : TasklistFilters.values()) {
            Filter filter = filters.createFilterQuery().filterName(definition.title()).singleResult();
            if (filter == null) {
                filter = filters.newTaskFilter(definition.title());
                filter.setOwner(null);
                filter.setQuery(definition.orderedQuery(tasks));
                filter.setProperties(definition.properties());
                filters.saveFilter(filter);
                run.changes.add("filter \"" + definition.title() + "\" created");
            } else if (outdated(filter, definition)) {
                // an installation provisioned by an earlier release gets the current query and properties
                filter.setQuery(definition.orderedQuery(tasks));
                filter.setProperties(definition.properties());
                filters.saveFilter(filter);
                run.changes.add("filter \"" + definition.title() + "\" updated");
            }
            ids.add(filter.getId());
        }
        return ids;
    }

    private boolean outdated(Filter filter, TasklistFilters definition) {
        Filter wanted = filters.newTaskFilter(definition.title());
        wanted.setQuery(definition.orderedQuery(tasks));
        return !((FilterEntity) filter).getQueryInternal().equals(((FilterEntity) wanted).getQueryInternal())
                || !definition.properties().equals(filter.getProperties());
    }

    private void grantFilters(OrgChart chart, List<String> filterIds, Run run) {
        TasklistFilters[] definitions = TasklistFilters.values();
        for (Commune commune : chart.communes()) {
            for (int i = 0; i < definitions.length; i++) {
                for (Role role : Role.values()) {
                    List<String> groups = role.perDepartment()
                            ? commune.departments().stream().map(d -> role.groupId(commune.code(), d.code())).toList()
                            : List.of(role.groupId(commune.code(), null));
                    for (String group : groups) {
                        if (definitions[i].roles().contains(role)) {
                            grant(group, Resources.FILTER, filterIds.get(i), Permissions.READ, run);
                        } else {
                            // an earlier release gave every role the same "due soon" and "overdue" filters
                            revoke(group, Resources.FILTER, filterIds.get(i), run, "not this role's filter");
                        }
                    }
                }
            }
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission, Run run) {
        String key = IdentitySnapshot.grantKey(groupId, resource.resourceType(), resourceId);
        Integer perms = run.state.grants().get(key);
        if (perms != null && (perms & permission.getValue()) == permission.getValue()) {
            return;
        }
        Authorization auth = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        auth.addPermission(permission);
        authorizations.saveAuthorization(auth);
        run.state.grants().put(key, (perms == null ? 0 : perms) | permission.getValue());
        run.changes.add("granted " + permission.getName() + " on " + resource.resourceName() + " " + resourceId + " to " + groupId);
    }

    private void revoke(String groupId, Resource resource, String resourceId, Run run) {
        revoke(groupId, resource, resourceId, run, "granted province-wide now");
    }

    private void revoke(String groupId, Resource resource, String resourceId, Run run, String why) {
        if (run.state.grants().remove(IdentitySnapshot.grantKey(groupId, resource.resourceType(), resourceId)) == null) {
            return;
        }
        for (Authorization auth : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list()) {
            authorizations.deleteAuthorization(auth.getId());
        }
        run.changes.add("revoked " + resource.resourceName() + " " + resourceId + " from " + groupId + " (" + why + ")");
    }

    /** One provisioning run: what the identity holds (updated as the run writes) and what changed. */
    private static final class Run {
        final IdentitySnapshot.State state;
        final Set<String> memberships;
        final InitialPasswords passwords;
        final List<String> changes = new ArrayList<>();
        private Map<String, Set<String>> groupsByUser;

        Run(IdentitySnapshot.State state, InitialPasswords passwords) {
            this.state = state;
            this.memberships = state.memberships();
            this.passwords = passwords;
        }

        void joined(String userId, String groupId) {
            if (groupsByUser != null) {
                groupsByUser.computeIfAbsent(userId, k -> new LinkedHashSet<>()).add(groupId);
            }
        }

        Set<String> groupsOf(String userId) {
            if (groupsByUser == null) {
                groupsByUser = new HashMap<>();
                for (String m : memberships) {
                    int bar = m.indexOf('|');
                    groupsByUser.computeIfAbsent(m.substring(0, bar), k -> new LinkedHashSet<>()).add(m.substring(bar + 1));
                }
            }
            Set<String> groups = new LinkedHashSet<>(groupsByUser.getOrDefault(userId, Set.of()));
            groups.removeIf(g -> !memberships.contains(userId + "|" + g));
            return groups;
        }
    }

    private record OfficialRow(String userId, String communeCode, String role, String departmentCode, String fullName,
                               String title, String email, String phone, boolean active) {
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
