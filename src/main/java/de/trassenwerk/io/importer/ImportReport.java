package de.trassenwerk.io.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did. Immutable.
 *
 * @param source the source as the user named it
 * @param target the GeoPackage written
 * @param layer the layer written
 * @param sourceCrs EPSG code the source coordinates were taken to be in
 * @param crsNote how that code was inferred (user's language), or null when the source stated it
 * @param targetCrs EPSG code of the layer
 * @param read features read from the source
 * @param added features added
 * @param updated features updated ({@link WriteMode#UPDATE})
 * @param unchanged features found unchanged ({@link WriteMode#UPDATE})
 * @param disappeared key values of layer features the source no longer has ({@link WriteMode#UPDATE}); kept in the layer
 * @param repaired geometries repaired
 * @param skipped features left out (first {@link ImportException#LISTED}); {@code skippedCount} has them all
 * @param skippedCount how many features were left out
 * @param unmappedFields source fields not imported
 * @param createdFile whether the GeoPackage was created by this import
 * @param millis wall time
 */
public record ImportReport(String source, Path target, String layer, int sourceCrs, String crsNote, int targetCrs,
        long read, long added, long updated, long unchanged, List<String> disappeared, long repaired,
        List<ImportProblem> skipped, long skippedCount, List<String> unmappedFields, boolean createdFile, long millis) {

    public ImportReport {
        disappeared = List.copyOf(disappeared);
        skipped = List.copyOf(skipped);
        unmappedFields = List.copyOf(unmappedFields);
    }
}
