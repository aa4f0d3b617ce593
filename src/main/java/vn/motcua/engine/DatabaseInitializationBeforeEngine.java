package vn.motcua.engine;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Liquibase owns the schema and the engine only checks it ({@code schema-update=false}), so the
 * engine must be built after Liquibase ran. Spring Boot orders beans found by detectors like this
 * one after every database initializer.
 */
class DatabaseInitializationBeforeEngine extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineConfigurationImpl.class);
    }
}
