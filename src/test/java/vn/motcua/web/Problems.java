package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.support.Http;

/** What every refusal of motcua's API looks like: a 4xx problem+json, naming the field when there is one. */
public final class Problems {

    private Problems() {
    }

    /** A 4xx problem+json whose {@code errors} name this field. */
    public static Http.Response assertRefused(Http.Response r, int status, String field) {
        assertProblem(r, status);
        assertThat(fields(r)).as(r.text()).contains(field);
        return r;
    }

    public static Http.Response assertProblem(Http.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).as(r.text()).startsWith("application/problem+json");
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
        return r;
    }

    public static List<String> fields(Http.Response r) {
        List<String> fields = new ArrayList<>();
        r.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
