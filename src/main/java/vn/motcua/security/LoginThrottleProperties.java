package vn.motcua.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The login throttle's settings ({@code motcua.security.login-throttle.*}). Each counter lets a number
 * of wrong passwords through freely; after that every wrong password locks for {@code firstDelay},
 * doubling with each further one, never longer than {@code maxDelay}.
 *
 * @param enabled                       false leaves every password check unthrottled
 * @param freeAttemptsPerLoginAndClient wrong passwords for one login from one client before it waits
 * @param freeAttemptsPerClient         wrong passwords from one client over all logins it does not know
 *                                      (password spraying)
 * @param freeAttemptsPerLogin          wrong passwords for one login from all clients that do not know it
 *                                      (a distributed attack); known clients are not held by this lock
 * @param firstDelay                    the first lock once the free attempts are used
 * @param maxDelay                      the longest lock: every lock lifts by itself after at most this
 * @param forgetAfter                   a counter with no wrong password for this long starts over
 * @param knownClientFor                how long a client that logged in as a login stays known for it
 */
@ConfigurationProperties(prefix = "motcua.security.login-throttle")
public record LoginThrottleProperties(Boolean enabled, Integer freeAttemptsPerLoginAndClient, Integer freeAttemptsPerClient,
                                      Integer freeAttemptsPerLogin, Duration firstDelay, Duration maxDelay,
                                      Duration forgetAfter, Duration knownClientFor) {

    public LoginThrottleProperties {
        if (enabled == null) enabled = true;
        if (freeAttemptsPerLoginAndClient == null) freeAttemptsPerLoginAndClient = 5;
        if (freeAttemptsPerClient == null) freeAttemptsPerClient = 20;
        if (freeAttemptsPerLogin == null) freeAttemptsPerLogin = 20;
        if (firstDelay == null) firstDelay = Duration.ofSeconds(1);
        if (maxDelay == null) maxDelay = Duration.ofMinutes(15);
        if (forgetAfter == null) forgetAfter = Duration.ofHours(24);
        if (knownClientFor == null) knownClientFor = Duration.ofDays(30);
        if (freeAttemptsPerLoginAndClient < 0 || freeAttemptsPerClient < 0 || freeAttemptsPerLogin < 0) {
            throw new IllegalArgumentException("motcua.security.login-throttle.free-attempts-*: not negative");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("motcua.security.login-throttle: 0 < first-delay <= max-delay");
        }
        if (forgetAfter.compareTo(maxDelay) < 0 || knownClientFor.isNegative()) {
            throw new IllegalArgumentException("motcua.security.login-throttle: forget-after >= max-delay, known-client-for >= 0");
        }
    }

    /** How long a counter at {@code failures} wrong passwords locks, when it has {@code free} free attempts. */
    Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - free - 1, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
