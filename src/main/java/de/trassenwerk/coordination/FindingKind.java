package de.trassenwerk.coordination;

import java.util.Locale;

/** The three kinds of coordination findings, with the key they have in files and JSON. */
public enum FindingKind {
    /** A route can lay its duct in a work's open trench. */
    CO_LAYING,
    /** A route or a work would dig a street before its moratorium ends. */
    MORATORIUM_CLASH,
    /** Two works dig the same street within the double-dig window: one trench could serve both. */
    DOUBLE_DIG;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** {@code co_laying}, {@code moratorium_clash}, {@code double_dig}. */
    public String key() {
        return key;
    }
}
