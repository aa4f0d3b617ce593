package vn.motcua.ops;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotcuaProperties;

/**
 * What readiness ({@code /actuator/health/readiness}, {@code /readyz}) needs besides Spring Boot's
 * {@code readinessState} and {@code db} (the group is configured in application.yaml):
 * <ul>
 * <li>{@code engine}: the process engine answers a query through its own command stack and has
 * motcua's processes deployed — DOWN otherwise;</li>
 * <li>{@code organisation}: at least one commune with its Camunda tenant, and the province admin
 * account in {@code camunda-admin} — OUT_OF_SERVICE until provisioning has made them (like
 * {@code readinessState} at start-up), so a node whose organisation is missing takes no traffic.</li>
 * </ul>
 * Each costs one or two indexed queries; details (the counts) are shown only to whom Spring Boot's
 * {@code show-details} allows (nobody by default), the statuses to anyone.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessIndicators {

    @Bean
    HealthIndicator engineHealthIndicator(RepositoryService repository) {
        return () -> {
            long definitions = repository.createProcessDefinitionQuery().latestVersion().count();
            Health.Builder health = definitions > 0 ? Health.up() : Health.down();
            return health.withDetail("processDefinitions", definitions).build();
        };
    }

    @Bean
    HealthIndicator organisationHealthIndicator(JdbcClient jdbc, IdentityService identity, MotcuaProperties properties) {
        return () -> {
            long communes = jdbc.sql("select count(*) from mc_commune c where exists (select 1 from ACT_ID_TENANT t where t.ID_ = c.code)")
                    .query(Long.class).single();
            boolean admin = identity.createUserQuery().userId(properties.admin().id()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 1;
            Health.Builder health = communes > 0 && admin ? Health.up() : Health.outOfService();
            return health.withDetail("communes", communes).withDetail("admin", admin).build();
        };
    }
}
