package vn.motcua.engine;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.HistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureCatalog;

/**
 * How long the engine keeps a dossier's history: its procedure's retention in the catalog, counted
 * from the end of the dossier's process. Procedures share their process definitions (thu-tuc and the
 * blocks it calls), so the diagram's {@code historyTimeToLive} cannot say it; the dossier's procedure
 * code (mc_dossier, found by the business key, the dossier code) does. With the removal-time strategy
 * {@code end} the engine asks this only for a root process instance as it ends and gives the same
 * removal time to all its history, the called blocks' instances included; the cleanup in the night
 * window (application.yaml) then removes what is due. A process instance that is no dossier keeps
 * its diagram's time to live.
 */
@Configuration(proxyBeanMethods = false)
class HistoryRetention {

    @Bean
    ProcessEnginePlugin historyRetentionPlugin(ProcedureCatalog catalog, JdbcClient jdbc) {
        ProcedureRemovalTime provider = new ProcedureRemovalTime(code -> jdbc
                .sql("select procedure_code from mc_dossier where code = ?").param(code)
                .query(String.class).optional()
                .flatMap(catalog::retention));
        return new RemovalTimePlugin(provider);
    }

    static final class RemovalTimePlugin extends AbstractProcessEnginePlugin {
        private final HistoryRemovalTimeProvider provider;

        RemovalTimePlugin(HistoryRemovalTimeProvider provider) {
            this.provider = provider;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            configuration.setHistoryRemovalTimeProvider(provider);
        }

        @Override
        public String toString() {
            return "HistoryRetention";
        }
    }

    /** The removal time of a dossier's history: end + its procedure's retention; otherwise Camunda's own rule. */
    static final class ProcedureRemovalTime implements HistoryRemovalTimeProvider {

        private final HistoryRemovalTimeProvider diagram = new DefaultHistoryRemovalTimeProvider();
        private final Function<String, Optional<Procedure.Retention>> retentionOfDossier;

        ProcedureRemovalTime(Function<String, Optional<Procedure.Retention>> retentionOfDossier) {
            this.retentionOfDossier = retentionOfDossier;
        }

        @Override
        public Date calculateRemovalTime(HistoricProcessInstanceEventEntity root, ProcessDefinition definition) {
            Date end = root.getEndTime();
            if (end != null && root.getBusinessKey() != null) {
                Optional<Procedure.Retention> retention = retentionOfDossier.apply(root.getBusinessKey());
                if (retention.isPresent()) {
                    Instant until = retention.get().until(end.toInstant());
                    return Date.from(until);
                }
            }
            return diagram.calculateRemovalTime(root, definition);
        }

        @Override
        public Date calculateRemovalTime(HistoricDecisionInstanceEntity decision, DecisionDefinition definition) {
            return diagram.calculateRemovalTime(decision, definition);
        }

        @Override
        public Date calculateRemovalTime(HistoricBatchEntity batch) {
            return diagram.calculateRemovalTime(batch);
        }
    }
}
