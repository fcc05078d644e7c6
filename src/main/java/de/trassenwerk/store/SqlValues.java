package de.trassenwerk.store;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;

/** Conversions between Java attribute values and SQLite values, and identifier quoting. */
final class SqlValues {
    private SqlValues() {
    }

    /** Quotes an SQL identifier (table or column name). */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The value to bind for a Java attribute value: booleans as 0/1, dates as ISO text. */
    static Object toSql(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof LocalDate || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value;
    }

    /** The Java value of a column read from SQLite, by the field's type. */
    static Object fromSql(Object raw, FieldType type) {
        if (raw == null) {
            return null;
        }
        switch (type) {
            case INTEGER:
                return raw instanceof Number n ? (Object) n.longValue() : parseLong(raw.toString());
            case REAL:
                return raw instanceof Number n ? (Object) n.doubleValue() : parseDouble(raw.toString());
            case BOOLEAN:
                if (raw instanceof Number n) {
                    return n.longValue() != 0;
                }
                String s = raw.toString().trim();
                return s.equalsIgnoreCase("true") || s.equals("1");
            case BLOB:
                return raw;
            default:
                return raw.toString();
        }
    }

    private static Object parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static Object parseDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
