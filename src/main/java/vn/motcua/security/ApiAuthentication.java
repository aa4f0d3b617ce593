package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates callers of {@code /api/*}: officials with HTTP Basic against the Camunda identity,
 * integration clients with {@code X-API-Key}. Credentials that are present but wrong are refused
 * (401); no credentials make an anonymous caller, whom each endpoint then accepts or refuses.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

    static final String API_KEY_HEADER = "X-API-Key";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiAuthenticationFilter(IdentityService identity, ApiClients clients) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<Caller> caller = authenticate(request, identity, clients);
                if (caller.isEmpty()) {
                    unauthenticated(request, response, "Tên đăng nhập, mật khẩu hoặc khóa API không đúng");
                    return;
                }
                request.setAttribute(Callers.ATTRIBUTE, caller.get());
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/*");
        registration.setName("motcua-api-authentication");
        return registration;
    }

    /** 401 {@code application/problem+json} with the Basic challenge, before any controller. */
    static void unauthenticated(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\", charset=\"UTF-8\"");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Chưa xác thực\",\"status\":401,"
                + "\"detail\":\"" + detail + "\",\"instance\":\""
                + request.getRequestURI().replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An official logged into Tasklist follows a link to a document: their webapp session counts, for
     * reading only (GET), so a session can never be used to change anything from another site.
     */
    static Optional<Caller> webappSession(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getSession(false) == null) return Optional.empty();
        var auths = org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(request.getSession(false));
        if (auths == null || auths.getAuthentications().isEmpty()) return Optional.empty();
        var user = auths.getAuthentications().get(0);
        return Optional.of(new Caller.Official(user.getName(), Set.copyOf(user.getGroupIds() == null ? java.util.List.of() : user.getGroupIds())));
    }

    /** Empty when credentials were given but are wrong or malformed; anonymous when none were given. */
    static Optional<Caller> authenticate(HttpServletRequest request, IdentityService identity, ApiClients clients) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return clients.authenticate(key.trim()).map(Caller.class::cast);
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return Optional.of(webappSession(request).orElse(new Caller.Anonymous()));
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (!identity.checkPassword(user, password)) {
            return Optional.empty();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        return Optional.of(new Caller.Official(user, groups));
    }
}
