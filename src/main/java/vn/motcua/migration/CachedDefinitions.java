package vn.motcua.migration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Works around Camunda 7 bug camunda-bpm-platform#4637 (present in 7.24): migrating an instance
 * whose user task has timeout task listeners removes those listeners' timer declarations from the
 * <em>cached</em> target definition (ActivityInstanceJobHandler copies the map of declarations but
 * not the maps inside it). Left alone, every later migration to that task — even a rolled-back dry
 * run's — deletes the instance's step-warning and overdue timers instead of moving them, and new
 * tasks of that version on this node get none until a restart; within one {@code execute()} of
 * several instances the second one already loses them. So each instance is migrated by its own
 * {@code execute()}, and the target definition is then dropped from the deployment cache, which
 * makes the engine parse it again, whole, from the database.
 */
@Component
class CachedDefinitions {

    private final ProcessEngineConfigurationImpl configuration;

    CachedDefinitions(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    void forget(String processDefinitionId) {
        configuration.getDeploymentCache().removeProcessDefinition(processDefinitionId);
    }
}
