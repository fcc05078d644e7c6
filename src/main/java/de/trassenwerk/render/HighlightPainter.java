package de.trassenwerk.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Draws selected or focused features over a finished map image, in the selection colour that GIS
 * users know (a bright yellow with a dark edge), so they stand out on any theme. Points get a ring,
 * lines a wide stroke, areas a translucent fill and an outline.
 *
 * <p>Stateless; any thread, but one image must not be painted by two threads at once.
 */
public final class HighlightPainter {
    static final Color FILL = new Color(255, 230, 0, 90);
    static final Color EDGE = new Color(255, 215, 0);
    static final Color HALO = new Color(60, 60, 60, 200);

    private HighlightPainter() {
    }

    /** Paints {@code geometries} (map coordinates of {@code vp}) onto {@code image}. */
    public static void paint(BufferedImage image, Viewport vp, List<? extends Geometry> geometries) {
        if (geometries.isEmpty()) {
            return;
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            ShapeWriter writer = new ShapeWriter((src, dest) -> dest.setLocation(vp.toPixelX(src.x), vp.toPixelY(src.y)));
            BasicStroke halo = new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            BasicStroke edge = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            for (Geometry geom : geometries) {
                if (geom == null || geom.isEmpty() || !geom.getEnvelopeInternal().intersects(vp.envelope())) {
                    continue;
                }
                if (geom instanceof Puntal) {
                    for (int i = 0; i < geom.getNumGeometries(); i++) {
                        Point p = (Point) geom.getGeometryN(i);
                        Shape ring = new Ellipse2D.Double(vp.toPixelX(p.getX()) - 7, vp.toPixelY(p.getY()) - 7, 14, 14);
                        stroke(g, ring, halo, edge);
                    }
                    continue;
                }
                Shape shape = writer.toShape(geom);
                if (geom.getDimension() == 2) {
                    g.setColor(FILL);
                    g.fill(shape);
                }
                stroke(g, shape, halo, edge);
            }
        } finally {
            g.dispose();
        }
    }

    private static void stroke(Graphics2D g, Shape shape, BasicStroke halo, BasicStroke edge) {
        g.setColor(HALO);
        g.setStroke(halo);
        g.draw(shape);
        g.setColor(EDGE);
        g.setStroke(edge);
        g.draw(shape);
    }
}
