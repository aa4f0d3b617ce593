package vn.motcua.engine;

import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Puts a guard around every password check of the engine. HTTP Basic on {@code /api} and
 * {@code /engine-rest}, the webapps' login form and {@code /engine-rest/identity/verify} all end in
 * {@code IdentityService.checkPassword}, which asks the identity provider installed here.
 *
 * <p>The guard replaces Camunda's own lock, which locks an account for good after
 * {@code loginMaxAttempts} wrong passwords (so anyone who knows a login can lock its owner out) and
 * records every failure with a revision-checked update of {@code ACT_ID_USER} (so concurrent wrong
 * passwords for one account fail with an optimistic-locking error). This provider neither writes nor
 * reads that lock; application.yaml also sets the engine properties that switch it off.
 */
@Component
public class GuardedPasswordChecks extends AbstractProcessEnginePlugin {

    /** Decides whether a password is checked now, and learns how the check went. */
    public interface Guard {

        /**
         * @param userId          the login tried, as the client sent it (may be null or very long)
         * @param passwordMatches checks the password; not called when the guard refuses the attempt
         * @return whether the login succeeds
         */
        boolean check(String userId, BooleanSupplier passwordMatches);
    }

    private final Guard guard;

    GuardedPasswordChecks(Guard guard) {
        this.guard = guard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return GuardedIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new GuardedIdentityProvider(guard);
            }
        });
    }

    /** Camunda's database identity, with the guard around the password check and without its lock. */
    static final class GuardedIdentityProvider extends DbIdentityServiceProvider {

        private final Guard guard;

        GuardedIdentityProvider(Guard guard) {
            this.guard = guard;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            return guard.check(userId, () -> super.checkPassword(userId, password));
        }

        @Override
        protected boolean isUserLocked(UserEntity user) {
            return false;
        }

        @Override
        protected void lockUser(UserEntity user) {
            // the guard counts failures; ACT_ID_USER is left alone
        }
    }
}
