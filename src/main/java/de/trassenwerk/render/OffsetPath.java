package de.trassenwerk.render;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The lines (or area outlines) of a geometry moved sideways by a distance in pixels, as an SE
 * {@code PerpendicularOffset} asks: positive to the left of the line's direction on the map. Each
 * vertex moves along the bisector of its two segments (mitre, at most twice the distance), which is
 * what a map line needs; no self-intersection is resolved. The result is a {@link PixelShape} of
 * open parts (a ring's offset too), so that {@link StrokeRaster} can draw it. Stateless; any thread.
 */
final class OffsetPath {
    private static final double MITRE_LIMIT = 2;
    /** Vertices closer than this (in pixels, either way) to the previous one are left out. */
    private static final double MIN_STEP = 0.5;

    private OffsetPath() {
    }

    /** The offset pixel lines of all lines and rings of {@code g} in {@code vp}. */
    static PixelShape of(Geometry g, Viewport vp, double pixels) {
        PixelDecoder.Parts path = new PixelDecoder.Parts();
        append(path, g, vp, pixels);
        return path.toShape(false);
    }

    private static void append(PixelDecoder.Parts path, Geometry g, Viewport vp, double d) {
        if (g instanceof Polygon p) {
            line(path, p.getExteriorRing().getCoordinateSequence(), vp, d);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                line(path, p.getInteriorRingN(i).getCoordinateSequence(), vp, d);
            }
        } else if (g instanceof LineString l) {
            line(path, l.getCoordinateSequence(), vp, d);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) != g) {
                    append(path, g.getGeometryN(i), vp, d);
                }
            }
        }
    }

    private static void line(PixelDecoder.Parts path, CoordinateSequence seq, Viewport vp, double d) {
        double[] x = new double[seq.size()];
        double[] y = new double[seq.size()];
        int n = 0;
        for (int i = 0; i < seq.size(); i++) {
            double px = vp.toPixelX(seq.getX(i));
            double py = vp.toPixelY(seq.getY(i));
            if (n > 0 && Math.abs(px - x[n - 1]) < MIN_STEP && Math.abs(py - y[n - 1]) < MIN_STEP) {
                continue;
            }
            x[n] = px;
            y[n] = py;
            n++;
        }
        if (n < 2) {
            return;
        }
        // left normal of each segment on the map: pixel y grows downwards, so (dy, -dx) in pixels
        double[] nx = new double[n - 1];
        double[] ny = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            double dx = x[i + 1] - x[i];
            double dy = y[i + 1] - y[i];
            double len = Math.hypot(dx, dy);
            nx[i] = dy / len;
            ny[i] = -dx / len;
        }
        for (int i = 0; i < n; i++) {
            double mx;
            double my;
            if (i == 0 || i == n - 1) {
                int s = i == 0 ? 0 : n - 2;
                mx = nx[s] * d;
                my = ny[s] * d;
            } else {
                double bx = nx[i - 1] + nx[i];
                double by = ny[i - 1] + ny[i];
                double bl = Math.hypot(bx, by);
                if (bl < 1e-9) {
                    mx = nx[i] * d; // the line turns back on itself
                    my = ny[i] * d;
                } else {
                    double cos = (bx * nx[i] + by * ny[i]) / bl;
                    double scale = d / Math.max(cos, 1 / MITRE_LIMIT);
                    mx = bx / bl * scale;
                    my = by / bl * scale;
                }
            }
            path.add(x[i] + mx, y[i] + my);
        }
        path.end();
    }
}
