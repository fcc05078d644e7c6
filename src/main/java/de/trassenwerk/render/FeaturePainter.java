package de.trassenwerk.render;

import de.trassenwerk.style.Fill;
import de.trassenwerk.style.Graphic;
import de.trassenwerk.style.LineSymbolizer;
import de.trassenwerk.style.PointSymbolizer;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Stroke;
import de.trassenwerk.style.Symbolizer;
import de.trassenwerk.style.Uom;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Paints {@link FeatureShape}s with their symbolizers onto one Java2D canvas: areas filled then
 * outlined, lines stroked, points as well-known marks, tiny features as one pixel in the colour
 * they would mostly show. Keeps the Java2D strokes it made per style stroke.
 *
 * <p>The two things a map has most of skip Java2D and go straight into the image's pixels through
 * {@link RasterFill} (the same pixels as Java2D's non-antialiased fill, many times faster): areas in
 * {@link PixelShape} form of a polygon symbolizer with a fill and no outline, and features drawn as
 * a single pixel. At {@link Detail#LEVEL_OF_DETAIL}, lines of a line symbolizer (solid or dashed,
 * offset or not, any ends, round joins, at most {@link StrokeRaster#MAX_WIDTH} pixels wide; any
 * joins when at most {@link #THIN_OUTLINE} pixels wide) go through {@link StrokeRaster} as well, and
 * so do thin outlines (at most {@link #THIN_OUTLINE} pixels) of areas: solid ones with the fill then
 * laid without antialiasing under them, dashed ones of areas without a fill.
 * Everything else (wider outlines, wider lines with other joins, dashed outlines of filled areas,
 * marks) is drawn by Java2D, the reference rasteriser (always so at {@link Detail#FULL}).
 *
 * <p>Not thread-safe: one painter per canvas (or per row range of it), used by the one thread that
 * paints it.
 */
final class FeaturePainter {
    private final Graphics2D g;
    private final RasterFill raster;
    private final StrokeRaster lines;
    private final double metresPerPixel;
    private final Map<Stroke, BasicStroke> strokes = new IdentityHashMap<>();
    private final TileMask painted;
    /** Outlines up to this many pixels wide are drawn with the fill by {@link RasterFill} and {@link StrokeRaster}. */
    static final float THIN_OUTLINE = 2f;

    /**
     * A painter on {@code g}, which draws on {@code image} (a {@code TYPE_INT_ARGB_PRE} image,
     * untransformed, unclipped), for a view of {@code metresPerPixel} drawn at {@code detail}.
     */
    FeaturePainter(Graphics2D g, BufferedImage image, double metresPerPixel, Detail detail) {
        this(g, image, metresPerPixel, detail, null);
    }

    /**
     * As {@link #FeaturePainter(Graphics2D, BufferedImage, double, Detail)}, marking in
     * {@code painted} (if not null) the tiles of every shape it paints.
     */
    FeaturePainter(Graphics2D g, BufferedImage image, double metresPerPixel, Detail detail, TileMask painted) {
        this(g, image, 0, image.getHeight(), metresPerPixel, detail, painted);
    }

    /**
     * As {@link #FeaturePainter(Graphics2D, BufferedImage, double, Detail, TileMask)}, painting only
     * rows [{@code top}, {@code bottom}) of {@code image} ({@code g} is clipped to them here):
     * painters of disjoint row ranges, each with its own {@code g}, may paint one image on different
     * threads at once and give the same pixels as one painter of all rows.
     */
    FeaturePainter(Graphics2D g, BufferedImage image, int top, int bottom, double metresPerPixel, Detail detail,
            TileMask painted) {
        this.g = g;
        this.painted = painted;
        this.raster = new RasterFill(image, top, bottom);
        this.lines = detail == Detail.LEVEL_OF_DETAIL ? new StrokeRaster(image, top, bottom) : null;
        if (top > 0 || bottom < image.getHeight()) {
            g.clipRect(0, top, image.getWidth(), bottom - top);
        }
        this.metresPerPixel = metresPerPixel;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
    }

    void paint(FeatureShape s) {
        Symbolizer sym = s.symbolizer();
        if (painted != null) {
            mark(s, sym);
        }
        switch (s.kind()) {
            case AREA -> {
                if (sym instanceof PolygonSymbolizer p) {
                    paintArea(s.shape(), p);
                }
            }
            case LINE -> {
                if (sym instanceof LineSymbolizer l) {
                    strokeLine(s.shape(), l);
                }
            }
            case POINTS -> {
                if (sym instanceof PointSymbolizer p) {
                    paintMarks(s.points(), p);
                }
            }
            case PIXEL -> {
                Color c = pixelColour(sym);
                if (c != null) {
                    double[] xy = s.points();
                    int x = (int) Math.floor(xy[0]);
                    int y = (int) Math.floor(xy[1]);
                    if (sym instanceof PolygonSymbolizer p && p.stroke() == null) {
                        raster.pixelOnce(x, y, RasterFill.premultiplied(c)); // an area filled without antialiasing
                    } else {
                        raster.pixel(x, y, RasterFill.premultiplied(c));
                    }
                }
            }
        }
    }

    /** Marks the tiles {@code s} may paint: its bounds widened by its stroke (or mark) and 2 pixels. */
    private void mark(FeatureShape s, Symbolizer sym) {
        switch (s.kind()) {
            case AREA, LINE -> {
                Stroke stroke = sym instanceof PolygonSymbolizer p ? p.stroke()
                        : sym instanceof LineSymbolizer l ? l.stroke() : null;
                double reach = 2;
                if (stroke != null) {
                    reach += reach(stroke, sym.uom());
                }
                boolean outlineOnly = s.kind() == FeatureShape.Kind.LINE
                        || sym instanceof PolygonSymbolizer p && p.fill() == null;
                if (outlineOnly && s.shape() instanceof PixelShape ps) {
                    markSegments(ps, stroke == null ? 2 : 2 + halfWidth(stroke, sym.uom()), reach);
                } else {
                    java.awt.geom.Rectangle2D r = s.shape().getBounds2D();
                    painted.mark(r.getMinX() - reach, r.getMinY() - reach, r.getMaxX() + reach, r.getMaxY() + reach);
                }
            }
            case POINTS -> {
                double reach = 2;
                if (sym instanceof PointSymbolizer p) {
                    Graphic graphic = p.graphic();
                    reach += p.uom().toPixels(graphic.size(), metresPerPixel) * Math.sqrt(2) / 2;
                    if (graphic.mark().stroke() != null) {
                        reach += reach(graphic.mark().stroke(), p.uom());
                    }
                }
                double[] xy = s.points();
                for (int i = 0; i + 1 < xy.length; i += 2) {
                    painted.mark(xy[i] - reach, xy[i + 1] - reach, xy[i] + reach, xy[i + 1] + reach);
                }
            }
            case PIXEL -> painted.mark(s.points()[0] - 1, s.points()[1] - 1, s.points()[0] + 1, s.points()[1] + 1);
        }
    }

    /**
     * Marks the tiles along a line or outline: each segment, in pieces of at most a tile, widened by
     * {@code sideReach} (half the stroke and the antialiasing), and each vertex widened by
     * {@code vertexReach} (where miters and square caps stick out). A long diagonal street or a
     * district's outline touches few of the tiles of its bounds, and an unmarked tile is neither
     * laid over the map nor cleared for the next render.
     */
    private void markSegments(PixelShape ps, double sideReach, double vertexReach) {
        float[] xy = ps.coordinates();
        int start = 0;
        for (int end : ps.partEnds()) {
            for (int i = start; i < end; i++) {
                painted.mark(xy[2 * i] - vertexReach, xy[2 * i + 1] - vertexReach, xy[2 * i] + vertexReach,
                        xy[2 * i + 1] + vertexReach);
            }
            for (int i = start; i + 1 < end; i++) {
                markSegment(xy, i, i + 1, sideReach);
            }
            if (ps.closed() && end - start > 2) {
                markSegment(xy, end - 1, start, sideReach);
            }
            start = end;
        }
    }

    /** Marks the segment from vertex a to b in pieces of at most a tile, so that a long diagonal marks a band. */
    private void markSegment(float[] xy, int a, int b, double reach) {
        double ax = xy[2 * a];
        double ay = xy[2 * a + 1];
        double dx = xy[2 * b] - ax;
        double dy = xy[2 * b + 1] - ay;
        int pieces = Math.max(1, (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / TileMask.TILE));
        if (pieces > 1 << 16) { // far outside the view: its bounds will do
            pieces = 1;
        }
        double x0 = ax;
        double y0 = ay;
        for (int k = 1; k <= pieces; k++) {
            double x1 = k == pieces ? ax + dx : ax + dx * k / pieces;
            double y1 = k == pieces ? ay + dy : ay + dy * k / pieces;
            painted.mark(Math.min(x0, x1) - reach, Math.min(y0, y1) - reach, Math.max(x0, x1) + reach,
                    Math.max(y0, y1) + reach);
            x0 = x1;
            y0 = y1;
        }
    }

    /** Half the width of a stroke in pixels. */
    private double halfWidth(Stroke stroke, Uom uom) {
        return strokes.computeIfAbsent(stroke, st -> StrokeFactory.of(st, uom, metresPerPixel)).getLineWidth() / 2;
    }

    /** How far a stroke paints beyond the path: half its width, its miters and square caps. */
    private double reach(Stroke stroke, Uom uom) {
        BasicStroke b = strokes.computeIfAbsent(stroke, st -> StrokeFactory.of(st, uom, metresPerPixel));
        double join = b.getLineJoin() == BasicStroke.JOIN_MITER ? Math.max(1, b.getMiterLimit()) : 1;
        return b.getLineWidth() / 2 * Math.max(join, b.getEndCap() == BasicStroke.CAP_SQUARE ? Math.sqrt(2) : 1);
    }

    private void paintArea(Shape shape, PolygonSymbolizer p) {
        Fill fill = p.fill();
        BasicStroke outline = p.stroke() == null ? null
                : strokes.computeIfAbsent(p.stroke(), st -> StrokeFactory.of(st, p.uom(), metresPerPixel));
        if (lines != null && outline != null && shape instanceof PixelShape ps && outline.getLineWidth() <= THIN_OUTLINE
                && (fill == null || outline.getDashArray() == null)) {
            // a thin solid outline covers the edge pixels, where antialiasing the fill would show
            // (between the dashes of a dashed one it would not: such areas stay with Java2D)
            if (fill != null) {
                raster.fill(ps, RasterFill.premultiplied(fill.colour()));
            }
            if (!lines.draw(ps, outline, RasterFill.premultiplied(p.stroke().colour()))) {
                stroke(shape, p.stroke(), p.uom());
            }
            return;
        }
        if (fill != null && p.stroke() == null && shape instanceof PixelShape ps) {
            // Unoutlined areas usually tile (coverage cells): without antialiasing
            // neighbours meet without a light seam between them.
            raster.fill(ps, RasterFill.premultiplied(fill.colour()));
        } else if (fill != null && p.stroke() == null) {
            // Unoutlined areas usually tile (coverage cells): without antialiasing
            // neighbours meet without a light seam between them.
            g.setColor(fill.colour());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.fill(shape);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        } else if (fill != null) {
            g.setColor(fill.colour());
            g.fill(shape);
        }
        if (p.stroke() != null) {
            stroke(shape, p.stroke(), p.uom());
        }
    }

    /**
     * A line of a line symbolizer (its shape already moved by any offset): straight into the pixels
     * when its joins are round, or it is at most {@value #THIN_OUTLINE} pixels wide (mitred or
     * bevelled corners of 90 degrees or wider then differ from round ones by less than half a pixel).
     */
    private void strokeLine(Shape shape, LineSymbolizer l) {
        if (lines != null && shape instanceof PixelShape ps) {
            BasicStroke b = strokes.computeIfAbsent(l.stroke(), st -> StrokeFactory.of(st, l.uom(), metresPerPixel));
            if ((b.getLineJoin() == BasicStroke.JOIN_ROUND || b.getLineWidth() <= THIN_OUTLINE)
                    && lines.draw(ps, b, RasterFill.premultiplied(l.stroke().colour()))) {
                return;
            }
        }
        stroke(shape, l.stroke(), l.uom());
    }

    private void stroke(Shape shape, Stroke stroke, Uom uom) {
        g.setColor(stroke.colour());
        g.setStroke(strokes.computeIfAbsent(stroke, st -> StrokeFactory.of(st, uom, metresPerPixel)));
        g.draw(shape);
    }

    private void paintMarks(double[] xy, PointSymbolizer p) {
        Graphic graphic = p.graphic();
        double size = p.uom().toPixels(graphic.size(), metresPerPixel);
        if (size <= 0 || graphic.opacity() <= 0) {
            return;
        }
        Composite before = g.getComposite();
        if (graphic.opacity() < 1) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) graphic.opacity()));
        }
        try {
            for (int i = 0; i + 1 < xy.length; i += 2) {
                Shape mark = MarkShapes.placed(graphic.mark().shape(), xy[i], xy[i + 1], size, graphic.rotation());
                if (graphic.mark().fill() != null) {
                    g.setColor(graphic.mark().fill().colour());
                    g.fill(mark);
                }
                if (graphic.mark().stroke() != null) {
                    stroke(mark, graphic.mark().stroke(), p.uom());
                }
            }
        } finally {
            g.setComposite(before);
        }
    }

    /** The colour a feature gets when it is drawn as a single pixel: its fill, else its stroke. */
    static Color pixelColour(Symbolizer s) {
        if (s instanceof PolygonSymbolizer p) {
            return p.fill() != null ? p.fill().colour() : p.stroke() != null ? p.stroke().colour() : null;
        }
        if (s instanceof LineSymbolizer l) {
            return l.stroke().colour();
        }
        if (s instanceof PointSymbolizer p) {
            Graphic gr = p.graphic();
            return gr.mark().fill() != null ? gr.mark().fill().colour()
                    : gr.mark().stroke() != null ? gr.mark().stroke().colour() : null;
        }
        return null;
    }
}
