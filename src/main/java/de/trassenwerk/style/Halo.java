package de.trassenwerk.style;

import java.util.Objects;

/**
 * An SE {@code Halo}: a band of {@code fill} around the letters so that labels stay readable on
 * any background. Immutable.
 *
 * @param radius width of the band in the symbolizer's unit
 * @param fill   its colour
 */
public record Halo(double radius, Fill fill) {
    public Halo {
        Objects.requireNonNull(fill, "fill");
        radius = Math.max(0, radius);
    }
}
