package de.trassenwerk.style;

/**
 * How a rule draws a feature: a mark at points, a stroke along lines, a fill and outline of
 * areas, or a label. A rule may hold several; they are drawn in order. Immutable; any thread.
 */
public sealed interface Symbolizer permits PointSymbolizer, LineSymbolizer, PolygonSymbolizer, TextSymbolizer {
    /** The unit of this symbolizer's sizes. */
    Uom uom();
}
