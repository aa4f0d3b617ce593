package vn.motcua.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API answers any exception from a task listener, and a tenant check that fails,
 * with 500. A completion motcua rejected is the client's mistake (400 with the reason) and
 * another commune's task is a denial (403); every other error is left to Camunda's own handlers.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    /** Camunda's code for "Cannot work on ... because it belongs to no authenticated tenant". */
    static final String OTHER_TENANT = "ENGINE-13034";

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(RestExceptions.class);
        config.register(EngineExceptions.class);
    }

    static Response rejected(RejectedCompletion rejected) {
        return error(Response.Status.BAD_REQUEST, "InvalidRequestException", rejected.getMessage());
    }

    /** An error in the shape Camunda's REST API uses ({@code type}, {@code message}). */
    private static Response error(Response.Status status, String type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage(message);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Another commune's work: a denial, not a server error. Camunda signals it only by its message code. */
    static Response otherTenant(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(OTHER_TENANT)) {
                return error(Response.Status.FORBIDDEN, "AuthorizationException", t.getMessage());
            }
        }
        return null;
    }

    static RejectedCompletion find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RejectedCompletion r) return r;
        }
        return null;
    }

    @Priority(1)
    public static class RestExceptions implements ExceptionMapper<RestException> {
        private final RestExceptionHandler fallback = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException e) {
            RejectedCompletion rejected = find(e);
            if (rejected != null) {
                return rejected(rejected);
            }
            Response denied = otherTenant(e);
            return denied != null ? denied : fallback.toResponse(e);
        }
    }

    @Priority(1)
    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler fallback = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException e) {
            RejectedCompletion rejected = find(e);
            if (rejected != null) {
                return rejected(rejected);
            }
            Response denied = otherTenant(e);
            return denied != null ? denied : fallback.toResponse(e);
        }
    }
}
