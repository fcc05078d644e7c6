package de.trassenwerk.opendata;

import java.util.Locale;

/**
 * What the policy does with one attribute of a public layer: publish it as it is, drop it, or
 * generalise a date to its month ({@code 2027-07-17} becomes {@code 2027-07}).
 */
public enum FieldRule {
    KEEP, DROP, MONTH;

    /** The word used in the policy file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
