package de.trassenwerk.render;

import de.trassenwerk.store.Feature;
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
import org.locationtech.jts.geom.Geometry;

/**
 * Applies a layer's style to its features for one view: picks the rules shown at the view's scale,
 * tests each feature against their filters (else rules take what no other rule of their feature
 * type style took) and turns the symbolizers of the matching rules into {@link FeatureShape}s and
 * {@link LabelCandidate}s.
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
    private final Viewport viewport;
    private final double scale;
    private final List<List<Rule>> rules = new ArrayList<>();
    private final List<List<Rule>> elseRules = new ArrayList<>();
    private final List<List<Integer>> ranks = new ArrayList<>();
    private final List<List<Integer>> elseRanks = new ArrayList<>();
    private final List<LabelCandidate> labels = new ArrayList<>();
    private final List<FeatureShape> bare = new ArrayList<>();
    private boolean hasRules;

    FeatureStyler(LayerStyle style, Viewport viewport) {
        this.viewport = viewport;
        this.scale = viewport.scaleDenominator();
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
    }

    /** Whether any rule is shown at this scale (if not, the layer need not be read at all). */
    boolean hasRules() {
        return hasRules;
    }

    /** The labels asked for so far. */
    List<LabelCandidate> labels() {
        return labels;
    }

    /** Adds the shapes of {@code f} for every rule it matches to {@code out}. */
    void add(Feature f, List<FeatureShape> out) {
        bare.clear();
        for (int i = 0; i < rules.size(); i++) {
            boolean matched = false;
            List<Rule> normal = rules.get(i);
            for (int j = 0; j < normal.size(); j++) {
                Rule r = normal.get(j);
                if (r.filter().test(f)) {
                    matched = true;
                    emit(f, r, ranks.get(i).get(j), out);
                }
            }
            if (!matched) {
                List<Rule> otherwise = elseRules.get(i);
                for (int j = 0; j < otherwise.size(); j++) {
                    emit(f, otherwise.get(j), elseRanks.get(i).get(j), out);
                }
            }
        }
    }

    private void emit(Feature f, Rule rule, int rank, List<FeatureShape> out) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
            return;
        }
        for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof TextSymbolizer t) {
                label(f, t);
            } else if (s instanceof PolygonSymbolizer p) {
                for (FeatureShape b : bare(g)) {
                    if (b.dimension() == 2) {
                        out.add(b.with(p, rank));
                    }
                }
            } else if (s instanceof LineSymbolizer l) {
                line(g, l, rank, out);
            } else if (s instanceof PointSymbolizer p) {
                point(g, p, rank, out);
            }
        }
    }

    private void line(Geometry g, LineSymbolizer l, int rank, List<FeatureShape> out) {
        double offset = l.uom().toPixels(l.perpendicularOffset(), viewport.metresPerPixel());
        if (offset != 0 && g.getDimension() >= 1 && bare(g).stream().noneMatch(b -> b.kind() == FeatureShape.Kind.PIXEL)) {
            out.add(new FeatureShape(FeatureShape.Kind.LINE, OffsetPath.of(g, viewport, offset), null, 1, l, rank));
            return;
        }
        for (FeatureShape b : bare(g)) {
            if (b.dimension() >= 1) {
                out.add(b.asLine().with(l, rank));
            }
        }
    }

    private void point(Geometry g, PointSymbolizer p, int rank, List<FeatureShape> out) {
        if (g.getDimension() == 0) {
            for (FeatureShape b : bare(g)) {
                out.add(b.with(p, rank));
            }
            return;
        }
        Geometry c = g.getInteriorPoint();
        double[] xy = {viewport.toPixelX(c.getCoordinate().x), viewport.toPixelY(c.getCoordinate().y)};
        out.add(new FeatureShape(FeatureShape.Kind.POINTS, null, xy, 0, p, rank));
    }

    private void label(Feature f, TextSymbolizer t) {
        String text = t.label().evaluateAsText(f);
        if (text != null && !text.isBlank()) {
            labels.add(new LabelCandidate(text.strip(), t, f.geometry(), labels.size()));
        }
    }

    /** The feature's pixel shapes, made once per feature whatever the number of symbolizers. */
    private List<FeatureShape> bare(Geometry g) {
        if (bare.isEmpty()) {
            FeatureShape.collect(g, viewport, bare);
        }
        return bare;
    }
}
