package de.trassenwerk.style;

import de.trassenwerk.store.Feature;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An OGC expression as far as styles use them: an attribute ({@code ogc:PropertyName}), a literal,
 * or a concatenation of expressions (mixed text and property names in an {@code se:Label}, or the
 * {@code Concatenate} / {@code strConcat} function). Immutable; any thread.
 */
public sealed interface Expression {

    /** The value for one feature: the attribute's value, the literal's text, or null. */
    Object evaluate(Feature feature);

    /** Adds the attribute names this expression reads to {@code names}. */
    void collectPropertyNames(Set<String> names);

    /** The value as text (null stays null); whole numbers without a decimal point. */
    default String evaluateAsText(Feature feature) {
        return Values.asText(evaluate(feature));
    }

    /** A feature attribute. */
    record PropertyName(String name) implements Expression {
        public PropertyName {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Object evaluate(Feature feature) {
            return feature.get(name);
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            names.add(name);
        }
    }

    /** A constant, kept as its text. */
    record Literal(String text) implements Expression {
        public Literal {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Object evaluate(Feature feature) {
            return text;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            // reads no attribute
        }
    }

    /** The texts of its parts joined; null when every part is null. */
    record Concatenation(List<Expression> parts) implements Expression {
        public Concatenation {
            parts = List.copyOf(parts);
        }

        @Override
        public Object evaluate(Feature feature) {
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            for (Expression p : parts) {
                String s = p.evaluateAsText(feature);
                if (s != null) {
                    sb.append(s);
                    any = true;
                }
            }
            return any ? sb.toString() : null;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            for (Expression p : parts) {
                p.collectPropertyNames(names);
            }
        }
    }

    /** An expression the reader did not understand (reported as a warning); always null. */
    record Unsupported(String element) implements Expression {
        @Override
        public Object evaluate(Feature feature) {
            return null;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            // reads no attribute
        }
    }
}
