package vn.motcua.organisation;

import java.util.List;

/**
 * A province's organisation, as kept in one YAML file: communes, their departments and officials.
 * Login names are derived when not given: {@code <commune>.reception}, {@code <commune>.<dept>.head},
 * {@code <commune>.<dept>.specialist1}, {@code <commune>.leader}; a second official of the same
 * role gets a number ({@code <commune>.reception2}).
 */
public record OrgChart(Province province, List<Commune> communes) {

    public OrgChart {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    public record Province(String code, String name) {
    }

    public record Commune(String code, String name, String agencyId, List<Department> departments,
                          List<Official> officials) {
        public Commune {
            departments = departments == null ? List.of() : List.copyOf(departments);
            officials = officials == null ? List.of() : List.copyOf(officials);
        }
    }

    public record Department(String code, String name) {
    }

    /**
     * @param id         the login name; derived from commune, department and role when absent
     * @param department the department code, for heads and specialists
     */
    public record Official(String id, String fullName, Role role, String department, String title,
                           String email, String phone) {
    }
}
