package vn.motcua.organisation;

import java.io.IOException;
import java.io.InputStream;
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
 * <p>
 * The web server already answers while this runs. Spring Boot keeps readiness at
 * {@code REFUSING_TRAFFIC} until every runner, this one included, has returned, and only then
 * publishes {@code ACCEPTING_TRAFFIC}; until then the APIs answer 503 ({@code web.ready.ReadinessGate}),
 * so no official's login fails against an organisation that is not there yet. Keep this a runner
 * (not a background task) for that to hold.
 */
@Component
class OrganisationBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationBootstrap.class);
    private static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "password", "camunda");

    private final Provisioner provisioner;
    private final Provisioning provisioning;
    private final MotcuaProperties properties;
    private final ResourceLoader resources;
    private final boolean demo;

    OrganisationBootstrap(Provisioner provisioner, Provisioning provisioning, MotcuaProperties properties,
                          ResourceLoader resources, Environment env) {
        this.provisioning = provisioning;
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
            orgChart = OrgChartReader.parse(in, chart);
        }
        InitialPasswords passwords = demo && properties.demoPassword() != null
                ? (id, name, email) -> properties.demoPassword()
                : provisioning.passwords();
        List<String> changes = provisioning.apply(orgChart, passwords).changes();
        log.info("Org chart {}: {} communes, {} changes", chart, orgChart.communes().size(), changes.size());
        changes.forEach(c -> log.debug("  {}", c));
    }
}
