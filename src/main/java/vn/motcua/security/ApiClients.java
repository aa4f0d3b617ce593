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
 *
 * <p>A key found valid is trusted for {@link #VERIFIED_FOR} without asking the database again (the
 * portal files dossiers many times a second): only keys that matched an active client are kept, by
 * their hash, so wrong keys cannot fill the memory. Issuing or registering a key forgets them all
 * on this node at once; another node of the province keeps accepting a replaced key until its
 * entry runs out, {@link #VERIFIED_FOR} at most.
 */
@Service
public class ApiClients {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** How long a verified key is trusted before the database is asked again. */
    static final java.time.Duration VERIFIED_FOR = java.time.Duration.ofSeconds(30);
    private static final int MAX_VERIFIED = 1000;
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private record Verified(Caller.Client client, long until) {
    }

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
        forgetVerified();
        int updated = jdbc.sql("update mc_api_client set key_hash = ?, scopes = ?, active = true where name = ?")
                .params(hash(key), joined, name).update();
        if (updated == 0) {
            jdbc.sql("insert into mc_api_client (name, key_hash, scopes, created_at, active) values (?, ?, ?, ?, true)")
                    .params(name, hash(key), joined, OffsetDateTime.now(clock)).update();
        }
    }

    /** Now, and again when the transaction ends: a request in between may have read the old row. */
    private void forgetVerified() {
        verified.clear();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            verified.clear();
                        }
                    });
        }
    }

    Optional<Caller.Client> authenticate(String key) {
        String hash = hash(key);
        long now = System.nanoTime();
        Verified known = verified.get(hash);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.client());
        }
        Optional<Caller.Client> client = jdbc.sql("select name, scopes from mc_api_client where key_hash = ? and active = true")
                .param(hash)
                .query((rs, n) -> new Caller.Client(rs.getString(1),
                        java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(rs.getString(2).split(","))))))
                .optional();
        if (client.isEmpty()) {
            verified.remove(hash);
        } else {
            if (verified.size() >= MAX_VERIFIED) verified.clear();
            verified.put(hash, new Verified(client.get(), now + VERIFIED_FOR.toNanos()));
        }
        return client;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
