package de.trassenwerk.render;

import de.trassenwerk.style.Symbolizer;
import java.awt.Shape;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One feature (or one part of a mixed collection) made ready to paint with one symbolizer: its
 * kind, its pixel shape or pixel positions, the dimension of the geometry it came from, the
 * symbolizer and its painting rank. Built while reading (cheap), painted after the read has let go
 * of the store. Immutable; any thread.
 *
 * @param kind       how to paint it
 * @param shape      the pixel path of an area or line; null for points and pixels
 * @param points     pixel x/y pairs of point markers, or the one pixel of a tiny feature; null otherwise
 * @param dimension  dimension of the source geometry: 0 points, 1 lines, 2 areas
 * @param symbolizer how it looks; null in the bare shapes that {@link #collect} makes
 * @param rank       painting order within the layer (higher on top)
 */
record FeatureShape(Kind kind, Shape shape, double[] points, int dimension, Symbolizer symbolizer, int rank) {

    /** How a shape is painted. */
    enum Kind { AREA, LINE, POINTS, PIXEL }

    /** The same shape painted with {@code s} at {@code newRank}. */
    FeatureShape with(Symbolizer s, int newRank) {
        return new FeatureShape(kind, shape, points, dimension, s, newRank);
    }

    /** The same shape as a line (an area's outline stroked by a line symbolizer). */
    FeatureShape asLine() {
        return kind == Kind.AREA ? new FeatureShape(Kind.LINE, shape, points, dimension, symbolizer, rank) : this;
    }

    /** Adds the bare shapes (no symbolizer) of {@code g} as seen in {@code vp} to {@code out}. */
    static void collect(Geometry g, Viewport vp, List<FeatureShape> out) {
        if (g == null || g.isEmpty()) {
            return;
        }
        int dimension = g.getDimension();
        if (dimension == 0) {
            double[] xy = new double[g.getNumGeometries() * 2];
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Point p = (Point) g.getGeometryN(i);
                xy[2 * i] = vp.toPixelX(p.getX());
                xy[2 * i + 1] = vp.toPixelY(p.getY());
            }
            out.add(new FeatureShape(Kind.POINTS, null, xy, 0, null, 0));
            return;
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getWidth() < vp.metresPerPixel() && e.getHeight() < vp.metresPerPixel()) {
            double[] xy = {vp.toPixelX(e.centre().x), vp.toPixelY(e.centre().y)};
            out.add(new FeatureShape(Kind.PIXEL, null, xy, dimension, null, 0));
            return;
        }
        if (isMixed(g)) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), vp, out);
            }
            return;
        }
        Kind kind = dimension == 2 ? Kind.AREA : Kind.LINE;
        out.add(new FeatureShape(kind, PixelPath.of(g, vp), null, dimension, null, 0));
    }

    /** A geometry collection whose parts are not all of the same dimension. */
    private static boolean isMixed(Geometry g) {
        if (!"GeometryCollection".equals(g.getGeometryType())) {
            return false;
        }
        int d = g.getDimension();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getDimension() != d) {
                return true;
            }
        }
        return false;
    }
}
