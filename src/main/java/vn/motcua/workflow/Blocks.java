package vn.motcua.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.motcua.process.ProcessContract;

/**
 * The building blocks of processes/chung/ are shared by the whole province; a commune may deploy its
 * own version of one under its tenant id (Camunda's shared definitions with tenant overrides), and
 * its dossiers then call that one. Call activities ask here: {@code
 * camunda:calledElementTenantId="${blocks.tenantOf('tiep-nhan', execution)}"}.
 */
@Component("blocks")
public class Blocks {

    private final RepositoryService repository;

    Blocks(@Lazy RepositoryService repository) {
        this.repository = repository;
    }

    /** The commune's tenant when it has its own version of the block, null for the province's shared one. */
    public String tenantOf(String blockKey, DelegateExecution execution) {
        String tenant = execution.getTenantId();
        if (tenant == null || blockKey == null) return null;
        long own = repository.createProcessDefinitionQuery().processDefinitionKey(blockKey).tenantIdIn(tenant).count();
        return own > 0 ? tenant : null;
    }

    /** How a resolution block ended, for its caller: {@code ${resolution.end(execution, 'RESOLVED')}} on its end events. */
    @Component("resolution")
    public static class Resolution {
        public void end(DelegateExecution execution, String outcome) {
            ProcessContract.RESOLUTION_OUTCOME.set(execution, outcome);
        }
    }
}
