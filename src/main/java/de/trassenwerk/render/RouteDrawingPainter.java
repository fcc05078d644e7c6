package de.trassenwerk.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a {@link RouteDrawing} over a finished map image: per track first its halo along all pieces,
 * then each piece in its colour (dashed where the track is), so that the colours of a route's cost
 * classes meet cleanly; then the markers, each a disc with a white rim and its label. Only tracks that
 * meet the view are drawn.
 *
 * <p>Stateless; any thread, but one image must not be painted by two threads at once.
 */
public final class RouteDrawingPainter {
    /** The diameter of a marker in pixels. */
    static final double MARKER_PIXELS = 20;
    private static final Color MARKER_RIM = Color.WHITE;
    private static final Color MARKER_EDGE = new Color(40, 40, 40);

    private RouteDrawingPainter() {
    }

    /** Paints {@code drawing} (map coordinates of {@code vp}) onto {@code image}; stops early when {@code cancelled}. */
    public static void paint(BufferedImage image, Viewport vp, RouteDrawing drawing, BooleanSupplier cancelled) {
        if (drawing == null || drawing.isEmpty()) {
            return;
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            ShapeWriter writer = new ShapeWriter((src, dest) -> dest.setLocation(vp.toPixelX(src.x), vp.toPixelY(src.y)));
            Envelope view = vp.envelope();
            for (RouteDrawing.Track t : drawing.tracks()) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                if (meets(t, view)) {
                    paint(g, writer, t);
                }
            }
            for (RouteDrawing.Marker m : drawing.markers()) {
                if (view.contains(m.x(), m.y())) {
                    paint(g, vp.toPixelX(m.x()), vp.toPixelY(m.y()), m);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static boolean meets(RouteDrawing.Track t, Envelope view) {
        for (RouteDrawing.Piece p : t.pieces()) {
            if (p.line().getEnvelopeInternal().intersects(view)) {
                return true;
            }
        }
        return false;
    }

    private static void paint(Graphics2D g, ShapeWriter writer, RouteDrawing.Track t) {
        g.setColor(t.halo());
        g.setStroke(new BasicStroke(t.width() + 3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (RouteDrawing.Piece p : t.pieces()) {
            g.draw(writer.toShape(p.line()));
        }
        BasicStroke core = t.dashed()
                ? new BasicStroke(t.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                        new float[] {3 * t.width(), 2 * t.width()}, 0)
                : new BasicStroke(t.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        g.setStroke(core);
        for (RouteDrawing.Piece p : t.pieces()) {
            g.setColor(p.colour());
            g.draw(writer.toShape(p.line()));
        }
    }

    private static void paint(Graphics2D g, double px, double py, RouteDrawing.Marker m) {
        double r = MARKER_PIXELS / 2;
        Ellipse2D outer = new Ellipse2D.Double(px - r - 1.5, py - r - 1.5, MARKER_PIXELS + 3, MARKER_PIXELS + 3);
        Ellipse2D disc = new Ellipse2D.Double(px - r, py - r, MARKER_PIXELS, MARKER_PIXELS);
        g.setColor(MARKER_EDGE);
        g.fill(outer);
        g.setColor(MARKER_RIM);
        g.fill(disc);
        g.setColor(m.fill());
        g.fill(new Ellipse2D.Double(px - r + 2, py - r + 2, MARKER_PIXELS - 4, MARKER_PIXELS - 4));
        if (!m.label().isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Color.WHITE);
            g.drawString(m.label(), (float) (px - fm.stringWidth(m.label()) / 2.0),
                    (float) (py + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
    }
}
