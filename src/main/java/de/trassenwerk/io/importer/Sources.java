package de.trassenwerk.io.importer;

import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SingleLayerDataset;
import de.trassenwerk.io.csv.CsvSource;
import de.trassenwerk.io.geojson.GeoJsonSource;
import de.trassenwerk.io.geopackage.GeoPackageDataset;
import de.trassenwerk.io.shapefile.ShapefileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens what the user names as a source: a file by its extension (GeoJSON, CSV, shapefile,
 * GeoPackage) or an {@code http(s)} service URL (ArcGIS REST or WFS). Not thread-safe: the
 * datasets it returns belong to the caller.
 */
public final class Sources {
    private Sources() {
    }

    /** Opens a source; {@link ReadException} when it is missing or of an unknown kind. */
    public static Dataset open(String source, SourceOptions options) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            throw new ReadException("io.error.unknownKind", null, source);
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new ReadException("io.error.notFound", null, source);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new SingleLayerDataset(new GeoJsonSource(file));
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return new SingleLayerDataset(new CsvSource(file, options.encoding(), options.xField(), options.yField(),
                    options.wktField()));
        }
        if (name.endsWith(".shp")) {
            return new SingleLayerDataset(new ShapefileSource(file, options.encoding()));
        }
        if (name.endsWith(".gpkg")) {
            return new GeoPackageDataset(file);
        }
        throw new ReadException("io.error.unknownKind", null, source);
    }
}
