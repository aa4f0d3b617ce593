package vn.motcua.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.AuditLog;
import vn.motcua.migration.MigrationReport.Outcome;
import vn.motcua.migration.MigrationReport.Refusal;
import vn.motcua.migration.MigrationReport.Unmapped;
import vn.motcua.migration.MigrationReport.VersionReport;

/**
 * Moves the running instances of one process key (a procedure or a building block) from every
 * older version to the latest version of the same tenant (shared definitions to the latest
 * shared one), with Camunda's migration API.
 *
 * <p>Camunda validates a plan when it is built, but has no validate-only call for instances: an
 * instance is found unmigratable only by {@code execute()}. So every run starts with the dry run:
 * every instance migrated, one synchronous {@code execute()} each (so that every refused instance
 * is reported, not only the first), in one transaction that is then rolled back. An instance that
 * waits at an activity with no counterpart is refused without being sent, since Camunda would
 * certainly refuse it. A real run goes on only if no instance of any version was refused, and then
 * migrates them all again in one transaction, with the audit row: all or nothing across versions.
 */
@Service
class ProcessMigrations {

    static final String AUDIT_ACTION = "MIGRATION";
    static final String NO_COUNTERPART = "the instance waits here and the target version has no activity this one maps to";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final MigrationPlans plans;
    private final CachedDefinitions cache;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, MigrationPlans plans, CachedDefinitions cache,
                      PlatformTransactionManager transactions, AuditLog audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.plans = plans;
        this.cache = cache;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
    }

    /** No process definition has this key. */
    static class UnknownProcessKey extends RuntimeException {
        UnknownProcessKey(String key) {
            super("No process definition has the key " + key);
        }
    }

    /** A real run that changed nothing: the report says which instances could not be migrated. */
    static class MigrationRefused extends RuntimeException {
        private final transient MigrationReport report;
        private final String detail;

        MigrationRefused(MigrationReport report, String detail) {
            super(detail);
            this.report = report;
            this.detail = detail;
        }

        MigrationReport report() {
            return report;
        }

        String detail() {
            return detail;
        }
    }

    /**
     * @throws UnknownProcessKey when no definition has the key
     * @throws MigrationRefused on a real run when an instance of any older version cannot be migrated
     */
    MigrationReport run(String processKey, boolean dryRun, String actor) {
        List<Source> sources = sources(processKey);
        List<Checked> checked = transaction.execute(status -> {
            status.setRollbackOnly();
            return sources.stream().map(this::check).toList();
        });
        boolean migratable = checked.stream().allMatch(Checked::migratable);
        if (sources.isEmpty()) {
            return report(processKey, dryRun, Outcome.NOTHING_TO_MIGRATE, checked);   // nothing changed: no audit row
        }
        if (dryRun) {
            return report(processKey, true, migratable ? Outcome.CAN_MIGRATE : Outcome.WOULD_BE_REFUSED, checked);
        }
        if (!migratable) {
            MigrationReport report = report(processKey, false, Outcome.REFUSED, checked);
            throw new MigrationRefused(report, report.refusalDetail());
        }
        try {
            return transaction.execute(status -> {
                for (Checked version : checked) {
                    version.instances().keySet().forEach(id -> migrate(version.planned().plan(), id));
                }
                MigrationReport report = report(processKey, false, Outcome.MIGRATED, checked);
                audit.record(null, actor, AUDIT_ACTION, report.summary());
                return report;
            });
        } catch (MigratingProcessInstanceValidationException | OptimisticLockingException | BadUserRequestException changed) {
            // an official moved a dossier between the dry run and the migration: everything was rolled back
            throw new MigrationRefused(report(processKey, false, Outcome.REFUSED, checked),
                    "Hồ sơ vừa thay đổi trong lúc chuyển phiên bản (" + changed.getMessage()
                            + "); không hồ sơ nào bị thay đổi, hãy chạy lại");
        }
    }

    /** An older version with running instances, and the latest version of its tenant. */
    private record Source(ProcessDefinition definition, ProcessDefinition target) {
    }

    /** A source version after the dry run: its plan, its instances (id → dossier) and what Camunda refused. */
    private record Checked(Source source, MigrationPlans.Planned planned, Map<String, String> instances,
                           List<Unmapped> unmapped, List<Refusal> refused) {
        boolean migratable() {
            return planned.failures().isEmpty() && refused.isEmpty();
        }
    }

    private List<Source> sources(String processKey) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).list();
        if (definitions.isEmpty()) {
            throw new UnknownProcessKey(processKey);
        }
        Map<Optional<String>, List<ProcessDefinition>> byTenant = definitions.stream()
                .collect(Collectors.groupingBy(d -> Optional.ofNullable(d.getTenantId()), LinkedHashMap::new, Collectors.toList()));
        List<Source> sources = new ArrayList<>();
        for (List<ProcessDefinition> family : byTenant.values()) {
            ProcessDefinition latest = family.stream().max(Comparator.comparingInt(ProcessDefinition::getVersion)).orElseThrow();
            family.stream()
                    .filter(d -> d.getVersion() < latest.getVersion())
                    .filter(d -> runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
                    .forEach(d -> sources.add(new Source(d, latest)));
        }
        sources.sort(Comparator.comparing((Source s) -> Optional.ofNullable(s.definition().getTenantId()).orElse(""))
                .thenComparingInt(s -> s.definition().getVersion()));
        return sources;
    }

    /** The dry run of one version, inside the transaction that is rolled back. */
    private Checked check(Source source) {
        MigrationPlans.Planned planned = plans.plan(source.definition(), source.target());
        Set<String> mappedSources = planned.mapped().stream().map(MigrationReport.Mapping::source).collect(Collectors.toSet());
        Map<String, String> instances = new LinkedHashMap<>();
        Map<String, Set<String>> waitingAt = new LinkedHashMap<>();   // instance → the activities it waits at
        Map<String, Set<String>> waiting = new LinkedHashMap<>();     // activity → the dossiers waiting there
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(source.definition().getId())
                .orderByBusinessKey().asc().list();
        for (ProcessInstance instance : running) {
            ActivityInstance tree = runtime.getActivityInstance(instance.getId());
            if (tree == null) continue;   // ended meanwhile
            String dossier = instance.getBusinessKey() == null ? instance.getId() : instance.getBusinessKey();
            instances.put(instance.getId(), dossier);
            waitingAt.put(instance.getId(), waitsAt(tree));
            for (String activity : waitingAt.get(instance.getId())) {
                waiting.computeIfAbsent(activity, a -> new TreeSet<>()).add(dossier);
            }
        }
        Map<String, String> unmappedActivities = new LinkedHashMap<>(planned.unmappedActivities());
        waiting.keySet().stream().filter(a -> !mappedSources.contains(a)).forEach(a -> unmappedActivities.putIfAbsent(a, null));
        List<Unmapped> unmapped = unmappedActivities.entrySet().stream()
                .map(e -> new Unmapped(e.getKey(), e.getValue(), List.copyOf(waiting.getOrDefault(e.getKey(), Set.of()))))
                .toList();
        List<Refusal> refused = new ArrayList<>();
        if (planned.plan() != null) {
            for (Map.Entry<String, String> instance : new ArrayList<>(instances.entrySet())) {
                List<String> unmappedLeaves = waitingAt.get(instance.getKey()).stream().filter(a -> !mappedSources.contains(a))
                        .map(a -> a + ": " + NO_COUNTERPART).toList();
                if (!unmappedLeaves.isEmpty()) {
                    // certain to fail (Camunda's NoUnmappedLeafInstanceValidator): not sent, which spares the log an error
                    refused.add(new Refusal(instance.getValue(), instance.getKey(), unmappedLeaves));
                    continue;
                }
                try {
                    migrate(planned.plan(), instance.getKey());
                } catch (MigratingProcessInstanceValidationException e) {
                    refused.add(new Refusal(instance.getValue(), instance.getKey(), reasons(e.getValidationReport(), e)));
                } catch (BadUserRequestException ended) {
                    instances.remove(instance.getKey());
                }
            }
        }
        return new Checked(source, planned, instances, unmapped, refused);
    }

    /** One instance, synchronously; the target definition is then dropped from the cache (see {@link CachedDefinitions}). */
    private void migrate(MigrationPlan plan, String processInstanceId) {
        try {
            // a version change is not a business step: no listener runs, no input mapping is evaluated again
            runtime.newMigration(plan).processInstanceIds(processInstanceId).skipCustomListeners().skipIoMappings().execute();
        } finally {
            cache.forget(plan.getTargetProcessDefinitionId());
        }
    }

    /** The activities an instance waits at: the leaves of its tree (tasks, call activities, catch events, async continuations). */
    private static Set<String> waitsAt(ActivityInstance root) {
        Set<String> activities = new LinkedHashSet<>();
        collectLeaves(root, activities);
        return activities;
    }

    private static void collectLeaves(ActivityInstance scope, Set<String> activities) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                activities.add(child.getActivityId());
            }
            collectLeaves(child, activities);
        }
        for (TransitionInstance transition : scope.getChildTransitionInstances()) {
            activities.add(transition.getActivityId());
        }
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report, RuntimeException e) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
        report.getTransitionInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
        if (reasons.isEmpty()) reasons.add(e.getMessage());
        return reasons;
    }

    private static MigrationReport report(String processKey, boolean dryRun, Outcome outcome, List<Checked> checked) {
        boolean migrated = outcome == Outcome.MIGRATED;
        List<VersionReport> versions = checked.stream().map(c -> new VersionReport(
                c.source().definition().getTenantId(), c.source().definition().getVersion(), c.source().definition().getId(),
                c.source().target().getVersion(), c.source().target().getId(), c.instances().size(), c.migratable(),
                c.planned().mapped(), c.unmapped(), c.planned().failures(), c.refused(),
                migrated ? List.copyOf(c.instances().values()) : List.of())).toList();
        int count = migrated ? versions.stream().mapToInt(VersionReport::runningInstances).sum() : 0;
        return new MigrationReport(processKey, dryRun, outcome, count, versions);
    }
}
