package vn.motcua.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inbox at province scale: for a reception officer, a department head and a leader of sampled
 * communes, every filter of their sidebar — its first page as Tasklist asks for it and its count as
 * motcua's filter counts ask for it — timed over HTTP, p50/p95/max per role, filter and call.
 */
final class InboxCalls {

    static final double TARGET_P95_MS = 50;

    record Row(String role, String filter, Samples list, Samples count, long tasksShown) {
    }

    private final String base;
    private final int communes;

    InboxCalls(String base, int communes) {
        this.base = base;
        this.communes = communes;
    }

    /**
     * {@code sampled} communes spread over the province, each role's filters {@code reps} times, after a warm-up pass
     * over the same calls: a province's service runs for days, so what is measured is a running service, not the
     * first requests after a start, when the JIT has not compiled the query paths yet (without it the first commune's
     * calls, a tenth of each row's samples, were the p95).
     */
    List<Row> measure(int sampled, int reps) throws Exception {
        for (int s = 0; s < sampled; s++) {
            String commune = sampledCommune(s, sampled);
            for (String official : List.of(commune + ".reception", commune + ".vp.head", commune + ".leader")) {
                TasklistSession session = new TasklistSession(base, official, "demo");
                for (TasklistSession.Filter filter : session.filters()) {
                    for (int r = 0; r < 3; r++) {
                        session.list(filter);
                        session.count(filter);
                    }
                }
            }
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int s = 0; s < sampled; s++) {
            String commune = sampledCommune(s, sampled);
            for (Map.Entry<String, String> official : Map.of(
                    "reception", commune + ".reception",
                    "head", commune + ".vp.head",
                    "leader", commune + ".leader").entrySet()) {
                TasklistSession session = new TasklistSession(base, official.getValue(), "demo");
                for (TasklistSession.Filter filter : session.filters()) {
                    Row row = rows.computeIfAbsent(official.getKey() + "|" + filter.name(),
                            k -> new Row(official.getKey(), filter.name(), new Samples(), new Samples(), 0));
                    session.list(filter);
                    session.count(filter);
                    long shown = 0;
                    for (int r = 0; r < reps; r++) {
                        shown = row.list().time(() -> session.list(filter));
                        row.count().time(() -> session.count(filter));
                    }
                    rows.put(official.getKey() + "|" + filter.name(), new Row(row.role(), row.filter(), row.list(), row.count(), row.tasksShown() + shown));
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows.values()) out.add(new Row(r.role(), r.filter(), r.list(), r.count(), r.tasksShown() / sampled));
        out.sort((a, b) -> a.role().equals(b.role()) ? 0 : order(a.role()) - order(b.role()));
        return out;
    }

    /** The s-th of {@code sampled} communes, spread evenly over the province. */
    private String sampledCommune(int s, int sampled) {
        return ProvinceChart.commune(1 + s * Math.max(1, communes / sampled));
    }

    private static int order(String role) {
        return List.of("reception", "head", "leader").indexOf(role);
    }

    static List<String> table(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "  %-10s %-22s %7s | %-22s | %-22s", "official", "filter", "tasks",
                "list p50 / p95 / max ms", "count p50 / p95 / max ms"));
        for (Row r : rows) {
            lines.add(String.format(Locale.ROOT, "  %-10s %-22s %7d | %-22s | %-22s", r.role(), r.filter(), r.tasksShown(),
                    r.list().p50p95max(), r.count().p50p95max()));
        }
        return lines;
    }

    static double worstP95(List<Row> rows) {
        return rows.stream().mapToDouble(r -> Math.max(r.list().percentile(95), r.count().percentile(95))).max().orElse(Double.NaN);
    }
}
