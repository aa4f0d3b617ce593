package vn.motcua.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An error of Camunda's REST API as motcua answers it: {@code application/problem+json} with a
 * Vietnamese title, the reason in {@code detail}, each refused field in {@code errors}, and — so
 * that Tasklist, which shows {@code message}, keeps working — Camunda's own {@code type} and
 * {@code message} members. Never SQL or a stack trace.
 */
public record Problem(int status, String type, String title, String detail, List<FieldProblem> errors, Integer retryAfterSeconds) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One refused field (a variable, a body member, a parameter) and why. */
    public record FieldProblem(String field, String reason) {
    }

    public static Problem badRequest(List<FieldProblem> errors) {
        return new Problem(400, "InvalidRequestException", "Yêu cầu không hợp lệ",
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")), errors, null);
    }

    public static Problem badRequest(String field, String reason) {
        return badRequest(List.of(new FieldProblem(field, reason)));
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "AuthorizationException", "Không có quyền", detail, List.of(), null);
    }

    public ObjectNode body() {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("reason", e.reason()));
        }
        return body;
    }

    public byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        byte[] bytes = bytes();
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
