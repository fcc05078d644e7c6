package de.trassenwerk.render;

import java.awt.Color;

/**
 * How one feature looks: area fill, outline or line colour and width, an optional dash, and the
 * marker drawn for points. A null colour means "not drawn". Sizes are in pixels. Immutable; any
 * thread.
 *
 * @param fill        area fill (alpha allowed), or null for none; also the fill of point markers
 * @param stroke      outline of areas and markers, colour of lines; null for none
 * @param strokeWidth width of {@code stroke} in pixels
 * @param dash        dash length in pixels (the gap is half of it), 0 for a solid line
 * @param pointSize   marker size in pixels
 * @param marker      marker shape for points
 */
public record Symbol(Color fill, Color stroke, float strokeWidth, float dash, float pointSize, Marker marker) {

    /** Marker shapes for point features. */
    public enum Marker { CIRCLE, SQUARE }

    public Symbol {
        marker = marker == null ? Marker.CIRCLE : marker;
    }

    /** An area (or line) symbol with no marker settings of its own. */
    public static Symbol area(Color fill, Color stroke, float strokeWidth) {
        return new Symbol(fill, stroke, strokeWidth, 0, 6, Marker.CIRCLE);
    }

    /** A solid line. */
    public static Symbol line(Color stroke, float strokeWidth) {
        return new Symbol(null, stroke, strokeWidth, 0, 6, Marker.CIRCLE);
    }

    /** A point marker. */
    public static Symbol point(Marker marker, float size, Color fill, Color outline) {
        return new Symbol(fill, outline, 1, 0, size, marker);
    }

    public Symbol dashed(float dashLength) {
        return new Symbol(fill, stroke, strokeWidth, dashLength, pointSize, marker);
    }

    /** The colour a feature gets when it is drawn as a single pixel: its fill, else its stroke. */
    public Color pixelColour() {
        return fill != null ? fill : stroke;
    }
}
