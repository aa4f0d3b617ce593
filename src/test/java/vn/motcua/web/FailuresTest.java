package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import vn.motcua.web.Failures.Kind;

/** How an exception nobody expected is told apart: the database away, data it refused, or our fault. */
class FailuresTest {

    @Test
    void theDatabaseGoingAwayIsAnOutageHoweverItIsWrapped() {
        assertThat(Failures.classify(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms"))))
                .isEqualTo(Kind.DATABASE_OUTAGE);
        assertThat(Failures.classify(new CannotCreateTransactionException("Could not open JDBC Connection for transaction")))
                .isEqualTo(Kind.DATABASE_OUTAGE);
        for (String state : new String[] {"08006", "08001", "57P01", "57P02", "57P03"}) {
            // as the engine reports it: its own exception around MyBatis' around the driver's
            assertThat(Failures.classify(new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation",
                    new RuntimeException(new SQLException("terminating connection due to administrator command", state)))))
                    .as(state).isEqualTo(Kind.DATABASE_OUTAGE);
        }
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(Failures.classify(new ProcessEngineException("persistence", rollback))).isEqualTo(Kind.DATABASE_OUTAGE);
    }

    @Test
    void dataTheDatabaseRefusesIsTheClientsAndAnythingElseIsOurs() {
        assertThat(Failures.classify(new DataIntegrityViolationException("value too long",
                new SQLException("value too long for type character varying(48)", "22001")))).isEqualTo(Kind.DATA_REFUSED);
        assertThat(Failures.classify(new RuntimeException(new SQLException("duplicate key", "23505")))).isEqualTo(Kind.DATA_REFUSED);
        assertThat(Failures.classify(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))
                .isEqualTo(Kind.DATA_REFUSED);
        assertThat(Failures.classify(new NullPointerException())).isEqualTo(Kind.INTERNAL);
        assertThat(Failures.classify(new SQLException("syntax error", "42601"))).isEqualTo(Kind.INTERNAL);
    }

    @Test
    void ourFaultIs500WithACorrelationIdAndNeitherSqlNorStack() throws Exception {
        ResponseEntity<ProblemDetail> answer = Failures.answer(new IllegalStateException("select * from mc_dossier failed",
                new SQLException("relation \"mc_dossier\" does not exist", "42P01")), "GET", "/api/dossiers/x");
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        String body = new ObjectMapper().writeValueAsString(answer.getBody());
        assertThat(answer.getBody().getProperties()).containsKey("correlationId");
        assertThat(body).contains(answer.getBody().getProperties().get("correlationId").toString())
                .doesNotContain("select", "mc_dossier", "Exception", "at vn.");

        ResponseEntity<ProblemDetail> outage = Failures.answer(new CannotCreateTransactionException("x"), "POST", "/api/dossiers");
        assertThat(outage.getStatusCode().value()).isEqualTo(503);
        assertThat(outage.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    }
}
