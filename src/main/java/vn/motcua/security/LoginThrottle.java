package vn.motcua.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.engine.GuardedPasswordChecks;
import vn.motcua.security.LoginThrottleRows.Row;
import vn.motcua.security.LoginThrottleRows.Scope;

/**
 * Slows down password guessing without ever locking an owner out for good. Wrong passwords are
 * counted per login and client, per client and per login; past each counter's free attempts the key
 * waits, one second at first and twice as long after each further wrong password, at most
 * {@code max-delay}. A client that logged in as a login recently is "known" for it: the lock that
 * strangers put on the login does not hold it, and its typos count only against itself.
 *
 * <p>The client is the request's address, set for the request by {@link LoginThrottleFilter}; a
 * password checked outside an HTTP request (provisioning, tests in-process) is not throttled.
 */
@Service
public class LoginThrottle implements GuardedPasswordChecks.Guard {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final ThreadLocal<String> CLIENT = new ThreadLocal<>();

    private final LoginThrottleRows rows;
    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Counter wrongPasswords;
    private final Counter blocked;

    LoginThrottle(LoginThrottleRows rows, LoginThrottleProperties properties, Clock clock,
                  PlatformTransactionManager transactions, MeterRegistry metrics) {
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.wrongPasswords = failures(metrics, "wrong_password", "A wrong password (or an unknown login)");
        this.blocked = failures(metrics, "blocked", "A login refused unchecked because its client or login waits");
    }

    private static Counter failures(MeterRegistry metrics, String outcome, String description) {
        return Counter.builder("motcua.login.failures").tag("outcome", outcome).description(description).register(metrics);
    }

    /** Password checks on this thread count against {@code client} until {@link #leave()}. */
    static void enter(String client) {
        CLIENT.set(client.length() <= LoginThrottleRows.MAX_KEY ? client : client.substring(0, LoginThrottleRows.MAX_KEY));
    }

    static void leave() {
        CLIENT.remove();
    }

    /** How long the login must wait before it may be tried from the current client; empty if it may now. */
    Optional<Duration> waitFor(String login) {
        String client = CLIENT.get();
        if (!properties.enabled() || client == null) {
            return Optional.empty();
        }
        String key = storable(login) ? login : null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new State(key, client, rows.find(key, client, now)).waitFor(now);
    }

    /** The attempt was refused unchecked (counted as such). */
    void refused() {
        blocked.increment();
    }

    @Override
    public boolean check(String userId, BooleanSupplier passwordMatches) {
        String client = CLIENT.get();
        if (!properties.enabled() || client == null) {
            return passwordMatches.getAsBoolean();
        }
        String login = storable(userId) ? userId : null;
        OffsetDateTime now = OffsetDateTime.now(clock);
        State state = new State(login, client, rows.find(login, client, now));
        if (state.waitFor(now).isPresent()) {
            refused();
            return false;
        }
        // a login no account can have (empty, or longer than Camunda's 64 characters) is refused unchecked
        boolean correct = login != null && passwordMatches.getAsBoolean();
        transaction.executeWithoutResult(tx -> {
            if (correct) {
                succeeded(state, now);
            } else {
                failed(state, now);
            }
        });
        if (!correct) {
            wrongPasswords.increment();
        }
        return correct;
    }

    private void succeeded(State state, OffsetDateTime now) {
        if (state.row(Scope.LOGIN_CLIENT) != null) {
            rows.forgive(state.login, state.client);
        }
        Row known = state.row(Scope.KNOWN);
        Duration knownFor = properties.knownClientFor();
        // refreshed at most once a day, so a client calling the API all day long does not write each time
        Duration slack = knownFor.dividedBy(2).compareTo(Duration.ofDays(1)) < 0 ? knownFor.dividedBy(2) : Duration.ofDays(1);
        if (known == null || known.expiresAt().isBefore(now.plus(knownFor).minus(slack))) {
            rows.markKnown(state.login, state.client, now.plus(knownFor));
        }
    }

    /** Counters in a fixed order (login+client, client, login); see {@link LoginThrottleRows}. */
    private void failed(State state, OffsetDateTime now) {
        OffsetDateTime expiresAt = now.plus(properties.forgetAfter());
        boolean known = state.row(Scope.KNOWN) != null;
        if (state.login != null) {
            count(Scope.LOGIN_CLIENT, state.login, state.client, properties.freeAttemptsPerLoginAndClient(), now, expiresAt);
        }
        if (!known) {
            count(Scope.CLIENT, "", state.client, properties.freeAttemptsPerClient(), now, expiresAt);
            if (state.login != null) {
                count(Scope.LOGIN, state.login, "", properties.freeAttemptsPerLogin(), now, expiresAt);
            }
        }
    }

    private void count(Scope scope, String login, String client, int free, OffsetDateTime now, OffsetDateTime expiresAt) {
        int failures = rows.countFailure(scope, login, client, now, expiresAt);
        Duration delay = properties.delayAfter(failures, free);
        if (!delay.isZero()) {
            rows.block(scope, login, client, now.plus(delay));
            if (failures == free + 1) {
                log.info("Login throttle: {} waits after {} wrong passwords", describe(scope, login, client), failures);
            }
        }
    }

    /** For the log: the login comes from the client, so no control characters get through. */
    private static String describe(Scope scope, String login, String client) {
        String who = switch (scope) {
            case LOGIN_CLIENT -> "login " + login + " from " + client;
            case CLIENT -> "client " + client;
            case LOGIN, KNOWN -> "login " + login + " from any client it does not know";
        };
        return who.replaceAll("\\p{Cntrl}", "?");
    }

    /** Lifts every lock of a login (the admin's unlock); its known clients stay known. */
    void unlock(String login) {
        int deleted = rows.unlock(login);
        log.info("Login throttle: login {} unlocked by the admin ({} rows)", login.replaceAll("\\p{Cntrl}", "?"), deleted);
    }

    /** Expired counters and marks are deleted, so the table holds only what still matters. */
    @Scheduled(fixedDelayString = "${motcua.security.login-throttle.cleanup-interval:PT1M}")
    void deleteExpired() {
        int deleted;
        int total = 0;
        do {
            deleted = rows.deleteExpired(OffsetDateTime.now(clock), 500);
            total += deleted;
        } while (deleted == 500 && total < 50_000);
        if (total > 0) {
            log.debug("Login throttle: {} expired rows deleted", total);
        }
    }

    private static boolean storable(String login) {
        return login != null && !login.isEmpty() && login.length() <= LoginThrottleRows.MAX_KEY;
    }

    /** What the database knows about a login tried from a client. */
    private record State(String login, String client, List<Row> found) {

        Row row(Scope scope) {
            return found.stream().filter(r -> r.scope() == scope).findFirst().orElse(null);
        }

        /** A known client waits only for its own wrong passwords; a stranger also for the client's and the login's. */
        Optional<Duration> waitFor(OffsetDateTime now) {
            boolean known = row(Scope.KNOWN) != null;
            return found.stream()
                    .filter(r -> r.blockedUntil() != null && r.blockedUntil().isAfter(now))
                    .filter(r -> r.scope() == Scope.LOGIN_CLIENT || !known)
                    .map(r -> Duration.between(now, r.blockedUntil()))
                    .max(Duration::compareTo);
        }
    }
}
