package de.trassenwerk.render;

import de.trassenwerk.store.Feature;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What a layer's style makes of a feature, by the values of the fields the style reads and the
 * dimension of its geometry: the style's rules are tested once per distinct combination, not once
 * per feature, which matters when a layer has a million features and six classes. Filters and label
 * texts read the attributes and at most the geometry's dimension ({@code Filter.GeometryDimension}),
 * so features alike in both share the answer; the feature handed to the style carries a stand-in
 * geometry of the right dimension. Not thread-safe: one per layer job.
 *
 * @param <T> what is kept per combination of values
 */
final class SymbolLookup<T> {
    /** The key of "no fields" and of a null value: equal to nothing a store returns. */
    private static final Object NO_VALUE = new Object();

    private final List<String> fields;
    private final Function<Feature, T> choose;
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    /** Stand-in geometries of dimension 0, 1 and 2. */
    private static final Geometry[] STAND_INS = {
        GEOMETRIES.createPoint(new Coordinate(0, 0)),
        GEOMETRIES.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0)}),
        GEOMETRIES.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1),
            new Coordinate(0, 0)}),
    };

    @SuppressWarnings("unchecked")
    private final Map<Object, T>[] byKey = new Map[] {new HashMap<>(), new HashMap<>(), new HashMap<>()};

    /**
     * @param fields the fields the style reads, by the names the style uses, in the order the values
     *               will come
     * @param choose what to keep for a feature (attributes and a stand-in geometry of its dimension)
     */
    SymbolLookup(List<String> fields, Function<Feature, T> choose) {
        this.fields = List.copyOf(fields);
        this.choose = choose;
    }

    /**
     * The choice for a feature with these values (in the order of the fields) and a geometry of
     * {@code dimension} (0 points, 1 lines, 2 areas).
     */
    T of(long fid, Object[] values, int dimension) {
        Object key = switch (values.length) {
            case 0 -> NO_VALUE;
            case 1 -> values[0] == null ? NO_VALUE : values[0];
            default -> new ValuesKey(values.clone());
        };
        T c = byKey[dimension].get(key);
        if (c == null) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                attrs.put(fields.get(i), values[i]);
            }
            c = choose.apply(new Feature(fid, STAND_INS[dimension], attrs, 0));
            byKey[dimension].put(key, c);
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
