package vn.motcua.retention;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/**
 * The same retention on a real PostgreSQL (the production database): the removal times, Camunda's
 * cleanup, motcua's nightly removal of its own rows and its once-a-night rule with two nodes at once,
 * on PostgreSQL's SQL and locking; fails, never skips, without it.
 */
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
class HistoryRetentionOnPostgresTest extends HistoryRetentionTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_retention");
        registry.add("motcua.test.pg-url", () -> url);
    }
}
