package de.trassenwerk.coverage;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A small hand-made city in a real GeoPackage with the layers a coverage-gap run reads, filled feature
 * by feature through the theme-layer schemas. Coordinates are written relative to a local origin inside
 * Duisburg (E 340 000, N 5 700 000) so that tests read like sketches on squared paper; areas are in m².
 */
public final class GapCity implements AutoCloseable {
    public static final double X0 = 340_000;
    public static final double Y0 = 5_700_000;
    private static final AffineTransformation TO_WORLD = AffineTransformation.translationInstance(X0, Y0);

    final Path file;
    final GeoPackageStore store;

    private GapCity(Path file, String... layers) {
        this.file = file;
        this.store = GeoPackageStore.create(file);
        for (String layer : layers) {
            store.createLayer(ThemeLayers.schema(layer));
        }
    }

    /** A city with commercial sites, coverage cells, districts and quarters. */
    public static GapCity create(Path file) {
        return new GapCity(file, ThemeLayers.DISTRICTS, ThemeLayers.QUARTERS, ThemeLayers.COVERAGE_CELLS,
                ThemeLayers.COMMERCIAL_SITES);
    }

    /**
     * The city of the coverage-gap tests, drawn on squared paper. Four 100 m cells: A (0..100, 0..100)
     * 1000 Mbit/s, 10 households, share 0.8; B (100..200, 0..100) 100 Mbit/s, 20 households, share 0;
     * C (0..100, 200..300) 250 Mbit/s, no households; D (100..200, 200..300) 16 Mbit/s, 5 households,
     * share 0. Districts West (x &lt; 120) and East; quarters Süd (West, y &lt; 40), Nord (West) and Ost
     * (East). Five sites:
     * DU-0001 (40..150, 20..80, 0.66 ha): 60 x 60 m in A, 50 x 60 m in B;
     * DU-0002 (500..600, 500..600, no registered area): far from every cell;
     * DU-0003 (200..260, 0..60, 0.36 ha): touches B's edge, overlaps nothing;
     * DU-0004 (20..80, 220..280, 0.36 ha): only over C, which has no households;
     * DU-0005 (50..150, 210..290, 0.8 ha): 50 x 80 m in C, 50 x 80 m in D.
     */
    public static GapCity paper(Path file) {
        GapCity city = create(file);
        city.district("West", "1", box(-1000, -1000, 120, 1000));
        city.district("East", "2", box(120, -1000, 1000, 1000));
        city.quarter("Süd", "1", "101", box(-1000, -1000, 120, 40));
        city.quarter("Nord", "1", "102", box(-1000, 40, 120, 1000));
        city.quarter("Ost", "2", "201", box(120, -1000, 1000, 1000));
        city.cell("CRS3035RES100mN1E1", 10L, 1000, 0.8, box(0, 0, 100, 100));
        city.cell("CRS3035RES100mN1E2", 20L, 100, 0.0, box(100, 0, 200, 100));
        city.cell("CRS3035RES100mN3E1", 0L, 250, null, box(0, 200, 100, 300));
        city.cell("CRS3035RES100mN3E2", 5L, 16, 0.0, box(100, 200, 200, 300));
        city.site("DU-0001", 0.66, box(40, 20, 150, 80));
        city.site("DU-0002", null, box(500, 500, 600, 600));
        city.site("DU-0003", 0.36, box(200, 0, 260, 60));
        city.site("DU-0004", 0.36, box(20, 220, 80, 280));
        city.site("DU-0005", 0.8, box(50, 210, 150, 290));
        return city;
    }

    /** A city with only the named layers. */
    public static GapCity withLayers(Path file, String... layers) {
        return new GapCity(file, layers);
    }

    /** A rectangle in local coordinates as WKT. */
    public static String box(double x0, double y0, double x1, double y1) {
        return "POLYGON ((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1 + ", "
                + x0 + " " + y0 + "))";
    }

    public long cell(String cellId, Long households, Integer mbps, Double share, String wkt) {
        return insert(ThemeLayers.COVERAGE_CELLS, wkt, Fixtures.attrs("cell_id", cellId, "households", households,
                "max_down_mbps", mbps, "technology", mbps == null ? null : mbps >= 1000 ? "FTTH" : "VDSL",
                "share_gigabit", share, "survey_date", "2026-04-01"));
    }

    public long site(String siteNo, Double areaHa, String wkt) {
        return insert(ThemeLayers.COMMERCIAL_SITES, "MULTIPOLYGON (" + wkt.substring("POLYGON ".length()) + ")",
                Fixtures.attrs("site_no", siteNo, "name", "Gewerbegebiet " + siteNo, "area_ha", areaHa,
                        "status", "available", "zoning", "GE", "plan_no", "Nr. 1100",
                        "contact_org", "Wirtschaftsförderung Duisburg", "contact_person", "Erika Mustermann"));
    }

    public long district(String name, String code, String wkt) {
        return insert(ThemeLayers.DISTRICTS, "MULTIPOLYGON (" + wkt.substring("POLYGON ".length()) + ")",
                Fixtures.attrs("name", name, "code", code));
    }

    public long quarter(String name, String districtCode, String code, String wkt) {
        return insert(ThemeLayers.QUARTERS, "MULTIPOLYGON (" + wkt.substring("POLYGON ".length()) + ")",
                Fixtures.attrs("name", name, "district_code", districtCode, "code", code));
    }

    /** Inserts a feature with a geometry in local coordinates into any layer. */
    long insert(String layer, String wkt, Map<String, Object> attrs) {
        Geometry g = TO_WORLD.transform(Fixtures.wkt(wkt));
        return store.apply(new ChangeSet().insert(layer, Feature.create(g, attrs))).get(0);
    }

    public CoverageGaps.Result run(int thresholdMbps) {
        return CoverageGaps.analyse(store, new GapParameters(thresholdMbps), AnalysisMonitor.NONE);
    }

    @Override
    public void close() {
        store.close();
    }
}
