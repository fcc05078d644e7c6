package de.trassenwerk.render;

import de.trassenwerk.store.Feature;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbol and painting rank of features by the values of the fields their style reads: the style
 * is asked once per distinct combination of values, not once per feature, which matters when a
 * layer has a million features and six classes. Not thread-safe: one per layer job.
 */
final class SymbolLookup {
    /** What the style chose for one combination of values. */
    record Choice(Symbol symbol, int rank) {
    }

    /** The key of "no fields" and of a null value: equal to nothing a store returns. */
    private static final Object NO_VALUE = new Object();

    private final LayerStyle style;
    private final List<String> fields;
    private final Map<Object, Choice> byKey = new HashMap<>();

    /** {@code fields}: the fields the style needs, in the order the values will come. */
    SymbolLookup(LayerStyle style, List<String> fields) {
        this.style = style;
        this.fields = List.copyOf(fields);
    }

    /** The choice for a feature with these values (in the order of the fields). */
    Choice of(long fid, Object[] values) {
        Object key = switch (values.length) {
            case 0 -> NO_VALUE;
            case 1 -> values[0] == null ? NO_VALUE : values[0];
            default -> new ValuesKey(values.clone());
        };
        Choice c = byKey.get(key);
        if (c == null) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                attrs.put(fields.get(i), values[i]);
            }
            Feature f = new Feature(fid, null, attrs, 0);
            c = new Choice(style.symbolFor(f), style.rankOf(f));
            byKey.put(key, c);
        }
        return c;
    }

    /** Several values as a map key. */
    private record ValuesKey(Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ValuesKey k && Arrays.equals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }
}
