package de.trassenwerk.store;

/** One attribute column of a layer: its name, type and whether it may be null. */
public record FieldInfo(String name, FieldType type, boolean nullable) {
    public static FieldInfo of(String name, FieldType type) {
        return new FieldInfo(name, type, true);
    }
}
