package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.MotcuaProperties;

/** Outside the demo profile the service refuses to start with an empty or default admin password. */
class AdminPasswordTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"demo", "admin", "  "})
    void aMissingOrDefaultPasswordStopsTheStart(String password) {
        assertThatThrownBy(() -> bootstrap(password, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MOTCUA_ADMIN_PASSWORD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo"})
    void theDemoProfileMayUseTheDemoPassword(String password) {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> bootstrap(password, demo)).doesNotThrowAnyException();
        assertThatCode(() -> bootstrap("Ng0c-Lan-2026!", new MockEnvironment())).doesNotThrowAnyException();
    }

    private static OrganisationBootstrap bootstrap(String password, MockEnvironment env) {
        MotcuaProperties properties = new MotcuaProperties("classpath:processes/catalog.yaml", ZoneId.of("Asia/Ho_Chi_Minh"),
                new MotcuaProperties.Admin("admin", password), null, null);
        return new OrganisationBootstrap(null, null, properties, new DefaultResourceLoader(), env);
    }
}
