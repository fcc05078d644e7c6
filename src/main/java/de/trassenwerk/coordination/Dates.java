package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads date fields as other programs store them: ISO text, optionally with a time, or with slashes. */
final class Dates {
    private Dates() {
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
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new CoordinationException("coordination.error.date", e, layer, fid, field, s);
        }
    }
}
