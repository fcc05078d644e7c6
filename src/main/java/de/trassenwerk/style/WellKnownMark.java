package de.trassenwerk.style;

import java.util.Locale;

/** The SE well-known mark shapes that are drawn. */
public enum WellKnownMark {
    SQUARE, CIRCLE, TRIANGLE, STAR, CROSS, X;

    /** The mark for an SE {@code WellKnownName} (any case); null for a name that is not supported. */
    static WellKnownMark fromName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "square" -> SQUARE;
            case "circle" -> CIRCLE;
            case "triangle" -> TRIANGLE;
            case "star" -> STAR;
            case "cross" -> CROSS;
            case "x" -> X;
            default -> null;
        };
    }
}
