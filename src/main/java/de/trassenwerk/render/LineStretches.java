package de.trassenwerk.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a polyline in pixels into nearly straight stretches: runs of vertices that all lie within a
 * tolerance of the chord from the run's first to its last vertex and follow it without turning
 * back. A label set straight along such a chord stays on the line. Stateless; any thread.
 */
final class LineStretches {
    private LineStretches() {
    }

    /** A straight stretch from (x0, y0) to (x1, y1). */
    record Stretch(double x0, double y0, double x1, double y1) {
        double length() {
            return Math.hypot(x1 - x0, y1 - y0);
        }
    }

    /**
     * The stretches of the polyline {@code xy} (x/y pairs), longest first; each vertex more than
     * {@code tolerance} pixels off the chord ends a stretch.
     */
    static List<Stretch> of(double[] xy, double tolerance) {
        int n = xy.length / 2;
        List<Stretch> out = new ArrayList<>();
        int i = 0;
        while (i < n - 1) {
            int j = i + 1;
            while (j + 1 < n && straight(xy, i, j + 1, tolerance)) {
                j++;
            }
            out.add(new Stretch(xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]));
            i = j;
        }
        out.sort(Comparator.comparingDouble(Stretch::length).reversed());
        return out;
    }

    /** Whether the vertices between {@code from} and {@code to} lie near the chord, in order along it. */
    private static boolean straight(double[] xy, int from, int to, double tolerance) {
        double ax = xy[2 * from];
        double ay = xy[2 * from + 1];
        double dx = xy[2 * to] - ax;
        double dy = xy[2 * to + 1] - ay;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return false;
        }
        double lastT = 0;
        for (int k = from + 1; k <= to; k++) {
            double px = xy[2 * k] - ax;
            double py = xy[2 * k + 1] - ay;
            double t = (px * dx + py * dy) / len;
            double off = Math.abs(px * dy - py * dx) / len;
            if (off > tolerance || t < lastT - 0.01) {
                return false;
            }
            lastT = t;
        }
        return true;
    }
}
