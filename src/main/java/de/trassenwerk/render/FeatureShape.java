package de.trassenwerk.render;

import java.awt.Shape;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One feature (or one part of a mixed collection) made ready to paint: its kind, its pixel shape or
 * pixel positions, its symbol and its painting rank. Built while reading (cheap), painted after the
 * read has let go of the store. Immutable; any thread.
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

    /** Adds the shapes of {@code g} as seen in {@code vp} to {@code out}. */
    static void collect(Geometry g, Symbol symbol, int rank, Viewport vp, List<FeatureShape> out) {
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
            out.add(new FeatureShape(Kind.POINTS, null, xy, symbol, rank));
            return;
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getWidth() < vp.metresPerPixel() && e.getHeight() < vp.metresPerPixel()) {
            double[] xy = {vp.toPixelX(e.centre().x), vp.toPixelY(e.centre().y)};
            out.add(new FeatureShape(Kind.PIXEL, null, xy, symbol, rank));
            return;
        }
        if (isMixed(g)) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), symbol, rank, vp, out);
            }
            return;
        }
        Kind kind = dimension == 2 ? Kind.AREA : Kind.LINE;
        out.add(new FeatureShape(kind, PixelPath.of(g, vp), null, symbol, rank));
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
