package de.trassenwerk.render;

import de.trassenwerk.style.Halo;
import de.trassenwerk.style.LabelOptions;
import de.trassenwerk.style.LabelPlacement;
import de.trassenwerk.style.TextSymbolizer;
import de.trassenwerk.style.Uom;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Places the labels of all layers of one map after the layers are drawn, on top, without overlaps.
 *
 * <p>Candidates are gathered per layer; those of a text symbolizer with the {@code group} option
 * and the same text are taken as one (street segments of one name are merged into longer lines).
 * Labels are placed highest priority first, then from the upper layer, then the longer line or the
 * larger area first. Each label is set only where a {@link CollisionGrid} says it meets no label
 * placed before and lies inside the image; otherwise it is left out. Lines are labelled along their
 * longest nearly straight stretch that is longer than the text, turned to read left to right (and
 * repeated every {@code repeat} pixels on long lines); areas at the centre of the largest circle
 * inside their visible part (or, for a long text, at another point well inside), only where the
 * text fits inside; points at their anchor. Text is drawn
 * with its halo.
 *
 * <p>Placing ({@link #layout}) and drawing ({@link #draw}) are apart, so that labels can be placed
 * on one thread while the layer images are laid over the map on others.
 *
 * <p>Not thread-safe: one engine per render, used by one thread at a time.
 */
final class LabelEngine {
    private static final GeometryFactory GF = new GeometryFactory();
    /** How many grid points inside an area are tried after the centre of its largest circle. */
    private static final int GRID_TRIES = 12;
    /**
     * How text is measured: antialiased with fractional metrics on an untransformed image, as
     * {@link #draw} sets the graphics up.
     */
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    private final Viewport viewport;
    private final Map<GroupKey, Group> groups = new LinkedHashMap<>();
    private final Map<TextSymbolizer, Integer> symbolizerIds = new IdentityHashMap<>();
    private final Map<TextSymbolizer, Font> fonts = new IdentityHashMap<>();
    private int sequence;
    private int placed;

    /** Which candidates are one label: same layer, same symbolizer (by identity), same text. */
    private record GroupKey(int layer, int symbolizer, String text, int single) {
    }

    /** One label to place: its text and the geometries it may go on. */
    private static final class Group {
        final int layer;
        final int order;
        final TextSymbolizer symbolizer;
        final String text;
        final List<Geometry> geometries = new ArrayList<>();
        double weight;

        Group(int layer, int order, TextSymbolizer symbolizer, String text) {
            this.layer = layer;
            this.order = order;
            this.symbolizer = symbolizer;
            this.text = text;
        }
    }

    /**
     * The measured text of a group: its lines (one unless wrapped) with their widths, the width and
     * height of the whole block, the ascent and height of one line, and the free margin around it.
     */
    private record Text(List<GlyphVector> lines, double[] lineWidths, double width, double height, double ascent,
            double lineHeight, double pad) {
    }

    /**
     * A label set by {@link #layout}: its text block at {@code left}/{@code top} in its own
     * coordinates, placed on the image by {@code at}, lines aligned by {@code align} (0 left, 0.5
     * centred, 1 right), with a halo of {@code haloPixels}.
     */
    record Placed(TextSymbolizer symbolizer, Text text, AffineTransform at, double left, double top, double align,
            double haloPixels) {
    }

    LabelEngine(Viewport viewport) {
        this.viewport = viewport;
    }

    /** Adds the candidates of the layer drawn {@code layerOrder}-th from the bottom. */
    void add(int layerOrder, List<LabelCandidate> candidates) {
        for (LabelCandidate c : candidates) {
            if (c.geometry() == null || c.geometry().isEmpty()) {
                continue;
            }
            boolean grouped = c.symbolizer().options().group();
            int symbolizer = symbolizerIds.computeIfAbsent(c.symbolizer(), s -> symbolizerIds.size());
            GroupKey key = new GroupKey(layerOrder, symbolizer, c.text(), grouped ? -1 : sequence);
            Group g = groups.computeIfAbsent(key, k -> new Group(layerOrder, sequence, c.symbolizer(), c.text()));
            sequence++;
            g.geometries.add(c.geometry());
            Geometry geom = c.geometry();
            g.weight += geom.getDimension() == 2 ? geom.getArea() : geom.getDimension() == 1 ? geom.getLength() : 0;
        }
    }

    /** How many labels the last {@link #layout} (or {@link #paint}) set. */
    int placed() {
        return placed;
    }

    /** Places and draws the labels onto {@code g} (the map image); stops early when cancelled. */
    void paint(Graphics2D g, BooleanSupplier cancelled) {
        draw(g, layout(cancelled));
    }

    /**
     * Places the labels without drawing them: which text goes where, in the order they were set.
     * Needs no image, so it may run while the layer images are still being laid over the map. Stops
     * early when cancelled (the labels placed so far are kept).
     */
    List<Placed> layout(BooleanSupplier cancelled) {
        placed = 0;
        List<Placed> out = new ArrayList<>();
        if (groups.isEmpty()) {
            return out;
        }
        CollisionGrid grid = new CollisionGrid(viewport.width(), viewport.height());
        List<Group> order = new ArrayList<>(groups.values());
        order.sort(Comparator.comparingDouble((Group x) -> -x.symbolizer.options().priority())
                .thenComparingInt(x -> -x.layer)
                .thenComparingDouble(x -> -x.weight)
                .thenComparingInt(x -> x.order));
        for (Group group : order) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            int dimension = group.geometries.get(0).getDimension();
            LabelPlacement placement = group.symbolizer.placement();
            boolean alongLine = dimension == 1 && placement instanceof LabelPlacement.LinePlacement;
            Text text = measure(group, FRC, !alongLine);
            if (text == null) {
                continue;
            }
            if (alongLine) {
                alongLines(out, grid, group, text, (LabelPlacement.LinePlacement) placement);
            } else if (dimension == 2) {
                inArea(out, grid, group, text, pointPlacement(placement));
            } else {
                atPoint(out, grid, group, text, pointPlacement(placement));
            }
        }
        placed = out.size();
        return out;
    }

    /**
     * The same labels with glyphs of their own, for drawing them on another thread beside the
     * originals (glyph vectors keep caches and are not made to be shared between threads).
     */
    static List<Placed> copies(List<Placed> labels) {
        List<Placed> out = new ArrayList<>(labels.size());
        for (Placed p : labels) {
            Text t = p.text();
            List<GlyphVector> lines = new ArrayList<>(t.lines().size());
            for (GlyphVector line : t.lines()) {
                lines.add(line.getFont().createGlyphVector(line.getFontRenderContext(),
                        line.getGlyphCodes(0, line.getNumGlyphs(), null)));
            }
            out.add(new Placed(p.symbolizer(), new Text(lines, t.lineWidths(), t.width(), t.height(), t.ascent(),
                    t.lineHeight(), t.pad()), p.at(), p.left(), p.top(), p.align(), p.haloPixels()));
        }
        return out;
    }

    /**
     * The pixels {@code label} may paint, halo included: its text block, widened by the halo and a
     * margin of 4 pixels for glyphs that reach beyond it, as placed on the image.
     */
    static Rectangle2D reach(Placed label) {
        double grow = Math.max(0, label.haloPixels()) + 4;
        return label.at().createTransformedShape(new Rectangle2D.Double(label.left() - grow, label.top() - grow,
                label.text().width() + 2 * grow, label.text().height() + 2 * grow)).getBounds2D();
    }

    /** Draws labels placed by {@link #layout} onto {@code g} (the map image). */
    static void draw(Graphics2D g, List<Placed> labels) {
        if (labels.isEmpty()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        AffineTransform before = g.getTransform();
        HaloPainter halos = new HaloPainter();
        try {
            for (Placed label : labels) {
                AffineTransform device = new AffineTransform(before);
                device.concatenate(label.at());
                Text text = label.text();
                int n = text.lines().size();
                GlyphVector[] lines = text.lines().toArray(new GlyphVector[0]);
                float[] xs = new float[n];
                float[] baselines = new float[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = (float) (label.left() + (text.width() - text.lineWidths()[i]) * label.align());
                    baselines[i] = (float) (label.top() + text.ascent() + i * text.lineHeight());
                }
                TextSymbolizer s = label.symbolizer();
                if (s.halo() != null) {
                    halos.paint(g, device, lines, xs, baselines,
                            new Rectangle2D.Double(label.left(), label.top(), text.width(), text.height()),
                            label.haloPixels(), opaque(s.halo().fill().colour()));
                }
                g.setTransform(device);
                g.setColor(s.fill().colour());
                for (int i = 0; i < n; i++) {
                    g.drawGlyphVector(lines[i], xs[i], baselines[i]);
                }
            }
        } finally {
            g.setTransform(before);
            halos.dispose();
        }
    }

    private static LabelPlacement.PointPlacement pointPlacement(LabelPlacement p) {
        return p instanceof LabelPlacement.PointPlacement pp ? pp : LabelPlacement.DEFAULT_POINT;
    }

    private Text measure(Group group, FontRenderContext frc, boolean mayWrap) {
        TextSymbolizer s = group.symbolizer;
        double px = s.uom().toPixels(s.font().size(), viewport.metresPerPixel());
        if (px < 3) {
            return null; // too small to read
        }
        Font font = fonts.computeIfAbsent(s, k -> LabelFonts.of(s.font(), px));
        double wrap = mayWrap ? s.options().autoWrap() : 0;
        List<GlyphVector> lines = new ArrayList<>();
        for (String line : wrap > 0 ? wrapped(group.text, font, frc, wrap) : List.of(group.text)) {
            lines.add(font.createGlyphVector(frc, line));
        }
        double[] widths = new double[lines.size()];
        double width = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = lines.get(i).getLogicalBounds().getWidth();
            width = Math.max(width, widths[i]);
        }
        LineMetrics lm = font.getLineMetrics(group.text, frc);
        double lineHeight = lm.getAscent() + lm.getDescent();
        double halo = s.halo() == null ? 0 : s.uom().toPixels(s.halo().radius(), viewport.metresPerPixel());
        double pad = s.options().spaceAround() + halo;
        return new Text(lines, widths, width, lineHeight * lines.size(), lm.getAscent(), lineHeight, pad);
    }

    /**
     * {@code text} broken into lines no wider than {@code wrap} pixels where it can be: after
     * spaces (which are dropped), slashes and hyphens. A word wider than that keeps a line of its own.
     */
    static List<String> wrapped(String text, Font font, FontRenderContext frc, double wrap) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                words.add(text.substring(start, i + 1));
                start = i + 1;
            } else if ((c == '/' || c == '-') && i > start && i + 1 < text.length()) {
                words.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        words.add(text.substring(start));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            String candidate = line + w;
            if (line.length() > 0 && font.getStringBounds(candidate.strip(), frc).getWidth() > wrap) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(w);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    // ------------------------------------------------------------------ points

    private void atPoint(List<Placed> out, CollisionGrid grid, Group group, Text text, LabelPlacement.PointPlacement p) {
        for (Geometry geom : group.geometries) {
            Coordinate c = anchorOf(geom);
            if (c != null && tryPoint(out, grid, group, text, p, viewport.toPixelX(c.x), viewport.toPixelY(c.y), null)) {
                return;
            }
        }
    }

    /** A point's first coordinate; the middle (by length) of a line's longest part. */
    private static Coordinate anchorOf(Geometry geom) {
        if (geom.getDimension() == 0) {
            return geom.getCoordinate();
        }
        LineString longest = null;
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            if (geom.getGeometryN(i) instanceof LineString l && (longest == null || l.getLength() > longest.getLength())) {
                longest = l;
            }
        }
        if (longest == null) {
            return geom.getInteriorPoint().getCoordinate();
        }
        return new LengthIndexedLine(longest).extractPoint(longest.getLength() / 2);
    }

    /**
     * Sets the label with {@code p}'s anchor at pixel (x, y) if it is free there (and, for areas,
     * inside {@code area}); true when set.
     */
    private boolean tryPoint(List<Placed> out, CollisionGrid grid, Group group, Text text,
            LabelPlacement.PointPlacement p, double x, double y, PreparedGeometry area) {
        Uom uom = group.symbolizer.uom();
        double mpp = viewport.metresPerPixel();
        AffineTransform at = AffineTransform.getTranslateInstance(x + uom.toPixels(p.displacementX(), mpp),
                y - uom.toPixels(p.displacementY(), mpp));
        if (p.rotation() != 0) {
            at.rotate(Math.toRadians(p.rotation()));
        }
        double left = -p.anchorX() * text.width();
        double top = -(1 - p.anchorY()) * text.height();
        if (area != null && !area.covers(toMap(at.createTransformedShape(
                new Rectangle2D.Double(left, top, text.width(), text.height()))))) {
            return false;
        }
        return place(out, grid, group, text, at, left, top, p.anchorX());
    }

    // ------------------------------------------------------------------ areas

    private void inArea(List<Placed> out, CollisionGrid grid, Group group, Text text, LabelPlacement.PointPlacement p) {
        Envelope view = viewport.envelope();
        Geometry viewBox = GF.toGeometry(view);
        List<Polygon> parts = new ArrayList<>();
        for (Geometry geom : group.geometries) {
            Geometry visible;
            try {
                visible = view.contains(geom.getEnvelopeInternal()) ? geom
                        : OverlayNGRobust.overlay(geom, viewBox, OverlayNG.INTERSECTION);
            } catch (RuntimeException invalidGeometry) {
                visible = geom;
            }
            for (int i = 0; i < visible.getNumGeometries(); i++) {
                if (visible.getGeometryN(i) instanceof Polygon poly && !poly.isEmpty()) {
                    parts.add(poly);
                }
            }
        }
        parts.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
        double mpp = viewport.metresPerPixel();
        for (Polygon part : parts) {
            if (part.getArea() < text.width() * text.height() * mpp * mpp) {
                return; // this part and all smaller ones are too small for the text
            }
            Envelope e = part.getEnvelopeInternal();
            if (p.rotation() == 0 && (e.getWidth() < text.width() * mpp || e.getHeight() < text.height() * mpp)) {
                continue; // an unturned label cannot fit
            }
            // the circle's centre need not be exact: a quarter of the text height will do
            MaximumInscribedCircle mic = new MaximumInscribedCircle(part, Math.max(1, text.height() / 4) * mpp);
            if (2 * mic.getRadiusLine().getLength() / mpp < text.height()) {
                continue;
            }
            Coordinate centre = mic.getCenter().getCoordinate();
            // indexed once for the tries below (a plain covers test builds its graph anew each time)
            PreparedGeometry inside = PreparedGeometryFactory.prepare(part);
            if (tryPoint(out, grid, group, text, p, viewport.toPixelX(centre.x), viewport.toPixelY(centre.y), inside)) {
                return;
            }
            for (Coordinate c : anchorsInside(part)) {
                if (tryPoint(out, grid, group, text, p, viewport.toPixelX(c.x), viewport.toPixelY(c.y), inside)) {
                    return;
                }
            }
        }
    }

    /**
     * Where else a label may sit inside {@code area} when the centre of its largest inscribed circle
     * did not do: points of a grid over it, farthest from the boundary first (for long texts in areas
     * whose widest part is not where the circle is).
     */
    private static List<Coordinate> anchorsInside(Polygon area) {
        List<Coordinate> anchors = new ArrayList<>();
        Envelope e = area.getEnvelopeInternal();
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(area);
        IndexedFacetDistance boundary = new IndexedFacetDistance(area.getBoundary());
        List<double[]> scored = new ArrayList<>();
        int steps = 8;
        for (int i = 1; i < steps; i++) {
            for (int j = 1; j < steps; j++) {
                Coordinate c = new Coordinate(e.getMinX() + e.getWidth() * i / steps, e.getMinY() + e.getHeight() * j / steps);
                if (inside.locate(c) == Location.INTERIOR) {
                    scored.add(new double[] {c.x, c.y, boundary.distance(GF.createPoint(c))});
                }
            }
        }
        scored.sort(Comparator.comparingDouble((double[] d) -> -d[2]));
        for (int k = 0; k < Math.min(GRID_TRIES, scored.size()); k++) {
            anchors.add(new Coordinate(scored.get(k)[0], scored.get(k)[1]));
        }
        return anchors;
    }

    /** A pixel shape (its path's vertices) as a polygon in map coordinates. */
    private Geometry toMap(Shape pixelShape) {
        java.awt.geom.PathIterator it = pixelShape.getPathIterator(null);
        List<Coordinate> ring = new ArrayList<>();
        double[] c = new double[6];
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            if (type != java.awt.geom.PathIterator.SEG_CLOSE) {
                ring.add(new Coordinate(viewport.toMapX(c[0]), viewport.toMapY(c[1])));
            }
            it.next();
        }
        ring.add(new Coordinate(ring.get(0)));
        return GF.createPolygon(ring.toArray(new Coordinate[0]));
    }

    // ------------------------------------------------------------------ lines

    private void alongLines(List<Placed> out, CollisionGrid grid, Group group, Text text, LabelPlacement.LinePlacement p) {
        LabelOptions o = group.symbolizer.options();
        List<Point2D> done = new ArrayList<>();
        double margin = Math.max(2, text.height() * 0.3);
        double offset = group.symbolizer.uom().toPixels(p.perpendicularOffset(), viewport.metresPerPixel());
        double tolerance = Math.max(1.5, text.height() * 0.25);
        List<LineString> lines = new ArrayList<>(lines(group));
        lines.sort(Comparator.comparingDouble(LineString::getLength).reversed());
        for (LineString line : lines) {
            for (LineStretches.Stretch s : LineStretches.of(pixels(line), tolerance)) {
                double length = s.length();
                if (length < text.width() + 2 * margin) {
                    break; // stretches come longest first
                }
                for (double at : positions(length, text.width() + 2 * margin, o.repeat())) {
                    double x = s.x0() + (s.x1() - s.x0()) * at / length;
                    double y = s.y0() + (s.y1() - s.y0()) * at / length;
                    if (tooClose(done, x, y, o.repeat())) {
                        continue;
                    }
                    double angle = Math.atan2(s.y1() - s.y0(), s.x1() - s.x0());
                    if (angle > Math.PI / 2) {
                        angle -= Math.PI;
                    } else if (angle <= -Math.PI / 2) {
                        angle += Math.PI;
                    }
                    AffineTransform t = AffineTransform.getTranslateInstance(x, y);
                    t.rotate(angle);
                    if (place(out, grid, group, text, t, -text.width() / 2, -text.height() / 2 - offset, 0.5)) {
                        done.add(new Point2D.Double(x, y));
                        if (o.repeat() <= 0) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /** The group's lines: merged end to end when the symbolizer groups, else as they come. */
    private static Collection<LineString> lines(Group group) {
        List<LineString> parts = new ArrayList<>();
        for (Geometry geom : group.geometries) {
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                if (geom.getGeometryN(i) instanceof LineString l && !l.isEmpty()) {
                    parts.add(l);
                }
            }
        }
        if (!group.symbolizer.options().group() || parts.size() < 2) {
            return parts;
        }
        LineMerger merger = new LineMerger();
        merger.add(parts);
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        return merged;
    }

    /** Where along a stretch of {@code length} labels of {@code size} go: the middle, then every repeat. */
    private static List<Double> positions(double length, double size, double repeat) {
        List<Double> at = new ArrayList<>();
        double mid = length / 2;
        at.add(mid);
        if (repeat > 0) {
            double step = size + repeat;
            for (double d = step; mid - d >= size / 2; d += step) {
                at.add(mid - d);
                at.add(mid + d);
            }
        }
        return at;
    }

    private static boolean tooClose(List<Point2D> done, double x, double y, double repeat) {
        for (Point2D p : done) {
            if (p.distance(x, y) < repeat) {
                return true;
            }
        }
        return false;
    }

    /** A line's vertices in pixels, without steps shorter than half a pixel. */
    private double[] pixels(LineString line) {
        CoordinateSequence seq = line.getCoordinateSequence();
        double[] xy = new double[seq.size() * 2];
        int n = 0;
        for (int i = 0; i < seq.size(); i++) {
            double x = viewport.toPixelX(seq.getX(i));
            double y = viewport.toPixelY(seq.getY(i));
            if (n > 0 && Math.abs(x - xy[2 * n - 2]) < 0.5 && Math.abs(y - xy[2 * n - 1]) < 0.5) {
                continue;
            }
            xy[2 * n] = x;
            xy[2 * n + 1] = y;
            n++;
        }
        return java.util.Arrays.copyOf(xy, 2 * n);
    }

    // ------------------------------------------------------------------ drawing

    /**
     * Reserves the label's box (text box at {@code left}/{@code top} in the label's own coordinates,
     * grown by its margin) and draws it when free, its lines aligned by {@code align} (0 left, 0.5
     * centred, 1 right); true when drawn.
     */
    private boolean place(List<Placed> out, CollisionGrid grid, Group group, Text text, AffineTransform at,
            double left, double top, double align) {
        Rectangle2D box = new Rectangle2D.Double(left - text.pad(), top - text.pad(),
                text.width() + 2 * text.pad(), text.height() + 2 * text.pad());
        Shape onImage = at.getType() == AffineTransform.TYPE_TRANSLATION
                ? new Rectangle2D.Double(box.getX() + at.getTranslateX(), box.getY() + at.getTranslateY(),
                        box.getWidth(), box.getHeight())
                : at.createTransformedShape(box);
        if (!grid.reserve(onImage)) {
            return false;
        }
        TextSymbolizer sym = group.symbolizer;
        double halo = sym.halo() == null ? 0 : sym.uom().toPixels(sym.halo().radius(), viewport.metresPerPixel());
        out.add(new Placed(sym, text, at, left, top, align, halo));
        return true;
    }

    private static Color opaque(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue());
    }
}
