package de.trassenwerk.io.importer;

import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.store.BulkLoader;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** Adds every feature through a {@link BulkLoader} (one transaction, R-tree built at the end). */
final class BulkSink implements FeatureSink<BulkLoader.Row> {
    private final BulkLoader loader;
    private long added;

    BulkSink(BulkLoader loader) {
        this.loader = loader;
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public BulkLoader.Row prepare(Geometry geometry, Map<String, Object> attributes, SourcePosition position) {
        return loader.prepare(geometry, attributes);
    }

    @Override
    public void add(BulkLoader.Row row) {
        loader.add(row);
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
