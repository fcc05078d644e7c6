package de.trassenwerk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;

/**
 * Where features live: a GeoPackage on the desk, a PostGIS database for teams. Reads by bounding box
 * (spatial index) and attribute filter; writes one transaction per {@link ChangeSet}, bumping each
 * changed feature's {@code version} so that no edit silently overwrites another.
 */
public interface FeatureStore extends AutoCloseable {

    /** All layers (feature and attribute-only tables), in the order the store lists them. */
    List<LayerInfo> layers();

    /** One layer with its count and extent; {@link StoreException} when there is no such layer. */
    default LayerInfo layerInfo(String layer) {
        String name = schema(layer).name();
        return layers().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new StoreException("store.error.unknownLayer", null, layer, toString()));
    }

    /** The schema of one layer; {@link StoreException} when there is no such layer. */
    LayerSchema schema(String layer);

    /** Calls {@code sink} for every feature that matches {@code query}, in order. */
    void read(String layer, Query query, Consumer<Feature> sink);

    /** The features that match {@code query}, as a list. */
    default List<Feature> read(String layer, Query query) {
        List<Feature> out = new ArrayList<>();
        read(layer, query, out::add);
        return out;
    }

    /**
     * Calls {@code sink} for every feature that matches {@code query}, in order, without building
     * {@link Feature}s: for drawing and indexing, where the geometry is turned into something else at
     * once. The geometry comes in the GeoPackage binary encoding ({@link GeoPackageGeometry}), the
     * values are those of {@code query.fields()} (all fields when null), in that order. This default
     * encodes the features that {@link #read} gives; a store that holds the encoding already passes it
     * on as it is.
     */
    default void readEncoded(String layer, Query query, EncodedSink sink) {
        LayerSchema s = schema(layer);
        List<String> names = new ArrayList<>();
        if (query.fields() == null) {
            s.fields().forEach(f -> names.add(f.name()));
        } else {
            query.fields().forEach(f -> names.add(s.field(f).map(FieldInfo::name).orElse(f)));
        }
        read(layer, query, f -> {
            Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = f.get(names.get(i));
            }
            Geometry g = f.geometry();
            sink.accept(f.fid(), g == null ? null : GeoPackageGeometry.encode(g, s.srsId()), values);
        });
    }

    /** Receives the rows of {@link #readEncoded}. */
    @FunctionalInterface
    interface EncodedSink {
        /**
         * One feature: its id, its geometry in the GeoPackage binary encoding (null when it has none;
         * the array belongs to the receiver) and its values in the order of the query's fields.
         */
        void accept(long fid, byte[] geometry, Object[] values);
    }

    /** How many features match {@code query} (paging ignored). */
    long count(String layer, Query query);

    /** Creates an empty layer with a spatial index. */
    void createLayer(LayerSchema schema);

    /** Writes all changes in one transaction; returns the new fids of the inserts, in order. */
    List<Long> apply(ChangeSet changes);

    /** Dataset-level metadata (key/value), such as the sample city's reference date. */
    Map<String, String> metadata();

    /**
     * A number that changes whenever data is written through this store, for caches of what was read
     * from it (map images, overviews); empty when the store cannot tell, and then nothing read from
     * it may be cached. Must be cheap and thread-safe.
     */
    default OptionalLong dataVersion() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
