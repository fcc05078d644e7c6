package de.trassenwerk.io;

/**
 * One layer of a source (a file, a layer of a GeoPackage, a feature type of a WFS, a layer of an
 * ArcGIS service). {@link #features()} may be called more than once, each call streams from the
 * start. Not thread-safe: one source, one thread.
 */
public interface FeatureSource extends AutoCloseable {

    /** The layer's name, for messages and as the default target layer name. */
    String name();

    /**
     * The EPSG code of the coordinates as the source states it (0 when it does not). Cheap: reads
     * at most a header or metadata, never all features.
     */
    int srsId();

    /**
     * The full schema: fields and their types, geometry type, coordinate system. Sources without
     * a declared schema (GeoJSON) find it by reading all features once, skipping geometries.
     */
    SourceSchema schema();

    /**
     * How the coordinate system was inferred, in the user's language, when the source does not
     * state it but it could be inferred (CSV value ranges or column names); null otherwise.
     */
    default String crsNote() {
        return null;
    }

    /** Streams all features from the start. */
    FeatureCursor features();

    @Override
    void close();
}
