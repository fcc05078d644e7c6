package de.trassenwerk.store;

import java.util.Locale;

/**
 * The attribute types of a GeoPackage feature table. Declared SQL types written by other programs
 * ({@code TEXT(50)}, {@code MEDIUMINT}, {@code FLOAT}, ...) are mapped onto these.
 * Values in Java: INTEGER {@link Long}, REAL {@link Double}, TEXT/DATE/DATETIME {@link String}
 * (ISO-8601), BOOLEAN {@link Boolean}, BLOB {@code byte[]}.
 */
public enum FieldType {
    INTEGER("INTEGER"), REAL("REAL"), TEXT("TEXT"), DATE("DATE"), DATETIME("DATETIME"), BOOLEAN("BOOLEAN"),
    BLOB("BLOB");

    private final String sqlName;

    FieldType(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }

    /** Maps a declared column type to a field type; unknown types read as TEXT. */
    public static FieldType fromDeclared(String declared) {
        String d = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
        int paren = d.indexOf('(');
        if (paren >= 0) {
            d = d.substring(0, paren).trim();
        }
        switch (d) {
            case "INTEGER": case "INT": case "MEDIUMINT": case "SMALLINT": case "TINYINT": case "BIGINT":
                return INTEGER;
            case "REAL": case "DOUBLE": case "FLOAT": case "NUMERIC":
                return REAL;
            case "DATE":
                return DATE;
            case "DATETIME": case "TIMESTAMP":
                return DATETIME;
            case "BOOLEAN":
                return BOOLEAN;
            case "BLOB":
                return BLOB;
            default:
                return TEXT;
        }
    }
}
