package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.style.Fill;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Layers stored in WGS84 (EPSG:4326) and in ETRS89-LAEA (EPSG:3035, the INSPIRE grid's CRS) drawn on
 * a map in EPSG:25832: a 200 m square in the middle of Duisburg, given in each layer's own CRS, must
 * land on the same pixels as in a view of the project CRS, 1 m per pixel.
 */
class ReprojectionTest {
    private static final double X = 345_000;
    private static final double Y = 5_700_000;
    private static final int RED = 0xFFC81E1E;
    private static final int WHITE = 0xFFFFFFFF;
    private static ExecutorService pool;

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

    @Test
    void layerInWgs84IsDrawnWhereItLies() {
        assertSquareDrawnFrom(SpatialReferences.WGS84);
    }

    @Test
    void layerInLaeaEuropeIsDrawnWhereItLies() {
        assertSquareDrawnFrom(SpatialReferences.LAEA_EUROPE);
    }

    private void assertSquareDrawnFrom(int srs) {
        // the square's corners (X-100 .. X+100, Y-100 .. Y+100) in EPSG:25832, densified and taken into srs
        CoordinateTransform toLayer = CoordinateTransform.between(SpatialReferences.PROJECT_SRS, srs);
        Geometry square = toLayer.transform(densified(X - 100, Y - 100, 200));
        try (GeoPackageStore store = GeoPackageStore.create(dir.resolve("srs" + srs + ".gpkg"))) {
            store.createLayer(LayerSchema.features("area", GeometryType.POLYGON, srs, List.of()));
            store.apply(new ChangeSet().insert("area", Feature.create(square, Map.of())));
            LayerStyle red = LayerStyle.of("area", Rule.of("all", "", PolygonSymbolizer.of(new Fill(new Color(RED)), null)));
            // 400 x 400 m around the square's centre, one metre per pixel: the square spans pixels 100..300
            Viewport vp = new Viewport(X, Y, 1, 400, 400);
            RenderResult r = new MapRenderer(layer -> red, pool).render(store, List.of("area"), vp, () -> false);
            assertTrue(r.failures().isEmpty(), () -> r.failures().toString());
            assertEquals(1, r.featuresDrawn().get("area"));
            BufferedImage img = r.image();
            for (int i = 103; i <= 296; i += 8) {
                assertEquals(RED, img.getRGB(i, 103), "top edge inside at x " + i);
                assertEquals(RED, img.getRGB(i, 296), "bottom edge inside at x " + i);
                assertEquals(RED, img.getRGB(103, i), "left edge inside at y " + i);
                assertEquals(RED, img.getRGB(296, i), "right edge inside at y " + i);
                assertEquals(WHITE, img.getRGB(i, 96), "above the square at x " + i);
                assertEquals(WHITE, img.getRGB(i, 303), "below the square at x " + i);
                assertEquals(WHITE, img.getRGB(96, i), "left of the square at y " + i);
                assertEquals(WHITE, img.getRGB(303, i), "right of the square at y " + i);
            }
            // a view that only just touches the square still finds it through the transformed query box
            Viewport corner = new Viewport(X + 290, Y + 290, 1, 400, 400);
            RenderResult c = new MapRenderer(layer -> red, pool).render(store, List.of("area"), corner, () -> false);
            assertEquals(RED, c.image().getRGB(5, 395));
            assertEquals(WHITE, c.image().getRGB(15, 385));
        }
    }

    /** A square with a vertex every 10 m, so that it stays a square (to a millimetre) in any of these CRSs. */
    private static Geometry densified(double x0, double y0, double size) {
        int steps = 20;
        Coordinate[] ring = new Coordinate[4 * steps + 1];
        for (int i = 0; i < steps; i++) {
            double t = size * i / steps;
            ring[i] = new Coordinate(x0 + t, y0);
            ring[steps + i] = new Coordinate(x0 + size, y0 + t);
            ring[2 * steps + i] = new Coordinate(x0 + size - t, y0 + size);
            ring[3 * steps + i] = new Coordinate(x0, y0 + size - t);
        }
        ring[4 * steps] = ring[0];
        return new GeometryFactory().createPolygon(ring);
    }
}
