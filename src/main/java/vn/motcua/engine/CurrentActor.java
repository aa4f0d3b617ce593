package vn.motcua.engine;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting now: the official authenticated in Tasklist or the REST API, if any. */
@Component
public class CurrentActor {

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    public Optional<String> userId() {
        Authentication authentication = identity.getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }
}
