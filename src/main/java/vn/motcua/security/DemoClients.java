package vn.motcua.security;

import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo profile's national-portal client, with a known key so the README's examples work. */
@Component
@Profile("demo")
class DemoClients implements ApplicationRunner {

    static final String DEMO_PORTAL_KEY = "demo-portal-key";
    private final ApiClients clients;

    DemoClients(ApiClients clients) {
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        clients.register("cong-dvc", DEMO_PORTAL_KEY, Set.of(Scopes.SUBMIT_DOSSIERS, Scopes.READ_DOSSIERS));
    }
}
