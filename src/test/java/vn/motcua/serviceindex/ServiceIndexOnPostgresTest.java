package vn.motcua.serviceindex;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/** The same hand-built week on a real PostgreSQL (the production database); fails, never skips, without it. */
@SpringBootTest
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class ServiceIndexOnPostgresTest extends ServiceIndexFormulaTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_index");
        registry.add("motcua.test.pg-url", () -> url);
    }
}
