package vn.motcua.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The officials' list as HR keeps it in a spreadsheet, saved as CSV (UTF-8, comma or semicolon):
 * full name, ward, department, role, e-mail, phone (optionally login and title). Headers may be
 * English or Vietnamese; wards and departments by code or name; roles as
 * reception/head/specialist/leader or in Vietnamese. Every broken row is reported by its line.
 */
final class OfficialsCsv {

    private static final Map<String, String> HEADERS = new HashMap<>();
    private static final Map<String, Role> ROLES = new HashMap<>();

    static {
        for (String h : List.of("fullname", "full name", "name", "ho va ten", "ho ten")) HEADERS.put(h, "fullName");
        for (String h : List.of("ward", "commune", "xa phuong", "xa/phuong", "phuong", "xa", "don vi")) HEADERS.put(h, "commune");
        for (String h : List.of("department", "dept", "phong", "phong ban", "phong chuyen mon")) HEADERS.put(h, "department");
        for (String h : List.of("role", "vai tro", "chuc trach")) HEADERS.put(h, "role");
        for (String h : List.of("email", "e-mail", "thu dien tu")) HEADERS.put(h, "email");
        for (String h : List.of("phone", "dien thoai", "so dien thoai", "sdt")) HEADERS.put(h, "phone");
        for (String h : List.of("login", "id", "ten dang nhap", "tai khoan")) HEADERS.put(h, "id");
        for (String h : List.of("title", "chuc vu", "chuc danh")) HEADERS.put(h, "title");
        for (String r : List.of("reception", "mot cua", "bo phan mot cua", "tiep nhan")) ROLES.put(r, Role.RECEPTION);
        for (String r : List.of("head", "truong phong", "chanh van phong", "pho truong phong")) ROLES.put(r, Role.HEAD);
        for (String r : List.of("specialist", "chuyen vien", "cong chuc", "cong chuc thu ly", "thu ly")) ROLES.put(r, Role.SPECIALIST);
        for (String r : List.of("leader", "lanh dao", "chu tich", "pho chu tich", "lanh dao ubnd")) ROLES.put(r, Role.LEADER);
    }

    private OfficialsCsv() {
    }

    /** A commune as provisioned, with its departments (code → name). */
    record KnownCommune(String code, String name, String agencyId, String provinceCode, String provinceName,
                        Map<String, String> departments) {
    }

    /**
     * Builds the org chart of the communes the rows name (officials without logins: they are matched
     * with those on record); nothing is returned if any row is broken.
     */
    static OrgChart read(InputStream in, List<KnownCommune> known) throws IOException {
        List<List<String>> rows = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new OrgChartException(List.of("the CSV file is empty"));
        }
        List<String> header = rows.get(0);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = HEADERS.get(plain(header.get(i)));
            if (key != null) column.put(key, i);
        }
        if (column.isEmpty()) {
            throw new OrgChartException(List.of("not an officials' list: its first line names none of the columns "
                    + "fullName, ward, department, role, email, phone"));
        }
        for (String required : List.of("fullName", "commune", "role")) {
            if (!column.containsKey(required)) problems.add("line 1: no column " + required);
        }
        if (!problems.isEmpty()) throw new OrgChartException(problems);

        Map<String, KnownCommune> byKey = new HashMap<>();
        for (KnownCommune c : known) {
            byKey.put(c.code(), c);
            byKey.put(plain(c.name()), c);
        }
        Map<String, List<OrgChart.Official>> officials = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) continue;
            String line = "line " + (r + 1);
            String fullName = cell(row, column, "fullName");
            if (fullName.isBlank()) problems.add(line + ": full name is missing");
            KnownCommune commune = byKey.get(cell(row, column, "commune"));
            if (commune == null) commune = byKey.get(plain(cell(row, column, "commune")));
            if (commune == null) {
                problems.add(line + ": no commune or ward \"" + cell(row, column, "commune") + "\" is provisioned");
                continue;
            }
            Role role = ROLES.get(plain(cell(row, column, "role")));
            if (role == null) {
                problems.add(line + ": role \"" + cell(row, column, "role") + "\" is not reception, head, specialist or leader");
                continue;
            }
            String department = null;
            if (role.perDepartment()) {
                String given = cell(row, column, "department");
                for (Map.Entry<String, String> d : commune.departments().entrySet()) {
                    if (d.getKey().equals(given) || plain(d.getValue()).equals(plain(given))) department = d.getKey();
                }
                if (department == null) {
                    problems.add(line + ": department \"" + given + "\" is not a department of " + commune.code());
                    continue;
                }
            }
            String email = cell(row, column, "email");
            if (!email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) problems.add(line + ": e-mail \"" + email + "\" is not valid");
            String phone = cell(row, column, "phone").replace(" ", "");
            if (!phone.isBlank() && !phone.matches("(0|\\+84)\\d{9,10}")) problems.add(line + ": phone \"" + phone + "\" is not valid");
            String id = cell(row, column, "id");
            officials.computeIfAbsent(commune.code(), k -> new ArrayList<>()).add(new OrgChart.Official(
                    id.isBlank() ? null : id, fullName, role, department, blankToNull(cell(row, column, "title")),
                    blankToNull(email), blankToNull(phone)));
        }
        if (!problems.isEmpty()) throw new OrgChartException(problems);
        List<OrgChart.Commune> communes = new ArrayList<>();
        OrgChart.Province province = null;
        for (Map.Entry<String, List<OrgChart.Official>> e : officials.entrySet()) {
            KnownCommune c = byKey.get(e.getKey());
            province = new OrgChart.Province(c.provinceCode(), c.provinceName());
            communes.add(new OrgChart.Commune(c.code(), c.name(), c.agencyId(),
                    c.departments().entrySet().stream().map(d -> new OrgChart.Department(d.getKey(), d.getValue())).toList(),
                    e.getValue()));
        }
        if (province == null) throw new OrgChartException(List.of("the CSV file lists no official"));
        return new OrgChart(province, communes);
    }

    /** RFC 4180 fields: quotes, doubled quotes, separators and line breaks inside quotes. */
    static List<List<String>> parse(BufferedReader reader) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0; ) all.append(buffer, 0, n);
        String text = all.length() > 0 && all.charAt(0) == '\uFEFF' ? all.substring(1) : all.toString();
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String firstLine = text.substring(0, firstLineEnd);
        char separator = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',').count() ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(field.toString().trim());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString().trim());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString().trim());
            rows.add(row);
        }
        return rows;
    }

    private static String cell(List<String> row, Map<String, Integer> column, String key) {
        Integer i = column.get(key);
        return i == null || i >= row.size() ? "" : row.get(i);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Lower case without diacritics: "Phường Tân Giang" → "phuong tan giang". */
    static String plain(String s) {
        String lower = s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('đ', 'd');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }
}
