package vn.motcua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read Spring Boot's actuator. {@code /actuator/health} and its groups (the probes, also at
 * {@code /livez} and {@code /readyz}) are open to anyone, statuses only. Everything else under
 * {@code /actuator} — {@code /actuator/prometheus} and whatever else may ever be exposed — is for the
 * province admin (HTTP Basic, checked and throttled like {@code /api}: {@link LoginThrottleFilter}
 * counts each wrong password); {@code /actuator/prometheus} also for an integration client whose key
 * has the scope {@link Scopes#READ_METRICS}, sent as {@code Authorization: Bearer <key>} (what
 * Prometheus sends) or {@code X-API-Key}. No credentials or wrong ones: 401 with the Basic challenge;
 * anyone else: 403. Both {@code application/problem+json}. The service refuses to start with the actuator
 * moved to another port or base path, where this guard would not be.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAccess {

    static final String PROMETHEUS = "/actuator/prometheus";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actuatorAccessFilter(IdentityService identity, ApiClients clients,
            @Value("${management.server.port:}") String managementPort, @Value("${server.port:8080}") String serverPort,
            @Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
        // a separate management port is another servlet context, which this filter would not guard
        if (!managementPort.isBlank() && !managementPort.equals(serverPort) || !basePath.equals("/actuator")) {
            throw new IllegalStateException("motcua guards the actuator at /actuator on the application's port only; "
                    + "unset management.server.port and management.endpoints.web.base-path");
        }
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = LoginThrottleFilter.path(request);
                if (!checksPasswords(path)) {
                    answer(request, response, chain);
                    return;
                }
                Optional<Caller> caller = authenticate(request, identity, clients);
                if (caller.isEmpty()) {
                    ApiAuthentication.unauthenticated(request, response, "Tên đăng nhập, mật khẩu hoặc khóa API không đúng");
                } else if (caller.get() instanceof Caller.Anonymous) {
                    ApiAuthentication.unauthenticated(request, response,
                            "Cần đăng nhập (HTTP Basic) bằng tài khoản quản trị viên tỉnh, hoặc khóa API có quyền " + Scopes.READ_METRICS);
                } else if (caller.get().isAdmin() || path.equals(PROMETHEUS) && caller.get().hasScope(Scopes.READ_METRICS)) {
                    answer(request, response, chain);
                } else {
                    problem(request, response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền",
                            "Chỉ quản trị viên tỉnh được xem thông tin vận hành; khóa API có quyền " + Scopes.READ_METRICS
                                    + " chỉ được đọc " + PROMETHEUS);
                }
            }
        });
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setName("motcua-actuator-access");
        // after the login throttle (which answers a waiting login 429 unchecked), before everything else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * Whether the path is guarded, so a request's HTTP Basic password is checked (and counted): all of
     * {@code /actuator} but the health endpoint and its groups.
     */
    static boolean checksPasswords(String path) {
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return actuator && !health;
    }

    /** A bearer token is a client key; otherwise as on {@code /api} (X-API-Key, HTTP Basic, a webapp session). */
    private static Optional<Caller> authenticate(HttpServletRequest request, IdentityService identity, ApiClients clients) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            return key.isEmpty() ? Optional.empty() : clients.authenticate(key).map(Caller.class::cast);
        }
        return ApiAuthentication.authenticate(request, identity, clients);
    }

    /**
     * The actuator answers some refusals without a body: a health component it does not show (or does
     * not have) is an empty 404, an {@code Accept} header it cannot read an error (406) that Spring
     * Boot's error page cannot render either. Such a 4xx gets a problem like every other of the service.
     */
    private static void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletResponseWrapper held = new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                sendError(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                if (status >= 500) {
                    super.sendError(status);
                    return;
                }
                resetBuffer();
                setStatus(status);
            }

            @Override
            public void flushBuffer() throws IOException {
                if (getStatus() < 400) super.flushBuffer();
            }
        };
        chain.doFilter(request, held);
        int status = response.getStatus();
        if (status >= 400 && status < 500 && response.getContentType() == null && !response.isCommitted()) {
            switch (status) {
                case HttpServletResponse.SC_NOT_FOUND -> problem(request, response, status, "Không tìm thấy",
                        "Không có thông tin vận hành nào ở địa chỉ này");
                case HttpServletResponse.SC_NOT_ACCEPTABLE -> problem(request, response, status, "Không có định dạng phù hợp",
                        "Tiêu đề Accept không đọc được hoặc không nhận định dạng nào ở đây (Prometheus: text/plain, application/openmetrics-text)");
                default -> problem(request, response, status, "Yêu cầu không thực hiện được", "Yêu cầu không thực hiện được (HTTP " + status + ")");
            }
        }
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
