package de.trassenwerk.style;

import java.util.Objects;

/**
 * An SE {@code Graphic} made of a mark: its size (height of the mark), rotation in degrees
 * clockwise, and opacity 0..1. Immutable.
 *
 * @param mark     the mark drawn
 * @param size     the mark's size in the symbolizer's unit
 * @param rotation clockwise rotation in degrees
 * @param opacity  0 (invisible) to 1 (opaque)
 */
public record Graphic(Mark mark, double size, double rotation, double opacity) {
    /** The SE default size of a mark, in pixels. */
    public static final double DEFAULT_SIZE = 6;

    public Graphic {
        Objects.requireNonNull(mark, "mark");
        size = Math.max(0, size);
        opacity = Math.max(0, Math.min(1, opacity));
    }
}
