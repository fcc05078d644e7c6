package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.style.Expression;
import de.trassenwerk.style.Fill;
import de.trassenwerk.style.Filter;
import de.trassenwerk.style.LayerStyle;
import de.trassenwerk.style.PolygonSymbolizer;
import de.trassenwerk.style.Rule;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * A 100 m x 100 m view at 1 m per pixel over a tiny GeoPackage: one parcel (a 40 m square, red
 * when "open", blue when "closed"), one parcel far outside the view, and a 0.3 m speck.
 */
class MapRendererTest {
    private static final int WHITE = 0xFFFFFFFF;
    private static final int RED = 0xFFC81E1E;
    private static final int BLUE = 0xFF1E1EC8;
    private static ExecutorService pool;

    private final GeometryFactory gf = new GeometryFactory();
    private final Viewport view = Viewport.fit(new Envelope(1000, 1100, 2000, 2100), 100, 100);
    private GeoPackageStore store;
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
    void writeParcels() {
        store = GeoPackageStore.create(dir.resolve("tiny.gpkg"));
        store.createLayer(LayerSchema.features("parcels", GeometryType.POLYGON, SpatialReferences.PROJECT_SRS,
                List.of(FieldInfo.of("state", FieldType.TEXT), FieldInfo.of("note", FieldType.TEXT))));
        store.apply(new ChangeSet()
                .insert("parcels", parcel(square(1010, 2010, 40), "open"))
                .insert("parcels", parcel(square(5000, 5000, 40), "closed"))
                .insert("parcels", parcel(square(1080.2, 2080.2, 0.3), "closed")));
        LayerStyle style = LayerStyle.of("parcels",
                Rule.of("other", "", PolygonSymbolizer.of(new Fill(Color.GREEN), null)).asElse(),
                Rule.of("open", "", PolygonSymbolizer.of(new Fill(new Color(RED)), null)).where(stateIs("open")),
                Rule.of("closed", "", PolygonSymbolizer.of(new Fill(new Color(BLUE)), null)).where(stateIs("closed")));
        renderer = new MapRenderer(layer -> style, pool);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void parcelInteriorHasItsFillColour() {
        BufferedImage img = render().image();
        // map (1030, 2030) is pixel (30, 70): y grows downwards from the top edge at y = 2100
        assertEquals(RED, img.getRGB(30, 70));
    }

    @Test
    void pixelsOutsideEveryFeatureStayWhite() {
        BufferedImage img = render().image();
        assertEquals(WHITE, img.getRGB(70, 20));
        assertEquals(WHITE, img.getRGB(5, 95));
    }

    @Test
    void parcelOutsideTheViewIsNeitherReadNorDrawn() {
        RenderResult r = render();
        assertEquals(2, r.featuresDrawn().get("parcels"));
        for (int x = 0; x < 100; x++) {
            for (int y = 0; y < 100; y++) {
                assertTrue(r.image().getRGB(x, y) != BLUE || (x == 80 && y == 19),
                        "only the speck may be blue, not pixel " + x + "," + y);
            }
        }
    }

    @Test
    void featureSmallerThanAPixelIsDrawnAsOnePixelInItsColour() {
        BufferedImage img = render().image();
        // the speck's centre (1080.35, 2080.35) falls in pixel (80, 19)
        assertEquals(BLUE, img.getRGB(80, 19));
        assertEquals(WHITE, img.getRGB(81, 19));
    }

    @Test
    void cancelledRenderSaysSoAndDrawsNothing() {
        RenderResult r = renderer.render(store, List.of("parcels"), view, () -> true);
        assertTrue(r.cancelled());
        assertEquals(WHITE, r.image().getRGB(30, 70));
    }

    @Test
    void unknownLayerIsReportedAndTheOthersAreStillDrawn() {
        RenderResult r = renderer.render(store, List.of("parcels", "no_such_layer"), view, () -> false);
        assertFalse(r.cancelled());
        assertTrue(r.failures().containsKey("no_such_layer"));
        assertEquals(RED, r.image().getRGB(30, 70));
    }

    @Test
    void defaultStylesDrawTheSameParcel() {
        RenderResult r = new MapRenderer().render(store, List.of("parcels"), view, () -> false);
        assertFalse(r.image().getRGB(30, 70) == WHITE, "the neutral default style fills areas");
    }

    private RenderResult render() {
        RenderResult r = renderer.render(store, List.of("parcels"), view, () -> false);
        assertFalse(r.cancelled());
        assertTrue(r.failures().isEmpty(), () -> r.failures().toString());
        return r;
    }

    private static Filter stateIs(String value) {
        return new Filter.Comparison(Filter.Operator.EQUAL_TO, new Expression.PropertyName("state"),
                new Expression.Literal(value), true);
    }

    private Feature parcel(Geometry g, String state) {
        return Feature.create(g, Map.of("state", state, "note", "x"));
    }

    private Geometry square(double x, double y, double size) {
        return gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y),
            new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y)});
    }
}
