package de.trassenwerk.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the policy says about one layer: its access, the reason (for layers that are not public),
 * and for public layers the fields it lists with their rules (fields not listed are withheld), the
 * row conditions every published feature meets, the geometry rule, the date fields that make up the
 * dataset's time span (null: every published date field) and the dataset metadata. A non-public
 * layer may name an aggregate. Immutable.
 */
public record LayerRule(LayerAccess access, String reason, GeometryRule geometry, Map<String, FieldRule> fields,
        List<RowCondition> rows, List<String> temporalFields, DatasetInfo dataset, AggregateRule aggregate) {

    public LayerRule {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        rows = List.copyOf(rows);
        temporalFields = temporalFields == null ? null : List.copyOf(temporalFields);
    }

    /** The rule of a field, matched without regard to case; null when the policy does not list it. */
    public FieldRule fieldRule(String field) {
        for (Map.Entry<String, FieldRule> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }
}
