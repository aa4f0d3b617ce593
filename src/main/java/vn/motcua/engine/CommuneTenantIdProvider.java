package vn.motcua.engine;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Process definitions are shared by the whole province; every instance belongs to the commune
 * that owns the dossier. The commune comes from the start variable {@code communeCode}; a called
 * process inherits its caller's tenant.
 */
class CommuneTenantIdProvider implements TenantIdProvider {

    static final String COMMUNE_VARIABLE = "communeCode";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object commune = ctx.getVariables().get(COMMUNE_VARIABLE);
        if (commune instanceof String s && !s.isBlank()) {
            return s;
        }
        // started by an official (the counter intake): their commune, so that what they typed stays in it
        var context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
        var auth = context == null ? null : context.getAuthentication();
        return auth != null && auth.getTenantIds() != null && auth.getTenantIds().size() == 1 ? auth.getTenantIds().get(0) : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return null;
    }
}
