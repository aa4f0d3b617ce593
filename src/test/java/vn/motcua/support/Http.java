package vn.motcua.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real HTTP client against the running service: motcua's API and Camunda's REST API as an official. */
public final class Http {

    /** The demo profile's national-portal client (X-API-Key). */
    public static final String PORTAL = "key:demo-portal-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String password;

    public Http(int port) {
        this(port, "demo");
    }

    private Http(int port, String password) {
        this.base = "http://localhost:" + port;
        this.password = password;
    }

    /** The same client, logging in with another password. */
    public Http withPassword(String password) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), password);
    }

    public Response postText(String path, String body, String contentType, String user) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Any method, any body text and content type (null for none): what a clumsy or hostile client sends. */
    public Response send(String method, String path, String body, String contentType, String user) {
        HttpRequest.Builder b = request(path, user);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A file as the body (its bytes as they are), with the content type a client declares (null for none). */
    public Response putBytes(String path, byte[] body, String contentType, String user) {
        HttpRequest.Builder b = request(path, user);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A file as the service serves it: status, content type and the bytes. */
    public Download download(String path, String user) {
        try {
            HttpResponse<byte[]> r = client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Download(int status, String contentType, byte[] body) {
    }

    public Response put(String path, Object body, String user) {
        return send("PUT", path, body instanceof String s ? s : write(body), "application/json", user);
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Response post(String path, Object body, String user) {
        String text = body instanceof String s ? s : write(body);
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    /** A POST asking for another representation, e.g. Tasklist's {@code application/hal+json}. */
    public Response postAccepting(String path, Object body, String accept, String user) {
        String text = body instanceof String s ? s : write(body);
        return send(request(path, user).setHeader("Accept", accept).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    // --- Camunda REST, as Tasklist calls it -------------------------------------------------

    /**
     * The tasks of a dossier that are the official's: assigned to them, or theirs to claim as a candidate (themselves or
     * one of their groups), whoever holds it. Every official of a commune may read all its tasks; these are the ones they
     * may act on, as their Tasklist's own filters list them.
     */
    public List<JsonNode> tasks(String user, String dossierCode) {
        Response r = post("/engine-rest/task", Map.of("processInstanceBusinessKey", dossierCode, "orQueries",
                List.of(Map.of("assignee", user, "candidateUser", user, "includeAssignedTasks", true))), user);
        r.expect(200);
        List<JsonNode> tasks = new ArrayList<>();
        r.body().forEach(tasks::add);
        return tasks;
    }

    public Response claim(String user, String taskId) {
        return post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), user);
    }

    public Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars), user);
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, application/problem+json");
        if (user != null && user.startsWith("sig:")) {
            b.header("X-Signature", user.substring(4));
        } else if (user != null && user.startsWith("key:")) {
            b.header("X-API-Key", user.substring(4));
        } else if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode body;
            try {
                body = r.body() == null || r.body().isBlank() || !type.contains("json") ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                body = JSON.nullNode();
            }
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, JsonNode body, String text) {
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + text);
            }
            return this;
        }
    }
}
