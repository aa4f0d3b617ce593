package vn.motcua.ops;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Scrapes {@code /actuator/prometheus} as Prometheus does (any header it is given) and reads the text exposition. */
final class Prometheus {

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    Prometheus(int port) {
        this.port = port;
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GET with the given headers (name, value, name, value …). */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The admin's scrape, which must succeed. */
    Exposition scrape() {
        HttpResponse<String> r = get("/actuator/prometheus", "Authorization", basic("admin", "demo"));
        if (r.statusCode() != 200) throw new AssertionError("scrape answered " + r.statusCode() + ": " + r.body());
        return Exposition.parse(r.body());
    }

    /** One series: its labels and value. */
    record Series(String name, Map<String, String> labels, double value) {
    }

    /** The samples of a text exposition (comments skipped). */
    record Exposition(List<Series> series) {

        static Exposition parse(String text) {
            List<Series> series = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                Matcher m = LINE.matcher(line);
                if (!m.matches()) throw new AssertionError("not an exposition line: " + line);
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find()) labels.put(l.group(1), l.group(2));
                }
                series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(4))));
            }
            return new Exposition(series);
        }

        /** The series of that name, all of them. */
        List<Series> named(String name) {
            return series.stream().filter(s -> s.name().equals(name)).toList();
        }

        /** The value of the one series with that name and exactly these labels (name, value, …). */
        double value(String name, String... labels) {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i += 2) wanted.put(labels[i], labels[i + 1]);
            List<Series> found = named(name).stream().filter(s -> s.labels().equals(wanted)).toList();
            if (found.size() != 1) throw new AssertionError(found.size() + " series " + name + wanted + " in " + named(name));
            return found.get(0).value();
        }
    }
}
