package vn.motcua.migration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/** The same migrations on a real PostgreSQL, where the dry run's rollback must hold too; fails (never skips) without the server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class MigrationOnPostgresTest extends MigrationHttpFlow {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_migration");
        registry.add("motcua.test.pg-url", () -> url);
    }
}
