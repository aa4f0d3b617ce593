package vn.motcua.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * An official's browser session of Tasklist, as the webapp makes it: the login form (session cookie),
 * the CSRF token sent back on every call, and Camunda's API through the webapps' own copy of it,
 * {@code /camunda/api/engine/engine/default/} ({@link #ENGINE}).
 */
public final class WebappSession {

    public static final String ENGINE = "/camunda/api/engine/engine/default/";

    /** An answer: its status, content type and text. */
    public record Response(int status, String contentType, String text) {
    }

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String token;

    /** Logs the official in (password "demo") as Tasklist's login form does. */
    public WebappSession(int port, String user) {
        this("http://localhost:" + port, user, "demo");
    }

    /** Logs the official in to the service at base (http://host:port) as Tasklist's login form does. */
    public WebappSession(String base, String user, String password) {
        this.base = base;
        // Tasklist's page hands out the CSRF token that every later call (the login included) sends back
        exchange(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        token = token();
        HttpResponse<String> login = exchange(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException(user + " cannot log in to Tasklist: " + login.statusCode() + " " + login.body());
        }
        // the login starts a new session, whose token the next call hands out
        exchange(HttpRequest.newBuilder(uri(ENGINE)).GET());
        token = token();
    }

    /** A call as Tasklist sends it; body and content type may be null. */
    public Response send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, "application/json, application/problem+json");
    }

    /** A call as Tasklist sends it, asking for the given media types (HAL for a filter's list). */
    public Response send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", accept).header("X-XSRF-TOKEN", token);
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = exchange(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private String token() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
