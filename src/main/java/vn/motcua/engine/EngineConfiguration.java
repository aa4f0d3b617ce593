package vn.motcua.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seams between motcua and the Camunda engine: tenants, global parse listeners and the
 * authenticated REST API. Everything engine-specific that is not a delegate lives here.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** The engine's ids: 20 time-ordered characters instead of the starter's 36-character UUIDs ({@link CompactIds}). */
    @Bean
    org.camunda.bpm.engine.impl.cfg.IdGenerator idGenerator() {
        return new CompactIds();
    }

    @Bean
    ProcessEnginePlugin motcuaEnginePlugin(List<BpmnParseListener> parseListeners, vn.motcua.calendar.WorkingTime workingTime,
                                           org.springframework.context.ApplicationContext context) {
        return new MotcuaEnginePlugin(parseListeners, workingTime, context);
    }

    /** Commune tenants, the working-time calendar, motcua's parse listeners on every diagram, authorization checks without a province-wide scan and without a row per task, a lean history. */
    static final class MotcuaEnginePlugin extends AbstractProcessEnginePlugin {
        private final List<BpmnParseListener> parseListeners;
        private final vn.motcua.calendar.WorkingTime workingTime;

        private final org.springframework.context.ApplicationContext context;

        MotcuaEnginePlugin(List<BpmnParseListener> parseListeners, vn.motcua.calendar.WorkingTime workingTime,
                           org.springframework.context.ApplicationContext context) {
            this.parseListeners = parseListeners;
            this.workingTime = workingTime;
            this.context = context;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            configuration.setTenantIdProvider(new CommuneTenantIdProvider());
            // the engine's SQL built without OGNL's repeated search for read methods that do not exist
            QueryPropertyAccess.install();
            // ${stepWarning} and the other delegates without loading the dossier's variables first
            configuration.setExpressionManager(new DelegatesFirstExpressionManager(context));
            // no authorization row per dossier task: officials read their commune's tasks, the guard decides who acts
            configuration.setResourceAuthorizationProvider(new CommuneTaskAuthorizations());
            MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
            calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
                    new WorkingTimeBusinessCalendar(new DurationBusinessCalendar(), workingTime));
            calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
                    new WorkingTimeBusinessCalendar(new DueDateBusinessCalendar(), workingTime));
            calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
            configuration.setBusinessCalendarManager(calendars);
            // replaces the default handler (CompositeDbHistoryEventHandler around a DbHistoryEventHandler)
            configuration.setHistoryEventHandler(new LeanHistory(vn.motcua.process.DossierProcess.Var.FACTS,
                    java.util.Set.of(vn.motcua.process.DossierProcess.Block.COUNTER_INTAKE)));
            List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                    ? new ArrayList<>()
                    : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
            listeners.addAll(parseListeners);
            configuration.setCustomPostBPMNParseListeners(listeners);
            List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null
                    ? new ArrayList<>()
                    : new ArrayList<>(configuration.getCustomSessionFactories());
            // replaces the engine's AuthorizationManager session (same session type)
            sessions.add(new SessionFactory() {
                @Override
                public Class<?> getSessionType() {
                    return AuthorizationManager.class;
                }

                @Override
                public Session openSession() {
                    return new UnfilteredGroupAuthorizations();
                }
            });
            configuration.setCustomSessionFactories(sessions);
        }
    }

    @Bean
    java.time.Clock clock(vn.motcua.MotcuaProperties properties) {
        return new EngineClock(properties.zone());
    }

    @Bean
    ProcessEnginePlugin modelDeployment() {
        return new ModelDeployment();
    }

    /** Camunda's REST API answers only authenticated officials (HTTP Basic against the Camunda identity). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        // before motcua's guard of the engine API, which needs to know who is calling
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
