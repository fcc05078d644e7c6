package de.trassenwerk.coverage;

import static de.trassenwerk.coverage.GapCity.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.crs.SpatialReferences;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage gaps on the hand-made city of {@link GapCity#paper}, whose answers are worked out by hand. */
class CoverageGapsTest {
    @TempDir
    Path dir;
    GapCity city;

    @BeforeEach
    void makeCity() {
        city = GapCity.paper(dir.resolve("gaps.gpkg"));
    }

    @AfterEach
    void close() {
        city.close();
    }

    private static SiteGap site(CoverageGaps.Result r, String siteNo) {
        return r.sites().stream().filter(s -> s.siteNo().equals(siteNo)).findFirst().orElseThrow();
    }

    @Test
    void siteHalfInAGigabitCellAndHalfInASlowCellIsServedWithAnAreaWeightedShare() {
        CoverageGaps.Result r = city.run(1000);
        SiteGap s = site(r, "DU-0001");
        assertEquals(1000, s.bestMbps());
        // (0.8 * 3600 m² + 0 * 3000 m²) / 6600 m²
        assertEquals(0.8 * 3600 / 6600, s.gigabitShare(), 1e-9);
        assertFalse(s.underserved());
        assertEquals(GapStatus.SERVED, s.gapStatus());
        assertEquals("DU-0001", s.siteNo());
        assertEquals("Gewerbegebiet DU-0001", s.name());
        assertEquals("available", s.status());
        assertEquals(0.66, s.areaHa());
        List<CellOverlap> cells = r.cells(site(r, "DU-0001").fid());
        assertEquals(List.of("CRS3035RES100mN1E1", "CRS3035RES100mN1E2"), cells.stream().map(CellOverlap::cellId).toList());
        assertEquals(3600, cells.get(0).overlapM2(), 1e-6);
        assertEquals(3000, cells.get(1).overlapM2(), 1e-6);
        assertEquals(s.geometry().getArea(), 6600, 1e-6);
        assertEquals(GapCity.X0 + 40, s.geometry().getEnvelopeInternal().getMinX(), 1e-9, "project CRS coordinates");
    }

    @Test
    void siteTouchingNoCellIsUnderservedWithoutASpeed() {
        CoverageGaps.Result r = city.run(1000);
        for (String no : List.of("DU-0002", "DU-0003")) {
            SiteGap s = site(r, no);
            assertNull(s.bestMbps(), s.siteNo());
            assertNull(s.gigabitShare(), s.siteNo());
            assertTrue(s.underserved(), s.siteNo());
            assertEquals(GapStatus.NO_COVERAGE, s.gapStatus(), s.siteNo());
            assertTrue(r.cells(s.fid()).isEmpty(), "a cell sharing only an edge covers nothing of " + s.siteNo());
        }
        assertEquals(1.0, site(r, "DU-0002").areaHa(), 1e-9, "no registered area: the geometry's 100 m x 100 m");
    }

    @Test
    void cellsWithoutHouseholdsDoNotCountForTheShare() {
        CoverageGaps.Result r = city.run(1000);
        SiteGap onlyEmpty = site(r, "DU-0004");
        assertEquals(250, onlyEmpty.bestMbps());
        assertNull(onlyEmpty.gigabitShare(), "the only cell has no households");
        assertTrue(onlyEmpty.underserved());
        assertEquals(GapStatus.UNDERSERVED, onlyEmpty.gapStatus());
        SiteGap mixed = site(r, "DU-0005");
        assertEquals(250, mixed.bestMbps());
        assertEquals(0.0, mixed.gigabitShare(), 1e-12, "only D, with share 0, counts");
        assertEquals(2, r.cells(site(r, "DU-0005").fid()).size());
    }

    @Test
    void districtAndQuarterAreThoseHoldingTheLargestPart() {
        CoverageGaps.Result r = city.run(1000);
        SiteGap s = site(r, "DU-0001"); // West 80x60 m, East 30x60 m; Süd 80x20 m, Nord 80x40 m, Ost 30x60 m
        assertEquals("West", s.district());
        assertEquals("Nord", s.quarter());
        assertEquals("West", site(r, "DU-0005").district()); // 100x80 m: 70 m in West, 30 m in East
        assertEquals("East", site(r, "DU-0002").district());
        assertEquals("Ost", site(r, "DU-0003").quarter());
    }

    @Test
    void concaveSiteAcrossABorderGoesWhereMostOfItLies() {
        // an L: its long arm (100 x 20 m) lies in East, its short one (20 x 60 m) plus the corner in West
        city.insert(ThemeLayers.COMMERCIAL_SITES,
                "MULTIPOLYGON (((100 500, 220 500, 220 520, 120 520, 120 580, 100 580, 100 500)))",
                Fixtures.attrs("site_no", "DU-0006", "name", "Winkel", "area_ha", 0.36, "status", "sold"));
        CoverageGaps.Result r = city.run(1000);
        assertEquals("East", site(r, "DU-0006").district(), "East 100 x 20 = 2000 m², West 20 x 80 = 1600 m²");
        assertEquals("Ost", site(r, "DU-0006").quarter());
    }

    @Test
    void thresholdDecidesWhoIsUnderserved() {
        assertTrue(site(city.run(251), "DU-0004").underserved());
        assertFalse(site(city.run(250), "DU-0004").underserved(), "250 Mbit/s is not below 250");
        assertFalse(site(city.run(250), "DU-0005").underserved());
        assertTrue(site(city.run(1001), "DU-0001").underserved());
        assertTrue(site(city.run(1), "DU-0002").underserved(), "no coverage is under-served at any threshold");
        assertThrows(CoverageException.class, () -> new GapParameters(0));
        assertEquals(1000, GapParameters.DEFAULT.thresholdMbps());
    }

    @Test
    void districtSummaryCountsSitesAndUnderservedHectares() {
        CoverageGaps.Result r = city.run(1000);
        assertEquals(List.of(new DistrictGapSummary("East", 2, 2, 1.36),
                new DistrictGapSummary("West", 3, 2, 1.16)), round(r.districts()));
        assertEquals(4, r.underserved().size());
        assertEquals(1.0 + 0.36 + 0.36 + 0.8, r.underservedHa(), 1e-9);
        assertEquals(List.of("DU-0001", "DU-0002", "DU-0003", "DU-0004", "DU-0005"),
                r.sites().stream().map(SiteGap::siteNo).toList(), "fid order");
        assertEquals(List.of(new DistrictGapSummary("East", 2, 2, 1.36), new DistrictGapSummary("West", 3, 0, 0)),
                round(city.run(100).districts()));
    }

    private static List<DistrictGapSummary> round(List<DistrictGapSummary> in) {
        return in.stream().map(d -> new DistrictGapSummary(d.district(), d.sites(), d.underservedSites(),
                Math.round(d.underservedHa() * 1e6) / 1e6)).toList();
    }

    @Test
    void withoutDistrictLayersSitesHaveNoDistrict() {
        try (GapCity bare = GapCity.withLayers(dir.resolve("bare.gpkg"), ThemeLayers.COVERAGE_CELLS,
                ThemeLayers.COMMERCIAL_SITES)) {
            bare.cell("c", 3L, 50, 0.0, box(0, 0, 100, 100));
            bare.site("DU-0009", 0.25, box(10, 10, 60, 60));
            CoverageGaps.Result r = bare.run(1000);
            assertNull(r.sites().get(0).district());
            assertNull(r.sites().get(0).quarter());
            assertEquals(List.of(new DistrictGapSummary(null, 1, 1, 0.25)), r.districts());
        }
    }

    @Test
    void siteUnderCellsWithoutServiceHasNoCoverage() {
        try (GapCity dark = GapCity.withLayers(dir.resolve("dark.gpkg"), ThemeLayers.COVERAGE_CELLS,
                ThemeLayers.COMMERCIAL_SITES)) {
            dark.cell("none", 0L, 0, null, box(0, 0, 100, 100)); // technology none: 0 Mbit/s
            dark.site("DU-0011", 0.25, box(10, 10, 60, 60));
            SiteGap s = dark.run(1000).sites().get(0);
            assertEquals(0, s.bestMbps());
            assertTrue(s.underserved());
            assertEquals(GapStatus.NO_COVERAGE, s.gapStatus());
        }
    }

    @Test
    void missingLayerOrFieldIsNamedWithTheFile() {
        try (GapCity noCells = GapCity.withLayers(dir.resolve("nocells.gpkg"), ThemeLayers.COMMERCIAL_SITES)) {
            CoverageException e = assertThrows(CoverageException.class, () -> noCells.run(1000));
            assertEquals("coverage.error.missing", e.key());
            assertTrue(e.getMessage().contains("nocells.gpkg") && e.getMessage().contains("coverage_cells"),
                    e.getMessage());
        }
        try (GapCity odd = GapCity.withLayers(dir.resolve("odd.gpkg"), ThemeLayers.COMMERCIAL_SITES)) {
            List<FieldInfo> fields = new ArrayList<>(ThemeLayers.schema(ThemeLayers.COVERAGE_CELLS).fields());
            fields.removeIf(f -> f.name().equals("share_gigabit"));
            odd.store.createLayer(LayerSchema.features(ThemeLayers.COVERAGE_CELLS, GeometryType.POLYGON,
                    SpatialReferences.PROJECT_SRS, fields));
            CoverageException e = assertThrows(CoverageException.class, () -> odd.run(1000));
            assertTrue(e.getMessage().contains("coverage_cells.share_gigabit"), e.getMessage());
        }
    }

    @Test
    void layersInGeographicCoordinatesAreRefused() {
        try (GapCity wgs = GapCity.withLayers(dir.resolve("wgs.gpkg"), ThemeLayers.COMMERCIAL_SITES)) {
            wgs.store.createLayer(LayerSchema.features(ThemeLayers.COVERAGE_CELLS, GeometryType.POLYGON,
                    SpatialReferences.WGS84, ThemeLayers.schema(ThemeLayers.COVERAGE_CELLS).fields()));
            CoverageException e = assertThrows(CoverageException.class, () -> wgs.run(1000));
            assertEquals("coverage.error.crsMismatch", e.key());
        }
    }

    @Test
    void progressEndsAtOneAndCancelStops() {
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CoverageGaps.analyse(city.store, GapParameters.DEFAULT, new AnalysisMonitor() {
            @Override
            public void progress(double fraction) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(0.0, seen.get(0));
        assertEquals(1.0, seen.get(seen.size() - 1));
        assertThrows(CancellationException.class, () -> CoverageGaps.analyse(city.store, GapParameters.DEFAULT,
                new AnalysisMonitor() {
                    @Override
                    public void progress(double fraction) {
                        // not watched
                    }

                    @Override
                    public boolean isCancelled() {
                        return true;
                    }
                }));
    }

    @Test
    void fieldTypeOfSpeedMayBeReal() {
        // GDAL may write max_down_mbps as REAL: 999.9 is still below the gigabit threshold
        try (GapCity real = GapCity.withLayers(dir.resolve("real.gpkg"), ThemeLayers.COMMERCIAL_SITES)) {
            List<FieldInfo> fields = new ArrayList<>(ThemeLayers.schema(ThemeLayers.COVERAGE_CELLS).fields());
            fields.replaceAll(f -> f.name().equals("max_down_mbps") ? FieldInfo.of("max_down_mbps", FieldType.REAL) : f);
            real.store.createLayer(LayerSchema.features(ThemeLayers.COVERAGE_CELLS, GeometryType.POLYGON,
                    SpatialReferences.PROJECT_SRS, fields));
            real.insert(ThemeLayers.COVERAGE_CELLS, box(0, 0, 100, 100),
                    Fixtures.attrs("households", 4L, "max_down_mbps", 999.9, "share_gigabit", 0.0));
            real.site("DU-0010", 0.25, box(10, 10, 60, 60));
            SiteGap s = real.run(1000).sites().get(0);
            assertEquals(999, s.bestMbps());
            assertTrue(s.underserved());
        }
    }
}
