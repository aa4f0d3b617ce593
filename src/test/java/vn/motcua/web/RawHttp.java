package vn.motcua.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.support.Http;

/**
 * Requests as a careless or hostile client sends them: any method, any headers (or none), any
 * bytes. Users log in with the demo password; {@code key:…} is an API key.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    public RawHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request as(String user) {
            if (user.startsWith("key:")) return header("X-API-Key", user.substring(4));
            return header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(byte[] bytes) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Request body(HttpRequest.BodyPublisher publisher) {
            body = publisher;
            return this;
        }

        public Http.Response send() {
            HttpResponse<String> r = exchange();
            String type = r.headers().firstValue("Content-Type").orElse("");
            try {
                JsonNode json = r.body() == null || r.body().isBlank() || !type.contains("json") ? JSON.nullNode() : JSON.readTree(r.body());
                return new Http.Response(r.statusCode(), type, json, r.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The response as it came, headers included. */
        public HttpResponse<String> exchange() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
            headers.forEach(b::header);
            try {
                return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
