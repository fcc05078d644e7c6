package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * The stretches of a line that lie within a distance of a geometry: the same set as the line
 * intersected with the geometry's buffer (a JTS overlay), computed exactly instead — with true circles
 * around vertices where a buffer polygon has chords — and without building the buffer. Each segment
 * of the line is tested against the "capsule" of each nearby edge ({@link Capsule}); for areas, the
 * stretches inside them are added. Stretches are kept as distances along the line, so that several
 * geometries can be united and the rest of the line taken.
 *
 * <p>An instance belongs to one line and is immutable; the methods are safe from any thread.
 */
final class NearStretches {
    private final LineString line;
    private final Coordinate[] c;
    /** Distance along the line at each vertex. */
    private final double[] at;
    private final Envelope extent;

    NearStretches(LineString line) {
        this.line = line;
        this.c = line.getCoordinates();
        this.at = new double[c.length];
        this.extent = line.getEnvelopeInternal();
        for (int i = 1; i < c.length; i++) {
            at[i] = at[i - 1] + c[i - 1].distance(c[i]);
        }
    }

    LineString line() {
        return line;
    }

    double length() {
        return at[at.length - 1];
    }

    /**
     * The stretches within {@code d} of the shape {@code g}, as sorted, disjoint intervals {@code [from, to]} of
     * distance along the line (a flat array: from0, to0, from1, to1, ...).
     */
    double[] near(Shape g, double d) {
        Envelope reach = new Envelope(g.envelope);
        reach.expandBy(d);
        if (!reach.intersects(extent)) {
            return new double[0];
        }
        Stretches found = new Stretches();
        for (int k = 0; k + 1 < c.length; k++) {
            if (at[k + 1] > at[k] && reach.intersects(c[k], c[k + 1])) {
                nearSegment(k, g, d, found);
            }
        }
        return found.union();
    }

    /** Adds the stretches of segment {@code k} within {@code d} of the shape. */
    private void nearSegment(int k, Shape g, double d, Stretches found) {
        Coordinate p = c[k];
        Coordinate q = c[k + 1];
        double len = at[k + 1] - at[k];
        double minX = Math.min(p.x, q.x) - d;
        double maxX = Math.max(p.x, q.x) + d;
        double minY = Math.min(p.y, q.y) - d;
        double maxY = Math.max(p.y, q.y) + d;
        double[] e = g.edges;
        double[] t = new double[2];
        for (int i = 0; i < e.length; i += 4) {
            if (Math.max(e[i], e[i + 2]) >= minX && Math.min(e[i], e[i + 2]) <= maxX
                    && Math.max(e[i + 1], e[i + 3]) >= minY && Math.min(e[i + 1], e[i + 3]) <= maxY
                    && Capsule.within(p.x, p.y, q.x, q.y, e[i], e[i + 1], e[i + 2], e[i + 3], d, t)) {
                found.add(at[k] + t[0] * len, at[k] + t[1] * len);
            }
        }
        for (int a = 0; a < g.areaEnvelopes.length; a++) {
            if (g.areaEnvelopes[a].intersects(p, q)) {
                inside(k, g.areas.get(a), found);
            }
        }
    }

    /** Adds the stretches of segment {@code k} that lie inside {@code area}. */
    private void inside(int k, Polygon area, Stretches found) {
        Coordinate p = c[k];
        Coordinate q = c[k + 1];
        Stretches cuts = new Stretches();
        cuts.add(0.0, 1.0);
        crossings(p, q, area.getExteriorRing().getCoordinates(), cuts);
        for (int h = 0; h < area.getNumInteriorRing(); h++) {
            crossings(p, q, area.getInteriorRingN(h).getCoordinates(), cuts);
        }
        Arrays.sort(cuts.v, 0, cuts.n);
        double len = at[k + 1] - at[k];
        for (int i = 0; i + 1 < cuts.n; i++) {
            double a = cuts.v[i];
            double b = cuts.v[i + 1];
            if (b <= a) {
                continue;
            }
            double m = (a + b) / 2;
            Coordinate mid = new Coordinate(p.x + m * (q.x - p.x), p.y + m * (q.y - p.y));
            if (locate(mid, area) != Location.EXTERIOR) {
                found.add(at[k] + a * len, at[k] + b * len);
            }
        }
    }

    /** Parameters along p→q where it meets the ring's edges. */
    private static void crossings(Coordinate p, Coordinate q, Coordinate[] ring, Stretches cuts) {
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        for (int i = 0; i + 1 < ring.length; i++) {
            Coordinate a = ring[i];
            Coordinate b = ring[i + 1];
            double ex = b.x - a.x;
            double ey = b.y - a.y;
            double den = dx * ey - dy * ex;
            if (den == 0) {
                continue; // parallel: an edge along the segment adds no crossing inside it
            }
            double t = ((a.x - p.x) * ey - (a.y - p.y) * ex) / den;
            double u = ((a.x - p.x) * dy - (a.y - p.y) * dx) / den;
            if (t > 0 && t < 1 && u >= 0 && u <= 1) {
                cuts.add(t);
            }
        }
    }

    private static int locate(Coordinate pt, Polygon area) {
        int shell = RayCrossingCounter.locatePointInRing(pt, area.getExteriorRing().getCoordinates());
        if (shell != Location.INTERIOR) {
            return shell;
        }
        for (int h = 0; h < area.getNumInteriorRing(); h++) {
            int hole = RayCrossingCounter.locatePointInRing(pt, area.getInteriorRingN(h).getCoordinates());
            if (hole == Location.INTERIOR) {
                return Location.EXTERIOR;
            }
            if (hole == Location.BOUNDARY) {
                return Location.BOUNDARY;
            }
        }
        return Location.INTERIOR;
    }

    /** The union of two interval sets. */
    static double[] union(double[] a, double[] b) {
        Stretches all = new Stretches();
        for (double[] set : new double[][] {a, b}) {
            for (int i = 0; i < set.length; i += 2) {
                all.add(set[i], set[i + 1]);
            }
        }
        return all.union();
    }

    /**
     * A growing flat list of doubles: intervals as pairs (from, to) found in one search, or the cut
     * parameters of one segment. Belongs to the search that made it.
     */
    private static final class Stretches {
        /** Pairs sorted by insertion up to this many; more go through a general sort. */
        private static final int FEW = 32;
        double[] v = new double[8];
        int n;

        void add(double x) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = x;
        }

        void add(double from, double to) {
            add(from);
            add(to);
        }

        /** The pairs sorted by their start and merged where they overlap or touch. */
        double[] union() {
            if (n == 0) {
                return new double[0];
            }
            sortPairsByStart();
            double[] out = new double[n];
            int m = 0;
            double from = v[0];
            double to = v[1];
            for (int i = 2; i < n; i += 2) {
                if (v[i] <= to) {
                    to = Math.max(to, v[i + 1]);
                } else {
                    out[m++] = from;
                    out[m++] = to;
                    from = v[i];
                    to = v[i + 1];
                }
            }
            out[m++] = from;
            out[m++] = to;
            return Arrays.copyOf(out, m);
        }

        /** Stable sort of the pairs by start ({@link Double#compare}); equal starts merge alike in any order. */
        private void sortPairsByStart() {
            int pairs = n / 2;
            if (pairs > FEW) {
                double[][] p = new double[pairs][];
                for (int i = 0; i < pairs; i++) {
                    p[i] = new double[] {v[2 * i], v[2 * i + 1]};
                }
                Arrays.sort(p, (x, y) -> Double.compare(x[0], y[0]));
                for (int i = 0; i < pairs; i++) {
                    v[2 * i] = p[i][0];
                    v[2 * i + 1] = p[i][1];
                }
                return;
            }
            for (int i = 1; i < pairs; i++) {
                double from = v[2 * i];
                double to = v[2 * i + 1];
                int j = i - 1;
                while (j >= 0 && Double.compare(v[2 * j], from) > 0) {
                    v[2 * j + 2] = v[2 * j];
                    v[2 * j + 3] = v[2 * j + 1];
                    j--;
                }
                v[2 * j + 2] = from;
                v[2 * j + 3] = to;
            }
        }
    }

    /** The stretches in both interval sets. */
    static double[] intersection(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            double from = Math.max(a[i], b[j]);
            double to = Math.min(a[i + 1], b[j + 1]);
            if (from < to) {
                out[n++] = from;
                out[n++] = to;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The whole line as one interval. */
    double[] all() {
        return length() > 0 ? new double[] {0, length()} : new double[0];
    }

    /** The parts of the line outside the intervals. */
    double[] complement(double[] intervals) {
        double[] out = new double[intervals.length + 2];
        int n = 0;
        double from = 0;
        for (int i = 0; i < intervals.length; i += 2) {
            if (intervals[i] > from) {
                out[n++] = from;
                out[n++] = intervals[i];
            }
            from = Math.max(from, intervals[i + 1]);
        }
        if (length() > from) {
            out[n++] = from;
            out[n++] = length();
        }
        return Arrays.copyOf(out, n);
    }

    static double total(double[] intervals) {
        double sum = 0;
        for (int i = 0; i < intervals.length; i += 2) {
            sum += intervals[i + 1] - intervals[i];
        }
        return sum;
    }

    /** The intervals as pieces of the line, in its direction; pieces of no length are left out. */
    List<LineString> pieces(double[] intervals) {
        return pieces(intervals, 0);
    }

    /**
     * The intervals at least {@code minLength} long as pieces of the line, in its direction; shorter
     * ones and pieces of no length are left out. (An interval's length and its piece's length agree
     * to rounding; callers that need an exact limit on the piece apply it to the pieces.)
     */
    List<LineString> pieces(double[] intervals, double minLength) {
        List<LineString> out = new ArrayList<>();
        for (int i = 0; i < intervals.length; i += 2) {
            double length = intervals[i + 1] - intervals[i];
            if (length > 0 && length >= minLength) {
                out.add(extract(intervals[i], intervals[i + 1]));
            }
        }
        return out;
    }

    private LineString extract(double from, double to) {
        List<Coordinate> pts = new ArrayList<>();
        pts.add(pointAt(from));
        for (int i = 0; i < at.length; i++) {
            if (at[i] > from && at[i] < to) {
                pts.add(c[i].copy());
            }
        }
        pts.add(pointAt(to));
        return line.getFactory().createLineString(pts.toArray(new Coordinate[0]));
    }

    private Coordinate pointAt(double s) {
        int k = Arrays.binarySearch(at, s);
        if (k >= 0) {
            return c[k].copy();
        }
        k = -k - 2;
        if (k < 0) {
            return c[0].copy();
        }
        if (k >= c.length - 1) {
            return c[c.length - 1].copy();
        }
        double f = (s - at[k]) / (at[k + 1] - at[k]);
        return new Coordinate(c[k].x + f * (c[k + 1].x - c[k].x), c[k].y + f * (c[k + 1].y - c[k].y));
    }
}
