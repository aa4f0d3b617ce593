package vn.motcua.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.motcua.organisation.OrgChart.Commune;
import vn.motcua.organisation.OrgChart.Official;

/** Gives each official of a chart a login: theirs on record, or the next free one of the pattern. */
final class LoginMatcher {

    private LoginMatcher() {
    }

    record OnRecord(String userId, String communeCode, Role role, String departmentCode, String fullName, String email,
                    boolean active) {
    }

    static OrgChart assign(OrgChart chart, List<OnRecord> onRecord) {
        Set<String> taken = new HashSet<>();
        onRecord.forEach(r -> taken.add(r.userId()));
        chart.communes().forEach(c -> c.officials().stream().map(Official::id).filter(Objects::nonNull).forEach(taken::add));
        Set<String> used = new HashSet<>();
        chart.communes().forEach(c -> c.officials().stream().map(Official::id).filter(Objects::nonNull).forEach(used::add));
        List<OnRecord> candidates = new ArrayList<>(onRecord);
        candidates.sort(Comparator.comparing((OnRecord r) -> !r.active()).thenComparing(OnRecord::userId));
        List<Commune> communes = new ArrayList<>();
        for (Commune commune : chart.communes()) {
            List<Official> officials = new ArrayList<>();
            for (Official o : commune.officials()) {
                String id = o.id();
                if (id == null && o.role() != null) {
                    id = match(commune.code(), o, candidates, used, true);
                    if (id == null && o.email() != null) id = match(commune.code(), o, candidates, used, false);
                    if (id == null) id = next(commune.code(), o, taken);
                    used.add(id);
                    taken.add(id);
                }
                officials.add(new Official(id, o.fullName(), o.role(), o.department(), o.title(), o.email(), o.phone()));
            }
            communes.add(new Commune(commune.code(), commune.name(), commune.agencyId(), commune.departments(), officials));
        }
        return new OrgChart(chart.province(), communes);
    }

    private static String match(String commune, Official o, List<OnRecord> candidates, Set<String> used, boolean byName) {
        for (OnRecord r : candidates) {
            if (used.contains(r.userId()) || !r.communeCode().equals(commune) || r.role() != o.role()
                    || !Objects.equals(r.departmentCode(), o.role().perDepartment() ? o.department() : null)) {
                continue;
            }
            boolean same = byName
                    ? OfficialsCsv.plain(r.fullName()).equals(OfficialsCsv.plain(o.fullName()))
                    : o.email().equalsIgnoreCase(Objects.toString(r.email(), ""));
            if (same) return r.userId();
        }
        return null;
    }

    private static String next(String commune, Official o, Set<String> taken) {
        String base = o.role().perDepartment() ? commune + "." + o.department() + "." + o.role().slug() : commune + "." + o.role().slug();
        if (o.role() != Role.SPECIALIST && !taken.contains(base)) return base;
        for (int n = o.role() == Role.SPECIALIST ? 1 : 2; ; n++) {
            if (!taken.contains(base + n)) return base + n;
        }
    }
}
