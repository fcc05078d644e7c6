package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GeoPackage written by GDAL from GeoJSON and CSV, with the documented layer and field names but
 * GDAL's own ways (booleans as 0/1 integers, dates as DATE text, no version column, its own
 * geometry types): the analysis finds the same things as on our own files, and the saved findings
 * open in GDAL again. Needs {@code ogr2ogr}/{@code ogrinfo}; skipped with a message without them.
 */
class GdalCoordinationTest {
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void writeWithGdal() throws Exception {
        Assumptions.assumeTrue(Fixtures.onPath("ogr2ogr") && Fixtures.onPath("ogrinfo"),
                "GDAL (ogr2ogr, ogrinfo) is not installed: GDAL coordination test skipped");
        file = dir.resolve("from-gdal.gpkg");
        // local sketch coordinates + (340000, 5700000), as in TestCity
        Files.writeString(dir.resolve("streets.csv"), """
                WKT,name,class,surface_renewed,width_m
                "LINESTRING (340000 5700000,340300 5700000)",Amselweg,residential,2024-05-01,9
                "LINESTRING (340300 5700000,340500 5700000)",Hauptstraße,primary,,22
                """);
        String crs = "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::25832\"}},";
        Files.writeString(dir.resolve("routes.geojson"), "{\"type\":\"FeatureCollection\"," + crs + """
                "features":[
                 {"type":"Feature","properties":{"name":"Anbindung Hafen","status":"draft","needed_by":"2027-12-01"},
                  "geometry":{"type":"LineString","coordinates":[[340000,5700000],[340500,5700000]]}},
                 {"type":"Feature","properties":{"name":"Altbestand","status":"built","needed_by":null},
                  "geometry":{"type":"LineString","coordinates":[[340000,5700000],[340500,5700000]]}}]}
                """);
        Files.writeString(dir.resolve("sites.geojson"), "{\"type\":\"FeatureCollection\"," + crs + """
                "features":[
                 {"type":"Feature","properties":{"site_ref":"A","kind":"sewer","organisation":"Wirtschaftsbetriebe Duisburg",
                   "contact_person":"Erika Mustermann","start_date":"2027-03-01","end_date":"2027-04-01",
                   "status":"planned","open_trench":true},
                  "geometry":{"type":"Polygon","coordinates":[[[340050,5699995],[340150,5699995],[340150,5700005],
                   [340050,5700005],[340050,5699995]]]}},
                 {"type":"Feature","properties":{"site_ref":"B","kind":"water","organisation":"Netze Duisburg",
                   "contact_person":"Max Mustermann","start_date":"2027-05-01","end_date":"2027-06-30",
                   "status":"planned","open_trench":true},
                  "geometry":{"type":"Polygon","coordinates":[[[340100,5699995],[340400,5699995],[340400,5700005],
                   [340100,5700005],[340100,5699995]]]}},
                 {"type":"Feature","properties":{"site_ref":"C","kind":"bridge","organisation":"Stadt Duisburg",
                   "contact_person":null,"start_date":"2027-05-01","end_date":"2027-06-30",
                   "status":"planned","open_trench":false},
                  "geometry":{"type":"Polygon","coordinates":[[[340000,5699995],[340500,5699995],[340500,5700005],
                   [340000,5700005],[340000,5699995]]]}}]}
                """);
        Files.writeString(dir.resolve("conduits.geojson"), "{\"type\":\"FeatureCollection\"," + crs + """
                "features":[{"type":"Feature","properties":{"owner":"Stadtwerke","status":"existing","tubes_free":3},
                  "geometry":{"type":"LineString","coordinates":[[340350,5700000],[340400,5700000]]}}]}
                """);
        Files.writeString(dir.resolve("districts.geojson"), "{\"type\":\"FeatureCollection\"," + crs + """
                "features":[{"type":"Feature","properties":{"name":"Mitte","code":"5"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[[[339000,5699000],[341000,5699000],
                   [341000,5701000],[339000,5701000],[339000,5699000]]]]}}]}
                """);
        gdal("ogr2ogr", "-f", "GPKG", file.toString(), dir.resolve("streets.csv").toString(), "-nln", "streets",
                "-a_srs", "EPSG:25832", "-nlt", "LINESTRING", "-oo", "AUTODETECT_TYPE=YES");
        for (String[] l : List.of(new String[] {"routes.geojson", "planned_routes"},
                new String[] {"sites.geojson", "construction_sites"}, new String[] {"conduits.geojson", "conduits"},
                new String[] {"districts.geojson", "districts"})) {
            gdal("ogr2ogr", "-update", "-f", "GPKG", file.toString(), dir.resolve(l[0]).toString(), "-nln", l[1]);
        }
    }

    private static void gdal(String... command) {
        Fixtures.Run r = Fixtures.run(dir, command);
        assertEquals(0, r.exit(), String.join(" ", command) + ": " + r.err());
    }

    @Test
    void theAnalysisReadsWhatGdalWrote() {
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            LayerSchema sites = store.schema(ThemeLayers.CONSTRUCTION_SITES);
            assertTrue(!sites.versioned(), "GDAL writes no version column");
            CoordinationResult r = CoordinationAnalysis.run(store, "from-gdal.gpkg",
                    CoordinationParameters.defaults(TestCity.TODAY), CostModel.DEFAULT, AnalysisMonitor.NONE);

            Map<String, Finding> byId = r.findings().stream().collect(Collectors.toMap(Finding::id, f -> f));
            assertEquals(6, r.findings().size(), byId.keySet()::toString);
            Finding a = byId.get(Finding.coLayingId(1, 1));
            assertEquals(120.0, a.roundedLengthM());
            assertEquals(120 * 75, a.savingEur());
            assertEquals("Mitte", a.district());
            Finding b = byId.get(Finding.coLayingId(1, 2));
            // x 90..410 without x 345..405, which runs in the free duct: 210 m residential, 45 + 5 m primary
            assertEquals(260.0, b.roundedLengthM());
            assertEquals(2, b.parts());
            assertEquals(210 * 75 + 50 * 135, b.savingEur());
            assertEquals(310.0, byId.get(Finding.routeClashId(1, 1)).roundedLengthM(), "x 0..310 of the renewed street");
            assertEquals(120.0, byId.get(Finding.siteClashId(1, 1)).roundedLengthM());
            assertEquals(210.0, byId.get(Finding.siteClashId(2, 1)).roundedLengthM(), "x 90..300");
            Finding dd = byId.get(Finding.doubleDigId(1, 2));
            assertEquals(50.0, dd.roundedLengthM());
            assertEquals(30L, dd.gapDays());
        }
    }

    @Test
    void findingsSavedIntoAGdalFileOpenInGdal() {
        Path copy = dir.resolve("saved.gpkg");
        try {
            Files.copy(file, copy);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (GeoPackageStore store = GeoPackageStore.open(copy, GeoPackageStore.Mode.READ_WRITE)) {
            CoordinationResult r = CoordinationAnalysis.run(store, "saved.gpkg",
                    CoordinationParameters.defaults(TestCity.TODAY), CostModel.DEFAULT, AnalysisMonitor.NONE);
            FindingsLayer.save(store, r, Instant.parse("2026-09-01T10:00:00Z"));
            assertEquals(new FindingsLayer.SaveReport(0, 6, 0, 0),
                    FindingsLayer.save(store, r, Instant.parse("2026-09-02T10:00:00Z")));
        }
        Fixtures.Run info = Fixtures.run(dir, "ogrinfo", "-ro", "-so", copy.toString(), "coordination_findings");
        assertEquals(0, info.exit(), info.err());
        assertTrue(info.out().contains("Feature Count: 6"), info.out());
        assertTrue(info.err().isBlank(), info.err());
    }
}
