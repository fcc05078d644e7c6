package de.trassenwerk.opendata;

import de.trassenwerk.store.Feature;
import java.util.List;

/**
 * One condition a feature must meet to be published (or counted in an aggregate): its field's value
 * is one of {@code in}, or at least {@code atLeast}. Exactly one of the two is set. A feature
 * without the value fails the condition. Immutable.
 *
 * @param field   the attribute tested
 * @param in      allowed values (compared as text), or null
 * @param atLeast the smallest allowed number, or null
 */
public record RowCondition(String field, List<String> in, Double atLeast) {

    public RowCondition {
        if ((in == null) == (atLeast == null)) {
            throw new IllegalArgumentException("a row condition needs either 'in' or 'at_least'");
        }
        in = in == null ? null : List.copyOf(in);
    }

    public static RowCondition in(String field, List<String> values) {
        return new RowCondition(field, values, null);
    }

    public static RowCondition atLeast(String field, double min) {
        return new RowCondition(field, null, min);
    }

    /** Whether {@code f} meets the condition. */
    public boolean matches(Feature f) {
        Object v = f.get(field);
        if (v == null) {
            return false;
        }
        if (in != null) {
            return in.contains(v.toString());
        }
        Double d = f.getDouble(field);
        if (d == null) {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return d >= atLeast;
    }

    /** The condition as a planner reads it, for reports and the wizard: {@code status in [a, b]}. */
    @Override
    public String toString() {
        return in != null ? field + " in " + in : field + " >= " + atLeast;
    }
}
