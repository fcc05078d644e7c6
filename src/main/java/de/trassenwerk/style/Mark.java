package de.trassenwerk.style;

import java.util.Objects;

/**
 * An SE {@code Mark}: a well-known shape with an optional fill and outline. Immutable.
 *
 * @param shape  the shape
 * @param fill   its fill, or null for none
 * @param stroke its outline, or null for none
 */
public record Mark(WellKnownMark shape, Fill fill, Stroke stroke) {
    /** The SE default mark: a grey square with a black outline. */
    public static final Mark DEFAULT = new Mark(WellKnownMark.SQUARE, Fill.DEFAULT, Stroke.DEFAULT);

    public Mark {
        Objects.requireNonNull(shape, "shape");
    }
}
