package de.trassenwerk.opendata;

import de.trassenwerk.store.Feature;
import java.io.IOException;

/**
 * Writes the public features of one dataset into one file of one format, in a single pass: the
 * features arrive one by one through {@link #accept}, then {@link #finish} closes the file, or
 * {@link #abort} discards it. Used by one thread.
 */
interface DatasetSink {

    /** Writes one public feature (geometry in the dataset's source CRS). */
    void accept(Feature feature) throws IOException;

    /** Completes the file. */
    void finish() throws IOException;

    /** Closes and deletes the unfinished file; never throws. */
    void abort();

    /** Opens sinks for the formats; {@link Publisher} uses {@link #STANDARD}, tests may wrap it. */
    @FunctionalInterface
    interface Factory {
        Factory STANDARD = (format, file, plan) -> switch (format) {
            case GEOJSON -> new GeoJsonWriter(file, plan);
            case CSV -> new CsvWriter(file, plan);
            case GPKG -> GeoPackageWriter.create(file, plan);
        };

        DatasetSink open(Format format, java.nio.file.Path file, PlannedDataset plan) throws IOException;
    }
}
