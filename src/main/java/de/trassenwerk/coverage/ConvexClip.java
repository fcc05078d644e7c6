package de.trassenwerk.coverage;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The area of the part of a polygonal geometry inside a convex polygon — a coverage cell, which is a
 * 100 m square of the INSPIRE grid reprojected to UTM, so a slightly turned quadrilateral; or a commercial
 * site, most of which are convex plots, to measure the part of a district inside it. Each ring of
 * the polygons is clipped against the convex polygon's edges (Sutherland–Hodgman); the clipped shells'
 * areas minus the clipped holes' areas is the area of the intersection. Clipping a concave ring can leave
 * zero-width bridges along the clip edges; they enclose no area, so the area is exact up to rounding. It
 * costs a few multiplications per vertex and edge, a small part of a general overlay, which matters with
 * a dozen cells over each of ten thousand sites.
 *
 * <p>An instance holds one convex polygon, counter-clockwise; immutable, any thread.
 */
final class ConvexClip {
    private final double[] xs;
    private final double[] ys;

    private ConvexClip(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /**
     * The clip for {@code g} when it is a convex polygon without holes (or a multi-polygon of one such
     * polygon, as commercial sites are stored); null otherwise.
     */
    static ConvexClip of(Geometry g) {
        Geometry single = g.getNumGeometries() == 1 ? g.getGeometryN(0) : g;
        if (!(single instanceof Polygon p) || p.getNumInteriorRing() > 0 || p.isEmpty()) {
            return null;
        }
        Coordinate[] c = p.getExteriorRing().getCoordinates();
        int n = c.length - 1; // closed ring: the last point repeats the first
        if (n < 3) {
            return null;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = c[i].x;
            ys[i] = c[i].y;
        }
        if (signedArea(xs, ys, n) < 0) {
            reverse(xs);
            reverse(ys);
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            int k = (i + 2) % n;
            double turn = (xs[j] - xs[i]) * (ys[k] - ys[j]) - (ys[j] - ys[i]) * (xs[k] - xs[j]);
            if (turn < 0) {
                return null; // a right turn in a counter-clockwise ring: not convex
            }
        }
        return new ConvexClip(xs, ys);
    }

    /** The area of the part of {@code polygonal} (polygons or multi-polygons) inside this convex polygon. */
    double areaOf(Geometry polygonal) {
        double area = 0;
        for (int i = 0; i < polygonal.getNumGeometries(); i++) {
            Polygon p = (Polygon) polygonal.getGeometryN(i);
            area += ringArea(p.getExteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                area -= ringArea(p.getInteriorRingN(h));
            }
        }
        return Math.max(0, area);
    }

    /** The absolute area of {@code ring} clipped to this polygon. */
    private double ringArea(LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        int n = c.length - 1;
        if (n < 3) {
            return 0;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = c[i].x;
            py[i] = c[i].y;
        }
        for (int e = 0; e < xs.length && n > 0; e++) {
            double ax = xs[e];
            double ay = ys[e];
            double dx = xs[(e + 1) % xs.length] - ax;
            double dy = ys[(e + 1) % ys.length] - ay;
            double[] ox = new double[2 * n];
            double[] oy = new double[2 * n];
            int m = 0;
            double prevX = px[n - 1];
            double prevY = py[n - 1];
            double prevSide = dx * (prevY - ay) - dy * (prevX - ax);
            for (int i = 0; i < n; i++) {
                double side = dx * (py[i] - ay) - dy * (px[i] - ax);
                if ((side >= 0) != (prevSide >= 0)) {
                    double t = prevSide / (prevSide - side);
                    ox[m] = prevX + t * (px[i] - prevX);
                    oy[m++] = prevY + t * (py[i] - prevY);
                }
                if (side >= 0) {
                    ox[m] = px[i];
                    oy[m++] = py[i];
                }
                prevX = px[i];
                prevY = py[i];
                prevSide = side;
            }
            px = ox;
            py = oy;
            n = m;
        }
        return n < 3 ? 0 : Math.abs(signedArea(px, py, n));
    }

    /** Shoelace formula: positive for counter-clockwise rings. */
    private static double signedArea(double[] x, double[] y, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            sum += (x[i] - x[0]) * (y[j] - y[0]) - (x[j] - x[0]) * (y[i] - y[0]);
        }
        return sum / 2;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
