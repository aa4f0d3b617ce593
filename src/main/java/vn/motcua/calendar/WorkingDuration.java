package vn.motcua.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of working time as analysts write it in Modeler timers: {@code 3WD} (three working days),
 * {@code 0.5WD} (half a working day), {@code 4WH} (four working hours), {@code 90WM} (ninety working
 * minutes). Anything else is not a working duration and is left to Camunda's ISO-8601 handling.
 */
public record WorkingDuration(BigDecimal amount, Unit unit) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(WD|WH|WM)\\s*", Pattern.CASE_INSENSITIVE);

    public enum Unit { WD, WH, WM }

    public static Optional<WorkingDuration> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new WorkingDuration(new BigDecimal(m.group(1)), Unit.valueOf(m.group(2).toUpperCase(Locale.ROOT))));
    }

    public long minutes(long minutesPerDay) {
        BigDecimal perUnit = switch (unit) {
            case WD -> BigDecimal.valueOf(minutesPerDay);
            case WH -> BigDecimal.valueOf(60);
            case WM -> BigDecimal.ONE;
        };
        return amount.multiply(perUnit).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + unit;
    }
}
