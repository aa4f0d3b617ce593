package vn.motcua.dossier;

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
}
