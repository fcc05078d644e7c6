package de.trassenwerk.io.importer;

import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.store.BulkLoader;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** Adds every feature through a {@link BulkLoader} (one transaction, R-tree built at the end). */
final class BulkSink implements FeatureSink {
    private final BulkLoader loader;
    private long added;

    BulkSink(BulkLoader loader) {
        this.loader = loader;
    }

    @Override
    public void add(Geometry geometry, Map<String, Object> attributes, SourcePosition position) {
        loader.add(geometry, attributes);
        added++;
    }

    long added() {
        return added;
    }

    @Override
    public void finish() {
        loader.finish();
    }

    @Override
    public void abort() {
        loader.abort();
    }
}
