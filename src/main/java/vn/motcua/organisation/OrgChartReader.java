package vn.motcua.organisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import java.util.stream.Collectors;
import vn.motcua.organisation.OrgChart.Commune;
import vn.motcua.organisation.OrgChart.Department;
import vn.motcua.organisation.OrgChart.Official;
import vn.motcua.common.ClientText;

/** Reads and checks an org chart, deriving the login names the file does not give. */
public final class OrgChartReader {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** QCVN 102:2016 agency identifier, e.g. 000.00.01.H22. */
    private static final Pattern AGENCY_ID = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    /** Camunda's ids (users, groups, tenants) hold 64 characters: a group is commune:department:specialist. */
    private static final int MAX_LOGIN = 64;
    private static final int MAX_COMMUNE_CODE = 32;
    private static final int MAX_DEPARTMENT_CODE = 16;
    private static final int MAX_CODE = 64;
    private static final int MAX_PROVINCE_NAME = 200;
    /** A group's name "role – department – commune" must fit Camunda's 255 characters. */
    private static final int MAX_UNIT_NAME = 100;
    private static final int MAX_PERSON_TEXT = 200;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_PHONE = 16;

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
        OrgChart chart;
        try {
            chart = yaml.readValue(in, OrgChart.class);
        } catch (JsonProcessingException e) {
            throw new OrgChartException(List.of(source + ": " + describe(e)));
        } catch (IOException e) {
            throw new OrgChartException(List.of(source + ": " + e.getMessage()));
        }
        if (chart == null) {
            throw new OrgChartException(List.of(source + ": the file is empty; an org chart gives a province and its communes"));
        }
        return chart;
    }

    /** Where the YAML went wrong, without Jackson's class names. */
    private static String describe(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return line + "unknown field \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            return path.isEmpty() ? "not an org chart; it gives a province and its communes"
                    : line + path + " has a value of the wrong kind";
        }
        return line + "not valid YAML";
    }

    /** Checks the chart and returns it with every official's login name filled in. */
    public static OrgChart check(OrgChart chart) {
        List<String> problems = new ArrayList<>();
        if (chart.province() == null || blank(chart.province().code()) || blank(chart.province().name())) {
            problems.add("province: code and name are required");
        } else {
            text(chart.province().code(), "province: code", MAX_CODE, problems);
            text(chart.province().name(), "province: name", MAX_PROVINCE_NAME, problems);
        }
        Set<String> communeCodes = new HashSet<>();
        Set<String> agencyIds = new HashSet<>();
        Set<String> logins = new HashSet<>();
        List<Commune> communes = new ArrayList<>();
        for (Commune c : chart.communes()) {
            String where = "commune " + (c.code() == null ? "#" + (communes.size() + 1) : abbreviate(c.code()));
            if (c.code() == null || !SLUG.matcher(c.code()).matches()) {
                problems.add(where + ": code must be a lower-case slug such as tan-giang");
            } else if (c.code().length() > MAX_COMMUNE_CODE) {
                problems.add(where + ": code is longer than " + MAX_COMMUNE_CODE + " characters");
            } else if (!communeCodes.add(c.code())) {
                problems.add(where + ": listed twice");
            }
            if (blank(c.name())) problems.add(where + ": name is required");
            text(c.name(), where + ": name", MAX_UNIT_NAME, problems);
            if (c.agencyId() == null || !AGENCY_ID.matcher(c.agencyId()).matches()) {
                problems.add(where + ": agencyId must look like 000.00.01.H22 (QCVN 102:2016)");
            } else if (!agencyIds.add(c.agencyId())) {
                problems.add(where + ": agencyId " + c.agencyId() + " is used by another commune");
            }
            Set<String> departments = new HashSet<>();
            for (Department d : c.departments()) {
                if (d.code() == null || !SLUG.matcher(d.code()).matches()) {
                    problems.add(where + ": department code must be a lower-case slug such as vp");
                } else if (d.code().length() > MAX_DEPARTMENT_CODE) {
                    problems.add(where + ": department code " + abbreviate(d.code()) + " is longer than " + MAX_DEPARTMENT_CODE + " characters");
                } else if (!departments.add(d.code())) {
                    problems.add(where + ": department " + d.code() + " listed twice");
                }
                if (blank(d.name())) problems.add(where + ": department " + d.code() + " needs a name");
                text(d.name(), where + ": department " + abbreviate(d.code()) + ": name", MAX_UNIT_NAME, problems);
            }
            Map<String, Integer> counters = new HashMap<>();
            List<Official> officials = new ArrayList<>();
            for (Official o : c.officials()) {
                String who = where + ": official " + (blank(o.fullName()) ? "#" + (officials.size() + 1) : abbreviate(o.fullName()));
                if (blank(o.fullName())) problems.add(who + ": fullName is required");
                text(o.fullName(), who + ": fullName", MAX_PERSON_TEXT, problems);
                text(o.title(), who + ": title", MAX_PERSON_TEXT, problems);
                text(o.email(), who + ": email", MAX_EMAIL, problems);
                text(o.phone(), who + ": phone", MAX_PHONE, problems);
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
                    problems.add(who + ": login " + abbreviate(id) + " may hold only a-z, 0-9, '.' and '-'");
                } else if (id.length() > MAX_LOGIN) {
                    problems.add(who + ": login " + abbreviate(id) + " is longer than " + MAX_LOGIN + " characters");
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

    /**
     * A text of the chart: {@link ClientText}'s rule and the size of its column (motcua's tables and
     * Camunda's identity tables, where a group's name joins the role, department and commune names).
     */
    private static void text(String value, String what, int max, List<String> problems) {
        if (value == null) return;
        int at = ClientText.firstRefused(value, false);
        if (at >= 0) {
            problems.add(String.format("%s: control character U+%04X at position %d", what, (int) value.charAt(at), at + 1));
        } else if (value.length() > max) {
            problems.add(what + " is longer than " + max + " characters");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
