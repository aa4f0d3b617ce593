package vn.motcua.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request to Camunda's REST API, from {@code /engine-rest} or from the webapps' own copy of it
 * ({@code /camunda/api/engine}), reduced to what the guard decides on: the method, the resource
 * path below the engine (the same for both prefixes and for {@code /engine/{name}/…}), and the
 * body, read once and replayed to Camunda.
 */
final class EngineRequest extends HttpServletRequestWrapper {

    private final List<String> segments;
    private final byte[] body;

    private EngineRequest(HttpServletRequest request, List<String> segments, byte[] body) {
        super(request);
        this.segments = segments;
        this.body = body;
    }

    /**
     * The engine resource path of a request, or null when the request is not for the engine API.
     * Tomcat has already decoded and normalised the servlet path and path info (no {@code ;…}
     * parameters, no dot segments, no doubled slashes).
     */
    static List<String> resourcePath(HttpServletRequest request, String webappPath) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String rest;
        if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
            rest = path.substring("/engine-rest".length());
            if (rest.startsWith("/engine/")) rest = stripEngine(rest);
        } else if (path.startsWith(webappPath + "/api/engine/")) {
            rest = stripEngine(path.substring((webappPath + "/api/engine").length()));
        } else {
            return null;
        }
        List<String> segments = new ArrayList<>(Arrays.asList(rest.split("/")));
        segments.removeIf(String::isEmpty);
        return List.copyOf(segments);
    }

    /** {@code /engine/default/task/1} → {@code /task/1}. */
    private static String stripEngine(String rest) {
        if (!rest.startsWith("/engine/")) return rest;
        int next = rest.indexOf('/', "/engine/".length());
        return next < 0 ? "" : rest.substring(next);
    }

    static EngineRequest of(HttpServletRequest request, List<String> segments, byte[] body) {
        return new EngineRequest(request, segments, body);
    }

    List<String> segments() {
        return segments;
    }

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    int size() {
        return segments.size();
    }

    byte[] body() {
        return body;
    }

    boolean hasBody() {
        return body.length > 0;
    }

    /** Whether the path is {@code parts} exactly, {@code *} matching any one segment. */
    boolean is(String method, String... parts) {
        if (!getMethod().equalsIgnoreCase(method) || parts.length != segments.size()) return false;
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].equals("*") && !parts[i].equals(segments.get(i))) return false;
        }
        return true;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous replay only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
