package vn.motcua.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;
import vn.motcua.common.ClientText;
import vn.motcua.common.FieldError;

/**
 * The first and last word on every {@code /api} request, before authentication touches the
 * database: headers that cannot be understood are refused (a body over the limit 413, a wildcard or
 * unreadable {@code Content-Type} 415, an unreadable {@code Accept} 406, control characters in the
 * credentials 400), and an exception that escapes every handler (in a filter, or while an error
 * was written) still becomes a problem: 503 for a database outage, else 500 with a correlation id.
 */
final class ApiRequestFilter extends OncePerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final ObjectMapper json;
    private final long maxBody;

    ApiRequestFilter(ObjectMapper json, long maxBody) {
        this.json = json;
        this.maxBody = maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ResponseEntity<ProblemDetail> refused = check(request);
        if (refused != null) {
            write(refused, request, response);
            return;
        }
        try {
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBody) : request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            Throwable failure = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            if (response.isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(failure)) {
                throw e;
            }
            response.reset();
            write(Failures.answer(failure, request.getMethod(), request.getRequestURI()), request, response);
        }
    }

    private ResponseEntity<ProblemDetail> check(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBody) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(maxBody));
        }
        String contentType = request.getContentType();
        if (contentType != null && BODY_METHODS.contains(request.getMethod())) {
            String problem;
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                problem = type.isWildcardType() || type.isWildcardSubtype() ? "Content-Type phải là một kiểu cụ thể, không phải " + type : null;
            } catch (InvalidMediaTypeException e) {
                problem = "Content-Type không đọc được";
            }
            if (problem != null) {
                ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem);
                detail.setTitle("Kiểu nội dung không được hỗ trợ");
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(detail);
            }
        }
        try {
            MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "Accept không đọc được");
            detail.setTitle("Không có định dạng phù hợp");
            return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).body(detail);
        }
        String credentials = basicCredentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials != null && ClientText.refusal(credentials, false).isPresent()) {
            return ResponseEntity.badRequest().body(ApiExceptionHandler.validationProblem(List.of(
                    new FieldError(HttpHeaders.AUTHORIZATION, "Tên đăng nhập và mật khẩu không được chứa ký tự điều khiển"))));
        }
        return null;
    }

    /** The decoded {@code user:password} of HTTP Basic; null when there is none or it is not Base64 (then a 401). */
    private static String basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            return new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static ProblemDetail tooLarge(long maxBody) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "Nội dung yêu cầu vượt quá " + maxBody / (1024 * 1024) + " MB");
        problem.setTitle("Nội dung quá lớn");
        return problem;
    }

    private void write(ResponseEntity<ProblemDetail> answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = answer.getBody();
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException ignored) {
            // an URI Java cannot parse keeps no instance
        }
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** A body of unknown length (chunked) read no further than the limit. */
    static final class Limited extends HttpServletRequestWrapper {

        private final long max;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) count(1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = in.read(buffer, off, len);
                    if (n > 0) count(n);
                    return n;
                }

                private void count(int n) throws BodyTooLarge {
                    read += n;
                    if (read > max) throw new BodyTooLarge(max);
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /** Thrown while a body is read past the limit; the handler answers 413. */
    static final class BodyTooLarge extends IOException {
        final long max;

        BodyTooLarge(long max) {
            super("Request body over " + max + " bytes");
            this.max = max;
        }
    }
}
