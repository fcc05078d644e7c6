package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.style.StyleLibrary;
import de.trassenwerk.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The renderer starts the layers that took longest last time first, lays finished layers over the
 * map while others are still drawn, and places labels beside the compositing: none of that may
 * change the picture. The sample city over Mitte with the SLD styles (labels, translucent coverage,
 * wide streets), drawn cold three times, comes out the same pixel for pixel each time, also when
 * drawn in images other views were painted in before ({@link ImagePool}); and a layer of many shapes
 * painted in two halves of rows on two threads is the layer painted whole.
 */
class RenderRepeatTest {

    @Test
    void theSameViewDrawnAgainIsTheSamePicture() {
        StyleLibrary styles = StyleLibrary.load(Path.of("styles"));
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            List<String> layers = store.layers().stream().filter(i -> i.schema().hasGeometry()).map(i -> i.schema().name()).toList();
            MapRenderer renderer = MapRenderer.withSettings(styles::styleFor,
                    RenderSettings.defaults().withLayerCachePixels(0));
            Viewport mitte = Viewport.fit(new Envelope(343_000, 348_000, 5_697_900, 5_700_900), 1200, 720);
            RenderResult first = renderer.render(store, layers, mitte, () -> false);
            assertTrue(first.failures().isEmpty(), first.failures().toString());
            assertTrue(first.totalFeatures() > 1000, "the view shows the city: " + first.totalFeatures());
            for (int i = 0; i < 2; i++) {
                RenderResult again = renderer.render(store, layers, mitte, () -> false);
                assertArrayEquals(pixels(first.image()), pixels(again.image()), "render " + (i + 2));
            }
        }
    }

    @Test
    void aViewDrawnInImagesOtherViewsWerePaintedInIsTheViewDrawnAfresh() {
        StyleLibrary styles = StyleLibrary.load(Path.of("styles"));
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            List<String> layers = store.layers().stream().filter(i -> i.schema().hasGeometry()).map(i -> i.schema().name()).toList();
            Envelope extent = new Envelope();
            for (LayerInfo i : store.layers()) {
                if (i.extent() != null) {
                    extent.expandToInclude(i.extent());
                }
            }
            Viewport mitte = Viewport.fit(new Envelope(343_000, 348_000, 5_697_900, 5_700_900), 1200, 720);
            Viewport north = Viewport.fit(new Envelope(340_000, 346_000, 5_703_000, 5_707_000), 1200, 720);
            Viewport whole = Viewport.fit(extent, 1200, 720);
            int[] fresh = pixels(MapRenderer.withSettings(styles::styleFor,
                    RenderSettings.defaults().withLayerCachePixels(0)).render(store, layers, mitte, () -> false).image());
            // cold, and with a layer cache of three images that other views push Mitte's layers out of
            for (long cachePixels : new long[] {0, 3L * 1200 * 720}) {
                MapRenderer renderer = MapRenderer.withSettings(styles::styleFor,
                        RenderSettings.defaults().withLayerCachePixels(cachePixels));
                for (Viewport vp : List.of(whole, mitte, north, whole, mitte)) {
                    RenderResult r = renderer.render(store, layers, vp, () -> false);
                    if (vp == mitte) {
                        assertArrayEquals(fresh, pixels(r.image()), "cache of " + cachePixels + " pixels");
                    }
                }
                assertTrue(renderer.spares().pixels() > 0, "images are re-used");
            }
        }
    }

    @Test
    void aLayerPaintedInTwoHalvesAtOnceIsTheSameAsPaintedWhole() throws Exception {
        StyleLibrary styles = StyleLibrary.load(Path.of("styles"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            Envelope extent = store.layers().stream().filter(i -> i.name().equals("streets")).findFirst()
                    .orElseThrow().extent();
            for (Detail detail : Detail.values()) {
                for (Viewport vp : List.of(Viewport.fit(extent, 1000, 700),
                        Viewport.fit(new Envelope(343_000, 348_000, 5_697_900, 5_700_900), 1000, 700))) {
                    RenderSettings settings = RenderSettings.defaults().withDetail(detail);
                    LayerRenderJob.LayerImage whole = new LayerRenderJob(store, LayerRequest.of("streets"),
                            styles.styleFor("streets"), vp, settings, null, () -> false).call();
                    Future<LayerRenderJob.LayerImage> halves = pool.submit(new LayerRenderJob(store,
                            LayerRequest.of("streets"), styles.styleFor("streets"), vp, settings, null, () -> false,
                            pool, new ImagePool(0)));
                    LayerRenderJob.LayerImage split = halves.get();
                    assertTrue(whole.features() >= LayerRenderJob.SPLIT_SHAPES,
                            "enough streets to be split: " + whole.features());
                    assertArrayEquals(pixels(whole.image()), pixels(split.image()), detail + " 1:"
                            + Math.round(vp.scaleDenominator()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
