package vn.motcua.common;

import java.util.Optional;

/**
 * The one rule for every text a client sends to {@code /api} (JSON strings, query parameters, path
 * variables, credentials, provisioning files): no NUL (PostgreSQL cannot store it), no other control
 * character (C0, DEL, C1) and no lone UTF-16 surrogate. Only a multi-line text may hold tabs and
 * line breaks.
 */
public final class ClientText {

    private ClientText() {
    }

    /** Why the text is refused, in Vietnamese, or empty when it is acceptable (null is acceptable). */
    public static Optional<String> refusal(String text, boolean multiLine) {
        int at = firstRefused(text, multiLine);
        if (at < 0) return Optional.empty();
        return Optional.of(String.format("Không được chứa ký tự điều khiển hoặc ký tự không hợp lệ (U+%04X ở vị trí %d)",
                (int) text.charAt(at), at + 1));
    }

    /** The index of the first refused character, or -1. */
    public static int firstRefused(String text, boolean multiLine) {
        if (text == null) return -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (multiLine && (c == '\n' || c == '\r' || c == '\t')) continue;
                return i;
            }
            if (c >= 0x7F && c <= 0x9F) return i;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) return i;
        }
        return -1;
    }
}
