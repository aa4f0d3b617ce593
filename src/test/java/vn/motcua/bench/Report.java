package vn.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the benchmark prints: each section's table and conditions, then every target, met or not. */
final class Report {

    record Target(String name, String measured, boolean met) {
    }

    private final List<String> lines = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    void section(String title, String conditions) {
        lines.add("");
        lines.add("== " + title);
        if (conditions != null) lines.add("   " + conditions);
    }

    void line(String line) {
        lines.add(line);
    }

    void lines(List<String> more) {
        lines.addAll(more);
    }

    void target(String name, double value, double limit, boolean atMost, String unit) {
        boolean met = atMost ? value <= limit : value >= limit;
        targets.add(new Target(name, String.format(Locale.ROOT, "%.2f %s (%s %.2f)", value, unit, atMost ? "≤" : "≥", limit), met));
        System.out.printf(Locale.ROOT, "  target %s: %s%n", name, met ? "MET" : "NOT MET");
    }

    void target(String name, String measured, boolean met) {
        targets.add(new Target(name, measured, met));
    }

    void print() {
        lines.forEach(System.out::println);
        System.out.println();
        System.out.println("== Targets");
        for (Target t : targets) {
            System.out.printf(Locale.ROOT, "  %-8s %-62s %s%n", t.met() ? "MET" : "NOT MET", t.name(), t.measured());
        }
    }
}
