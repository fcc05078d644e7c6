package de.trassenwerk.style;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Comparison of attribute and literal values the way filters need it: numerically when one side is
 * a number (or a boolean) and the other one reads as a number, as booleans when one side is a
 * boolean, otherwise as text (ISO dates therefore compare in time order). Stateless; any thread.
 */
final class Values {
    private Values() {
    }

    /**
     * Compares two values; null when they cannot be compared (either is null). Text comparison
     * ignores case unless {@code matchCase}.
     */
    static Integer compare(Object a, Object b, boolean matchCase) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            Boolean x = asBoolean(a);
            Boolean y = asBoolean(b);
            if (x != null && y != null) {
                return Boolean.compare(x, y);
            }
        }
        if (a instanceof Number || b instanceof Number) {
            Double x = asNumber(a);
            Double y = asNumber(b);
            if (x != null && y != null) {
                return Double.compare(x, y);
            }
        }
        String s = asText(a);
        String t = asText(b);
        return matchCase ? s.compareTo(t) : s.compareToIgnoreCase(t);
    }

    /** A value as text: whole numbers without ".0", other values by their {@code toString}. */
    static String asText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** A number for a Number, a Boolean (1/0) or a text that is a plain decimal number; else null. */
    static Double asNumber(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        String s = v.toString().trim();
        if (!isDecimal(s)) {
            return null;
        }
        return Double.parseDouble(s);
    }

    /** Whether {@code s} is a plain decimal number: sign, digits, point, digits, exponent. */
    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static Boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
