package de.trassenwerk.io;

import java.util.List;

/**
 * An opened source that holds one or more layers: a single file (one layer), a GeoPackage, a WFS
 * or an ArcGIS service. Closing it closes every layer it handed out. Not thread-safe.
 */
public interface Dataset extends AutoCloseable {

    /** The source as the user named it, for messages. */
    String name();

    /** The names of the feature layers, in the source's order. */
    List<String> layers();

    /** One layer by name; {@link ReadException} when there is no such layer. */
    FeatureSource layer(String name);

    @Override
    void close();
}
