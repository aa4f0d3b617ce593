package vn.motcua.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration clients (the national portal, the post office, the payment gateway), each with its own
 * API key. Only a SHA-256 hash of a key is stored; the key itself is shown once, when it is issued.
 */
@Service
public class ApiClients {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new key for a client (replacing its old one) and returns it; it is not stored. */
    @Transactional
    public String issue(String name, Set<String> scopes) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = "mc_" + HexFormat.of().formatHex(bytes);
        register(name, key, scopes);
        return key;
    }

    /** Registers a known key (the demo portal's). */
    @Transactional
    public void register(String name, String key, Set<String> scopes) {
        if (!name.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("A client name is a lower-case slug: " + name);
        }
        if (!Scopes.ALL.containsAll(scopes)) {
            throw new IllegalArgumentException("Unknown scope in " + scopes + "; known: " + Scopes.ALL);
        }
        String joined = String.join(",", new java.util.TreeSet<>(scopes));
        int updated = jdbc.sql("update mc_api_client set key_hash = ?, scopes = ?, active = true where name = ?")
                .params(hash(key), joined, name).update();
        if (updated == 0) {
            jdbc.sql("insert into mc_api_client (name, key_hash, scopes, created_at, active) values (?, ?, ?, ?, true)")
                    .params(name, hash(key), joined, OffsetDateTime.now(clock)).update();
        }
    }

    Optional<Caller.Client> authenticate(String key) {
        return jdbc.sql("select name, scopes from mc_api_client where key_hash = ? and active = true")
                .param(hash(key))
                .query((rs, n) -> new Caller.Client(rs.getString(1),
                        new LinkedHashSet<>(Arrays.asList(rs.getString(2).split(",")))))
                .optional();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
