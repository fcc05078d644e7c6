package de.trassenwerk.style;

import java.util.Objects;

/**
 * Strokes lines (and the outlines of areas). Immutable.
 *
 * @param stroke              the stroke
 * @param perpendicularOffset distance of the drawn line from the geometry, positive to the left of
 *                            the line's direction; 0 for none
 * @param uom                 unit of widths, dashes and the offset
 */
public record LineSymbolizer(Stroke stroke, double perpendicularOffset, Uom uom) implements Symbolizer {
    public LineSymbolizer {
        Objects.requireNonNull(stroke, "stroke");
        uom = uom == null ? Uom.PIXEL : uom;
    }

    /** A stroke in pixels, without offset. */
    public static LineSymbolizer of(Stroke stroke) {
        return new LineSymbolizer(stroke, 0, Uom.PIXEL);
    }
}
