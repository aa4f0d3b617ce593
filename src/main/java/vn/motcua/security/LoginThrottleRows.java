package vn.motcua.security;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle's rows in {@code mc_login_throttle}, shared by every node. A row is a counter of wrong
 * passwords for one key (a login and a client, a client, a login) or the mark of a known client; it
 * lives until {@code expires_at} and is deleted after that.
 *
 * <p>A failure updates its rows in the order login+client, client, login, inside the transaction of
 * the password check, so two checks never wait for each other's rows in opposite orders; the cleanup
 * deletes one row per statement for the same reason.
 */
@Repository
class LoginThrottleRows {

    /** The longest login and client address stored (Camunda's user ids are at most 64 characters). */
    static final int MAX_KEY = 64;

    enum Scope { LOGIN_CLIENT, CLIENT, LOGIN, KNOWN }

    record Row(Scope scope, int failures, OffsetDateTime blockedUntil, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    LoginThrottleRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The live rows that concern a login tried from a client; a null login: the client's row only. */
    List<Row> find(String login, String client, OffsetDateTime now) {
        return jdbc.sql("""
                        select scope, failures, blocked_until, expires_at from mc_login_throttle
                        where expires_at > :now and ((login = '' and client = :client and scope = 'CLIENT')
                           or (login = :login and client = :client and scope in ('LOGIN_CLIENT', 'KNOWN'))
                           or (login = :login and client = '' and scope = 'LOGIN'))""")
                .param("now", now).param("client", client).param("login", login == null ? "" : login)
                .query((rs, n) -> new Row(Scope.valueOf(rs.getString(1)), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /**
     * One more wrong password on a counter; an expired counter starts over at one.
     *
     * @return the count now
     */
    int countFailure(Scope scope, String login, String client, OffsetDateTime now, OffsetDateTime expiresAt) {
        if (increment(scope, login, client, now, expiresAt) == 0 && !insert(scope, login, client, 1, expiresAt)) {
            increment(scope, login, client, now, expiresAt);
        }
        return jdbc.sql("select failures from mc_login_throttle where login = ? and client = ? and scope = ?")
                .params(login, client, scope.name()).query(Integer.class).single();
    }

    private int increment(Scope scope, String login, String client, OffsetDateTime now, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                        update mc_login_throttle
                        set failures = case when expires_at > :now then failures + 1 else 1 end,
                            blocked_until = case when expires_at > :now then blocked_until end,
                            expires_at = :expires
                        where login = :login and client = :client and scope = :scope""")
                .param("now", now).param("expires", expiresAt)
                .param("login", login).param("client", client).param("scope", scope.name())
                .update();
    }

    void block(Scope scope, String login, String client, OffsetDateTime until) {
        jdbc.sql("update mc_login_throttle set blocked_until = ? where login = ? and client = ? and scope = ?")
                .params(until, login, client, scope.name()).update();
    }

    /** The client's own wrong passwords for the login are forgiven. */
    void forgive(String login, String client) {
        jdbc.sql("delete from mc_login_throttle where login = ? and client = ? and scope = 'LOGIN_CLIENT'")
                .params(login, client).update();
    }

    /** The client logged in as the login: it is known until {@code expiresAt}. */
    void markKnown(String login, String client, OffsetDateTime expiresAt) {
        if (jdbc.sql("update mc_login_throttle set expires_at = ? where login = ? and client = ? and scope = 'KNOWN'")
                .params(expiresAt, login, client).update() == 0) {
            // false: the same login from the same client at the same moment, known either way
            insert(Scope.KNOWN, login, client, 0, expiresAt);
        }
    }

    /**
     * A new row, unless another request (or node) inserted it first: false then. The savepoint keeps
     * the transaction usable after the duplicate key (PostgreSQL aborts a transaction on a failed statement).
     */
    private boolean insert(Scope scope, String login, String client, int failures, OffsetDateTime expiresAt) {
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql("""
                            insert into mc_login_throttle (login, client, scope, failures, expires_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(login, client, scope.name(), failures, expiresAt).update());
            return true;
        } catch (DuplicateKeyException anotherFirst) {
            return false;
        }
    }

    /** Every lock and counter of a login (its known clients stay known); the number of rows deleted. */
    int unlock(String login) {
        return jdbc.sql("delete from mc_login_throttle where login = ? and scope in ('LOGIN_CLIENT', 'LOGIN')")
                .param(login).update();
    }

    /** Deletes up to {@code limit} expired rows, one statement each; the number deleted. */
    int deleteExpired(OffsetDateTime now, int limit) {
        List<Object[]> keys = jdbc.sql("select login, client, scope from mc_login_throttle where expires_at <= ? fetch first "
                        + limit + " rows only")
                .param(now).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        int deleted = 0;
        for (Object[] key : keys) {
            deleted += jdbc.sql("delete from mc_login_throttle where login = ? and client = ? and scope = ? and expires_at <= ?")
                    .params(key[0], key[1], key[2], now).update();
        }
        return deleted;
    }
}
