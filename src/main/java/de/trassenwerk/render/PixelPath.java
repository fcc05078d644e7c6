package de.trassenwerk.render;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the lines and rings of a JTS geometry into a Java2D path in pixel coordinates of a
 * {@link Viewport}, simplified to the pixel: a vertex closer than {@link #MIN_STEP} pixels to the
 * last one kept is left out (the last vertex of each line is always kept, rings stay closed).
 * Rings use the even-odd rule, so holes stay holes. Stateless; any thread.
 */
final class PixelPath {
    /** Vertices closer than this (in pixels, in x and in y) to the previous one are skipped. */
    static final double MIN_STEP = 0.5;

    private PixelPath() {
    }

    /** The path of all linear parts of {@code g} (polygon rings closed); points are ignored. */
    static Path2D.Float of(Geometry g, Viewport vp) {
        Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD);
        append(path, g, new Transform(vp));
        return path;
    }

    private static void append(Path2D.Float path, Geometry g, Transform t) {
        if (g instanceof Polygon p) {
            appendSequence(path, p.getExteriorRing().getCoordinateSequence(), t, true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                appendSequence(path, p.getInteriorRingN(i).getCoordinateSequence(), t, true);
            }
        } else if (g instanceof LineString l) {
            appendSequence(path, l.getCoordinateSequence(), t, false);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part != g) {
                    append(path, part, t);
                }
            }
        }
    }

    private static void appendSequence(Path2D.Float path, CoordinateSequence seq, Transform t, boolean ring) {
        int n = seq.size();
        if (n < 2) {
            return;
        }
        double lastX = t.x(seq.getX(0));
        double lastY = t.y(seq.getY(0));
        path.moveTo(lastX, lastY);
        int kept = 1;
        for (int i = 1; i < n; i++) {
            double x = t.x(seq.getX(i));
            double y = t.y(seq.getY(i));
            boolean last = i == n - 1;
            if (!last && Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) {
                continue;
            }
            if (ring && last) {
                break; // closePath() draws the closing edge
            }
            path.lineTo(x, y);
            lastX = x;
            lastY = y;
            kept++;
        }
        if (ring) {
            if (kept < 3) {
                return; // the ring collapsed below a pixel; the feature is drawn as a pixel instead
            }
            path.closePath();
        }
    }

    /** Map to pixel, with the viewport's numbers taken out once. */
    private record Transform(double minX, double maxY, double pixelsPerMetre) {
        Transform(Viewport vp) {
            this(vp.minX(), vp.maxY(), 1 / vp.metresPerPixel());
        }

        double x(double mapX) {
            return (mapX - minX) * pixelsPerMetre;
        }

        double y(double mapY) {
            return (maxY - mapY) * pixelsPerMetre;
        }
    }
}
