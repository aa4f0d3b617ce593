package vn.motcua.organisation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.organisation.OrgChart.Commune;
import vn.motcua.organisation.OrgChart.Department;
import vn.motcua.organisation.OrgChart.Official;

/** Reads and checks an org chart, deriving the login names the file does not give. */
public final class OrgChartReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** QCVN 102:2016 agency identifier, e.g. 000.00.01.H22. */
    private static final Pattern AGENCY_ID = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private OrgChartReader() {
    }

    /** Reads and checks a chart, deriving login names by position (a chart on its own, e.g. the demo). */
    public static OrgChart read(InputStream in, String source) {
        return check(parse(in, source));
    }

    /** Reads a chart as written: officials without a login keep none, to be matched with those on record. */
    public static OrgChart parse(InputStream in, String source) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false)
                .configure(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        try {
            return yaml.readValue(in, OrgChart.class);
        } catch (IOException e) {
            throw new OrgChartException(List.of(source + ": " + e.getMessage()));
        }
    }

    /** Checks the chart and returns it with every official's login name filled in. */
    public static OrgChart check(OrgChart chart) {
        List<String> problems = new ArrayList<>();
        if (chart.province() == null || blank(chart.province().code()) || blank(chart.province().name())) {
            problems.add("province: code and name are required");
        }
        Set<String> communeCodes = new HashSet<>();
        Set<String> agencyIds = new HashSet<>();
        Set<String> logins = new HashSet<>();
        List<Commune> communes = new ArrayList<>();
        for (Commune c : chart.communes()) {
            String where = "commune " + (c.code() == null ? "#" + (communes.size() + 1) : c.code());
            if (c.code() == null || !SLUG.matcher(c.code()).matches()) {
                problems.add(where + ": code must be a lower-case slug such as tan-giang");
            } else if (!communeCodes.add(c.code())) {
                problems.add(where + ": listed twice");
            }
            if (blank(c.name())) problems.add(where + ": name is required");
            if (c.agencyId() == null || !AGENCY_ID.matcher(c.agencyId()).matches()) {
                problems.add(where + ": agencyId must look like 000.00.01.H22 (QCVN 102:2016)");
            } else if (!agencyIds.add(c.agencyId())) {
                problems.add(where + ": agencyId " + c.agencyId() + " is used by another commune");
            }
            Set<String> departments = new HashSet<>();
            for (Department d : c.departments()) {
                if (d.code() == null || !SLUG.matcher(d.code()).matches()) {
                    problems.add(where + ": department code must be a lower-case slug such as vp");
                } else if (!departments.add(d.code())) {
                    problems.add(where + ": department " + d.code() + " listed twice");
                }
                if (blank(d.name())) problems.add(where + ": department " + d.code() + " needs a name");
            }
            Map<String, Integer> counters = new HashMap<>();
            List<Official> officials = new ArrayList<>();
            for (Official o : c.officials()) {
                String who = where + ": official " + (blank(o.fullName()) ? "#" + (officials.size() + 1) : o.fullName());
                if (blank(o.fullName())) problems.add(who + ": fullName is required");
                if (o.role() == null) {
                    problems.add(who + ": role must be one of reception, head, specialist, leader");
                    continue;
                }
                if (o.role().perDepartment() && !departments.contains(o.department())) {
                    problems.add(who + ": department " + o.department() + " is not a department of " + c.code());
                    continue;
                }
                String id = o.id();
                if (id == null) {
                    String base = o.role().perDepartment()
                            ? c.code() + "." + o.department() + "." + o.role().slug()
                            : c.code() + "." + o.role().slug();
                    int n = counters.merge(base, 1, Integer::sum);
                    // specialists are always numbered (specialist1, specialist2); others from the second on
                    id = o.role() == Role.SPECIALIST ? base + n : (n == 1 ? base : base + n);
                }
                if (!LOGIN.matcher(id).matches()) {
                    problems.add(who + ": login " + id + " may hold only a-z, 0-9, '.' and '-'");
                } else if (!logins.add(id)) {
                    problems.add(who + ": login " + id + " is used twice");
                }
                officials.add(new Official(id, o.fullName(), o.role(), o.role().perDepartment() ? o.department() : null,
                        o.title(), o.email(), o.phone()));
            }
            communes.add(new Commune(c.code(), c.name(), c.agencyId(), c.departments(), officials));
        }
        if (!problems.isEmpty()) {
            throw new OrgChartException(problems);
        }
        return new OrgChart(chart.province(), communes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
