package vn.motcua.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import vn.motcua.common.FieldError;

/**
 * What an exception nobody expected means to the client: the database is unreachable or restarting
 * (503 with {@code Retry-After}), the database refused the data (400), or a fault of ours (500 with
 * a correlation id; the details stay in the log).
 */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);
    static final int RETRY_AFTER_SECONDS = 30;
    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (a restart or a failover). */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    enum Kind { DATABASE_OUTAGE, DATA_REFUSED, INTERNAL }

    private Failures() {
    }

    static Kind classify(Throwable failure) {
        Kind kind = Kind.INTERNAL;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return Kind.DATABASE_OUTAGE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SHUTDOWN_STATES.contains(state)) return Kind.DATABASE_OUTAGE;
                if (state.startsWith("22") || state.startsWith("23")) kind = Kind.DATA_REFUSED;
            }
            if (t instanceof TransactionSystemException tx) {
                // a rollback that failed hides what made it necessary; a commit or rollback the driver
                // could not carry out (a connection cut under it) is the database going away
                if (tx.getApplicationException() != null && classify(tx.getApplicationException()) == Kind.DATABASE_OUTAGE
                        || tx.getCause() instanceof SQLException && kind != Kind.DATA_REFUSED) {
                    return Kind.DATABASE_OUTAGE;
                }
            }
        }
        return kind;
    }

    /** The answer to an unexpected exception, logged in full under a correlation id. */
    static ResponseEntity<ProblemDetail> answer(Throwable failure, String method, String uri) {
        String id = UUID.randomUUID().toString();
        return switch (classify(failure)) {
            case DATABASE_OUTAGE -> {
                log.warn("Database unavailable [{}] on {} {}: {}", id, method, uri, failure.toString());
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau " + RETRY_AFTER_SECONDS + " giây");
                problem.setTitle("Dịch vụ tạm thời gián đoạn");
                problem.setProperty("correlationId", id);
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem);
            }
            case DATA_REFUSED -> {
                log.warn("Data refused by the database [{}] on {} {}", id, method, uri, failure);
                ProblemDetail problem = ApiExceptionHandler.validationProblem(
                        List.of(new FieldError("body", "Dữ liệu không hợp lệ (quá dài, sai định dạng hoặc trùng lặp)")));
                problem.setProperty("correlationId", id);
                yield ResponseEntity.badRequest().body(problem);
            }
            case INTERNAL -> {
                log.error("Unexpected error [{}] on {} {}", id, method, uri, failure);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                        "Đã xảy ra lỗi không mong muốn; khi liên hệ hỗ trợ, vui lòng cung cấp mã lỗi " + id);
                problem.setTitle("Lỗi hệ thống");
                problem.setProperty("correlationId", id);
                yield ResponseEntity.internalServerError().body(problem);
            }
        };
    }
}
