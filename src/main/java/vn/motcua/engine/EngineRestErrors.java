package vn.motcua.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import vn.motcua.http.Problem;

/**
 * Every error of Camunda's REST API as {@code application/problem+json} (with Camunda's {@code type}
 * and {@code message}, which Tasklist shows, in Vietnamese: {@link EngineMessages}), and never a 5xx
 * for what a client sent (a task another official claimed first: 409):
 * <ul>
 *   <li>a completion motcua refused: 400 with the reason; a step the official may not take: 403;</li>
 *   <li>another commune's work (Camunda says so only in its message code): 403;</li>
 *   <li>a value the database refuses (SQL state class 22 or 23): 400;</li>
 *   <li>the database unreachable: 503 with {@code Retry-After};</li>
 *   <li>anything else unexpected: 500 with an error id, logged in full, with no SQL or stack text.</li>
 * </ul>
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);
    /** Camunda's code for "Cannot work on ... because it belongs to no authenticated tenant". */
    static final String OTHER_TENANT = "ENGINE-13034";
    static final int RETRY_AFTER_SECONDS = 10;

    /** The providers, for {@code /engine-rest} here and for the webapps' copy of the API ({@link WebappEngineApiErrors}). */
    static final List<Class<?>> PROVIDERS = List.of(RestExceptions.class, EngineExceptions.class, AnyException.class, WebExceptions.class,
            JsonMappingExceptions.class, JsonParseExceptions.class, MissingBody.class);

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        PROVIDERS.forEach(config::register);
    }

    /**
     * A call whose resource reads a body (a task's completion, a form's submission) sent with none: 400
     * naming the body. Camunda's resources take the missing body as null and fail on it (a 500), and the
     * webapps' copy of the API reads an empty JSON body as null. Calls that read no body (an unclaim) pass.
     */
    @Priority(jakarta.ws.rs.Priorities.ENTITY_CODER)
    public static class MissingBody implements jakarta.ws.rs.container.ContainerRequestFilter {
        @jakarta.ws.rs.core.Context
        org.glassfish.jersey.server.ExtendedUriInfo uri;

        @Override
        public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
            if (request.hasEntity() || uri == null || uri.getMatchedResourceMethod() == null) return;
            boolean readsBody = uri.getMatchedResourceMethod().getInvocable().getParameters().stream()
                    .anyMatch(p -> p.getSource() == org.glassfish.jersey.model.Parameter.Source.ENTITY);
            if (readsBody) request.abortWith(response(Problem.badRequest("body", "không được để trống")));
        }
    }

    /** The problem a failure amounts to, from the first cause that tells. */
    static Problem problem(Throwable e, int camundaStatus) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenStep f) return Problem.forbidden(f.getMessage());
            if (t instanceof RejectedCompletion r) return Problem.badRequest(r.field(), r.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(OTHER_TENANT)) {
                return Problem.forbidden("Hồ sơ, công việc này thuộc xã, phường khác");
            }
        }
        String sqlState = sqlState(e);
        if (databaseDown(e, sqlState)) {
            log.warn("Camunda REST: database unavailable: {}", e.toString());
            return new Problem(503, "ServiceUnavailable", "Hệ thống tạm thời gián đoạn",
                    "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút", List.of(), RETRY_AFTER_SECONDS);
        }
        if (sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"))) {
            log.info("Camunda REST: the database refused a value (SQL state {}): {}", sqlState, e.toString());
            return Problem.badRequest("body", "giá trị không được cơ sở dữ liệu chấp nhận (quá dài hoặc sai định dạng)");
        }
        if (e instanceof AuthorizationException) {
            return Problem.forbidden("Không có quyền thực hiện thao tác này");
        }
        if (causedBy(e, org.camunda.bpm.engine.TaskAlreadyClaimedException.class)) {
            return new Problem(409, "TaskAlreadyClaimedException", "Xung đột",
                    EngineMessages.vietnamese(e.getMessage(), 409, null), List.of(), null);
        }
        if (e instanceof OptimisticLockingException) {
            return new Problem(409, "OptimisticLockingException", "Xung đột",
                    "Hồ sơ vừa được người khác cập nhật; vui lòng tải lại và thử lại", List.of(), null);
        }
        if (e instanceof NotFoundException || (camundaStatus >= 500 && causedBy(e, org.camunda.bpm.engine.exception.NullValueException.class))) {
            return new Problem(404, "NotFoundException", "Không tìm thấy", EngineMessages.vietnamese(e.getMessage(), 404, null),
                    List.of(), null);
        }
        if (camundaStatus == 400 || (camundaStatus < 500 && (e instanceof BadUserRequestException || e instanceof NotValidException))
                || (camundaStatus >= 500 && (e instanceof BadUserRequestException || e instanceof NotValidException))) {
            String field = field(e.getMessage());
            String message = EngineMessages.vietnamese(e.getMessage(), 400, field);
            return new Problem(400, "InvalidRequestException", "Yêu cầu không hợp lệ", message,
                    List.of(new Problem.FieldProblem(field, message)), null);
        }
        if (camundaStatus < 500 && camundaStatus >= 400) {
            return new Problem(camundaStatus, camundaType(e), title(camundaStatus),
                    EngineMessages.vietnamese(e.getMessage(), camundaStatus, field(e.getMessage())), List.of(), null);
        }
        String id = UUID.randomUUID().toString();
        log.error("Camunda REST: unexpected error {}", id, e);
        return new Problem(500, "ServerError", "Lỗi hệ thống",
                "Lỗi không mong đợi (mã " + id + "); bộ phận kỹ thuật đã được ghi nhận", List.of(), null);
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(
            "(?:parameter|property|variable|field|attribute)s? '([^']{1,100})'");

    /** The parameter or variable Camunda's message names, else the request as a whole. */
    static String field(String message) {
        if (message != null) {
            java.util.regex.Matcher m = NAMED.matcher(message);
            if (m.find()) return m.group(1);
        }
        return "request";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Chưa xác thực";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 405 -> "Phương thức không được hỗ trợ";
            case 406 -> "Không thể trả về kiểu nội dung yêu cầu";
            case 409 -> "Xung đột";
            case 415 -> "Kiểu nội dung không được hỗ trợ";
            default -> "Yêu cầu không thực hiện được";
        };
    }

    private static String camundaType(Throwable e) {
        return e instanceof InvalidRequestException || e instanceof BadUserRequestException
                ? "InvalidRequestException" : e.getClass().getSimpleName();
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
        }
        return null;
    }

    /** Connection failures (class 08), the server shutting down (57P01–57P03), or no connection from the pool. */
    static boolean databaseDown(Throwable e, String sqlState) {
        if (sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"))) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).entity(problem.bytes()).type(Problem.MEDIA_TYPE);
        if (problem.retryAfterSeconds() != null) builder.header("Retry-After", problem.retryAfterSeconds());
        return builder.build();
    }

    @Priority(1)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            int status = e.getStatus() == null ? 500 : e.getStatus().getStatusCode();
            return response(problem(e, status));
        }
    }

    @Priority(1)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return response(problem(e, 500));
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method, unreadable body): their status, as a problem. */
    @Priority(1)
    public static class WebExceptions implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) return response(problem(e, status));
            if (e instanceof org.glassfish.jersey.server.ParamException p) {
                // a query or path parameter of the wrong kind (firstResult=abc): the client's mistake, named
                String message = "Tham số '" + p.getParameterName() + "' sai định dạng";
                return response(new Problem(400, "InvalidRequestException", "Yêu cầu không hợp lệ", message,
                        List.of(new Problem.FieldProblem(p.getParameterName(), "sai định dạng")), null));
            }
            return response(new Problem(status, camundaType(e), title(status), title(status), List.of(), null));
        }
    }

    /** A body Camunda's Jackson cannot read as the call's parameters (JSON the guard let through). */
    @Priority(1)
    public static class JsonMappingExceptions implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            return response(Problem.badRequest(path, "sai kiểu dữ liệu"));
        }
    }

    @Priority(1)
    public static class JsonParseExceptions implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
            return response(Problem.badRequest("body", "không phải JSON hợp lệ"));
        }
    }

    @Priority(1)
    public static class AnyException implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return response(Problem.badRequest("body", "không phải JSON hợp lệ hoặc sai kiểu dữ liệu"));
            }
            if (e instanceof IllegalArgumentException) {
                return response(new Problem(400, "InvalidRequestException", "Yêu cầu không hợp lệ",
                        EngineMessages.vietnamese(e.getMessage(), 400, field(e.getMessage())), List.of(), null));
            }
            return response(problem(e, 500));
        }
    }
}
