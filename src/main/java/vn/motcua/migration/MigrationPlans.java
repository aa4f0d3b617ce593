package vn.motcua.migration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import vn.motcua.migration.MigrationReport.Mapping;

/**
 * The plan from one version of a process to another: Camunda maps the activities whose ids are
 * equal ({@code mapEqualActivities()}); an event whose trigger an analyst changed (another message,
 * signal or timer definition) gets {@code updateEventTrigger()}, every other event and timer keeps
 * its subscription and due date. Also says which activities of the source have no counterpart.
 */
@Component
class MigrationPlans {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RuntimeService runtime;
    private final RepositoryService repository;

    MigrationPlans(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /** A plan and what it maps; or, when Camunda refuses the plan itself, its reasons. */
    record Planned(MigrationPlan plan, List<Mapping> mapped, Map<String, String> unmappedActivities, List<String> failures) {
    }

    Planned plan(ProcessDefinition source, ProcessDefinition target) {
        BpmnModelInstance from = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance to = repository.getBpmnModelInstance(target.getId());
        Map<String, String> candidates = activitiesThatCanHoldInstances(from, source.getKey());
        try {
            MigrationPlan equal = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
            MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
            List<Mapping> mapped = new ArrayList<>();
            for (MigrationInstruction instruction : equal.getInstructions()) {
                boolean update = triggerChanged(from, to, instruction);
                builder = update
                        ? builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId()).updateEventTrigger()
                        : builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
                mapped.add(new Mapping(instruction.getSourceActivityId(), instruction.getTargetActivityId(), update));
                candidates.remove(activityId(instruction.getSourceActivityId()));
            }
            mapped.sort(java.util.Comparator.comparing(Mapping::source));
            return new Planned(builder.build(), List.copyOf(mapped), candidates, List.of());
        } catch (MigrationPlanValidationException e) {
            List<String> failures = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(r -> r.getFailures().forEach(f -> failures.add(
                    r.getMigrationInstruction().getSourceActivityId() + " → " + r.getMigrationInstruction().getTargetActivityId() + ": " + f)));
            e.getValidationReport().getVariableReports().forEach((name, r) -> r.getFailures().forEach(f -> failures.add(name + ": " + f)));
            if (failures.isEmpty()) failures.add(e.getMessage());
            return new Planned(null, List.of(), activitiesThatCanHoldInstances(from, source.getKey()), failures);
        }
    }

    /** The id of an activity as the diagram spells it ({@code Task_X#multiInstanceBody} is Task_X). */
    static String activityId(String migrationActivityId) {
        return migrationActivityId.endsWith(MULTI_INSTANCE_BODY)
                ? migrationActivityId.substring(0, migrationActivityId.length() - MULTI_INSTANCE_BODY.length())
                : migrationActivityId;
    }

    /**
     * Id and name of every activity of the process where an instance can wait: user and receive
     * tasks, external tasks, call activities, subprocesses, catch events, event-based gateways,
     * parallel and inclusive joins, anything asynchronous. The rest (synchronous service tasks,
     * exclusive gateways, plain start and end events) is passed through within one transaction.
     */
    /** Package-visible for its test: the activities of a process where a running instance can wait. */
    static Map<String, String> holdingActivities(BpmnModelInstance model, String processKey) {
        return activitiesThatCanHoldInstances(model, processKey);
    }

    private static Map<String, String> activitiesThatCanHoldInstances(BpmnModelInstance model, String processKey) {
        Map<String, String> activities = new LinkedHashMap<>();
        if (model.getModelElementById(processKey) instanceof Process process) {
            collect(process.getFlowElements(), activities);
        }
        return activities;
    }

    private static void collect(Collection<FlowElement> elements, Map<String, String> activities) {
        for (FlowElement element : elements) {
            if (element instanceof FlowNode node && canHold(node)) {
                activities.put(node.getId(), node.getName());
            }
            if (element instanceof SubProcess sub) {
                collect(sub.getFlowElements(), activities);
            }
        }
    }

    private static boolean canHold(FlowNode node) {
        // an event-based gateway always holds its instances (and its model refuses to be asked about asyncAfter)
        if (node instanceof EventBasedGateway) return true;
        if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) return true;
        if (node instanceof StartEvent start) {
            return start.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent();
        }
        if (node instanceof ServiceTask task) return "external".equals(task.getCamundaType());
        if (node instanceof SendTask task) return "external".equals(task.getCamundaType());
        if (node instanceof BusinessRuleTask task) return "external".equals(task.getCamundaType());
        return node instanceof UserTask || node instanceof ReceiveTask || node instanceof CallActivity || node instanceof SubProcess
                || node instanceof CatchEvent || node instanceof EventBasedGateway || node instanceof ParallelGateway
                || node instanceof InclusiveGateway;
    }

    private static boolean triggerChanged(BpmnModelInstance from, BpmnModelInstance to, MigrationInstruction instruction) {
        if (!(from.getModelElementById(activityId(instruction.getSourceActivityId())) instanceof CatchEvent source)
                || !(to.getModelElementById(activityId(instruction.getTargetActivityId())) instanceof CatchEvent target)) {
            return false;
        }
        // Camunda migrates a conditional event only with a fresh trigger
        boolean conditional = target.getEventDefinitions().stream().anyMatch(ConditionalEventDefinition.class::isInstance);
        return conditional || !triggers(source).equals(triggers(target));
    }

    private static List<String> triggers(CatchEvent event) {
        List<String> triggers = new ArrayList<>();
        for (EventDefinition definition : event.getEventDefinitions()) {
            if (definition instanceof MessageEventDefinition m) {
                triggers.add("message " + (m.getMessage() == null ? null : m.getMessage().getName()));
            } else if (definition instanceof SignalEventDefinition s) {
                triggers.add("signal " + (s.getSignal() == null ? null : s.getSignal().getName()));
            } else if (definition instanceof TimerEventDefinition t) {
                triggers.add("timer " + text(t.getTimeDate()) + " " + text(t.getTimeDuration()) + " " + text(t.getTimeCycle()));
            } else {
                triggers.add(definition.getElementType().getTypeName());
            }
        }
        return triggers;
    }

    private static String text(org.camunda.bpm.model.bpmn.instance.Expression expression) {
        return expression == null ? null : Objects.toString(expression.getTextContent(), "").strip();
    }
}
