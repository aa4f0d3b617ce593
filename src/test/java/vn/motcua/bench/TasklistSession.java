package vn.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An official's Tasklist in a browser, replayed: the login through the webapp (session cookie and
 * CSRF token), then exactly the calls Tasklist 7.24 and motcua's Tasklist scripts make —
 * {@code GET filter?resourceType=Task} (the sidebar), {@code GET filter/{id}/count} for every filter
 * (motcua's filter-counts.js, every 30 s), and the selected filter's first page
 * {@code POST filter/{id}/list?firstResult=0&maxResults=15} with Tasklist's body, sorted by due date,
 * asking for HAL (which makes the engine also count the filter and fetch the list's variable columns).
 */
final class TasklistSession {

    static final String API = "/camunda/api/engine/engine/default/";
    static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Filter(String id, String name) {
    }

    final String user;
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private String token;

    TasklistSession(String base, String user, String password) throws Exception {
        this.base = base;
        this.user = user;
        client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.discarding());
        token = token();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) throw new IllegalStateException(user + " cannot log in: " + login.statusCode() + " " + login.body());
        client.send(HttpRequest.newBuilder(URI.create(base + API)).GET().build(), HttpResponse.BodyHandlers.discarding());
        token = token();
    }

    private String token() {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** The official's filters, as the sidebar lists them. */
    List<Filter> filters() throws Exception {
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : JSON.readTree(get("filter?resourceType=Task"))) {
            filters.add(new Filter(f.get("id").asText(), f.get("name").asText()));
        }
        return filters;
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + API + path))
                .header("Accept", "application/json").header("X-XSRF-TOKEN", token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " → " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    /** {@code GET filter/{id}/count}: the number of tasks the filter shows the official. */
    long count(Filter filter) throws Exception {
        return JSON.readTree(get("filter/" + filter.id() + "/count")).get("count").asLong();
    }

    /** The first page of the filter as Tasklist shows it; returns its count (the HAL list carries it). */
    long list(Filter filter) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + API + "filter/" + filter.id() + "/list?firstResult=0&maxResults=15"))
                .header("Accept", "application/hal+json, application/json; q=0.5").header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(LIST_BODY)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) throw new IllegalStateException("list " + filter.name() + " → " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body()).path("count").asLong();
    }

    static Map<String, Filter> byName(List<Filter> filters) {
        Map<String, Filter> m = new LinkedHashMap<>();
        filters.forEach(f -> m.put(f.name(), f));
        return m;
    }
}
