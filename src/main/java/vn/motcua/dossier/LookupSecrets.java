package vn.motcua.dossier;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** The lookup secret printed on the appointment slip: 8 characters a citizen can read and type. */
final class LookupSecrets {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LookupSecrets() {
    }

    static String generate() {
        StringBuilder secret = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** Compares in constant time, ignoring case and spaces a citizen may type. */
    static boolean matches(String expected, String given) {
        if (expected == null || given == null) return false;
        String normalized = given.replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), normalized.getBytes(StandardCharsets.UTF_8));
    }
}
