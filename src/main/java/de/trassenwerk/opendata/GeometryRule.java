package de.trassenwerk.opendata;

import java.util.Locale;

/**
 * What the policy does with a public layer's geometry: publish it as it is ({@code keep}), or
 * replace it by the area (the quarter, by default) holding the largest part of it ({@code area}).
 */
public enum GeometryRule {
    KEEP, AREA;

    /** The word used in the policy file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
