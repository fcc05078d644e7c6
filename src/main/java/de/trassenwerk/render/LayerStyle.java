package de.trassenwerk.render;

import de.trassenwerk.store.Feature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a layer is drawn: one {@link Symbol} for all features, or a symbol picked by the value of
 * one attribute ({@code classField}), with {@code otherwise} for values not listed. Features are
 * painted in the order of the listed values (later values on top), unlisted ones first, so that
 * for instance primary streets lie over residential ones. Immutable; any thread.
 *
 * <p>This is the first, simple style model; SLD styles will map onto it or replace it.
 *
 * @param classField attribute that selects the symbol, or null for one symbol for all
 * @param otherwise  symbol for features whose value is not in {@code byValue} (or null)
 * @param byValue    symbol per attribute value, in painting order
 */
public record LayerStyle(String classField, Symbol otherwise, Map<String, Symbol> byValue) {

    public LayerStyle {
        if (otherwise == null) {
            throw new IllegalArgumentException("a layer style needs a fallback symbol");
        }
        byValue = Collections.unmodifiableMap(new LinkedHashMap<>(byValue == null ? Map.of() : byValue));
    }

    /** The same symbol for every feature. */
    public static LayerStyle single(Symbol symbol) {
        return new LayerStyle(null, symbol, Map.of());
    }

    /** A symbol per value of {@code field}, in painting order (use a {@link LinkedHashMap}). */
    public static LayerStyle byValue(String field, Symbol otherwise, Map<String, Symbol> byValue) {
        return new LayerStyle(field, otherwise, byValue);
    }

    /** The attributes the renderer must read for this style (nothing else is read). */
    public List<String> fieldsNeeded() {
        return classField == null ? List.of() : List.of(classField);
    }

    /** The symbol for one feature. */
    public Symbol symbolFor(Feature feature) {
        if (classField == null) {
            return otherwise;
        }
        String value = feature.getString(classField);
        Symbol s = value == null ? null : byValue.get(value);
        return s == null ? otherwise : s;
    }

    /** Painting rank of a feature's symbol: 0 for {@code otherwise}, 1.. for listed values. */
    int rankOf(Feature feature) {
        if (classField == null) {
            return 0;
        }
        String value = feature.getString(classField);
        if (value == null || !byValue.containsKey(value)) {
            return 0;
        }
        int i = 1;
        for (String key : byValue.keySet()) {
            if (key.equals(value)) {
                return i;
            }
            i++;
        }
        return 0;
    }
}
