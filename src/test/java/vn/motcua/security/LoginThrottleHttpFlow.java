package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Lockout that protects without arming the attacker: a stranger's wrong passwords slow the stranger
 * down, never lock the owner out for good, and every place a password is checked obeys the same
 * throttle. Every client has its own loopback address (127.0.0.x); each test its own logins.
 */
abstract class LoginThrottleHttpFlow {

    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    static final String WORKING_DAYS = "/api/calendar/working-days?from=2026-02-01&to=2026-02-28";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry metrics;
    @Autowired LoginThrottleProperties properties;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired LoginThrottle throttle;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    private Instant now;

    @BeforeEach
    void fixTheClock() {
        at(START);
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void aStrangersWrongPasswordsSlowTheStrangerDownAndTheOwnerStillLogsIn() {
        String login = "tan-giang.reception";
        RawHttp stranger = new RawHttp("127.0.0.2", port);
        double wrongBefore = failures("wrong_password");
        double blockedBefore = failures("blocked");

        // the attack: a wrong password every five seconds
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            at(START.plusSeconds(5L * i));
            statuses.add(stranger.get(WORKING_DAYS, basic(login, "doan-" + i)).status());
        }
        // five free, then 1 s, 2 s, 4 s, 8 s (still waiting 5 s later), 16 s (still waiting)
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 401, 429);

        RawHttp.Response refused = stranger.get(WORKING_DAYS, basic(login, "demo"));
        assertThat(refused.status()).as("even the right password waits, unchecked").isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("11");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Tạm khóa đăng nhập");
        assertThat(refused.json().get("detail").asText()).isEqualTo("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 11 giây.");
        assertThat(failures("wrong_password") - wrongBefore).isEqualTo(10);
        assertThat(failures("blocked") - blockedBefore).isEqualTo(3);

        // the owner, at another address, is not held by the stranger's lock
        assertThat(new RawHttp("127.0.0.3", port).get(WORKING_DAYS, basic(login, "demo")).status())
                .isEqualTo(200);

        // the state is in the database, where every node (or a fresh instance) reads it ...
        assertThat(jdbc.sql("select failures from mc_login_throttle where login = ? and client = '127.0.0.2' and scope = 'LOGIN_CLIENT'")
                .param(login).query(Integer.class).single()).isEqualTo(10);
        LoginThrottle freshInstance = new LoginThrottle(new LoginThrottleRows(jdbc, transactions), properties, clock,
                transactions, new SimpleMeterRegistry());
        LoginThrottle.enter("127.0.0.2");
        try {
            assertThat(freshInstance.waitFor(login)).contains(Duration.ofSeconds(11));
        } finally {
            LoginThrottle.leave();
        }
        // ... and Camunda's own lock, which used to lock the owner out for good, is off and never set
        var camunda = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(camunda.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(camunda.getLoginDelayMaxTime()).isZero();
        assertThat(jdbc.sql("select coalesce(ATTEMPTS_, 0) from ACT_ID_USER where ID_ = ?").param(login).query(Integer.class).single())
                .isZero();
    }

    @Test
    void countsNobodyAddsToForSomeTimeAreDeleted() {
        String login = "nung-tri-cao.kt.head";
        assertThat(new RawHttp("127.0.0.43", port).get(WORKING_DAYS, basic(login, "doan")).status())
                .isEqualTo(401);
        String rowsOfTheAttempt = "select count(*) from mc_login_throttle where login = ? or client = '127.0.0.43'";
        assertThat(jdbc.sql(rowsOfTheAttempt).param(login).query(Integer.class).single()).as("login+client, client, login").isEqualTo(3);
        at(START.plus(properties.forgetAfter()).minusSeconds(1));
        throttle.deleteExpired();
        assertThat(jdbc.sql(rowsOfTheAttempt).param(login).query(Integer.class).single()).isEqualTo(3);
        at(START.plus(properties.forgetAfter()));
        throttle.deleteExpired();
        assertThat(jdbc.sql(rowsOfTheAttempt).param(login).query(Integer.class).single()).isZero();
    }

    @Test
    void everyLockLiftsByItselfAfterTheLongestDelay() {
        String login = "thuc-phan.reception";
        RawHttp stranger = new RawHttp("127.0.0.4", port);
        // five free wrong passwords, then 1 s, 2 s, … 512 s, and the 16th waits the longest (15 minutes)
        for (int i = 0; i < 16; i++) {
            RawHttp.Response r = checked(() -> stranger.get(WORKING_DAYS, basic(login, "doan")));
            assertThat(r.status()).isEqualTo(401);
        }
        RawHttp.Response waiting = stranger.get(WORKING_DAYS, basic(login, "demo"));
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.header("Retry-After")).isEqualTo(String.valueOf(properties.maxDelay().toSeconds())).isEqualTo("900");
        assertThat(waiting.json().get("detail").asText()).contains("15 phút");

        at(now.plus(properties.maxDelay()).minusSeconds(1));
        assertThat(stranger.get(WORKING_DAYS, basic(login, "demo")).status()).isEqualTo(429);
        at(now.plusSeconds(1));
        assertThat(stranger.get(WORKING_DAYS, basic(login, "demo")).status())
                .as("the client may try again once the longest delay has passed").isEqualTo(200);
    }

    @Test
    void aLoginLockedByManyStrangersStillLetsInAKnownClientAndTheAdminLiftsIt() {
        String login = "nung-tri-cao.leader";
        RawHttp owner = new RawHttp("127.0.0.5", port);
        assertThat(owner.get(WORKING_DAYS, basic(login, "demo")).status()).isEqualTo(200);

        // a distributed attack: one wrong password from each of 31 addresses
        List<Integer> statuses = new ArrayList<>();
        for (int host = 10; host <= 40; host++) {
            statuses.add(new RawHttp("127.0.0." + host, port)
                    .get(WORKING_DAYS, basic(login, "doan-" + host)).status());
        }
        // twenty free for the login over all strangers, the 21st locks it
        assertThat(statuses.subList(0, 21)).containsOnly(401);
        assertThat(statuses.subList(21, 31)).containsOnly(429);
        RawHttp newDevice = new RawHttp("127.0.0.41", port);
        assertThat(newDevice.get(WORKING_DAYS, basic(login, "demo")).status())
                .as("a client the login has never used waits, even with the right password").isEqualTo(429);
        assertThat(owner.get(WORKING_DAYS, basic(login, "demo")).status())
                .as("the owner's known client is not held by the strangers' lock").isEqualTo(200);

        RawHttp office = new RawHttp("127.0.0.1", port);
        String unlock = "/api/admin/logins/" + login + "/lock";
        assertThat(office.send("DELETE", unlock, Map.of(), null, null).status()).isEqualTo(401);
        RawHttp.Response notAdmin = office.send("DELETE", unlock, basic("nung-tri-cao.reception", "demo"), null, null);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.header("Content-Type")).startsWith("application/problem+json");
        RawHttp.Response unknown = office.send("DELETE", "/api/admin/logins/khong-co-ai/lock",
                basic("admin", "demo"), null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("title").asText()).isEqualTo("Không tìm thấy tài khoản");
        assertThat(newDevice.get(WORKING_DAYS, basic(login, "demo")).status()).isEqualTo(429);

        assertThat(office.send("DELETE", unlock, basic("admin", "demo"), null, null).status())
                .isEqualTo(204);
        assertThat(newDevice.get(WORKING_DAYS, basic(login, "demo")).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from mc_audit where action = 'LOGIN_UNLOCKED' and detail = ?").param(login)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void motcuasApiAnswers429WithoutCheckingThePassword() {
        String login = "thuc-phan.kt.head";
        sameThrottle(new RawHttp("127.0.0.6", port), login,
                (client, password) -> client.get(WORKING_DAYS, basic(login, password)),
                r -> r.status() == 401, r -> r.status() == 200);
    }

    @Test
    void camundasRestApiAnswers429WithoutCheckingThePassword() {
        String login = "thuc-phan.vp.head";
        sameThrottle(new RawHttp("127.0.0.7", port), login,
                (client, password) -> client.get("/engine-rest/user/" + login + "/profile", basic(login, password)),
                r -> r.status() == 401, r -> r.status() == 200);
    }

    @Test
    void theWebappsLoginFormAnswers429WithoutCheckingThePassword() {
        String login = "thuc-phan.leader";
        sameThrottle(new RawHttp("127.0.0.8", port), login, (client, password) -> {
            // the webapps want their CSRF token (cookie and header) on a POST
            RawHttp.Response page = client.get("/camunda/api/admin/auth/user/default", Map.of());
            String cookies = page.header("Set-Cookie");
            String token = cookies.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
            String session = cookies.replaceAll(".*JSESSIONID=([^;]+).*", "$1");
            return client.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                    Map.of("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token),
                    "application/x-www-form-urlencoded;charset=UTF-8", "username=" + login + "&password=" + password);
        }, r -> r.status() == 401, r -> r.status() == 200 && r.json().get("userId").asText().equals(login));
    }

    @Test
    void camundasPasswordVerificationAnswers429WithoutCheckingThePassword() {
        String login = "thuc-phan.vhxh.head";
        sameThrottle(new RawHttp("127.0.0.9", port), login,
                (client, password) -> client.send("POST", "/engine-rest/identity/verify",
                        basic("admin", "demo"), "application/json",
                        "{\"username\": \"" + login + "\", \"password\": \"" + password + "\"}"),
                r -> r.status() == 200 && !r.json().get("authenticated").asBoolean(),
                r -> r.status() == 200 && r.json().get("authenticated").asBoolean());
    }

    @Test
    void aLoginLongerThanAnyAccountIsRefusedAndNeverStored() {
        String login = "x".repeat(65);
        RawHttp client = new RawHttp("127.0.0.42", port);
        assertThat(client.get(WORKING_DAYS, basic(login, "demo")).status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from mc_login_throttle where login = ?").param(login).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select failures from mc_login_throttle where client = '127.0.0.42' and scope = 'CLIENT'")
                .query(Integer.class).single()).as("the client's count").isEqualTo(1);
    }

    @Test
    void concurrentWrongPasswordsAreAllAnsweredAndAllCounted() throws Exception {
        String login = "nung-tri-cao.vp.head";
        double wrongBefore = failures("wrong_password");
        double blockedBefore = failures("blocked");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int host = 50; host < 74; host++) {
                RawHttp client = new RawHttp("127.0.0." + host, port);
                answers.add(pool.submit(() -> client.get(WORKING_DAYS, basic(login, "doan")).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            // 401 when checked, or when the lock came between the filter's look and the check (refused unchecked)
            assertThat(statuses).isSubsetOf(401, 429);
            double checked = failures("wrong_password") - wrongBefore;
            assertThat(checked + failures("blocked") - blockedBefore).isEqualTo(24);
            assertThat(checked).isGreaterThanOrEqualTo(properties.freeAttemptsPerLogin() + 1);
            assertThat(jdbc.sql("select failures from mc_login_throttle where login = ? and client = '' and scope = 'LOGIN'")
                    .param(login).query(Integer.class).single()).isEqualTo((int) checked);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Six wrong passwords through one door: refused the door's usual way; then the right one waits
     * (429, unchecked) until the lock lifts a second later.
     */
    private void sameThrottle(RawHttp client, String login, BiFunction<RawHttp, String, RawHttp.Response> attempt,
                              Predicate<RawHttp.Response> refusedAsWrong, Predicate<RawHttp.Response> loggedIn) {
        for (int i = 0; i <= properties.freeAttemptsPerLoginAndClient(); i++) {
            RawHttp.Response wrong = attempt.apply(client, "doan-" + i);
            assertThat(refusedAsWrong).as("wrong password %d: HTTP %d %s", i + 1, wrong.status(), wrong.text()).accepts(wrong);
        }
        RawHttp.Response waiting = attempt.apply(client, "demo");
        assertThat(waiting.status()).as(waiting.text()).isEqualTo(429);
        assertThat(waiting.header("Retry-After")).isEqualTo("1");
        assertThat(waiting.header("Content-Type")).startsWith("application/problem+json");
        assertThat(waiting.json().get("detail").asText()).isEqualTo("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 giây.");
        assertThat(jdbc.sql("select count(*) from mc_login_throttle where login = ? and scope = 'KNOWN'").param(login)
                .query(Integer.class).single()).as("the right password was not checked").isZero();
        at(now.plusSeconds(1));
        RawHttp.Response again = attempt.apply(client, "demo");
        assertThat(loggedIn).as("HTTP %d %s", again.status(), again.text()).accepts(again);
    }

    /** Sends until the password is checked, waiting out every lock by moving the clock. */
    private RawHttp.Response checked(java.util.function.Supplier<RawHttp.Response> request) {
        for (int i = 0; i < 100; i++) {
            RawHttp.Response r = request.get();
            if (r.status() != 429) {
                return r;
            }
            at(now.plusSeconds(Long.parseLong(r.header("Retry-After"))));
        }
        throw new AssertionError("still waiting after 100 attempts");
    }

    private static Map<String, String> basic(String login, String password) {
        return Map.of("Authorization", RawHttp.basic(login, password));
    }

    private double failures(String outcome) {
        return metrics.get("motcua.login.failures").tag("outcome", outcome).counter().count();
    }

    private void at(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
