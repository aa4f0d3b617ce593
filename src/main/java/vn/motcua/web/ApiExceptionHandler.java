package vn.motcua.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.motcua.dossier.DossierNotFoundException;
import vn.motcua.common.FieldError;
import vn.motcua.common.InvalidRequestException;

/**
 * Every error of motcua's API is {@code application/problem+json}; a rejected request lists each
 * field with the reason in {@code errors}. The advice is not limited to motcua's controllers: a
 * request no handler matches (a wrong content type for a route) must get the same answer.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** A problem of a provisioning file that names its line: "line 14: …" or "x.yaml: line 3: …". */
    private static final Pattern LINE = Pattern.compile("^(?:[^:]*: )?(line \\d+):");

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return validationProblem(e.errors());
    }

    @ExceptionHandler(DossierNotFoundException.class)
    ProblemDetail notFound(DossierNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Không tìm thấy hồ sơ");
        return problem;
    }

    /** The dossier is not in a state to take the request (a second rating, a withdrawal after the return…). */
    @ExceptionHandler(vn.motcua.dossier.DossierStateConflict.class)
    ProblemDetail conflict(vn.motcua.dossier.DossierStateConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Hồ sơ không ở trạng thái cho phép");
        return problem;
    }

    @ExceptionHandler(vn.motcua.security.AccessDenied.class)
    ProblemDetail denied(vn.motcua.security.AccessDenied e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Không có quyền");
        return problem;
    }

    @ExceptionHandler(vn.motcua.security.Unauthenticated.class)
    ResponseEntity<ProblemDetail> unauthenticated(vn.motcua.security.Unauthenticated e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Chưa xác thực");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"motcua\", charset=\"UTF-8\"")
                .body(problem);
    }

    /** An org chart or officials' list that cannot be applied: every problem, nothing applied. */
    @ExceptionHandler(vn.motcua.organisation.OrgChartException.class)
    ProblemDetail orgChart(vn.motcua.organisation.OrgChartException e) {
        ProblemDetail problem = validationProblem(e.problems().stream().map(p -> {
            Matcher line = LINE.matcher(p);
            return new FieldError(line.find() ? line.group(1) : "body", p);
        }).toList());
        problem.setTitle("Tệp tổ chức không áp dụng được; không có thay đổi nào");
        return problem;
    }

    /**
     * A body that cannot be read: malformed or lenient JSON, a value of the wrong type, a refused
     * text, a body too large. The field is named wherever Jackson's path or parser knows it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var tooLarge = cause(ex, ApiRequestFilter.BodyTooLarge.class);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiRequestFilter.tooLarge(tooLarge.get().max));
        }
        return ResponseEntity.badRequest().body(validationProblem(List.of(unreadable(ex))));
    }

    private static FieldError unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        String field = cause instanceof JsonMappingException mapping ? path(mapping.getPath()) : "body";
        // where the parser stopped names a duplicate key or an oversized number better than the
        // property being read; a syntax error is the body's
        var read = cause(cause, StreamReadException.class).filter(r -> r.getProcessor() != null);
        String at = read.map(r -> path(r.getProcessor().getParsingContext())).orElse(field);
        String message = cause instanceof JacksonException jackson ? String.valueOf(jackson.getOriginalMessage()) : "";
        if (cause instanceof RefusedText refused) {
            return new FieldError(field, refused.reason());
        } else if (causedBy(cause, StreamConstraintsException.class)) {
            return new FieldError(field, "Vượt giới hạn cho phép (độ dài văn bản, số chữ số hoặc độ sâu lồng nhau)");
        } else if (causedBy(cause, InputCoercionException.class)) {
            return new FieldError(at, "Số ngoài phạm vi cho phép");
        } else if (message.startsWith("Duplicate")) {
            return new FieldError(at, "Trường bị lặp lại");
        } else if (message.startsWith("Trailing token")) {
            return new FieldError("body", "Sau giá trị JSON còn nội dung thừa");
        } else if (cause instanceof JsonMappingException && read.isEmpty() && !field.equals("body")) {
            return new FieldError(field, "Giá trị không đúng kiểu dữ liệu");
        } else if (cause == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
            return new FieldError("body", "Thiếu nội dung yêu cầu");
        }
        return new FieldError("body", "Nội dung yêu cầu không phải JSON hợp lệ");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type).isPresent();
    }

    private static <T extends Throwable> java.util.Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return java.util.Optional.of(type.cast(t));
        }
        return java.util.Optional.empty();
    }

    /** A database outage (503), data the database refused (400), or an unexpected fault (500, logged). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        return Failures.answer(e, request.getMethod(), request.getRequestURI());
    }

    static ProblemDetail validationProblem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        problem.setTitle("Yêu cầu không hợp lệ");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The field the parser was in: {@code components[0].copies}; "body" at the top. */
    private static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            else if (c.getCurrentName() != null) parts.push("." + c.getCurrentName());
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "body" : path;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
