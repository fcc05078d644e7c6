package de.trassenwerk.coordination;

import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * The stretch of a street centreline a site lies on, by linear referencing: the part of the site within
 * the buffer distance of the street, projected onto the centreline. Given as the distances
 * {@code from <= to} along the street from its first vertex (parts of a multi-line street follow each
 * other without the gaps between them, as in JTS's length-indexed lines). Two sites that meet end to
 * end project onto stretches that only touch. Immutable value plus a stateless factory; safe from any
 * thread.
 */
record StreetSection(double from, double to) {

    double length() {
        return to - from;
    }

    /** The length both sections share (0 when they only touch or are apart). */
    double overlap(StreetSection o) {
        return Math.max(0, Math.min(to, o.to) - Math.max(from, o.from));
    }

    /**
     * The section of {@code site} on {@code street}, or null when no part of the site lies within
     * {@code distance}. Where an outline edge of the site (or a segment of a line-shaped site) comes
     * within the distance of a street segment, the ends of that stretch (exact, with true circles at
     * the street's vertices) are projected onto the street; street vertices inside a polygonal site
     * count as well.
     */
    static StreetSection of(Shape street, Shape site, double distance) {
        double[] s = street.edges;
        double[] e = site.edges;
        double[] t = new double[2];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < e.length; i += 4) {
            for (int j = 0; j < s.length; j += 4) {
                if (apart(e, i, s, j, distance)
                        || !Capsule.within(e[i], e[i + 1], e[i + 2], e[i + 3], s[j], s[j + 1], s[j + 2], s[j + 3],
                                distance, t)) {
                    continue;
                }
                for (double f : t) {
                    double a = project(s, e[i] + f * (e[i + 2] - e[i]), e[i + 1] + f * (e[i + 3] - e[i + 1]));
                    lo = Math.min(lo, a);
                    hi = Math.max(hi, a);
                }
            }
        }
        if (!site.areas.isEmpty()) {
            double offset = 0;
            for (int j = 0; j < s.length; j += 4) {
                for (int end = 0; end < 2; end++) {
                    double at = offset + (end == 0 ? 0 : Math.hypot(s[j + 2] - s[j], s[j + 3] - s[j + 1]));
                    if ((at < lo || at > hi) && inside(site, s[j + 2 * end], s[j + 2 * end + 1])) {
                        lo = Math.min(lo, at);
                        hi = Math.max(hi, at);
                    }
                }
                offset += Math.hypot(s[j + 2] - s[j], s[j + 3] - s[j + 1]);
            }
        }
        return lo <= hi ? new StreetSection(lo, hi) : null;
    }

    private static boolean inside(Shape site, double x, double y) {
        Coordinate c = new Coordinate(x, y);
        for (int a = 0; a < site.areas.size(); a++) {
            if (site.areaEnvelopes[a].intersects(c) && SimplePointInAreaLocator.locate(c, site.areas.get(a))
                    != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    /** The distance along the street (its edges in order) of the point of it nearest to (x, y). */
    private static double project(double[] s, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        double at = 0;
        double offset = 0;
        for (int j = 0; j < s.length; j += 4) {
            double ux = s[j + 2] - s[j];
            double uy = s[j + 3] - s[j + 1];
            double len2 = ux * ux + uy * uy;
            double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - s[j]) * ux + (y - s[j + 1]) * uy) / len2));
            double dx = s[j] + f * ux - x;
            double dy = s[j + 1] + f * uy - y;
            double d2 = dx * dx + dy * dy;
            double len = Math.sqrt(len2);
            if (d2 < best) {
                best = d2;
                at = offset + f * len;
            }
            offset += len;
        }
        return at;
    }

    /** Whether the envelopes of edge i of {@code a} and edge j of {@code b} lie farther apart than {@code d}. */
    private static boolean apart(double[] a, int i, double[] b, int j, double d) {
        return Math.min(a[i], a[i + 2]) - d > Math.max(b[j], b[j + 2])
                || Math.max(a[i], a[i + 2]) + d < Math.min(b[j], b[j + 2])
                || Math.min(a[i + 1], a[i + 3]) - d > Math.max(b[j + 1], b[j + 3])
                || Math.max(a[i + 1], a[i + 3]) + d < Math.min(b[j + 1], b[j + 3]);
    }

    /** The largest distance of any vertex of the site from the street. */
    static double reach(Shape street, Shape site) {
        double far = 0;
        double[] e = site.edges;
        double[] s = street.edges;
        for (int i = 0; i < e.length; i += 2) {
            double near = Double.POSITIVE_INFINITY;
            for (int j = 0; j < s.length; j += 4) {
                double ux = s[j + 2] - s[j];
                double uy = s[j + 3] - s[j + 1];
                double len2 = ux * ux + uy * uy;
                double f = len2 == 0 ? 0
                        : Math.max(0, Math.min(1, ((e[i] - s[j]) * ux + (e[i + 1] - s[j + 1]) * uy) / len2));
                near = Math.min(near, Math.hypot(s[j] + f * ux - e[i], s[j + 1] + f * uy - e[i + 1]));
            }
            far = Math.max(far, near);
        }
        return far;
    }
}
