package de.trassenwerk.io;

import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeometryType;
import java.util.List;

/**
 * What a source layer holds: its name, attribute fields (source names and the types they were
 * found to have), the geometry type (GEOMETRY when mixed or unknown), the EPSG code of its
 * coordinates (0 when the source does not say) and, when the code was not stated but inferred, a
 * note in the user's language saying how it was inferred. Immutable.
 */
public record SourceSchema(String name, List<FieldInfo> fields, GeometryType geometryType, int srsId,
        String crsNote) {

    public SourceSchema {
        fields = List.copyOf(fields);
    }

    public boolean crsKnown() {
        return srsId > 0;
    }
}
