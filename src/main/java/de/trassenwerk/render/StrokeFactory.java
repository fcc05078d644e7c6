package de.trassenwerk.render;

import de.trassenwerk.style.LineCap;
import de.trassenwerk.style.LineJoin;
import de.trassenwerk.style.Stroke;
import de.trassenwerk.style.Uom;
import java.awt.BasicStroke;
import java.util.List;

/** Turns style strokes into Java2D strokes in pixels. Stateless; any thread. */
final class StrokeFactory {
    private StrokeFactory() {
    }

    /** The Java2D stroke for {@code s}, its lengths in {@code uom} converted for {@code metresPerPixel}. */
    static BasicStroke of(Stroke s, Uom uom, double metresPerPixel) {
        float w = (float) Math.max(uom.toPixels(s.width(), metresPerPixel), 0.1);
        int cap = switch (s.cap()) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            case SQUARE -> BasicStroke.CAP_SQUARE;
        };
        int join = s.join() == LineJoin.ROUND ? BasicStroke.JOIN_ROUND
                : s.join() == LineJoin.BEVEL ? BasicStroke.JOIN_BEVEL : BasicStroke.JOIN_MITER;
        float[] dash = dashes(s.dashArray(), uom, metresPerPixel);
        if (dash == null) {
            return new BasicStroke(w, cap, join, 4f);
        }
        float offset = (float) uom.toPixels(s.dashOffset(), metresPerPixel);
        return new BasicStroke(w, s.cap() == LineCap.ROUND ? cap : BasicStroke.CAP_BUTT, join, 4f, dash, offset);
    }

    /** The dash pattern in pixels; null for a solid line (no pattern, or nothing but zeros). */
    private static float[] dashes(List<Double> pattern, Uom uom, double metresPerPixel) {
        if (pattern.isEmpty()) {
            return null;
        }
        List<Double> p = pattern.size() % 2 == 1 ? concat(pattern) : pattern;
        float[] d = new float[p.size()];
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.max(0, uom.toPixels(p.get(i), metresPerPixel));
            sum += d[i];
        }
        return sum > 0 ? d : null;
    }

    /** An odd pattern repeated once, as SVG does, so that dashes and gaps alternate. */
    private static List<Double> concat(List<Double> p) {
        List<Double> twice = new java.util.ArrayList<>(p);
        twice.addAll(p);
        return twice;
    }
}
