package vn.motcua.process;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable of the contract: its name, its kind, its bounds, and the user tasks whose
 * officials may write it. A variable no task may write is the service's own (routing facts, the
 * appointment, labels): only delegates write it.
 *
 * @param <T> the Java type a delegate reads and writes
 */
public final class Variable<T> {

    /** What a client may send for the variable. */
    public enum Kind { TEXT, CHOICE, INTEGER, DATE, BOOLEAN, DATE_TIME, OBJECT, TEXT_LIST }

    /** Dates a client may send: a legal date of a dossier is never outside these years. */
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2200;

    private final String name;
    private final Class<T> type;
    private final Kind kind;
    private final int maxLength;
    private final boolean multiline;
    private final long min;
    private final long max;
    private final Set<String> values;
    private final String optionsFrom;
    private final Set<String> writers;

    private Variable(String name, Class<T> type, Kind kind, int maxLength, boolean multiline, long min, long max,
                     Set<String> values, String optionsFrom, Set<String> writers) {
        this.name = name;
        this.type = type;
        this.kind = kind;
        this.maxLength = maxLength;
        this.multiline = multiline;
        this.min = min;
        this.max = max;
        this.values = values;
        this.optionsFrom = optionsFrom;
        this.writers = writers;
    }

    /** A single-line text of at most {@code maxLength} characters. */
    static Variable<String> text(String name, int maxLength) {
        return new Variable<>(name, String.class, Kind.TEXT, maxLength, false, 0, 0, Set.of(), null, Set.of());
    }

    /** One of the given values (a radio group or a select of the form). */
    static Variable<String> choice(String name, String... values) {
        return new Variable<>(name, String.class, Kind.CHOICE, 64, false, 0, 0, new LinkedHashSet<>(List.of(values)), null, Set.of());
    }

    /** A whole number in [min, max]. */
    static Variable<Long> integer(String name, long min, long max) {
        return new Variable<>(name, Long.class, Kind.INTEGER, 0, false, min, max, Set.of(), null, Set.of());
    }

    /** A calendar date a client sends as {@code yyyy-MM-dd} (a date field of a form). */
    static Variable<String> date(String name) {
        return new Variable<>(name, String.class, Kind.DATE, 32, false, 0, 0, Set.of(), null, Set.of());
    }

    /**
     * The ticked values of a checklist: Tasklist sends them as a {@code Json} string of an array of
     * strings; at most {@code max} of them, each a text of at most {@code maxLength} characters.
     */
    static Variable<Object> textList(String name, int maxLength, int max) {
        return new Variable<>(name, Object.class, Kind.TEXT_LIST, maxLength, false, 0, max, Set.of(), null, Set.of());
    }

    static Variable<Boolean> bool(String name) {
        return new Variable<>(name, Boolean.class, Kind.BOOLEAN, 0, false, 0, 0, Set.of(), null, Set.of());
    }

    /** An instant the service computes (timers read it). */
    static Variable<Date> dateTime(String name) {
        return new Variable<>(name, Date.class, Kind.DATE_TIME, 0, false, 0, 0, Set.of(), null, Set.of());
    }

    /** A structured value the service writes for the forms (e.g. the options of a select). */
    static Variable<Object> object(String name) {
        return new Variable<>(name, Object.class, Kind.OBJECT, 0, false, 0, 0, Set.of(), null, Set.of());
    }

    /** The text may have several lines (a textarea). */
    Variable<T> multiline() {
        return new Variable<>(name, type, kind, maxLength, true, min, max, values, optionsFrom, writers);
    }

    /** The value must be one of the {@code value}s listed in another variable (a select's options). */
    Variable<T> optionsFrom(String optionsVariable) {
        return new Variable<>(name, type, kind, maxLength, multiline, min, max, values, optionsVariable, writers);
    }

    /** The user tasks whose form writes this variable. */
    Variable<T> writtenBy(String... taskIds) {
        return new Variable<>(name, type, kind, maxLength, multiline, min, max, values, optionsFrom, Set.of(taskIds));
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public int maxLength() {
        return maxLength;
    }

    public Set<String> values() {
        return values;
    }

    public String optionsFrom() {
        return optionsFrom;
    }

    public Set<String> writers() {
        return writers;
    }

    public boolean writableBy(String taskDefinitionKey) {
        return writers.contains(taskDefinitionKey);
    }

    /** The typed value in the scope (a number of any integer type reads as {@link Long}). */
    public T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) return null;
        if (type == Long.class && value instanceof Number n) {
            return type.cast(n.longValue());
        }
        return type.cast(value);
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /**
     * The reasons (in Vietnamese, for the official) why a client may not send this value; empty
     * when it may. {@code camundaType} is the type the client named ({@code "String"}, {@code
     * "Long"}, … or null when it named none). {@code options} are the allowed values of a select
     * whose options the service wrote, if any.
     */
    public List<String> check(Object value, String camundaType, Collection<String> options) {
        List<String> reasons = new ArrayList<>();
        if (camundaType != null && !acceptedTypes().contains(camundaType)) {
            reasons.add("kiểu " + camundaType + " không được chấp nhận; phải là " + String.join(" hoặc ", acceptedTypes()));
            return reasons;
        }
        if (value == null) {
            return reasons;
        }
        switch (kind) {
            case TEXT, CHOICE, DATE -> {
                if (!(value instanceof String text)) {
                    reasons.add("phải là chuỗi ký tự");
                    return reasons;
                }
                checkText(text, reasons);
                if (!reasons.isEmpty()) return reasons;
                if (kind == Kind.CHOICE && !values.contains(text)) {
                    reasons.add("phải là một trong " + String.join(", ", values));
                }
                if (optionsFrom != null && options != null && !text.isEmpty() && !options.contains(text)) {
                    reasons.add("không có trong danh sách được chọn");
                }
                if (kind == Kind.DATE) {
                    checkDate(text, reasons);
                }
            }
            case INTEGER -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof Short)) {
                    reasons.add("phải là số nguyên");
                } else if (((Number) value).longValue() < min) {
                    reasons.add(min == 0 ? "không được âm" : "không được nhỏ hơn " + min);
                } else if (((Number) value).longValue() > max) {
                    reasons.add("quá lớn (tối đa " + max + ")");
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) reasons.add("phải là true hoặc false");
            }
            case TEXT_LIST -> {
                List<String> items = textList(value);
                if (items == null) {
                    reasons.add("phải là danh sách các chuỗi ký tự (JSON)");
                } else if (items.size() > max) {
                    reasons.add("tối đa " + max + " mục");
                } else {
                    for (String item : items) {
                        checkText(item, reasons);
                        if (!reasons.isEmpty()) break;
                    }
                }
            }
            default -> reasons.add("do hệ thống ghi, không nhận từ người dùng");
        }
        return reasons;
    }

    /** The Camunda value types a client may name for this variable. */
    public List<String> acceptedTypes() {
        return switch (kind) {
            case TEXT, CHOICE, DATE -> List.of("String");
            case INTEGER -> List.of("Integer", "Long", "Short");
            case BOOLEAN -> List.of("Boolean");
            case DATE_TIME -> List.of("Date");
            case OBJECT -> List.of("Json", "Object");
            case TEXT_LIST -> List.of("Json");
        };
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The strings of a checklist's value (a JSON array of strings, as text or as the engine's Json value); null if it is not one. */
    public static List<String> textList(Object value) {
        if (value == null) return null;
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(value.toString());
            if (node == null || !node.isArray()) return null;
            List<String> items = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode item : node) {
                if (!item.isTextual()) return null;
                items.add(item.textValue());
            }
            return items;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private void checkText(String text, List<String> reasons) {
        if (text.length() > (maxLength == 0 ? Integer.MAX_VALUE : maxLength)) {
            reasons.add("tối đa " + maxLength + " ký tự (đã nhập " + text.length() + ")");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((Character.isISOControl(c) && !(multiline && lineBreak)) || c == '\u2028' || c == '\u2029') {
                reasons.add("chứa ký tự điều khiển không được phép (vị trí " + (i + 1) + ")");
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                reasons.add("chứa ký tự Unicode không hợp lệ (vị trí " + (i + 1) + ")");
                return;
            }
        }
    }

    private static void checkDate(String text, List<String> reasons) {
        if (text.isEmpty()) return;
        int year;
        try {
            if (text.length() == 10) {
                year = LocalDate.parse(text).getYear();
            } else if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                year = OffsetDateTime.parse(text).getYear();
            } else {
                year = LocalDateTime.parse(text).getYear();
            }
        } catch (DateTimeParseException e) {
            reasons.add("không phải ngày hợp lệ (dd/mm/yyyy)");
            return;
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            reasons.add("năm phải từ " + MIN_YEAR + " đến " + MAX_YEAR);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
