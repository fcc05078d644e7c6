package de.trassenwerk.store;

import java.util.List;
import java.util.Optional;

/**
 * What a layer holds: its table name, integer primary key column (usually {@code fid}), geometry column (null for an attribute-only table), declared
 * geometry type, spatial reference id, dimensions, and attribute fields (neither the primary key
 * nor the geometry column). {@code versioned} says whether the table has the {@code version}
 * column that counts edits; tables written by GDAL or QGIS usually do not.
 */
public record LayerSchema(String name, String idColumn, String geometryColumn, GeometryType geometryType, int srsId,
        boolean hasZ, boolean hasM, List<FieldInfo> fields, boolean versioned) {

    public static final String FID = "fid";
    public static final String VERSION = "version";

    public LayerSchema {
        fields = List.copyOf(fields);
    }

    /** A feature layer in the given CRS, with a {@code geom} column and a {@code version} column. */
    public static LayerSchema features(String name, GeometryType type, int srsId, List<FieldInfo> fields) {
        return new LayerSchema(name, FID, "geom", type, srsId, false, false, fields, true);
    }

    public boolean hasGeometry() {
        return geometryColumn != null;
    }

    public Optional<FieldInfo> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
    }
}
