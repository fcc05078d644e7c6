package de.trassenwerk.render;

import java.awt.Shape;

/**
 * One feature (or one part of a mixed collection) made ready to paint: its kind, its pixel shape or
 * pixel positions, its symbol and its painting rank. Built while reading (cheap, by {@link PixelDecoder}),
 * painted after the read has let go of the store. Immutable; any thread.
 *
 * @param kind   how to paint it
 * @param shape  the pixel path of an area or line; null for points and pixels
 * @param points pixel x/y pairs of point markers, or the one pixel of a tiny feature; null otherwise
 * @param symbol how it looks
 * @param rank   painting order within the layer (higher on top)
 */
record FeatureShape(Kind kind, Shape shape, double[] points, Symbol symbol, int rank) {

    /** How a shape is painted. */
    enum Kind { AREA, LINE, POINTS, PIXEL }
}
