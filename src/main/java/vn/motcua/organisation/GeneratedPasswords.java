package vn.motcua.organisation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Random initial passwords: mailed to the official when SMTP is configured and their address is
 * known, otherwise appended to a file only its owner (the admin) can read.
 */
final class GeneratedPasswords implements InitialPasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();
    private final Path file;
    private final PasswordLetters letters;
    private int issued;
    private int mailed;
    private int filed;

    GeneratedPasswords(Path file, PasswordLetters letters) {
        this.file = file;
        this.letters = letters;
    }

    @Override
    public String issue(String userId, String fullName, String email) {
        StringBuilder generated = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            generated.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String password = generated.toString();
        issued++;
        if (letters != null && letters.enabled() && email != null && !email.isBlank()) {
            mailed++;
            letters.sendAfterCommit(userId, fullName, email, password, () -> write(userId, password));
        } else {
            filed++;
            write(userId, password);
        }
        return password;
    }

    private synchronized void write(String userId, String password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the folder's own protection applies
                }
            }
            Files.writeString(file, userId + "\t" + password + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write initial passwords to " + file, e);
        }
    }

    int issued() {
        return issued;
    }

    int mailed() {
        return mailed;
    }

    int filed() {
        return filed;
    }

    Path file() {
        return file;
    }
}
