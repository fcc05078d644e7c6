package de.trassenwerk.style;

import java.util.Objects;

/**
 * Draws a graphic at a point (at an interior point of lines and areas). Immutable.
 *
 * @param graphic the mark, its size, rotation and opacity
 * @param uom     unit of the graphic's size
 */
public record PointSymbolizer(Graphic graphic, Uom uom) implements Symbolizer {
    public PointSymbolizer {
        Objects.requireNonNull(graphic, "graphic");
        uom = uom == null ? Uom.PIXEL : uom;
    }
}
