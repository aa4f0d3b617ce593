package vn.motcua.engine;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Set;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * The webapps' own copy of Camunda's REST API ({@code /camunda/api/engine}, what Tasklist and Cockpit
 * call) answers errors as {@code /engine-rest} does ({@link EngineRestErrors}): a start form or task
 * form that motcua refuses is 400 problem+json naming the field, another commune's work 403, and so on.
 * Before, that copy answered Camunda's own 500 for a refusal: the Spring Boot customizer of
 * {@code /engine-rest} does not reach it.
 *
 * <p>The webapp starter registers that API as a Jersey servlet, "Engine Api", around Camunda's
 * {@code EngineRestApplication}, from a Spring Boot initializer. Tomcat runs the initializers it is
 * given in order, and Spring Boot's (the starter's among them) are added before the context customizers
 * run; so this initializer, added by a customizer, finds the servlet registered and gives it motcua's
 * exception mappers (and its check of a missing body) as extra providers, which Jersey reads when the servlet starts.
 */
@Component
class WebappEngineApiErrors implements TomcatContextCustomizer {

    static final String SERVLET = "Engine Api";

    @Override
    public void customize(org.apache.catalina.Context context) {
        context.addServletContainerInitializer(new Mappers(), null);
    }

    static final class Mappers implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) {
            ServletRegistration api = context.getServletRegistration(SERVLET);
            if (api == null) {
                throw new IllegalStateException("Camunda's webapp registered no servlet \"" + SERVLET
                        + "\": its errors would not be motcua's problems");
            }
            api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
                    String.join(",", EngineRestErrors.PROVIDERS.stream().map(Class::getName).toList()));
        }
    }
}
