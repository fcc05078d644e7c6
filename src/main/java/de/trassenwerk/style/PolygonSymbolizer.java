package de.trassenwerk.style;

/**
 * Fills areas and strokes their outlines. Immutable.
 *
 * @param fill   the fill, or null for none
 * @param stroke the outline, or null for none
 * @param uom    unit of the outline's width and dashes
 */
public record PolygonSymbolizer(Fill fill, Stroke stroke, Uom uom) implements Symbolizer {
    public PolygonSymbolizer {
        uom = uom == null ? Uom.PIXEL : uom;
    }

    /** Fill and outline in pixels (either may be null). */
    public static PolygonSymbolizer of(Fill fill, Stroke stroke) {
        return new PolygonSymbolizer(fill, stroke, Uom.PIXEL);
    }
}
