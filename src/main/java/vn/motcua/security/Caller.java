package vn.motcua.security;

import java.util.Set;
import vn.motcua.organisation.Provisioner;
import vn.motcua.organisation.Role;

/** Who is calling motcua's API: an official (HTTP Basic), an integration client (API key), or nobody. */
public sealed interface Caller permits Caller.Anonymous, Caller.Official, Caller.Client {

    /** For the audit trail. */
    String name();

    default boolean isAdmin() {
        return false;
    }

    default boolean isOfficialOf(String commune) {
        return false;
    }

    default boolean hasRole(String commune, Role role) {
        return false;
    }

    default boolean hasScope(String scope) {
        return false;
    }

    record Anonymous() implements Caller {
        @Override
        public String name() {
            return "anonymous";
        }
    }

    /** An official and the Camunda groups they belong to ({@code tan-giang:reception}, …). */
    record Official(String userId, Set<String> groups) implements Caller {
        @Override
        public String name() {
            return userId;
        }

        @Override
        public boolean isAdmin() {
            return groups.contains(Provisioner.PROVINCE_ADMIN_GROUP) || groups.contains("camunda-admin");
        }

        @Override
        public boolean isOfficialOf(String commune) {
            return groups.stream().anyMatch(g -> g.startsWith(commune + ":"));
        }

        @Override
        public boolean hasRole(String commune, Role role) {
            return groups.stream().anyMatch(g -> g.startsWith(commune + ":") && g.endsWith(":" + role.slug()));
        }
    }

    /** An integration client and the scopes its key grants, e.g. {@code dossiers:submit}. */
    record Client(String clientName, Set<String> scopes) implements Caller {
        @Override
        public String name() {
            return "client:" + clientName;
        }

        @Override
        public boolean hasScope(String scope) {
            return scopes.contains(scope);
        }
    }
}
