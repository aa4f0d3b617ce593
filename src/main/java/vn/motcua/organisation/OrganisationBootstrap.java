package vn.motcua.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.motcua.MotcuaProperties;

/**
 * At start-up: the province administrator, then the configured org chart (the demo province in
 * the demo profile). Outside the demo profile a missing or default admin password stops the start.
 */
@Component
class OrganisationBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationBootstrap.class);
    private static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "camunda");

    private final Provisioner provisioner;
    private final MotcuaProperties properties;
    private final ResourceLoader resources;
    private final boolean demo;

    OrganisationBootstrap(Provisioner provisioner, MotcuaProperties properties, ResourceLoader resources, Environment env) {
        this.provisioner = provisioner;
        this.properties = properties;
        this.resources = resources;
        this.demo = env.acceptsProfiles(Profiles.of("demo"));
        String password = properties.admin().password();
        if (!demo && (password == null || password.isBlank() || DEFAULT_PASSWORDS.contains(password))) {
            throw new IllegalStateException("motcua refuses to start: set a strong admin password in "
                    + "MOTCUA_ADMIN_PASSWORD (motcua.admin.password); empty and default passwords are allowed "
                    + "only in the demo profile.");
        }
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> adminChanges = provisioner.ensureAdmin(properties.admin().id(), properties.admin().password());
        adminChanges.forEach(c -> log.debug("admin: {}", c));
        String chart = properties.orgChart();
        if (chart == null || chart.isBlank()) {
            return;
        }
        OrgChart orgChart;
        try (InputStream in = resources.getResource(chart).getInputStream()) {
            orgChart = OrgChartReader.read(in, chart);
        }
        InitialPasswords passwords = demo && properties.demoPassword() != null
                ? id -> properties.demoPassword()
                : new GeneratedPasswords(Path.of("data", "initial-passwords.txt"));
        List<String> changes = provisioner.apply(orgChart, passwords);
        log.info("Org chart {}: {} communes, {} changes", chart, orgChart.communes().size(), changes.size());
        changes.forEach(c -> log.debug("  {}", c));
    }

    /** Random initial passwords, appended to a file only its owner can read. */
    static final class GeneratedPasswords implements InitialPasswords {
        private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        private final SecureRandom random = new SecureRandom();
        private final Path file;

        GeneratedPasswords(Path file) {
            this.file = file;
        }

        @Override
        public String issue(String userId) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                if (!Files.exists(file)) {
                    Files.createFile(file);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system
                    }
                }
                Files.writeString(file, userId + "\t" + password + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write initial passwords to " + file, e);
            }
            return password.toString();
        }
    }
}
