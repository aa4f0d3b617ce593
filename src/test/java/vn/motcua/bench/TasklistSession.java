package vn.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.support.WebappSession;

/**
 * An official's Tasklist in a browser, replayed: the login through the webapp (session cookie and
 * CSRF token), then exactly the calls Tasklist 7.24 and motcua's Tasklist scripts make —
 * {@code GET filter?resourceType=Task} (the sidebar), {@code GET filter/{id}/count} for every filter
 * (motcua's filter-counts.js, every 30 s), and the selected filter's first page
 * {@code POST filter/{id}/list?firstResult=0&maxResults=15} with Tasklist's body, sorted by due date,
 * asking for HAL (which makes the engine also count the filter and fetch the list's variable columns).
 */
final class TasklistSession {

    static final String API = WebappSession.ENGINE;
    static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Filter(String id, String name) {
    }

    final String user;
    private final WebappSession session;

    TasklistSession(String base, String user, String password) {
        this.user = user;
        this.session = new WebappSession(base, user, password);
    }

    /** The official's filters, as the sidebar lists them. */
    List<Filter> filters() throws Exception {
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : JSON.readTree(get("filter?resourceType=Task"))) {
            filters.add(new Filter(f.get("id").asText(), f.get("name").asText()));
        }
        return filters;
    }

    String get(String path) {
        WebappSession.Response r = session.send("GET", API + path, null, null, "application/json");
        if (r.status() != 200) throw new IllegalStateException("GET " + path + " → " + r.status() + ": " + r.text());
        return r.text();
    }

    /** {@code GET filter/{id}/count}: the number of tasks the filter shows the official. */
    long count(Filter filter) throws Exception {
        return JSON.readTree(get("filter/" + filter.id() + "/count")).get("count").asLong();
    }

    /** The first page of the filter as Tasklist shows it; returns its count (the HAL list carries it). */
    long list(Filter filter) throws Exception {
        WebappSession.Response r = session.send("POST", API + "filter/" + filter.id() + "/list?firstResult=0&maxResults=15", LIST_BODY,
                "application/json", "application/hal+json, application/json; q=0.5");
        if (r.status() != 200) throw new IllegalStateException("list " + filter.name() + " → " + r.status() + ": " + r.text());
        return JSON.readTree(r.text()).path("count").asLong();
    }

    static Map<String, Filter> byName(List<Filter> filters) {
        Map<String, Filter> m = new LinkedHashMap<>();
        filters.forEach(f -> m.put(f.name(), f));
        return m;
    }
}
