package de.trassenwerk.io.importer;

import de.trassenwerk.io.mapping.FieldMapping;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What an import should do: the target GeoPackage and layer, the source's CRS when the source does
 * not say it (0: from the source), an optional field mapping, what to do with an existing layer and
 * with invalid geometries. Immutable.
 *
 * @param target the GeoPackage (created when missing)
 * @param layer the target layer
 * @param sourceCrs EPSG code that overrides what the source says, or 0
 * @param mapping field mapping, or null to take the fields by name
 * @param mode what to do with an existing layer
 * @param updateKey the target field that identifies a feature in {@link WriteMode#UPDATE}
 * @param invalid what to do with invalid geometries
 */
public record ImportSettings(Path target, String layer, int sourceCrs, FieldMapping mapping, WriteMode mode,
        String updateKey, InvalidGeometries invalid) {

    public ImportSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(layer, "layer");
        mode = mode == null ? WriteMode.CREATE : mode;
        invalid = invalid == null ? InvalidGeometries.FAIL : invalid;
        if ((mode == WriteMode.UPDATE) != (updateKey != null)) {
            throw new IllegalArgumentException("an update key goes with UPDATE mode and only with it");
        }
    }

    /** A plain import into a new layer. */
    public static ImportSettings into(Path target, String layer) {
        return new ImportSettings(target, layer, 0, null, WriteMode.CREATE, null, InvalidGeometries.FAIL);
    }

    public ImportSettings withSourceCrs(int epsg) {
        return new ImportSettings(target, layer, epsg, mapping, mode, updateKey, invalid);
    }

    public ImportSettings withMapping(FieldMapping m) {
        return new ImportSettings(target, layer, sourceCrs, m, mode, updateKey, invalid);
    }

    public ImportSettings withMode(WriteMode m) {
        return new ImportSettings(target, layer, sourceCrs, mapping, m, m == WriteMode.UPDATE ? updateKey : null, invalid);
    }

    public ImportSettings updatingBy(String key) {
        return new ImportSettings(target, layer, sourceCrs, mapping, WriteMode.UPDATE, key, invalid);
    }

    public ImportSettings withInvalid(InvalidGeometries i) {
        return new ImportSettings(target, layer, sourceCrs, mapping, mode, updateKey, i);
    }
}
