package vn.motcua.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/** The hostile-input suite on a real PostgreSQL (NUL, lengths and types as the production database sees them). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.integrations.payment.secret=" + HostileInputSuite.PAYMENT_SECRET)
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class HostileInputOnPostgresTest extends HostileInputSuite {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_hostile");
        registry.add("motcua.test.pg-url", () -> url);
    }
}
