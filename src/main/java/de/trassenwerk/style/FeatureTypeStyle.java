package de.trassenwerk.style;

import java.util.List;

/**
 * An SE {@code FeatureTypeStyle}: a list of rules drawn together. Feature type styles of a layer
 * are drawn one after the other, each on top of the one before (casing under road fill, say).
 * Immutable.
 *
 * @param name  optional name
 * @param rules the rules in order
 */
public record FeatureTypeStyle(String name, List<Rule> rules) {
    public FeatureTypeStyle {
        name = name == null ? "" : name;
        rules = List.copyOf(rules);
    }

    public static FeatureTypeStyle of(Rule... rules) {
        return new FeatureTypeStyle("", List.of(rules));
    }
}
