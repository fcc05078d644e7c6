package de.trassenwerk.style;

import java.util.List;
import java.util.Objects;

/**
 * An SE {@code Rule}: which features (filter, or "else": those no other rule of its feature type
 * style takes), at which scales (min &le; scale denominator &lt; max), drawn how (symbolizers, in
 * order). Name and title identify it in the legend. Immutable.
 *
 * @param name        the rule's name (also the key of its translated legend title), may be empty
 * @param title       human-readable title for the legend, may be empty
 * @param description longer text, may be empty
 * @param filter      which features it takes; {@link Filter#ALL} for every feature
 * @param elseRule    takes the features that no other rule of the feature type style in scale takes
 * @param minScale    smallest scale denominator shown (inclusive); 0 for no limit
 * @param maxScale    largest scale denominator shown (exclusive); infinity for no limit
 * @param symbolizers how matching features are drawn, in order
 */
public record Rule(String name, String title, String description, Filter filter, boolean elseRule,
        double minScale, double maxScale, List<Symbolizer> symbolizers) {

    public Rule {
        name = name == null ? "" : name;
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        filter = filter == null ? Filter.ALL : filter;
        symbolizers = List.copyOf(symbolizers);
        if (!(minScale <= maxScale)) {
            throw new IllegalArgumentException("minScale " + minScale + " above maxScale " + maxScale);
        }
    }

    /** A rule for all features at all scales. */
    public static Rule of(String name, String title, Symbolizer... symbolizers) {
        return new Rule(name, title, "", Filter.ALL, false, 0, Double.POSITIVE_INFINITY, List.of(symbolizers));
    }

    /** The same rule with a filter. */
    public Rule where(Filter f) {
        return new Rule(name, title, description, Objects.requireNonNull(f), false, minScale, maxScale, symbolizers);
    }

    /** The same rule as an else rule. */
    public Rule asElse() {
        return new Rule(name, title, description, Filter.ALL, true, minScale, maxScale, symbolizers);
    }

    /** The same rule shown only from {@code min} (inclusive) to {@code max} (exclusive). */
    public Rule between(double min, double max) {
        return new Rule(name, title, description, filter, elseRule, min, max, symbolizers);
    }

    /** Whether the rule is shown at the scale 1:{@code scaleDenominator}. */
    public boolean appliesAt(double scaleDenominator) {
        return scaleDenominator >= minScale && scaleDenominator < maxScale;
    }
}
