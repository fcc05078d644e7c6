package de.trassenwerk.render;

import de.trassenwerk.style.Symbolizer;
import java.awt.Shape;

/**
 * One feature (or one part of a mixed collection) made ready to paint with one symbolizer: its
 * kind, its pixel shape or pixel positions, the dimension of the geometry it came from, the
 * symbolizer and its painting rank. Built while reading (cheap: {@link PixelDecoder} makes the bare
 * shapes straight from the stored bytes, {@link FeatureStyler} gives them symbolizers), painted
 * after the read has let go of the store. Immutable; any thread.
 *
 * @param kind       how to paint it
 * @param shape      the pixel path of an area or line (a {@link PixelShape} when decoded, any shape
 *                   for offset lines); null for points and pixels
 * @param points     pixel x/y pairs of point markers, or the one pixel of a tiny feature; null otherwise
 * @param dimension  dimension of the source geometry: 0 points, 1 lines, 2 areas
 * @param symbolizer how it looks; null in the bare shapes that {@link PixelDecoder} makes
 * @param rank       painting order within the layer (higher on top)
 */
record FeatureShape(Kind kind, Shape shape, double[] points, int dimension, Symbolizer symbolizer, int rank) {

    /** How a shape is painted. */
    enum Kind { AREA, LINE, POINTS, PIXEL }

    /** A bare shape (no symbolizer yet). */
    static FeatureShape bare(Kind kind, Shape shape, double[] points, int dimension) {
        return new FeatureShape(kind, shape, points, dimension, null, 0);
    }

    /** The same shape painted with {@code s} at {@code newRank}. */
    FeatureShape with(Symbolizer s, int newRank) {
        return new FeatureShape(kind, shape, points, dimension, s, newRank);
    }

    /** The same shape as a line (an area's outline stroked by a line symbolizer). */
    FeatureShape asLine() {
        return kind == Kind.AREA ? new FeatureShape(Kind.LINE, shape, points, dimension, symbolizer, rank) : this;
    }
}
