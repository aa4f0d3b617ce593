package vn.motcua.engine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API and the webapps' API answer failures that escape Jersey — in the filters
 * before it, such as the login throttle reading the database — like every other error: a database
 * outage is 503 problem+json with {@code Retry-After}, anything else a 500 problem+json with an
 * error id and no SQL or stack text, never the servlet container's default page.
 */
@Configuration(proxyBeanMethods = false)
class EngineFailureBarrier {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineFailureBarrierFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | RuntimeException e) {
                    if (response.isCommitted()) return;
                    response.reset();
                    Throwable cause = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
                    EngineRestErrors.problem(cause, 500).writeTo(response);
                }
            }
        });
        registration.setName("motcua-engine-failure-barrier");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
        // outermost but the readiness gate
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
