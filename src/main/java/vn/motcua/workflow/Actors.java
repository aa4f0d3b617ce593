package vn.motcua.workflow;

import org.springframework.stereotype.Component;
import vn.motcua.engine.CurrentActor;

/** The name recorded as actor of an automatic step: the official whose action triggered it. */
@Component
class Actors {

    static final String SYSTEM = "motcua";

    private final CurrentActor current;

    Actors(CurrentActor current) {
        this.current = current;
    }

    String now() {
        return current.userId().orElse(SYSTEM);
    }
}
