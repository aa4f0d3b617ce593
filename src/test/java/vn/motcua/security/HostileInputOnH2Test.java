package vn.motcua.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The hostile-input suite on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motcua.integrations.payment.secret=" + HostileInputSuite.PAYMENT_SECRET)
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class HostileInputOnH2Test extends HostileInputSuite {
}
