package de.trassenwerk.style;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The style of one layer: the user style of its SLD's {@code NamedLayer} (or a built-in default),
 * made of feature type styles drawn in order. Immutable; any thread.
 *
 * @param layerName         the {@code NamedLayer} name (the layer it was written for)
 * @param title             the user style's title, may be empty
 * @param featureTypeStyles drawn in order, later ones on top
 */
public record LayerStyle(String layerName, String title, List<FeatureTypeStyle> featureTypeStyles) {
    public LayerStyle {
        title = title == null ? "" : title;
        featureTypeStyles = List.copyOf(featureTypeStyles);
    }

    /** A style of one feature type style. */
    public static LayerStyle of(String layerName, Rule... rules) {
        return new LayerStyle(layerName, "", List.of(FeatureTypeStyle.of(rules)));
    }

    /** Every rule, in drawing order. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        featureTypeStyles.forEach(f -> all.addAll(f.rules()));
        return all;
    }

    /** The attributes any rule reads (filters and labels), at any scale. */
    public List<String> fieldsNeeded() {
        return fieldsNeededAt(Double.NaN);
    }

    /**
     * The attributes the rules shown at 1:{@code scaleDenominator} read (filters and labels); NaN
     * for all rules. The renderer reads nothing else.
     */
    public List<String> fieldsNeededAt(double scaleDenominator) {
        Set<String> names = new LinkedHashSet<>();
        for (Rule r : rules()) {
            if (!Double.isNaN(scaleDenominator) && !r.appliesAt(scaleDenominator)) {
                continue;
            }
            r.filter().collectPropertyNames(names);
            for (Symbolizer s : r.symbolizers()) {
                if (s instanceof TextSymbolizer t) {
                    t.label().collectPropertyNames(names);
                }
            }
        }
        return List.copyOf(names);
    }

    /** Whether a rule shown at 1:{@code scaleDenominator} has a text symbolizer: the layer shows labels. */
    public boolean labelledAt(double scaleDenominator) {
        for (Rule r : rules()) {
            if (r.appliesAt(scaleDenominator) && r.symbolizers().stream().anyMatch(TextSymbolizer.class::isInstance)) {
                return true;
            }
        }
        return false;
    }
}
