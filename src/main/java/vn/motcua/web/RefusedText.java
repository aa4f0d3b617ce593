package vn.motcua.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import vn.motcua.common.ClientText;

/** A JSON string that breaks {@link ClientText}'s rule; Jackson adds the path of the field. */
final class RefusedText extends MismatchedInputException {

    private final String reason;

    RefusedText(JsonParser parser, String reason) {
        super(parser, "Refused text: " + reason, String.class);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
