package de.trassenwerk.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * Paints {@link FeatureShape}s onto one Java2D canvas: areas filled then outlined, lines stroked,
 * points as markers, tiny features as one pixel. Keeps the strokes it made. Unoutlined areas in
 * pixel form and single pixels go straight into the image's pixels through {@link RasterFill}
 * (the same pixels as Java2D's non-antialiased fill, many times faster), and so do solid lines with
 * round ends through {@link StrokeRaster} at level of detail. Not thread-safe: one
 * painter per canvas, used by the one thread that paints that canvas.
 */
final class FeaturePainter {
    /** Outlines at least this wide (pixels) cover the edge pixels of the area they surround. */
    private static final float OUTLINE_HIDES_EDGE = 0.8f;

    private final Graphics2D g;
    private final RasterFill raster;
    private final StrokeRaster lines;
    private final Map<Symbol, Stroke> strokes = new HashMap<>();
    private final Rectangle2D.Double rect = new Rectangle2D.Double();
    private final Ellipse2D.Double ellipse = new Ellipse2D.Double();

    /**
     * A painter on {@code g}, which draws on {@code image} (untransformed, unclipped). At
     * {@link Detail#FULL} every line goes through Java2D, the reference rasteriser.
     */
    FeaturePainter(Graphics2D g, BufferedImage image, Detail detail) {
        this.g = g;
        this.raster = new RasterFill(image);
        this.lines = detail == Detail.LEVEL_OF_DETAIL ? new StrokeRaster(image) : null;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
    }

    void paint(FeatureShape s) {
        Symbol sym = s.symbol();
        switch (s.kind()) {
            case AREA -> {
                if (sym.fill() != null && sym.stroke() == null && s.shape() instanceof PixelShape ps) {
                    // Unoutlined areas usually tile (coverage cells): without antialiasing
                    // neighbours meet without a light seam between them.
                    raster.fill(ps, RasterFill.premultiplied(sym.fill()));
                } else if (sym.fill() != null && sym.stroke() == null) {
                    g.setColor(sym.fill());
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                    g.fill(s.shape());
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                } else if (sym.fill() != null && lines != null && s.shape() instanceof PixelShape ps
                        && sym.strokeWidth() >= OUTLINE_HIDES_EDGE && sym.stroke().getAlpha() == 255) {
                    // at level of detail: the opaque outline lies over the fill's edge, so the fill
                    // needs no antialiasing of its own
                    raster.fill(ps, RasterFill.premultiplied(sym.fill()));
                } else if (sym.fill() != null) {
                    g.setColor(sym.fill());
                    g.fill(s.shape());
                }
                if (sym.stroke() != null && sym.strokeWidth() > 0) {
                    Stroke stroke = strokeOf(sym);
                    if (!(lines != null && s.shape() instanceof PixelShape ps && isPlainRound(stroke)
                            && lines.draw(ps, ((BasicStroke) stroke).getLineWidth(), RasterFill.premultiplied(sym.stroke())))) {
                        g.setColor(sym.stroke());
                        g.setStroke(stroke);
                        g.draw(s.shape());
                    }
                }
            }
            case LINE -> {
                Color c = sym.stroke() != null ? sym.stroke() : sym.fill();
                if (c != null) {
                    Stroke stroke = strokeOf(sym);
                    if (!(lines != null && s.shape() instanceof PixelShape ps && isPlainRound(stroke)
                            && lines.draw(ps, ((BasicStroke) stroke).getLineWidth(), RasterFill.premultiplied(c)))) {
                        g.setColor(c);
                        g.setStroke(stroke);
                        g.draw(s.shape());
                    }
                }
            }
            case POINTS -> paintMarkers(s.points(), sym);
            case PIXEL -> paintPixel(s.points()[0], s.points()[1], sym);
        }
    }

    /** Paints a feature smaller than a pixel, centred at pixel position (x, y), as that one pixel. */
    void paintPixel(double x, double y, Symbol sym) {
        Color c = sym.pixelColour();
        if (c == null) {
            return;
        }
        int px = (int) Math.floor(x);
        int py = (int) Math.floor(y);
        if (sym.stroke() == null) {
            raster.pixelOnce(px, py, RasterFill.premultiplied(c)); // an area filled without antialiasing
        } else {
            raster.pixel(px, py, RasterFill.premultiplied(c));
        }
    }

    private void paintMarkers(double[] xy, Symbol sym) {
        double size = sym.pointSize();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            double x = xy[i] - size / 2;
            double y = xy[i + 1] - size / 2;
            java.awt.geom.RectangularShape marker = sym.marker() == Symbol.Marker.SQUARE ? rect : ellipse;
            marker.setFrame(x, y, size, size);
            if (sym.fill() != null) {
                g.setColor(sym.fill());
                g.fill(marker);
            }
            if (sym.stroke() != null && sym.strokeWidth() > 0) {
                g.setColor(sym.stroke());
                g.setStroke(strokeOf(sym));
                g.draw(marker);
            }
        }
    }

    /** A solid line with round ends and joins: what {@link StrokeRaster} draws. */
    private static boolean isPlainRound(Stroke stroke) {
        return stroke instanceof BasicStroke b && b.getDashArray() == null && b.getEndCap() == BasicStroke.CAP_ROUND
                && b.getLineJoin() == BasicStroke.JOIN_ROUND;
    }

    private Stroke strokeOf(Symbol sym) {
        return strokes.computeIfAbsent(sym, s -> {
            float w = Math.max(s.strokeWidth(), 0.1f);
            if (s.dash() > 0) {
                return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {s.dash(), s.dash() / 2}, 0f);
            }
            return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        });
    }
}
