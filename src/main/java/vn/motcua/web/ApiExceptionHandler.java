package vn.motcua.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
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
import vn.motcua.dossier.FieldError;
import vn.motcua.dossier.InvalidRequestException;

/**
 * Every error of motcua's API is {@code application/problem+json}; a rejected request lists each
 * field with the reason in {@code errors}.
 */
@RestControllerAdvice(basePackages = "vn.motcua")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

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
        ProblemDetail problem = validationProblem(e.problems().stream()
                .map(p -> new FieldError(p.startsWith("line ") ? p.substring(0, p.indexOf(':')) : "body", p)).toList());
        problem.setTitle("Tệp tổ chức không áp dụng được; không có thay đổi nào");
        return problem;
    }

    /** Malformed JSON, or a value of the wrong type: name the field where Jackson knows it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError error;
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            error = new FieldError(path(mapping.getPath()), "Giá trị không đúng kiểu dữ liệu");
        } else {
            error = new FieldError("body", "Nội dung yêu cầu không phải JSON hợp lệ");
        }
        return ResponseEntity.badRequest().body(validationProblem(List.of(error)));
    }

    static ProblemDetail validationProblem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
        problem.setTitle("Yêu cầu không hợp lệ");
        problem.setProperty("errors", errors);
        return problem;
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
