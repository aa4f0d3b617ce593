package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/**
 * The same flow on a real PostgreSQL with the production profile's connection settings ({@code postgres},
 * its database replaced by {@code pgtest}); fails (never skips) when the server is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class BirthRegistrationOnPostgresTest extends BirthRegistrationHttpFlow {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_flow");
        registry.add("motcua.test.pg-url", () -> url);
    }

    @Autowired
    DataSource dataSource;

    /** The flow above ran with the engine's batches of inserts sent as multi-row INSERTs (application-postgres.yaml). */
    @Test
    void theProductionProfileSendsBatchesOfInsertsAsMultiRowInserts() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
        }
    }
}
