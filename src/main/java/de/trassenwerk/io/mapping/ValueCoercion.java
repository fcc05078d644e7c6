package de.trassenwerk.io.mapping;

import de.trassenwerk.store.FieldType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a source value into a value for a target field type: numbers from text (with decimal point,
 * or with decimal comma where there is one: "6,75", "1.234,5"; "1.234" is one point two three four), booleans from true/false, 1/0, ja/nein, yes/no, dates
 * from ISO or German text. Null (and blank text for non-text fields) stays null; a value that
 * does not fit throws {@link Unconvertible}. Pure, thread-safe.
 */
public final class ValueCoercion {
    private static final Pattern GERMAN_NUMBER = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+,\\d+|[+-]?\\d+,\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ValueCoercion() {
    }

    /** A value that does not fit the field type. */
    public static final class Unconvertible extends Exception {
        private static final long serialVersionUID = 1L;

        Unconvertible() {
            super(null, null, false, false);
        }
    }

    /** The value as {@code type} wants it (null for null). */
    public static Object to(FieldType type, Object value) throws Unconvertible {
        if (value == null || (value instanceof String s && s.isBlank() && type != FieldType.TEXT)) {
            return null;
        }
        Optional<Object> out;
        switch (type) {
            case INTEGER:
                out = integer(value);
                break;
            case REAL:
                out = number(value).map(d -> (Object) d);
                break;
            case BOOLEAN:
                out = bool(value);
                break;
            case DATE:
                out = date(value);
                break;
            case DATETIME:
                out = Optional.of(value.toString().trim());
                break;
            case BLOB:
                out = value instanceof byte[] ? Optional.of(value) : Optional.empty();
                break;
            default:
                out = Optional.of(text(value));
        }
        return out.orElseThrow(Unconvertible::new);
    }

    /** Text of any value: whole doubles without ".0", others as Java writes them. */
    public static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    private static Optional<Object> integer(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return Optional.of(b ? 1L : 0L);
        }
        Optional<Double> d = number(value);
        if (d.isPresent() && d.get() == Math.rint(d.get()) && Math.abs(d.get()) < 9e15) {
            return Optional.of(d.get().longValue());
        }
        return Optional.empty();
    }

    /** A number from a Number, or from text with a decimal point or a German decimal comma. */
    public static Optional<Double> number(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        String s = value.toString().trim();
        if (GERMAN_NUMBER.matcher(s).matches()) {
            s = s.replace(".", "").replace(',', '.');
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> bool(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == 0 || d == 1 ? Optional.of(d == 1) : Optional.empty();
        }
        switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true": case "t": case "1": case "ja": case "j": case "yes": case "y": case "wahr": case "x":
                return Optional.of(Boolean.TRUE);
            case "false": case "f": case "0": case "nein": case "n": case "no": case "falsch":
                return Optional.of(Boolean.FALSE);
            default:
                return Optional.empty();
        }
    }

    private static Optional<Object> date(Object value) {
        if (value instanceof LocalDate d) {
            return Optional.of(d.toString());
        }
        String s = value.toString().trim();
        if (s.length() >= 10 && ISO_DATE.matcher(s.substring(0, 10)).matches()) {
            try {
                return Optional.of(LocalDate.parse(s.substring(0, 10)).toString());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return GermanDates.date(s).map(LocalDate::toString);
    }
}
