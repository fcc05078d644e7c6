package de.trassenwerk.io.importer;

import de.trassenwerk.io.SourcePosition;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Where prepared features go during an import: a bulk load or an update by key. Either
 * {@link #finish()} commits everything or {@link #abort()} leaves the target as it was. Used by the
 * importing thread only.
 */
interface FeatureSink {
    /** Takes one feature (geometry in the layer's CRS and type, attributes in the layer's types). */
    void add(Geometry geometry, Map<String, Object> attributes, SourcePosition position);

    /** Commits. */
    void finish();

    /** Undoes everything; safe to call after a failure and more than once. */
    void abort();
}
