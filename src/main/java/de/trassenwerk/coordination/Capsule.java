package de.trassenwerk.coordination;

import org.locationtech.jts.geom.Coordinate;

/**
 * The "capsule" of a segment: every point within a distance {@code r} of it (a rectangle with two
 * half-discs). Answers which stretch of another segment lies inside it, exactly (true circles, no
 * polygon approximation). Stateless; safe from any thread.
 */
final class Capsule {
    private Capsule() {
    }

    /**
     * The parameters {@code [s0, s1]} (0 at {@code p}, 1 at {@code q}) of the stretch of segment p→q whose
     * distance to segment a→b is at most {@code r}; null when no point of p→q is that close. The
     * capsule is convex, so the stretch is one interval: the hull of the stretches inside the two
     * discs and the rectangle that make it up.
     */
    static double[] within(Coordinate p, Coordinate q, Coordinate a, Coordinate b, double r) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] d = disc(p, q, a, r);
        if (d != null) {
            lo = d[0];
            hi = d[1];
        }
        d = disc(p, q, b, r);
        if (d != null) {
            lo = Math.min(lo, d[0]);
            hi = Math.max(hi, d[1]);
        }
        d = band(p, q, a, b, r);
        if (d != null) {
            lo = Math.min(lo, d[0]);
            hi = Math.max(hi, d[1]);
        }
        lo = Math.max(lo, 0);
        hi = Math.min(hi, 1);
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Where p→q (as an infinite line, by parameter) lies within r of point c. */
    private static double[] disc(Coordinate p, Coordinate q, Coordinate c, double r) {
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double ex = p.x - c.x;
        double ey = p.y - c.y;
        double aa = dx * dx + dy * dy;
        double cc = ex * ex + ey * ey - r * r;
        if (aa == 0) {
            return cc <= 0 ? new double[] {0, 1} : null;
        }
        double bb = 2 * (dx * ex + dy * ey);
        double disc = bb * bb - 4 * aa * cc;
        if (disc < 0) {
            return null;
        }
        double root = Math.sqrt(disc);
        return new double[] {(-bb - root) / (2 * aa), (-bb + root) / (2 * aa)};
    }

    /** Where p→q lies in the rectangle of a→b: projection onto a→b within the segment, offset at most r. */
    private static double[] band(Coordinate p, Coordinate q, Coordinate a, Coordinate b, double r) {
        double ex = b.x - a.x;
        double ey = b.y - a.y;
        double len2 = ex * ex + ey * ey;
        if (len2 == 0) {
            return null;
        }
        double len = Math.sqrt(len2);
        double px = p.x - a.x;
        double py = p.y - a.y;
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        // u(s) = u0 + s*u1 in [0, 1] (along a→b); v(s) = v0 + s*v1 in [-r, r] (across it)
        double[] u = linear((px * ex + py * ey) / len2, (dx * ex + dy * ey) / len2, 0, 1);
        if (u == null) {
            return null;
        }
        double[] v = linear((ex * py - ey * px) / len, (ex * dy - ey * dx) / len, -r, r);
        if (v == null) {
            return null;
        }
        double lo = Math.max(u[0], v[0]);
        double hi = Math.min(u[1], v[1]);
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** The parameters s with {@code min <= c0 + s*c1 <= max}, over all reals; null when none. */
    private static double[] linear(double c0, double c1, double min, double max) {
        if (c1 == 0) {
            return c0 >= min && c0 <= max ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double s0 = (min - c0) / c1;
        double s1 = (max - c0) / c1;
        return new double[] {Math.min(s0, s1), Math.max(s0, s1)};
    }
}
