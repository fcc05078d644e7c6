package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.sample.SampleCityWriter;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.style.DefaultStyles;
import de.trassenwerk.style.Expression;
import de.trassenwerk.style.Fill;
import de.trassenwerk.style.Filter;
import de.trassenwerk.style.LayerStyle;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Rule;
import de.trassenwerk.style.StyleLibrary;
import de.trassenwerk.testing.Fixtures;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * The level-of-detail rule: a picture drawn at {@link Detail#LEVEL_OF_DETAIL} (simplified to the
 * pixel, sub-pixel features as pixels, plain lines straight into the pixels, big layers from their
 * overviews) matches the {@link Detail#FULL} picture of the same view in at least 98 % of its pixels
 * within the tolerance of {@link PictureComparison}, with the project's SLD styles (labels included)
 * and with the built-in default styles. Overviews are made here for layers of 10 000 features and
 * more, so that the coverage cells and streets of the sample city are drawn from theirs.
 */
class LevelOfDetailTest {
    private static final int OVERVIEW_MIN_FEATURES = 10_000;
    private static ExecutorService pool;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void sldStylesAtFullExtentAndZoomedInMatchFullDetail() throws Exception {
        StyleLibrary styles = StyleLibrary.load(Path.of("styles"));
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            Envelope extent = extent(store);
            Envelope centre = new Envelope(extent.centre());
            centre.expandBy(1500);
            for (Envelope area : List.of(extent, centre)) {
                assertPictureStaysTrue(store, styles::styleFor, Viewport.fit(area, 800, 500), false);
            }
        }
    }

    @Test
    void sampleCityFullExtentMatchesFullDetail() throws Exception {
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            assertPictureStaysTrue(store, DefaultStyles::forLayer, Viewport.fit(extent(store), 1600, 1000), true);
        }
    }

    @Test
    void sampleCityZoomedIntoMitteMatchesFullDetail() throws Exception {
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            Viewport mitte = Viewport.fit(new Envelope(344_300, 346_700, 5_698_600, 5_700_200), 1600, 1000);
            assertPictureStaysTrue(store, DefaultStyles::forLayer, mitte, false);
        }
    }

    @Test
    void scaleThreeCityFullExtentMatchesFullDetail() throws Exception {
        Path file = dir.resolve("city3.gpkg");
        SampleCityWriter.write(file, 3, SampleCityGenerator.DEFAULT_SEED, SampleCityGenerator.DEFAULT_REFERENCE_DATE,
                msg -> { });
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            assertPictureStaysTrue(store, DefaultStyles::forLayer, Viewport.fit(extent(store), 1600, 1000), true);
        }
    }

    @Test
    void overviewFollowsFiltersStylesAndWrites() throws Exception {
        Path file = dir.resolve("edited.gpkg");
        Files.copy(Fixtures.sampleCity(), file, StandardCopyOption.REPLACE_EXISTING);
        file.toFile().setWritable(true);
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE)) {
            Viewport vp = Viewport.fit(extent(store), 800, 500);
            List<String> cells = List.of(ThemeLayers.COVERAGE_CELLS);
            LayerStyle ftthOnly = LayerStyle.of(ThemeLayers.COVERAGE_CELLS,
                    Rule.of("ftth", "FTTH", PolygonSymbolizer.of(new Fill(new Color(20, 20, 160)), null))
                            .where(new Filter.Comparison(Filter.Operator.EQUAL_TO,
                                    new Expression.PropertyName("technology"), new Expression.Literal("FTTH"), true)));
            MapRenderer fromOverview = renderer(name -> ftthOnly, true);
            MapRenderer fromStore = renderer(name -> ftthOnly, false);
            fromOverview.prepareOverviews(store, cells);
            assertTrue(fromOverview.awaitOverviews(120_000));
            assertTrue(fromOverview.overviewSizes(store).containsKey(ThemeLayers.COVERAGE_CELLS));

            // another style reading the same field, and a filter: both answered from the overview
            AttributeFilter gigabit = AttributeFilter.compare("max_down_mbps", AttributeFilter.Op.GE, 1000);
            List<LayerRequest> filtered = List.of(LayerRequest.of(ThemeLayers.COVERAGE_CELLS).withFilter(gigabit));
            RenderResult a = fromOverview.renderLayers(store, filtered, vp, () -> false);
            RenderResult b = fromStore.renderLayers(store, filtered, vp, () -> false);
            assertEquals(b.featuresDrawn(), a.featuresDrawn());
            assertTrue(PictureComparison.matchingShare(a.image(), b.image(), 0) > 0.999);

            // a write makes the overview stale: the new cell is drawn at once, from the store
            store.apply(new ChangeSet().insert(ThemeLayers.COVERAGE_CELLS, Feature.create(
                    Fixtures.wkt("POLYGON ((340000 5700000, 341000 5700000, 341000 5701000, 340000 5701000, "
                            + "340000 5700000))"), Map.of("technology", "FTTH", "max_down_mbps", 1000))));
            RenderResult after = fromOverview.renderLayers(store, filtered, vp, () -> false);
            assertEquals(b.featuresDrawn().get(ThemeLayers.COVERAGE_CELLS) + 1,
                    after.featuresDrawn().get(ThemeLayers.COVERAGE_CELLS));
            assertEquals(0xFF1414A0, after.image().getRGB((int) vp.toPixelX(340_500), (int) vp.toPixelY(5_700_500)));
        }
    }

    private static void assertPictureStaysTrue(GeoPackageStore store,
            java.util.function.Function<String, LayerStyle> styles, Viewport vp, boolean expectOverviews)
            throws InterruptedException {
        List<String> layers = themeLayers(store);
        MapRenderer lod = renderer(styles, true);
        MapRenderer full = new MapRenderer(styles, pool,
                RenderSettings.defaults().withDetail(Detail.FULL).withLayerCachePixels(0));
        lod.prepareOverviews(store, layers);
        assertTrue(lod.awaitOverviews(300_000), "overviews built");
        if (expectOverviews) {
            assertTrue(lod.overviewSizes(store).containsKey(ThemeLayers.COVERAGE_CELLS), "the cells are drawn from an overview");
        }
        RenderResult a = lod.render(store, layers, vp, () -> false);
        RenderResult b = full.render(store, layers, vp, () -> false);
        assertTrue(a.failures().isEmpty() && b.failures().isEmpty(), () -> a.failures() + " " + b.failures());
        double share = PictureComparison.matchingShare(a.image(), b.image(), PictureComparison.TOLERANCE);
        System.out.printf("level of detail vs full detail at 1:%.0f: %.4f of the pixels agree%n",
                vp.scaleDenominator(), share);
        assertTrue(share >= PictureComparison.REQUIRED_MATCH, () -> "only " + 100 * share + " % of the pixels match");
    }

    private static MapRenderer renderer(java.util.function.Function<String, LayerStyle> styles, boolean overviews) {
        return new MapRenderer(styles, pool, RenderSettings.defaults().withLayerCachePixels(0).withOverviews(overviews),
                OVERVIEW_MIN_FEATURES);
    }

    private static List<String> themeLayers(GeoPackageStore store) {
        List<String> out = new ArrayList<>();
        for (LayerSchema theme : ThemeLayers.all()) {
            if (store.hasLayer(theme.name())) {
                out.add(theme.name());
            }
        }
        return out;
    }

    private static Envelope extent(GeoPackageStore store) {
        Envelope e = new Envelope();
        for (LayerInfo i : store.layers()) {
            if (i.extent() != null) {
                e.expandToInclude(i.extent());
            }
        }
        return e;
    }
}
