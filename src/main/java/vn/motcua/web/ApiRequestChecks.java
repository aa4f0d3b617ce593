package vn.motcua.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.common.ClientText;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/**
 * The checks every {@code /api} request passes before a controller runs: its headers (see
 * {@link ApiRequestFilter}), and its query parameters and path variables, each held to
 * {@link ClientText}'s rule and to a length no code, date or secret of motcua ever needs.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestChecks implements WebMvcConfigurer {

    /** The longest path variable: a dossier code is 25 characters, a commune code at most 64 (its column). */
    static final int MAX_PATH_VARIABLE = 64;
    /** The longest query parameter: a date-time with its offset is 30 characters, a lookup secret 8. */
    static final int MAX_QUERY_PARAMETER = 100;

    /** Before the authentication filter (which reads the database), after the character encoding. */
    @Bean
    FilterRegistrationBean<ApiRequestFilter> apiRequestFilter(ObjectMapper json,
                                                              @Value("${motcua.api.max-body-size:10MB}") DataSize maxBody) {
        FilterRegistrationBean<ApiRequestFilter> registration = new FilterRegistrationBean<>(new ApiRequestFilter(json, maxBody.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setName("motcua-api-requests");
        // outermost but the readiness gate: its failure barrier also covers the login throttle, which reads the database
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                check(request);
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    static void check(HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            variables.forEach((name, value) -> check(name, value, MAX_PATH_VARIABLE, errors));
        }
        request.getParameterMap().forEach((name, values) -> {
            if (ClientText.refusal(name, false).isPresent() || name.length() > MAX_QUERY_PARAMETER) {
                errors.add(new FieldError("query", "Tên tham số không hợp lệ"));
                return;
            }
            for (String value : values) check(name, value, MAX_QUERY_PARAMETER, errors);
        });
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    }

    private static void check(String name, String value, int max, List<FieldError> errors) {
        ClientText.refusal(value, false).ifPresentOrElse(reason -> errors.add(new FieldError(name, reason)), () -> {
            if (value.length() > max) errors.add(new FieldError(name, "Tối đa " + max + " ký tự"));
        });
    }
}
