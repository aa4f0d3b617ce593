package vn.motcua.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.http.Problem;
import vn.motcua.http.Problem.FieldProblem;

/**
 * The server's rules for Camunda's REST API, which officials reach directly (Tasklist is a REST
 * client, and anyone can call {@code /engine-rest} with their password). Camunda's authorizations
 * and tenants keep an official to their commune's tasks; this guard decides which of them they may act on (their own:
 * as assignee, candidate or member of a candidate group) and <em>what</em> they may send:
 * <ul>
 *   <li>every body is strict JSON of a bounded size, with no NUL or control characters, and every
 *       query parameter is free of control characters (PostgreSQL cannot store NUL);</li>
 *   <li>a task is completed, submitted or given variables only with the variables its form
 *       declares in the {@link vn.motcua.process.ProcessContract}, each of the right type, length
 *       and value — the facts that identify and route a dossier are never written by a client;</li>
 *   <li>an official may only read, claim or release their own tasks, complete them, comment, and
 *       change their own profile and password; every other write (modification, messages, signals,
 *       starting instances, delegation, identity links, suspension, deletion …) is the province
 *       admin's, whose variables are held to the contract too.</li>
 * </ul>
 * A refused request is answered before Camunda sees it, so it changes nothing and leaves no
 * operation-log row.
 */
@Configuration(proxyBeanMethods = false)
class EngineApiGuard {

    /** Largest body the engine API takes (a task completion is a few kilobytes). */
    static final int MAX_BODY = 256 * 1024;
    /** Longest query parameter value. */
    static final int MAX_PARAMETER = 4000;
    /** Longest comment on a task (Camunda keeps 4,000 characters of it). */
    static final int MAX_COMMENT = 2000;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineApiGuardFilter(
            IdentityService identity, TaskFacts tasks,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new GuardFilter(identity, tasks, webappPath));
        registration.setName("motcua-engine-api-guard");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        // after Camunda's REST authentication, which sets who is calling
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /** The caller as Camunda authenticated them. */
    record Official(String userId, Set<String> groups) {
        boolean isAdmin() {
            return groups.contains(vn.motcua.organisation.Provisioner.PROVINCE_ADMIN_GROUP)
                    || groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        }
    }

    static final class GuardFilter extends OncePerRequestFilter {

        private static final ObjectMapper STRICT = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .build();

        static {
            STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32).maxStringLength(MAX_BODY).maxNumberLength(40).build());
        }

        private final IdentityService identity;
        private final TaskFacts tasks;
        private final String webappPath;

        GuardFilter(IdentityService identity, TaskFacts tasks, String webappPath) {
            this.identity = identity;
            this.tasks = tasks;
            this.webappPath = webappPath;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            List<String> segments = EngineRequest.resourcePath(request, webappPath);
            if (segments == null) {
                chain.doFilter(request, response);
                return;
            }
            Optional<Problem> parameters = parameters(request);
            if (parameters.isPresent()) {
                parameters.get().writeTo(response);
                return;
            }
            String method = request.getMethod().toUpperCase(java.util.Locale.ROOT);
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                chain.doFilter(request, response);
                return;
            }
            Official caller = caller(request).orElse(null);
            if (caller == null) {
                // Camunda answers 401 itself; nothing is read or changed
                chain.doFilter(request, response);
                return;
            }
            boolean multipart = request.getContentType() != null
                    && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            if (multipart && caller.isAdmin()) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = read(request.getInputStream());
            if (body == null) {
                new Problem(413, "InvalidRequestException", "Nội dung quá lớn",
                        "Nội dung yêu cầu vượt quá " + MAX_BODY / 1024 + " KB", List.of(), null).writeTo(response);
                return;
            }
            EngineRequest engineRequest = EngineRequest.of(request, segments, body);
            JsonNode json = null;
            if (body.length > 0) {
                if (!isJson(request.getContentType())) {
                    new Problem(415, "InvalidRequestException", "Kiểu nội dung không được hỗ trợ",
                            "Nội dung phải là application/json (nhận được: " + sanitize(request.getContentType()) + ")",
                            List.of(new FieldProblem("Content-Type", "phải là application/json")), null).writeTo(response);
                    return;
                }
                try {
                    json = STRICT.readTree(body);
                } catch (JsonProcessingException e) {
                    Problem.badRequest("body", "không phải JSON hợp lệ (" + reason(e) + ")").writeTo(response);
                    return;
                }
                List<FieldProblem> control = new ArrayList<>();
                controlCharacters(json, "", control);
                if (!control.isEmpty()) {
                    Problem.badRequest(control).writeTo(response);
                    return;
                }
            }
            Optional<Problem> refused = new EngineWriteRules(caller, engineRequest, json, tasks).decide();
            if (refused.isPresent()) {
                refused.get().writeTo(response);
                return;
            }
            chain.doFilter(engineRequest, response);
        }

        /** Who Camunda authenticated: the REST API's Basic authentication, or the webapp session. */
        private Optional<Official> caller(HttpServletRequest request) {
            Authentication current = identity.getCurrentAuthentication();
            if (current != null && current.getUserId() != null) {
                return Optional.of(new Official(current.getUserId(),
                        Set.copyOf(current.getGroupIds() == null ? List.of() : current.getGroupIds())));
            }
            HttpSession session = request.getSession(false);
            if (session == null) return Optional.empty();
            Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
            if (auths == null) return Optional.empty();
            for (UserAuthentication user : auths.getAuthentications()) {
                return Optional.of(new Official(user.getName(),
                        Set.copyOf(user.getGroupIds() == null ? List.of() : user.getGroupIds())));
            }
            return Optional.empty();
        }

        /**
         * Query parameters: bounded, no control characters. Read from the query string itself, so a
         * form-encoded body is never consumed here.
         */
        private static Optional<Problem> parameters(HttpServletRequest request) {
            String query = request.getQueryString();
            if (query == null || query.isEmpty()) return Optional.empty();
            List<FieldProblem> problems = new ArrayList<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                    value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("tham số", "mã hóa URL không hợp lệ"));
                    continue;
                }
                if (hasControl(name, false) || name.length() > 200) {
                    problems.add(new FieldProblem("tham số", "tên tham số không hợp lệ"));
                } else if (value.length() > MAX_PARAMETER) {
                    problems.add(new FieldProblem(name, "dài quá " + MAX_PARAMETER + " ký tự"));
                } else if (hasControl(value, false)) {
                    problems.add(new FieldProblem(name, "chứa ký tự điều khiển không được phép"));
                }
            }
            return problems.isEmpty() ? Optional.empty() : Optional.of(Problem.badRequest(problems));
        }

        private static void controlCharacters(JsonNode node, String path, List<FieldProblem> problems) {
            if (node.isTextual()) {
                if (hasControl(node.textValue(), true)) {
                    // a variable's value is named by the variable: variables.refusalReason.value → refusalReason
                    String field = path.replaceFirst("^(?:.*\\.)?(?:variables|modifications|processVariables|processVariablesLocal|localVariables)\\.([^.]+)\\.value$", "$1");
                    problems.add(new FieldProblem(field.isEmpty() ? "body" : field, "chứa ký tự điều khiển không được phép"));
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    if (hasControl(e.getKey(), false)) {
                        problems.add(new FieldProblem(path.isEmpty() ? "body" : path, "tên trường chứa ký tự điều khiển"));
                    } else {
                        controlCharacters(e.getValue(), child, problems);
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    controlCharacters(node.get(i), path + "[" + i + "]", problems);
                }
            }
        }

        /** Control characters other than line breaks and tabs (allowed only where text may span lines). */
        static boolean hasControl(String text, boolean lineBreaksAllowed) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isJson(String contentType) {
            if (contentType == null) return false;
            String type = contentType.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim();
            return type.equals("application/json");
        }

        /** The body, or null when it is larger than {@link #MAX_BODY}. */
        private static byte[] read(InputStream in) throws IOException {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        }

        private static String reason(JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message == null) return "cú pháp";
            if (message.contains("Duplicate field")) return "trường bị lặp";
            if (message.contains("nesting depth")) return "lồng quá sâu";
            if (message.contains("Trailing token")) return "có nội dung thừa sau JSON";
            return "cú pháp sai ở dòng " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr());
        }

        private static String sanitize(String value) {
            if (value == null) return "không có";
            String clean = value.replaceAll("[\\p{Cntrl}]", "?");
            return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
        }
    }
}
