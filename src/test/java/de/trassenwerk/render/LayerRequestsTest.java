package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.style.Fill;
import de.trassenwerk.style.LayerStyle;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Rule;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Per-layer filters and opacity, and the layer image cache, on a 100 m view at 1 m per pixel: a
 * red works layer with two sites (started 2026-02 and 2026-06) and a blue parcel layer beside them.
 */
class LayerRequestsTest {
    private static final int WHITE = 0xFFFFFFFF;
    private static final int RED = 0xFFC81E1E;
    private static final int BLUE = 0xFF1E1EC8;
    private static ExecutorService pool;

    private final GeometryFactory gf = new GeometryFactory();
    private final Viewport view = Viewport.fit(new Envelope(1000, 1100, 2000, 2100), 100, 100);
    private GeoPackageStore file;
    private CountingStore store;
    private MapRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @BeforeEach
    void writeLayers() {
        file = GeoPackageStore.create(dir.resolve("works.gpkg"));
        file.createLayer(LayerSchema.features("works", GeometryType.POLYGON, SpatialReferences.PROJECT_SRS,
                List.of(FieldInfo.of("start_date", FieldType.DATE))));
        file.createLayer(LayerSchema.features("parcels", GeometryType.POLYGON, SpatialReferences.PROJECT_SRS, List.of()));
        file.apply(new ChangeSet()
                .insert("works", Feature.create(square(1010, 2010, 20), Map.of("start_date", "2026-02-01")))
                .insert("works", Feature.create(square(1060, 2010, 20), Map.of("start_date", "2026-06-01")))
                .insert("parcels", Feature.create(square(1010, 2060, 30), Map.of())));
        store = new CountingStore(file);
        Map<String, LayerStyle> styles = Map.of(
                "works", LayerStyle.of("area", Rule.of("all", "", PolygonSymbolizer.of(new Fill(new Color(RED)), null))),
                "parcels", LayerStyle.of("area", Rule.of("all", "", PolygonSymbolizer.of(new Fill(new Color(BLUE)), null))));
        renderer = new MapRenderer(styles::get, pool);
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void filterLeavesOutTheWorksThatDoNotPass() {
        AttributeFilter untilApril = AttributeFilter.compare("start_date", AttributeFilter.Op.LE, "2026-04-30");
        RenderResult r = render(List.of(LayerRequest.of("works").withFilter(untilApril)));
        assertEquals(RED, r.image().getRGB(20, 80), "the February site");
        assertEquals(WHITE, r.image().getRGB(70, 80), "the June site is filtered out");
        assertEquals(1, r.featuresDrawn().get("works"));
    }

    @Test
    void opacityBlendsTheLayerWithWhatLiesBelow() {
        RenderResult r = render(List.of(LayerRequest.of("works").withOpacity(0.5)));
        int c = r.image().getRGB(20, 80);
        // half of (200, 30, 30) over white (255, 255, 255)
        assertClose(0xFFE38D8D, c);
    }

    @Test
    void invisibleLayerIsNotRead() {
        RenderResult r = render(List.of(LayerRequest.of("works").withOpacity(0), LayerRequest.of("parcels")));
        assertEquals(0, store.reads("works"));
        assertEquals(WHITE, r.image().getRGB(20, 80));
        assertEquals(BLUE, r.image().getRGB(20, 30));
    }

    @Test
    void togglingReorderingAndFadingLayersReusesTheirImages() {
        render(List.of(LayerRequest.of("works"), LayerRequest.of("parcels")));
        assertEquals(1, store.reads("works"));
        assertEquals(1, store.reads("parcels"));

        RenderResult onlyParcels = render(List.of(LayerRequest.of("parcels")));
        RenderResult swapped = render(List.of(LayerRequest.of("parcels"), LayerRequest.of("works").withOpacity(0.5)));
        assertEquals(1, store.reads("works"), "read once, then composited from its image");
        assertEquals(1, store.reads("parcels"));
        assertEquals(WHITE, onlyParcels.image().getRGB(20, 80));
        assertEquals(BLUE, onlyParcels.image().getRGB(20, 30));
        assertClose(0xFFE38D8D, swapped.image().getRGB(20, 80));
    }

    @Test
    void aWriteOrAnotherViewOrFilterDrawsAfresh() {
        render(List.of(LayerRequest.of("works")));
        render(List.of(LayerRequest.of("works").withFilter(AttributeFilter.eq("start_date", "2026-02-01"))));
        renderer.render(store, List.of("works"), view.pannedBy(5, 0), () -> false);
        assertEquals(3, store.reads("works"));

        file.apply(new ChangeSet().insert("works", Feature.create(square(1010, 2060, 30), Map.of())));
        RenderResult after = render(List.of(LayerRequest.of("works")));
        assertEquals(4, store.reads("works"));
        assertEquals(RED, after.image().getRGB(20, 30), "the new site is drawn");
    }

    @Test
    void withoutADataVersionNothingIsKept() {
        FeatureStore unversioned = new CountingStore(file) {
            @Override
            public OptionalLong dataVersion() {
                return OptionalLong.empty();
            }
        };
        renderer.render(unversioned, List.of("works"), view, () -> false);
        renderer.render(unversioned, List.of("works"), view, () -> false);
        assertEquals(2, ((CountingStore) unversioned).reads("works"));
    }

    @Test
    void cacheStaysWithinItsPixels() {
        LayerImageCache cache = new LayerImageCache(25_000);
        for (int i = 0; i < 5; i++) {
            cache.put(new LayerImageCache.Key(store, "l" + i, view, AttributeFilter.ALL, "style", 1, Detail.FULL),
                    new LayerImageCache.Entry(new java.awt.image.BufferedImage(100, 100,
                            java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE), null, 1, List.of()));
        }
        assertTrue(cache.pixels() <= 25_000);
        assertFalse(cache.pixels() == 0);
        assertEquals(null, cache.get(new LayerImageCache.Key(store, "l0", view, AttributeFilter.ALL, "style", 1,
                Detail.FULL)), "the least recently used went first");
    }

    private RenderResult render(List<LayerRequest> layers) {
        RenderResult r = renderer.renderLayers(store, layers, view, () -> false);
        assertFalse(r.cancelled());
        assertTrue(r.failures().isEmpty(), () -> r.failures().toString());
        return r;
    }

    private static void assertClose(int expected, int actual) {
        for (int shift = 0; shift <= 24; shift += 8) {
            assertTrue(Math.abs(((expected >> shift) & 0xff) - ((actual >> shift) & 0xff)) <= 2,
                    Integer.toHexString(expected) + " vs " + Integer.toHexString(actual));
        }
    }

    private Geometry square(double x, double y, double size) {
        return gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y),
            new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y)});
    }

    /** A real store that counts the reads of each layer. */
    private static class CountingStore implements FeatureStore {
        private final GeoPackageStore inner;
        private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        CountingStore(GeoPackageStore inner) {
            this.inner = inner;
        }

        int reads(String layer) {
            AtomicInteger n = reads.get(layer);
            return n == null ? 0 : n.get();
        }

        @Override
        public List<LayerInfo> layers() {
            return inner.layers();
        }

        @Override
        public LayerSchema schema(String layer) {
            return inner.schema(layer);
        }

        @Override
        public void read(String layer, Query query, Consumer<Feature> sink) {
            reads.computeIfAbsent(layer, k -> new AtomicInteger()).incrementAndGet();
            inner.read(layer, query, sink);
        }

        @Override
        public void readEncoded(String layer, Query query, EncodedSink sink) {
            reads.computeIfAbsent(layer, k -> new AtomicInteger()).incrementAndGet();
            inner.readEncoded(layer, query, sink);
        }

        @Override
        public long count(String layer, Query query) {
            return inner.count(layer, query);
        }

        @Override
        public void createLayer(LayerSchema schema) {
            inner.createLayer(schema);
        }

        @Override
        public List<Long> apply(ChangeSet changes) {
            return inner.apply(changes);
        }

        @Override
        public Map<String, String> metadata() {
            return inner.metadata();
        }

        @Override
        public OptionalLong dataVersion() {
            return inner.dataVersion();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
