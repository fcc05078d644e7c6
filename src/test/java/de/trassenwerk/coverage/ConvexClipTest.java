package de.trassenwerk.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** Areas of sites clipped to convex cells, against hand-worked answers and JTS' general overlay. */
class ConvexClipTest {
    private static final ConvexClip CELL = ConvexClip.of(Fixtures.wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));

    @Test
    void concaveSiteOverACellCountsOnlyItsPartsInside() {
        // an L: 0..150 x 0..50 plus 0..50 x 50..150; inside the cell: 100 x 50 + 50 x 50
        Geometry l = Fixtures.wkt("POLYGON ((0 0, 150 0, 150 50, 50 50, 50 150, 0 150, 0 0))");
        assertEquals(7500, CELL.areaOf(l), 1e-9);
        // a U whose arms leave the cell and come back: zero-width bridges add nothing
        Geometry u = Fixtures.wkt("POLYGON ((-10 10, 110 10, 110 90, 90 90, 90 30, 10 30, 10 90, -10 90, -10 10))");
        assertEquals(overlay(u, "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"), CELL.areaOf(u), 1e-9);
        assertEquals(100 * 20 + 2 * 10 * 60, CELL.areaOf(u), 1e-9);
    }

    @Test
    void holesAndSeveralPolygonsAreCounted() {
        Geometry holed = Fixtures.wkt("MULTIPOLYGON (((-50 -50, 50 -50, 50 50, -50 50, -50 -50), "
                + "(10 10, 20 10, 20 20, 10 20, 10 10)), ((90 90, 120 90, 120 120, 90 120, 90 90)))");
        assertEquals(50 * 50 - 10 * 10 + 10 * 10, CELL.areaOf(holed), 1e-9);
        assertEquals(0, CELL.areaOf(Fixtures.wkt("POLYGON ((100 0, 160 0, 160 60, 100 60, 100 0))")), 1e-9,
                "touching along an edge");
        assertEquals(10_000, CELL.areaOf(Fixtures.wkt("POLYGON ((-1 -1, 101 -1, 101 101, -1 101, -1 -1))")), 1e-9);
    }

    @Test
    void onlyConvexPolygonsWithoutHolesAreClips() {
        assertNotNull(ConvexClip.of(Fixtures.wkt("POLYGON ((0 0, 0 100, 100 100, 100 0, 0 0))")), "clockwise");
        assertNull(ConvexClip.of(Fixtures.wkt("POLYGON ((0 0, 150 0, 150 50, 50 50, 50 150, 0 150, 0 0))")));
        assertNull(ConvexClip.of(Fixtures.wkt("POLYGON ((0 0, 9 0, 9 9, 0 9, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))")));
        assertNull(ConvexClip.of(Fixtures.wkt("LINESTRING (0 0, 1 1)")));
    }

    @Test
    void sampleCitySitesClipAsTheGeneralOverlayMeasures() {
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            int pairs = 0;
            for (Feature site : store.read(ThemeLayers.COMMERCIAL_SITES, Query.ALL.withFields(List.of(), true))) {
                Geometry g = site.geometry();
                for (Feature cell : store.read(ThemeLayers.COVERAGE_CELLS,
                        Query.bbox(g.getEnvelopeInternal()).withFields(List.of(), true))) {
                    ConvexClip clip = ConvexClip.of(cell.geometry());
                    assertNotNull(clip, "grid cells are convex quadrilaterals");
                    double expected = OverlayNGRobust.overlay(g, cell.geometry(), OverlayNG.INTERSECTION).getArea();
                    assertEquals(expected, clip.areaOf(g), 1e-6, "site " + site.fid() + ", cell " + cell.fid());
                    pairs++;
                }
            }
            assertTrue(pairs > 1000, "pairs compared: " + pairs);
        }
    }

    @Test
    void sampleCityQuartersClipToConvexSitesAsTheGeneralOverlayMeasures() {
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            int convex = 0;
            int partial = 0;
            for (Feature site : store.read(ThemeLayers.COMMERCIAL_SITES, Query.ALL.withFields(List.of(), true))) {
                Geometry g = site.geometry();
                ConvexClip clip = ConvexClip.of(g);
                if (clip == null) {
                    continue;
                }
                convex++;
                for (Feature quarter : store.read(ThemeLayers.QUARTERS,
                        Query.bbox(g.getEnvelopeInternal()).withFields(List.of(), true))) {
                    double expected = OverlayNGRobust.overlay(quarter.geometry(), g, OverlayNG.INTERSECTION).getArea();
                    assertEquals(expected, clip.areaOf(quarter.geometry()), 1e-6,
                            "site " + site.fid() + ", quarter " + quarter.fid());
                    if (expected > 0 && expected < g.getArea() - 1e-6) {
                        partial++;
                    }
                }
            }
            assertTrue(convex > 200, "most plots are convex: " + convex);
            assertTrue(partial > 20, "plots across quarter borders: " + partial);
        }
    }

    private static double overlay(Geometry a, String b) {
        return OverlayNGRobust.overlay(a, Fixtures.wkt(b), OverlayNG.INTERSECTION).getArea();
    }
}
