package vn.motcua.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion refused because its variables break the step's rules. Thrown inside the
 * engine (from a task listener, which wraps it); {@link EngineRestErrors} finds it in the cause
 * chain and answers 400 naming the field, and the transaction rolls back so nothing changes.
 */
public class RejectedCompletion extends BadUserRequestException {

    private final String field;

    public RejectedCompletion(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The variable at fault. */
    public String field() {
        return field;
    }
}
