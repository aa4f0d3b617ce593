package vn.motcua.common;

/** One rejected field of a request: its JSON path and the reason, in Vietnamese for the official. */
public record FieldError(String field, String reason) {
}
