package de.trassenwerk.render;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageGeometry;
import de.trassenwerk.style.FeatureTypeStyle;
import de.trassenwerk.style.LayerStyle;
import de.trassenwerk.style.LineSymbolizer;
import de.trassenwerk.style.PointSymbolizer;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Rule;
import de.trassenwerk.style.Symbolizer;
import de.trassenwerk.style.TextSymbolizer;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Applies a layer's style to its features for one view: picks the rules shown at the view's scale,
 * tests each feature against their filters (else rules take what no other rule of their feature
 * type style took) and turns the symbolizers of the matching rules into {@link FeatureShape}s and
 * {@link LabelCandidate}s.
 *
 * <p>Works on the stored form of a feature (its GeoPackage geometry bytes and the values of the
 * fields the rules read). Which rules take a feature, and the texts of its labels, are worked out
 * once per combination of values and geometry dimension ({@link SymbolLookup}). The pixel shapes come straight from the
 * bytes ({@link PixelDecoder}); a JTS geometry is made only for what needs one: labels, point
 * symbolizers on lines and areas (at an interior point) and lines drawn with a perpendicular offset.
 *
 * <p>Drawing order: the rank of a shape is the position of its rule among all rules of the style,
 * feature type styles in order. The layer job sorts shapes stably by rank, so each feature type
 * style lies on top of the one before, within it the features of a later rule on top of those of
 * an earlier one (in store order), and the symbolizers of a rule are painted per feature in order.
 * A polygon symbolizer draws areas only; a line symbolizer draws lines and the outlines of areas; a
 * point symbolizer draws points, and lines and areas at an interior point.
 *
 * <p>Not thread-safe: one styler per layer job, used by its one thread.
 */
final class FeatureStyler {
    /** A rule that takes a feature, at its rank, with the texts of its text symbolizers (in order). */
    private record Match(Rule rule, int rank, List<String> labels) {
    }

    /** The rules that take features with one combination of values, and whether they need geometry. */
    private record Choice(List<Match> matches, boolean needsGeometry) {
    }

    private final Viewport viewport;
    private final PixelDecoder decoder;
    private final CoordinateTransform toMap;
    private final List<List<Rule>> rules = new ArrayList<>();
    private final List<List<Rule>> elseRules = new ArrayList<>();
    private final List<List<Integer>> ranks = new ArrayList<>();
    private final List<List<Integer>> elseRanks = new ArrayList<>();
    private final List<LabelCandidate> labels = new ArrayList<>();
    private final List<FeatureShape> bare = new ArrayList<>();
    private final SymbolLookup<Choice> lookup;
    private boolean hasRules;

    /**
     * @param style   the layer's style
     * @param viewport the view
     * @param fields  the fields the values will hold, by the names the style uses, in order
     * @param decoder turns the stored geometries into pixel shapes of the view
     * @param toMap   transform from the layer's CRS to the map's, or null when they are the same
     */
    FeatureStyler(LayerStyle style, Viewport viewport, List<String> fields, PixelDecoder decoder,
            CoordinateTransform toMap) {
        this.viewport = viewport;
        this.decoder = decoder;
        this.toMap = toMap;
        double scale = viewport.scaleDenominator();
        int rank = 0;
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            List<Rule> normal = new ArrayList<>();
            List<Rule> otherwise = new ArrayList<>();
            List<Integer> normalRanks = new ArrayList<>();
            List<Integer> otherwiseRanks = new ArrayList<>();
            for (Rule r : fts.rules()) {
                if (r.appliesAt(scale) && !r.symbolizers().isEmpty()) {
                    (r.elseRule() ? otherwise : normal).add(r);
                    (r.elseRule() ? otherwiseRanks : normalRanks).add(rank);
                    hasRules = true;
                }
                rank++;
            }
            rules.add(normal);
            elseRules.add(otherwise);
            ranks.add(normalRanks);
            elseRanks.add(otherwiseRanks);
        }
        this.lookup = new SymbolLookup<>(fields, this::choose);
    }

    /** Whether any rule is shown at this scale (if not, the layer need not be read at all). */
    boolean hasRules() {
        return hasRules;
    }

    /** The labels asked for so far. */
    List<LabelCandidate> labels() {
        return labels;
    }

    /**
     * Adds the shapes of one stored feature for every rule it matches to {@code out}.
     *
     * @param geometry the GeoPackage geometry bytes, or null
     * @param values   the values of the fields, in the order given at construction
     * @throws IllegalArgumentException when the geometry cannot be read
     */
    void add(long fid, byte[] geometry, Object[] values, List<FeatureShape> out) {
        if (geometry == null) {
            return;
        }
        bare.clear();
        decoder.decode(geometry, bare);
        if (bare.isEmpty()) {
            return; // empty geometry
        }
        Choice choice = lookup.of(fid, values, dimensionOf(bare));
        if (choice.matches().isEmpty()) {
            return;
        }
        Geometry g = choice.needsGeometry() ? geometry(geometry) : null;
        if (choice.needsGeometry() && (g == null || g.isEmpty())) {
            return;
        }
        style(choice, bare, g, out);
    }

    /**
     * Adds the shapes of one feature given as its bare pixel shapes in this view (drawn from a
     * {@link LayerOverview}) for every rule it matches to {@code out}, as {@link #add} would from the
     * stored feature. Returns false, adding nothing, when the rules that take it need its geometry
     * (labels, marks on lines and areas, offset lines): such a feature must be read from the store.
     *
     * @param parts  the feature's bare shapes (not empty)
     * @param values the values of the fields, in the order given at construction
     */
    boolean addShapes(long fid, List<FeatureShape> parts, Object[] values, List<FeatureShape> out) {
        Choice choice = lookup.of(fid, values, dimensionOf(parts));
        if (choice.needsGeometry()) {
            return false;
        }
        style(choice, parts, null, out);
        return true;
    }

    private static int dimensionOf(List<FeatureShape> parts) {
        int dimension = 0;
        for (FeatureShape b : parts) {
            dimension = Math.max(dimension, b.dimension());
        }
        return dimension;
    }

    /** The symbolizers of the matching rules applied to the bare shapes {@code parts} (and {@code g} where needed). */
    private void style(Choice choice, List<FeatureShape> parts, Geometry g, List<FeatureShape> out) {
        for (Match m : choice.matches()) {
            int text = 0;
            for (Symbolizer s : m.rule().symbolizers()) {
                if (s instanceof TextSymbolizer t) {
                    String label = m.labels().get(text++);
                    if (label != null) {
                        labels.add(new LabelCandidate(label, t, g, labels.size()));
                    }
                } else if (s instanceof PolygonSymbolizer p) {
                    for (FeatureShape b : parts) {
                        if (b.dimension() == 2) {
                            out.add(b.with(p, m.rank()));
                        }
                    }
                } else if (s instanceof LineSymbolizer l) {
                    line(g, parts, l, m.rank(), out);
                } else if (s instanceof PointSymbolizer p) {
                    point(g, parts, p, m.rank(), out);
                }
            }
        }
    }

    /** The rules that take {@code f} (attributes, stand-in geometry) and the texts of their labels. */
    private Choice choose(Feature f) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            boolean matched = false;
            List<Rule> normal = rules.get(i);
            for (int j = 0; j < normal.size(); j++) {
                Rule r = normal.get(j);
                if (r.filter().test(f)) {
                    matched = true;
                    matches.add(match(f, r, ranks.get(i).get(j)));
                }
            }
            if (!matched) {
                List<Rule> otherwise = elseRules.get(i);
                for (int j = 0; j < otherwise.size(); j++) {
                    matches.add(match(f, otherwise.get(j), elseRanks.get(i).get(j)));
                }
            }
        }
        boolean needsGeometry = false;
        for (Match m : matches) {
            for (Symbolizer s : m.rule().symbolizers()) {
                needsGeometry |= s instanceof TextSymbolizer || s instanceof PointSymbolizer
                        || s instanceof LineSymbolizer l && l.perpendicularOffset() != 0;
            }
        }
        return new Choice(List.copyOf(matches), needsGeometry);
    }

    private static Match match(Feature f, Rule r, int rank) {
        List<String> texts = new ArrayList<>();
        for (Symbolizer s : r.symbolizers()) {
            if (s instanceof TextSymbolizer t) {
                String text = t.label().evaluateAsText(f);
                texts.add(text == null || text.isBlank() ? null : text.strip());
            }
        }
        return new Match(r, rank, texts);
    }

    private void line(Geometry g, List<FeatureShape> parts, LineSymbolizer l, int rank, List<FeatureShape> out) {
        double offset = l.uom().toPixels(l.perpendicularOffset(), viewport.metresPerPixel());
        if (offset != 0 && g.getDimension() >= 1 && parts.stream().noneMatch(b -> b.kind() == FeatureShape.Kind.PIXEL)) {
            out.add(new FeatureShape(FeatureShape.Kind.LINE, OffsetPath.of(g, viewport, offset), null, 1, l, rank));
            return;
        }
        for (FeatureShape b : parts) {
            if (b.dimension() >= 1) {
                out.add(b.asLine().with(l, rank));
            }
        }
    }

    private void point(Geometry g, List<FeatureShape> parts, PointSymbolizer p, int rank, List<FeatureShape> out) {
        if (g.getDimension() == 0) {
            for (FeatureShape b : parts) {
                out.add(b.with(p, rank));
            }
            return;
        }
        Coordinate c = g.getInteriorPoint().getCoordinate();
        double[] xy = {viewport.toPixelX(c.x), viewport.toPixelY(c.y)};
        out.add(new FeatureShape(FeatureShape.Kind.POINTS, null, xy, 0, p, rank));
    }

    /** The feature's geometry in the map's CRS. */
    private Geometry geometry(byte[] blob) {
        Geometry g = GeoPackageGeometry.decode(blob);
        return g == null || toMap == null ? g : toMap.transform(g);
    }
}
