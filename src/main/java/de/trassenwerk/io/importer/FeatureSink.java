package de.trassenwerk.io.importer;

import de.trassenwerk.io.SourcePosition;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Where prepared features go during an import: a bulk load or an update by key. {@link #prepare}
 * runs on the thread that reads the source; {@link #add}, {@link #finish()} and {@link #abort()}
 * on the importing thread; when {@link #concurrent()} says so, the two are different threads.
 * Either {@link #finish()} commits everything or {@link #abort()} leaves the target as it was.
 *
 * @param <P> what a feature is prepared into
 */
interface FeatureSink<P> {
    /** Whether {@link #prepare} may run on another thread than {@link #add}. */
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
