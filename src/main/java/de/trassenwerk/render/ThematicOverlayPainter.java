package de.trassenwerk.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws {@link ThematicOverlay}s over a finished map image: areas filled and outlined in their class's
 * colours, lines stroked, points as small discs; only what meets the view, and anything smaller than a
 * few pixels as a disc, so that a city-wide view of thousands of sites stays quick and every site stays
 * visible.
 *
 * <p>Stateless; any thread, but one image must not be painted by two threads at once.
 */
public final class ThematicOverlayPainter {
    /** Features smaller than this many pixels across are drawn as a disc of this diameter. */
    private static final double MIN_PIXELS = 5;

    private ThematicOverlayPainter() {
    }

    /** Paints {@code overlay} (map coordinates of {@code vp}) onto {@code image}; stops early when {@code cancelled}. */
    public static void paint(BufferedImage image, Viewport vp, ThematicOverlay overlay, BooleanSupplier cancelled) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            ShapeWriter writer = new ShapeWriter((src, dest) -> dest.setLocation(vp.toPixelX(src.x), vp.toPixelY(src.y)));
            BasicStroke edge = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            Envelope view = vp.envelope();
            double pixel = vp.metresPerPixel();
            for (ThematicOverlay.ThematicClass c : overlay.classes()) {
                for (Geometry geom : c.geometries()) {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    Envelope e = geom == null ? null : geom.getEnvelopeInternal();
                    if (e == null || e.isNull() || !e.intersects(view)) {
                        continue;
                    }
                    g.setStroke(edge);
                    if (geom instanceof Puntal || Math.max(e.getWidth(), e.getHeight()) < MIN_PIXELS * pixel) {
                        Point centre = geom instanceof Point p ? p : geom.getCentroid();
                        Shape disc = new Ellipse2D.Double(vp.toPixelX(centre.getX()) - MIN_PIXELS / 2,
                                vp.toPixelY(centre.getY()) - MIN_PIXELS / 2, MIN_PIXELS, MIN_PIXELS);
                        g.setColor(c.edge());
                        g.fill(disc);
                        continue;
                    }
                    Shape shape = writer.toShape(geom);
                    if (geom.getDimension() == 2 && c.fill() != null) {
                        g.setColor(c.fill());
                        g.fill(shape);
                    }
                    g.setColor(c.edge());
                    g.draw(shape);
                }
            }
        } finally {
            g.dispose();
        }
    }
}
