package vn.motcua.organisation;

/**
 * The roles of a commune's officials. Each role of a commune (and, for heads and specialists, of a
 * department) is one Camunda group, e.g. {@code tan-giang:reception}, {@code tan-giang:vp:head}.
 */
public enum Role {
    RECEPTION("Bộ phận Một cửa", false),
    HEAD("Trưởng phòng", true),
    SPECIALIST("Công chức thụ lý", true),
    LEADER("Lãnh đạo UBND", false);

    private final String label;
    private final boolean perDepartment;

    Role(String label, boolean perDepartment) {
        this.label = label;
        this.perDepartment = perDepartment;
    }

    public String label() {
        return label;
    }

    public boolean perDepartment() {
        return perDepartment;
    }

    /** The slug used in login names and group ids. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String groupId(String commune, String department) {
        return perDepartment ? commune + ":" + department + ":" + slug() : commune + ":" + slug();
    }
}
