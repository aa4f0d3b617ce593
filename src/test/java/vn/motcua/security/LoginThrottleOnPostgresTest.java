package vn.motcua.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.PostgresDatabase;

/** The login throttle on a real PostgreSQL, concurrent wrong passwords included; fails (never skips) without it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "postgres", "pgtest"})
@DirtiesContext
class LoginThrottleOnPostgresTest extends LoginThrottleHttpFlow {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.create("motcua_test_login_throttle");
        registry.add("motcua.test.pg-url", () -> url);
    }
}
