package de.trassenwerk.coordination;

/**
 * The "capsule" of a segment: every point within a distance {@code r} of it (a rectangle with two
 * half-discs). Answers which stretch of another segment lies inside it, exactly (true circles, no
 * polygon approximation) and without allocating: it runs millions of times in a large run.
 * Stateless; safe from any thread.
 */
final class Capsule {
    private Capsule() {
    }

    /**
     * Finds the parameters {@code [s0, s1]} (0 at p, 1 at q) of the stretch of segment p→q whose
     * distance to segment a→b is at most {@code r}, writes them into {@code out[0..1]} and returns
     * true; returns false when no point of p→q is that close. The capsule is convex, so the stretch is
     * one interval: the hull of the stretches inside the two discs and the rectangle that make it up.
     */
    static boolean within(double px, double py, double qx, double qy, double ax, double ay, double bx, double by,
            double r, double[] out) {
        double dx = qx - px;
        double dy = qy - py;
        double aa = dx * dx + dy * dy;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        // the disc around a, then around b: |p + s d - c|^2 <= r^2
        for (int end = 0; end < 2; end++) {
            double ex = px - (end == 0 ? ax : bx);
            double ey = py - (end == 0 ? ay : by);
            double cc = ex * ex + ey * ey - r * r;
            if (aa == 0) {
                if (cc <= 0) {
                    lo = Math.min(lo, 0);
                    hi = Math.max(hi, 1);
                }
                continue;
            }
            double bb = 2 * (dx * ex + dy * ey);
            double disc = bb * bb - 4 * aa * cc;
            if (disc >= 0) {
                double root = Math.sqrt(disc);
                lo = Math.min(lo, (-bb - root) / (2 * aa));
                hi = Math.max(hi, (-bb + root) / (2 * aa));
            }
        }
        // the rectangle: projection onto a→b within [0, 1], offset across it within [-r, r]
        double ux = bx - ax;
        double uy = by - ay;
        double len2 = ux * ux + uy * uy;
        if (len2 > 0) {
            double len = Math.sqrt(len2);
            double rx = px - ax;
            double ry = py - ay;
            double u0 = (rx * ux + ry * uy) / len2;
            double u1 = (dx * ux + dy * uy) / len2;
            double v0 = (ux * ry - uy * rx) / len;
            double v1 = (ux * dy - uy * dx) / len;
            double sLo = Double.NEGATIVE_INFINITY;
            double sHi = Double.POSITIVE_INFINITY;
            boolean inside = true;
            if (u1 == 0) {
                inside = u0 >= 0 && u0 <= 1;
            } else {
                double s0 = -u0 / u1;
                double s1 = (1 - u0) / u1;
                sLo = Math.max(sLo, Math.min(s0, s1));
                sHi = Math.min(sHi, Math.max(s0, s1));
            }
            if (v1 == 0) {
                inside &= v0 >= -r && v0 <= r;
            } else {
                double s0 = (-r - v0) / v1;
                double s1 = (r - v0) / v1;
                sLo = Math.max(sLo, Math.min(s0, s1));
                sHi = Math.min(sHi, Math.max(s0, s1));
            }
            if (inside && sLo <= sHi) {
                lo = Math.min(lo, sLo);
                hi = Math.max(hi, sHi);
            }
        }
        lo = Math.max(lo, 0);
        hi = Math.min(hi, 1);
        if (lo > hi) {
            return false;
        }
        out[0] = lo;
        out[1] = hi;
        return true;
    }
}
