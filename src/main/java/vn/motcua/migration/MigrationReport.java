package vn.motcua.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a migration of one process key found and did, per source version: how many instances run
 * there, which activities map to the latest version and which do not (with the dossiers waiting
 * at them), which instances Camunda refuses and why, and — after a real run — what moved.
 */
public record MigrationReport(String processKey, boolean dryRun, Outcome outcome, int migratedInstances,
                              List<VersionReport> versions) {

    public enum Outcome {
        /** Every running instance is on the latest version already. */
        NOTHING_TO_MIGRATE,
        /** A dry run: every instance of every older version can be migrated. */
        CAN_MIGRATE,
        /** A dry run: at least one instance cannot be migrated, so a real run would be refused. */
        WOULD_BE_REFUSED,
        /** A real run: every instance of every older version is now on the latest version. */
        MIGRATED,
        /** A real run that changed nothing, because at least one instance could not be migrated. */
        REFUSED
    }

    /** One source version and the latest version of the same key (and tenant) it migrates to. */
    public record VersionReport(String tenantId, int version, String definitionId, int targetVersion,
                                String targetDefinitionId, int runningInstances, boolean migratable,
                                List<Mapping> mapped, List<Unmapped> unmapped, List<String> planFailures,
                                List<Refusal> refused, List<String> migrated) {
    }

    /** A source activity and the target activity its instances, tasks and timers move to. */
    public record Mapping(String source, String target, boolean updateEventTrigger) {
    }

    /** A source activity with no counterpart in the target version, and the dossiers waiting at it. */
    public record Unmapped(String activityId, String name, List<String> waiting) {
    }

    /** An instance Camunda will not migrate, with its dossier code and Camunda's reasons. */
    public record Refusal(String dossierCode, String processInstanceId, List<String> reasons) {
    }

    public boolean migratable() {
        return versions.stream().allMatch(VersionReport::migratable);
    }

    /** The audit line of a run: each version, where it went and how many instances. */
    String summary() {
        return processKey + ": " + versions.stream()
                .map(v -> "v" + v.version() + " → v" + v.targetVersion() + tenant(v) + ": " + v.runningInstances() + " hồ sơ")
                .collect(Collectors.joining("; "));
    }

    /** Why a run was refused, in one sentence per refused version, for the admin. */
    String refusalDetail() {
        List<String> parts = new ArrayList<>();
        for (VersionReport v : versions) {
            if (v.migratable()) continue;
            StringBuilder part = new StringBuilder("Phiên bản " + v.version() + tenant(v) + " của " + processKey + ": ");
            if (!v.planFailures().isEmpty()) {
                part.append("không lập được kế hoạch chuyển (").append(String.join("; ", v.planFailures())).append(')');
            } else {
                part.append(v.refused().size()).append(" hồ sơ không chuyển được");
                List<String> waiting = v.unmapped().stream().filter(u -> !u.waiting().isEmpty())
                        .map(u -> u.activityId() + ": " + String.join(", ", u.waiting())).toList();
                if (!waiting.isEmpty()) {
                    part.append(", đang ở bước không có trong phiên bản mới (").append(String.join("; ", waiting)).append(')');
                }
            }
            parts.add(part.toString());
        }
        return String.join(". ", parts);
    }

    /** The report as the command prints it. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Migration of ").append(processKey).append(" to its latest version");
        out.append(dryRun ? " (dry run: nothing was changed)" : "").append('\n');
        out.append("Outcome: ").append(outcome);
        if (outcome == Outcome.MIGRATED) out.append(" (").append(migratedInstances).append(" instances)");
        out.append("\n");
        if (versions.isEmpty()) {
            return out.append("Every running instance is on the latest version.\n").toString();
        }
        out.append('\n').append(TextTable.of(List.of("VERSION", "TENANT", "TARGET", "INSTANCES", "STATUS"), versions.stream()
                .map(v -> List.of(String.valueOf(v.version()), v.tenantId() == null ? "shared" : v.tenantId(),
                        String.valueOf(v.targetVersion()), String.valueOf(v.runningInstances()), status(v)))
                .toList()));
        for (VersionReport v : versions) {
            out.append("\nVersion ").append(v.version()).append(" → ").append(v.targetVersion()).append(tenant(v)).append('\n');
            if (!v.planFailures().isEmpty()) {
                out.append("  No migration plan:\n");
                v.planFailures().forEach(f -> out.append("    ").append(f).append('\n'));
            }
            if (!v.mapped().isEmpty()) {
                out.append(indent(TextTable.of(List.of("SOURCE ACTIVITY", "TARGET ACTIVITY", "EVENT TRIGGER"), v.mapped().stream()
                        .map(m -> List.of(m.source(), m.target(), m.updateEventTrigger() ? "renewed from the new version" : "")).toList())));
            }
            if (!v.unmapped().isEmpty()) {
                out.append("  Not in the target version:\n");
                out.append(indent(TextTable.of(List.of("ACTIVITY", "NAME", "WAITING DOSSIERS"), v.unmapped().stream()
                        .map(u -> List.of(u.activityId(), u.name() == null ? "" : u.name(),
                                u.waiting().isEmpty() ? "-" : String.join(", ", u.waiting()))).toList())));
            }
            if (!v.refused().isEmpty()) {
                out.append("  Cannot be migrated:\n");
                out.append(indent(TextTable.of(List.of("DOSSIER", "INSTANCE", "REASON"), v.refused().stream()
                        .map(r -> List.of(r.dossierCode(), r.processInstanceId(), String.join("; ", r.reasons()))).toList())));
            }
            if (!v.migrated().isEmpty()) {
                out.append("  Migrated: ").append(String.join(", ", v.migrated())).append('\n');
            }
        }
        return out.toString();
    }

    private String status(VersionReport v) {
        if (!v.migratable()) return dryRun ? "would be refused" : "refused";
        return outcome == Outcome.MIGRATED ? "migrated" : dryRun ? "can migrate" : "can migrate, held back with the rest";
    }

    private static String tenant(VersionReport v) {
        return v.tenantId() == null ? "" : " (tenant " + v.tenantId() + ")";
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }
}
