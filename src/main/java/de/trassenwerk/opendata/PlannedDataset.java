package de.trassenwerk.opendata;

import de.trassenwerk.store.LayerSchema;
import java.util.List;

/**
 * One dataset a publication will write: either a public layer (its listed fields, rows that pass
 * the conditions, geometry as the rule says) or the aggregate of a restricted layer. {@code output}
 * is the schema of the published layer (EPSG:25832, no {@code version} column); {@code fields} says
 * what happens to each source field. Immutable.
 *
 * @param kind             a layer or an aggregate
 * @param sourceLayer      the layer read
 * @param sourceEpsg       EPSG code of the source layer's coordinates
 * @param info             dataset metadata
 * @param output           schema of the published layer
 * @param fields           decisions for every source field (empty for aggregates)
 * @param geometry         the geometry rule
 * @param rows             conditions every published (or counted) feature meets
 * @param restrictedMarker the source field marking restricted features, when the layer has it
 * @param temporalFields   published date fields that span the dataset's time
 * @param aggregate        the aggregate rule (aggregates only)
 */
public record PlannedDataset(Kind kind, String sourceLayer, int sourceEpsg, DatasetInfo info, LayerSchema output,
        List<FieldDecision> fields, GeometryRule geometry, List<RowCondition> rows, String restrictedMarker,
        List<String> temporalFields, AggregateRule aggregate) {

    /** A public layer or the aggregate of a non-public one. */
    public enum Kind { LAYER, AGGREGATE }

    public PlannedDataset {
        fields = List.copyOf(fields);
        rows = List.copyOf(rows);
        temporalFields = List.copyOf(temporalFields);
    }

    /** The name of the published layer; its files are named after {@link DatasetInfo#name()}. */
    public String outputLayer() {
        return output.name();
    }

    /** The same plan with other metadata (edited in the wizard). */
    public PlannedDataset withInfo(DatasetInfo edited) {
        return new PlannedDataset(kind, sourceLayer, sourceEpsg, edited, output, fields, geometry, rows, restrictedMarker,
                temporalFields, aggregate);
    }
}
