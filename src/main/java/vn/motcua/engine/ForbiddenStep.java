package vn.motcua.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The official may not take or complete this step of this dossier (separation of duties). Thrown
 * inside the engine; {@link EngineRestErrors} answers 403 with the reason, and nothing changes.
 */
public class ForbiddenStep extends BadUserRequestException {

    public ForbiddenStep(String message) {
        super(message);
    }
}
