package de.trassenwerk.io.importer;

import de.trassenwerk.io.SourcePosition;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Where checked features go during an import: a bulk load or an update by key. All methods run on
 * the importing thread; {@link #concurrent()} says whether the source may meanwhile be read on
 * another thread. Either {@link #finish()} commits everything or {@link #abort()} leaves the target
 * as it was.
 *
 * @param <P> what a feature is prepared into
 */
interface FeatureSink<P> {
    /** Whether the source may be read on another thread while this sink writes. */
    boolean concurrent();

    /** Prepares one feature (geometry in the layer's CRS and type, attributes in the layer's types). */
    P prepare(Geometry geometry, Map<String, Object> attributes, SourcePosition position);

    /** Takes one prepared feature. */
    void add(P prepared);

    /** Commits. */
    void finish();

    /** Undoes everything; safe to call after a failure and more than once. */
    void abort();
}
