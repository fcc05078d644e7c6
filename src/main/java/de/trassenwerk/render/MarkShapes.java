package de.trassenwerk.render;

import de.trassenwerk.style.WellKnownMark;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumMap;
import java.util.Map;

/**
 * The well-known marks as Java2D shapes of size 1 centred on the origin, and placed copies of them.
 * Stateless apart from the immutable unit shapes; any thread.
 */
final class MarkShapes {
    private static final Map<WellKnownMark, Shape> UNIT = new EnumMap<>(WellKnownMark.class);

    static {
        UNIT.put(WellKnownMark.SQUARE, new Rectangle2D.Double(-0.5, -0.5, 1, 1));
        UNIT.put(WellKnownMark.CIRCLE, new Ellipse2D.Double(-0.5, -0.5, 1, 1));
        Path2D.Double triangle = new Path2D.Double();
        triangle.moveTo(0, -0.5);
        triangle.lineTo(0.5, 0.5);
        triangle.lineTo(-0.5, 0.5);
        triangle.closePath();
        UNIT.put(WellKnownMark.TRIANGLE, triangle);
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? 0.5 : 0.2;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = r * Math.cos(a);
            double y = r * Math.sin(a) + 0.05;
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        UNIT.put(WellKnownMark.STAR, star);
        Shape cross = cross();
        UNIT.put(WellKnownMark.CROSS, cross);
        UNIT.put(WellKnownMark.X, AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(cross));
    }

    private MarkShapes() {
    }

    /** A plus sign with arms one seventh of the size thick. */
    private static Shape cross() {
        double t = 1.0 / 7;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-t, -0.5);
        p.lineTo(t, -0.5);
        p.lineTo(t, -t);
        p.lineTo(0.5, -t);
        p.lineTo(0.5, t);
        p.lineTo(t, t);
        p.lineTo(t, 0.5);
        p.lineTo(-t, 0.5);
        p.lineTo(-t, t);
        p.lineTo(-0.5, t);
        p.lineTo(-0.5, -t);
        p.lineTo(-t, -t);
        p.closePath();
        return p;
    }

    /** The mark {@code size} pixels high, centred at ({@code x}, {@code y}), turned clockwise by {@code degrees}. */
    static Shape placed(WellKnownMark mark, double x, double y, double size, double degrees) {
        AffineTransform t = AffineTransform.getTranslateInstance(x, y);
        if (degrees != 0) {
            t.rotate(Math.toRadians(degrees));
        }
        t.scale(size, size);
        return t.createTransformedShape(UNIT.get(mark));
    }
}
