package de.trassenwerk.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws a scale bar (bottom left) and a north arrow (top right) onto a finished map image, for
 * exported maps. The scale bar is 1, 2 or 5 × 10^n metres long and at most {@link #MAX_BAR_PIXELS}
 * pixels. Grid north is map north in EPSG:25832, off true north by less than a degree in Duisburg.
 * Stateless; any thread.
 */
public final class MapDecorations {
    /** The longest the scale bar gets. */
    public static final int MAX_BAR_PIXELS = 140;

    private MapDecorations() {
    }

    /** The length of the scale bar in metres: the largest 1, 2 or 5 × 10^n fitting {@code maxMetres}. */
    public static double niceLength(double maxMetres) {
        double pow = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        for (double m : new double[] {5, 2, 1}) {
            if (m * pow <= maxMetres) {
                return m * pow;
            }
        }
        return pow;
    }

    /** The scale bar's label for {@code metres}, e.g. "500 m" or "2 km". */
    public static String label(double metres) {
        double v = metres >= 1000 ? metres / 1000 : metres;
        String number = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        return number + (metres >= 1000 ? " km" : " m");
    }

    /** Paints the scale bar and north arrow for {@code vp} onto {@code image}. */
    public static void paint(BufferedImage image, Viewport vp) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double metres = niceLength(MAX_BAR_PIXELS * vp.metresPerPixel());
            int px = (int) Math.round(metres / vp.metresPerPixel());
            int x0 = 16;
            int y = image.getHeight() - 18;
            g.setColor(new Color(255, 255, 255, 200));
            g.fillRoundRect(x0 - 8, y - 24, px + 16, 32, 6, 6);
            g.setColor(new Color(34, 34, 34));
            g.setStroke(new BasicStroke(2.5f));
            g.drawLine(x0, y, x0 + px, y);
            g.drawLine(x0, y - 5, x0, y + 1);
            g.drawLine(x0 + px, y - 5, x0 + px, y + 1);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            FontMetrics fm = g.getFontMetrics();
            String text = label(metres);
            g.drawString(text, x0 + px / 2 - fm.stringWidth(text) / 2, y - 8);
            int ax = image.getWidth() - 28;
            int ay = 44;
            Path2D.Double arrow = new Path2D.Double();
            arrow.moveTo(ax, ay - 18);
            arrow.lineTo(ax + 7, ay + 6);
            arrow.lineTo(ax, ay + 1);
            arrow.lineTo(ax - 7, ay + 6);
            arrow.closePath();
            g.fill(arrow);
            g.drawString("N", ax - fm.stringWidth("N") / 2, ay - 22);
        } finally {
            g.dispose();
        }
    }
}
