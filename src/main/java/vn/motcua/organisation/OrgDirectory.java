package vn.motcua.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is who, as provisioned: communes and departments from motcua's tables, officials from the
 * Camunda identity. Routing asks here, so a re-provisioned org chart takes effect at once.
 */
@Service
public class OrgDirectory {

    private final JdbcClient jdbc;
    private final IdentityService identity;

    OrgDirectory(JdbcClient jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    /**
     * The commune as provisioned. Within one transaction it is read once (a submission asks for it
     * five times: validation, the portal record, the view and each process's facts); the next
     * transaction reads it afresh, so a re-provisioned commune still counts at once, on every node.
     */
    public Optional<CommuneInfo> commune(String code) {
        Map<String, Optional<CommuneInfo>> read = TransactionMemo.of(COMMUNES_READ);
        return read == null ? loadCommune(code) : read.computeIfAbsent(code, this::loadCommune);
    }

    private static final Object COMMUNES_READ = new Object();

    private Optional<CommuneInfo> loadCommune(String code) {
        return jdbc.sql("select code, name, agency_id, province_name from mc_commune where code = ?")
                .param(code)
                .query((rs, n) -> new CommuneInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Optional<String> departmentName(String commune, String department) {
        return jdbc.sql("select name from mc_department where commune_code = ? and code = ?")
                .params(commune, department).query(String.class).optional();
    }

    /** The officials holding a role, in login order. */
    public List<Person> members(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(OrgDirectory::person)
                .sorted(Comparator.comparing(Person::id))
                .toList();
    }

    public boolean isMember(String userId, String groupId) {
        return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
    }

    /** The display name of a group, e.g. "Bộ phận Một cửa – Phường Tân Giang". */
    public String groupName(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        return group == null ? groupId : group.getName();
    }

    /**
     * The unit a role group belongs to, as the process-control slip names it: the one-stop, a
     * department, or the commune's leadership.
     */
    public String unitOf(String groupId) {
        String[] parts = groupId == null ? new String[0] : groupId.split(":");
        if (parts.length == 2 && parts[1].equals(Role.RECEPTION.slug())) {
            return Role.RECEPTION.label();
        }
        if (parts.length == 2 && parts[1].equals(Role.LEADER.slug())) {
            return Role.LEADER.label() + commune(parts[0]).map(c -> " " + c.name()).orElse("");
        }
        if (parts.length == 3) {
            return departmentName(parts[0], parts[1]).orElse(parts[1]);
        }
        return groupName(groupId);
    }

    /** The official's title as provisioned ("Chủ tịch UBND phường", "Trưởng phòng"), if any. */
    public Optional<String> title(String userId) {
        return jdbc.sql("select title from mc_official where user_id = ?").param(userId).query(String.class).optional();
    }

    public Optional<Person> person(String userId) {
        return Optional.ofNullable(userId)
                .map(id -> identity.createUserQuery().userId(id).singleResult())
                .map(OrgDirectory::person);
    }

    private static Person person(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Person(user.getId(), name.isEmpty() ? user.getId() : name);
    }

    public record CommuneInfo(String code, String name, String agencyId, String provinceName) {
    }

    public record Person(String id, String fullName) {
    }
}
