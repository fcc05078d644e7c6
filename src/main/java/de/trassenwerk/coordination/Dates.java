package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads date fields as other programs store them: ISO text, optionally with a time, or with slashes. */
final class Dates {
    private Dates() {
    }

    /** {@code YYYY-MM-DD} read without the formatter machinery (most dates look like this); null otherwise. */
    private static LocalDate iso(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4);
        int m = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** The date in {@code value}, null when empty; a {@link CoordinationException} naming the feature when not a date. */
    static LocalDate parse(Object value, String layer, long fid, String field) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        String day = s.length() >= 10 ? s.substring(0, 10).replace('/', '-') : s;
        LocalDate fast = iso(day);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new CoordinationException("coordination.error.date", e, layer, fid, field, s);
        }
    }
}
