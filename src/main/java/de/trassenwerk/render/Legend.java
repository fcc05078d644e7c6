package de.trassenwerk.render;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.style.Filter;
import de.trassenwerk.style.LayerStyle;
import de.trassenwerk.style.LineSymbolizer;
import de.trassenwerk.style.PointSymbolizer;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Rule;
import de.trassenwerk.style.Stroke;
import de.trassenwerk.style.Symbolizer;
import de.trassenwerk.style.TextSymbolizer;
import de.trassenwerk.style.Uom;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legend of a layer, drawn from the same rules as the map: one entry per rule that draws
 * something other than labels, with an icon painted by the rule's symbolizers (an area swatch, a
 * line, or the mark). Rules of the same name (a road's casing and its fill in two feature type
 * styles, or its look at small and at large scales) make one entry; its icon shows, stacked, those
 * of them that apply at the most detailed scale any of them is shown at. The title is the translation under
 * {@code style.<layer>.<rule name>} (or {@code style.rule.<rule name>} for names any layer may use)
 * when the messages have one, else the rule's title, else its name. Sizes in ground units are drawn as if one pixel were one metre, and everything is kept
 * inside the icon. Stateless; any thread.
 */
public final class Legend {
    /** The usual icon size in pixels. */
    public static final int ICON_SIZE = 16;

    private Legend() {
    }

    /** The legend of {@code layer} drawn with {@code style}, icons of {@link #ICON_SIZE}. */
    public static List<LegendEntry> entries(String layer, LayerStyle style) {
        return entries(layer, style, ICON_SIZE);
    }

    /** The legend of {@code layer} drawn with {@code style}, icons {@code size} pixels square. */
    public static List<LegendEntry> entries(String layer, LayerStyle style, int size) {
        return entries(layer, style, size, -1);
    }

    /**
     * The legend of a layer whose geometries have {@code dimension} (0 points, 1 lines, 2 areas, -1
     * unknown): rules that only take geometries of another dimension are left out.
     */
    public static List<LegendEntry> entries(String layer, LayerStyle style, int size, int dimension) {
        Map<String, List<Rule>> byName = new LinkedHashMap<>();
        int unnamed = 0;
        for (Rule r : style.rules()) {
            if (r.symbolizers().stream().allMatch(s -> s instanceof TextSymbolizer)) {
                continue;
            }
            if (dimension >= 0 && r.filter() instanceof Filter.GeometryDimension d && d.dimension() != dimension) {
                continue;
            }
            String key = r.name().isEmpty() ? "\u0000" + unnamed++ : r.name();
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<LegendEntry> out = new ArrayList<>();
        for (List<Rule> rules : byName.values()) {
            double detailed = Double.POSITIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            String title = "";
            for (Rule r : rules) {
                detailed = Math.min(detailed, r.minScale());
                min = Math.min(min, r.minScale());
                max = Math.max(max, r.maxScale());
                if (title.isEmpty()) {
                    title = r.title();
                }
            }
            List<Symbolizer> symbolizers = new ArrayList<>();
            for (Rule r : rules) {
                if (r.appliesAt(detailed)) {
                    symbolizers.addAll(r.symbolizers());
                }
            }
            String name = rules.get(0).name();
            out.add(new LegendEntry(name, title(layer, name, title), min, max, size, icon(symbolizers, size)));
        }
        return out;
    }

    private static String title(String layer, String ruleName, String title) {
        if (!ruleName.isEmpty()) {
            for (String key : new String[] {"style." + layer + "." + ruleName, "style.rule." + ruleName}) {
                String t = Messages.get(key);
                if (!t.equals(key)) {
                    return t;
                }
            }
        }
        return title.isEmpty() ? ruleName : title;
    }

    /** An icon {@code size} pixels square (non-premultiplied ARGB) painted by {@code symbolizers} in order. */
    public static int[] icon(List<Symbolizer> symbolizers, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            for (Symbolizer s : symbolizers) {
                if (s instanceof PolygonSymbolizer p) {
                    Shape swatch = new Rectangle2D.Double(1.5, 1.5, size - 3, size - 3);
                    if (p.fill() != null) {
                        g.setColor(p.fill().colour());
                        g.fill(swatch);
                    }
                    if (p.stroke() != null) {
                        stroke(g, swatch, p.stroke(), p.uom(), size);
                    }
                } else if (s instanceof LineSymbolizer l) {
                    stroke(g, new Line2D.Double(1, size / 2.0, size - 1, size / 2.0), l.stroke(), l.uom(), size);
                } else if (s instanceof PointSymbolizer p) {
                    double markSize = Math.min(p.uom().toPixels(p.graphic().size(), 1), size - 2);
                    Shape mark = MarkShapes.placed(p.graphic().mark().shape(), size / 2.0, size / 2.0, markSize,
                            p.graphic().rotation());
                    if (p.graphic().mark().fill() != null) {
                        g.setColor(p.graphic().mark().fill().colour());
                        g.fill(mark);
                    }
                    if (p.graphic().mark().stroke() != null) {
                        stroke(g, mark, p.graphic().mark().stroke(), p.uom(), size);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img.getRGB(0, 0, size, size, null, 0, size);
    }

    private static void stroke(Graphics2D g, Shape shape, Stroke stroke, Uom uom, int size) {
        BasicStroke s = StrokeFactory.of(stroke, uom, 1);
        float max = size / 2f;
        if (s.getLineWidth() > max) {
            s = new BasicStroke(max, s.getEndCap(), s.getLineJoin(), s.getMiterLimit(), s.getDashArray(),
                    s.getDashPhase());
        }
        g.setColor(stroke.colour());
        g.setStroke(s);
        g.draw(shape);
    }
}
