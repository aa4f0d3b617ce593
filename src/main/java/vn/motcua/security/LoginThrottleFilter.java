package vn.motcua.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before any authentication: the request's client address is the one password checks count against,
 * and a login that must wait is answered 429 with {@code Retry-After} without its password being
 * checked. The logins a request tries: HTTP Basic on {@code /api}, {@code /engine-rest} and the guarded
 * actuator ({@link ActuatorAccess}), the
 * {@code username} of the webapps' login form and of {@code POST /engine-rest/identity/verify}.
 *
 * <p>The client address is {@code request.getRemoteAddr()}. Behind a reverse proxy that is the proxy,
 * unless Tomcat is told to believe the proxy's {@code X-Forwarded-For} ({@code
 * server.forward-headers-strategy=native} with the proxy's addresses in {@code
 * server.tomcat.remoteip.internal-proxies}); the header is never trusted by default, since a client
 * could otherwise pick a new address for every guess.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleFilter {

    /** The login form of the webapps: {@code /camunda/api/admin/auth/user/{engine}/login/{app}}. */
    private static final Pattern WEBAPP_LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");
    private static final String VERIFY = "/engine-rest/identity/verify";
    /** A login form or a verify body is a few dozen bytes; a larger one is passed on unread. */
    private static final int MAX_PEEK = 8192;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginThrottleRegistration(LoginThrottle throttle, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                LoginThrottle.enter(request.getRemoteAddr());
                try {
                    HttpServletRequest peeked = peekBody(request);
                    Optional<Duration> wait = logins(peeked, json).stream()
                            .map(throttle::waitFor).flatMap(Optional::stream).max(Duration::compareTo);
                    if (wait.isPresent()) {
                        throttle.refused();
                        tooManyAttempts(request, response, wait.get(), json);
                        return;
                    }
                    chain.doFilter(peeked, response);
                } finally {
                    LoginThrottle.leave();
                }
            }
        });
        registration.addUrlPatterns("/*");
        registration.setName("motcua-login-throttle");
        // before Camunda's and motcua's authentication filters
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The logins the request tries to log in as (none for most requests). */
    private static List<String> logins(HttpServletRequest request, ObjectMapper json) {
        String path = path(request);
        List<String> logins = new ArrayList<>();
        String apiKey = request.getHeader(ApiAuthentication.API_KEY_HEADER);
        // motcua's API and the actuator authenticate an API key instead of HTTP Basic when both are given
        boolean keyFirst = under(path, "/api") || ActuatorAccess.checksPasswords(path);
        if (under(path, "/engine-rest") || keyFirst && (apiKey == null || apiKey.isBlank())) {
            basicLogin(request.getHeader("Authorization")).ifPresent(logins::add);
        }
        if (request instanceof PeekedRequest peeked && peeked.body != null) {
            if (path.equals(VERIFY)) {
                try {
                    JsonNode username = json.readTree(peeked.body).path("username");
                    if (username.isTextual()) logins.add(username.asText());
                } catch (IOException notJson) {
                    // Camunda answers it
                }
            } else {
                formField(new String(peeked.body, StandardCharsets.UTF_8), "username").ifPresent(logins::add);
            }
        }
        return logins;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The decoded path inside the application, as the servlets are mapped: no parameters, no double slashes. */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.replaceAll("/{2,}", "/");
    }

    private static Optional<String> basicLogin(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The login form and the verify call, read ahead and replayed; every other request as it is. */
    private static HttpServletRequest peekBody(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return request;
        }
        String path = path(request);
        if (!path.equals(VERIFY) && !WEBAPP_LOGIN.matcher(path).matches() || request.getContentLengthLong() > MAX_PEEK) {
            return request;
        }
        InputStream in = request.getInputStream();
        byte[] head = in.readNBytes(MAX_PEEK + 1);
        return new PeekedRequest(request, head, head.length <= MAX_PEEK ? head : null);
    }

    private static void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration wait,
                                        ObjectMapper json) throws IOException {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        String when = seconds < 60 ? seconds + " giây" : (seconds + 59) / 60 + " phút";
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Tạm khóa đăng nhập");
        problem.put("status", 429);
        problem.put("detail", "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + when + ".");
        problem.put("instance", request.getRequestURI());
        problem.put("retryAfterSeconds", seconds);
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** A request whose first bytes were read to find the login; the body is replayed whole. */
    static final class PeekedRequest extends HttpServletRequestWrapper {
        private final byte[] head;
        /** The whole body when it fit in {@link #MAX_PEEK} bytes, else null. */
        final byte[] body;
        private ServletInputStream stream;

        PeekedRequest(HttpServletRequest request, byte[] head, byte[] body) {
            super(request);
            this.head = head;
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                InputStream replay = body != null ? new ByteArrayInputStream(head)
                        : new SequenceInputStream(new ByteArrayInputStream(head), super.getInputStream());
                stream = new ServletInputStream() {
                    private boolean finished;

                    @Override
                    public int read() throws IOException {
                        int b = replay.read();
                        finished = b < 0;
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = replay.read(buffer, offset, length);
                        finished = n < 0;
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return finished;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("blocking reads only");
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            try {
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                return new BufferedReader(new InputStreamReader(getInputStream(), charset));
            } catch (IllegalArgumentException unknown) {
                throw new java.io.UnsupportedEncodingException(encoding);
            }
        }
    }
}
