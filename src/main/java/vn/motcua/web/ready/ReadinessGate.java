package vn.motcua.web.ready;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server answers before the service is ready: the organisation (officials, groups, client
 * keys) is provisioned by the start-up runners after it has started, and until then every login
 * would fail. Until Spring Boot reports readiness {@link ReadinessState#ACCEPTING_TRAFFIC} (after
 * every runner, also what {@code /actuator/health/readiness} reports) motcua's API, Camunda's REST
 * API and the webapps' API answer 503 with {@code Retry-After}; the static webapps and the actuator
 * keep answering. The same holds while the service shuts down.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessGate {

    /** Seconds a client should wait before asking again; start-up provisioning takes a few. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> readinessGateFilter(ApplicationAvailability availability) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    chain.doFilter(request, response);
                    return;
                }
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", "Dịch vụ chưa sẵn sàng");
                problem.put("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                problem.put("detail", "motcua đang khởi động (chuẩn bị tổ chức, tài khoản cán bộ); vui lòng thử lại sau "
                        + RETRY_AFTER_SECONDS + " giây");
                problem.put("instance", request.getRequestURI());
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
                response.setContentType("application/problem+json;charset=UTF-8");
                response.getOutputStream().write(JSON.writeValueAsBytes(problem));
            }
        });
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        registration.setName("motcua-readiness-gate");
        // before any authentication: a login against an organisation not yet provisioned would be a false 401
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
