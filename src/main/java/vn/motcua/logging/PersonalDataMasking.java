package vn.motcua.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks citizens' ID numbers (12-digit căn cước, 9-digit CMND) and phone numbers wherever they
 * appear in a log line, keeping only the last three digits: 001190012345 → *********345,
 * 0912345678 → *******678.
 */
public final class PersonalDataMasking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![\\w.-])(\\d{12}|\\d{9})(?![\\w-]|\\.\\d)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w.-])(\\+84\\d{9,10}|0\\d{9,10})(?![\\w-]|\\.\\d)");

    private PersonalDataMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 9) return text;
        return replace(PHONE, replace(ID_NUMBER, text));
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) return text;
        StringBuilder out = new StringBuilder();
        do {
            String digits = m.group(1);
            m.appendReplacement(out, "*".repeat(digits.length() - 3) + digits.substring(digits.length() - 3));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
