package vn.motcua.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;
import vn.motcua.process.ProcessContract;
import vn.motcua.process.Variable;

/**
 * What the guard needs to know of a task before it lets a client write to it: which step it is,
 * and the choices the service offered on its form. Read without authorization checks (the guard
 * only narrows what Camunda's own authorizations then allow), never changing anything.
 */
@Component
class TaskFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProcessEngine engine;

    TaskFacts(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * A task: its step, who may work on it (its assignee, candidate users and groups) and, per
     * variable that chooses from service-written options, those options.
     */
    record Facts(String taskDefinitionKey, String assignee, Set<String> candidateUsers, Set<String> candidateGroups,
                 java.util.Map<String, Set<String>> options) {

        /** Whether the official is one of those the task is for: who may act on it (EngineWriteRules). */
        boolean isFor(String userId, Set<String> groups) {
            return userId.equals(assignee) || candidateUsers.contains(userId)
                    || candidateGroups.stream().anyMatch(groups::contains);
        }

        Set<String> optionsFor(Variable<?> variable) {
            return variable.optionsFrom() == null ? null : options.getOrDefault(variable.name(), Set.of());
        }
    }

    Optional<Facts> of(String taskId) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return Optional.ofNullable(config.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
            if (task == null) return null;
            java.util.Map<String, Set<String>> options = new java.util.HashMap<>();
            for (Variable<?> v : ProcessContract.all().values()) {
                if (v.optionsFrom() != null && v.writableBy(task.getTaskDefinitionKey())) {
                    options.put(v.name(), values(task.getVariableTyped(v.optionsFrom(), false)));
                }
            }
            Set<String> users = new java.util.HashSet<>();
            Set<String> groups = new java.util.HashSet<>();
            for (var link : task.getIdentityLinks()) {
                if (!org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType())) continue;
                if (link.getUserId() != null) users.add(link.getUserId());
                if (link.getGroupId() != null) groups.add(link.getGroupId());
            }
            return new Facts(task.getTaskDefinitionKey(), task.getAssignee(), users, groups, options);
        })));
    }

    /** The key of a process definition, by its id (empty when there is none). */
    Optional<String> definitionKey(String definitionId) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return Optional.ofNullable(config.getCommandExecutorTxRequired().execute(ctx -> ctx.runWithoutAuthorization(() -> {
            var definition = ctx.getProcessDefinitionManager().findLatestDefinitionById(definitionId);
            return definition == null ? null : definition.getKey();
        })));
    }

    /** The {@code value}s of a select's options, as the service serialised them (JSON list of {label, value}). */
    private static Set<String> values(TypedValue options) {
        Set<String> values = new LinkedHashSet<>();
        if (options instanceof ObjectValue object && object.getValueSerialized() != null) {
            try {
                for (JsonNode option : JSON.readTree(object.getValueSerialized())) {
                    if (option.hasNonNull("value")) values.add(option.get("value").asText());
                }
            } catch (IOException e) {
                return values;
            }
        }
        return values;
    }
}
