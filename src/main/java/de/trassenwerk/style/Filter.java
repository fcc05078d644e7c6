package de.trassenwerk.style;

import de.trassenwerk.store.Feature;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An OGC filter (Filter Encoding 1.0/1.1) as styles use it: comparisons, {@code PropertyIsLike},
 * {@code PropertyIsNull}, {@code PropertyIsBetween} and the logical operators. A comparison with a
 * null value is false (the FE "unknown"), so {@code PropertyIsNotEqualTo} does not match features
 * without the value either. Values compare by type (see {@link Values}): numbers numerically, dates
 * and texts as text. Immutable; any thread.
 */
public sealed interface Filter {
    /** Matches every feature (a rule without a filter). */
    Filter ALL = new All();

    /** Whether {@code feature} passes. */
    boolean test(Feature feature);

    /** Adds the attribute names this filter reads to {@code names}. */
    void collectPropertyNames(Set<String> names);

    /** The attribute names this filter reads, in the order they appear. */
    default Set<String> propertyNames() {
        Set<String> s = new LinkedHashSet<>();
        collectPropertyNames(s);
        return s;
    }

    /** The binary comparison operators. */
    enum Operator {
        EQUAL_TO, NOT_EQUAL_TO, LESS_THAN, LESS_THAN_OR_EQUAL_TO, GREATER_THAN, GREATER_THAN_OR_EQUAL_TO;

        boolean accepts(int comparison) {
            return switch (this) {
                case EQUAL_TO -> comparison == 0;
                case NOT_EQUAL_TO -> comparison != 0;
                case LESS_THAN -> comparison < 0;
                case LESS_THAN_OR_EQUAL_TO -> comparison <= 0;
                case GREATER_THAN -> comparison > 0;
                case GREATER_THAN_OR_EQUAL_TO -> comparison >= 0;
            };
        }
    }

    /** Matches everything. */
    record All() implements Filter {
        @Override
        public boolean test(Feature feature) {
            return true;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            // reads nothing
        }
    }

    /** {@code PropertyIsEqualTo} and its siblings; {@code matchCase} applies to text. */
    record Comparison(Operator operator, Expression left, Expression right, boolean matchCase) implements Filter {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean test(Feature feature) {
            Integer c = Values.compare(left.evaluate(feature), right.evaluate(feature), matchCase);
            return c != null && operator.accepts(c);
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            left.collectPropertyNames(names);
            right.collectPropertyNames(names);
        }
    }

    /**
     * {@code PropertyIsLike}: the value's text matches {@code pattern}, in which {@code wildCard}
     * stands for any run of characters, {@code singleChar} for one, and {@code escape} makes the
     * next character literal.
     */
    final class Like implements Filter {
        private final Expression value;
        private final String pattern;
        private final boolean matchCase;
        private final Pattern regex;

        public Like(Expression value, String pattern, String wildCard, String singleChar, String escape,
                boolean matchCase) {
            this.value = Objects.requireNonNull(value, "value");
            this.pattern = Objects.requireNonNull(pattern, "pattern");
            this.matchCase = matchCase;
            this.regex = Pattern.compile(toRegex(pattern, wildCard, singleChar, escape),
                    matchCase ? Pattern.DOTALL : Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        private static String toRegex(String pattern, String wildCard, String singleChar, String escape) {
            StringBuilder re = new StringBuilder();
            int i = 0;
            while (i < pattern.length()) {
                if (!escape.isEmpty() && pattern.startsWith(escape, i) && i + escape.length() < pattern.length()) {
                    i += escape.length();
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                    i++;
                } else if (!wildCard.isEmpty() && pattern.startsWith(wildCard, i)) {
                    re.append(".*");
                    i += wildCard.length();
                } else if (!singleChar.isEmpty() && pattern.startsWith(singleChar, i)) {
                    re.append('.');
                    i += singleChar.length();
                } else {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                    i++;
                }
            }
            return re.toString();
        }

        public Expression value() {
            return value;
        }

        public String pattern() {
            return pattern;
        }

        public boolean matchCase() {
            return matchCase;
        }

        @Override
        public boolean test(Feature feature) {
            String s = value.evaluateAsText(feature);
            return s != null && regex.matcher(s).matches();
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            value.collectPropertyNames(names);
        }

        @Override
        public String toString() {
            return "Like[" + value + " ~ " + pattern + "]";
        }
    }

    /** {@code PropertyIsNull}: the value is missing. */
    record IsNull(Expression value) implements Filter {
        @Override
        public boolean test(Feature feature) {
            return value.evaluate(feature) == null;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            value.collectPropertyNames(names);
        }
    }

    /** {@code PropertyIsBetween}: lower &le; value &le; upper. */
    record Between(Expression value, Expression lower, Expression upper) implements Filter {
        @Override
        public boolean test(Feature feature) {
            Object v = value.evaluate(feature);
            Integer lo = Values.compare(v, lower.evaluate(feature), true);
            Integer hi = Values.compare(v, upper.evaluate(feature), true);
            return lo != null && hi != null && lo >= 0 && hi <= 0;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            value.collectPropertyNames(names);
            lower.collectPropertyNames(names);
            upper.collectPropertyNames(names);
        }
    }

    /** All of the operands pass. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(Feature feature) {
            for (Filter f : operands) {
                if (!f.test(feature)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            operands.forEach(f -> f.collectPropertyNames(names));
        }
    }

    /** At least one of the operands passes. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(Feature feature) {
            for (Filter f : operands) {
                if (f.test(feature)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            operands.forEach(f -> f.collectPropertyNames(names));
        }
    }

    /** The operand does not pass. */
    record Not(Filter operand) implements Filter {
        @Override
        public boolean test(Feature feature) {
            return !operand.test(feature);
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            operand.collectPropertyNames(names);
        }
    }

    /**
     * The feature's geometry has this dimension (0 points, 1 lines, 2 areas). Not an SLD operator:
     * the built-in default style of a layer of unknown kind uses it to pick a symbolizer.
     */
    record GeometryDimension(int dimension) implements Filter {
        @Override
        public boolean test(Feature feature) {
            return feature.geometry() != null && !feature.geometry().isEmpty()
                    && feature.geometry().getDimension() == dimension;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            // reads only the geometry
        }
    }

    /** A filter operator the reader does not support (reported as a warning): matches nothing. */
    record Unsupported(String element) implements Filter {
        @Override
        public boolean test(Feature feature) {
            return false;
        }

        @Override
        public void collectPropertyNames(Set<String> names) {
            // reads nothing
        }
    }
}
