package de.trassenwerk.io.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeoPackageValidator;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerImportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    static final String SITES = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
            {"type":"Feature","properties":{"ref":"A","lanes":2},"geometry":{"type":"Polygon","coordinates":[[[343000,5702000],[343100,5702000],[343100,5702100],[343000,5702100],[343000,5702000]]]}},
            {"type":"Feature","properties":{"ref":"B","lanes":3},"geometry":{"type":"Polygon","coordinates":[[[344000,5702000],[344100,5702000],[344100,5702100],[344000,5702100],[344000,5702000]]]}}]}
            """;

    /** Two bow-ties (self-intersections) between valid squares. */
    static final String WITH_INVALID = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
            {"type":"Feature","properties":{"ref":"A"},"geometry":{"type":"Polygon","coordinates":[[[343000,5702000],[343100,5702000],[343100,5702100],[343000,5702100],[343000,5702000]]]}},
            {"type":"Feature","properties":{"ref":"bow1"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}},
            {"type":"Feature","properties":{"ref":"C"},"geometry":{"type":"Polygon","coordinates":[[[344000,5702000],[344100,5702000],[344100,5702100],[344000,5702100],[344000,5702000]]]}},
            {"type":"Feature","properties":{"ref":"bow2"},"geometry":{"type":"Polygon","coordinates":[[[20,0],[30,10],[30,0],[20,10],[20,0]]]}}]}
            """;

    private Path source(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static ImportReport run(Path source, ImportSettings settings) {
        try (Dataset d = Sources.open(source.toString(), SourceOptions.DEFAULT)) {
            return LayerImport.run(d.layer(d.layers().get(0)), settings, null, null);
        }
    }

    private static List<Feature> features(Path gpkg, String layer) {
        try (GeoPackageStore s = GeoPackageStore.open(gpkg, GeoPackageStore.Mode.READ_ONLY)) {
            return s.read(layer, Query.ALL.orderedBy("fid", true));
        }
    }

    private Path copyOfSample() throws Exception {
        Path copy = dir.resolve("city.gpkg");
        Files.copy(Fixtures.sampleCity(), copy);
        copy.toFile().setWritable(true);
        return copy;
    }

    private static List<Path> filesIn(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted(Comparator.naturalOrder()).toList();
        }
    }

    @Test
    void importIntoANewGeoPackageMakesAValidFileWithTheSourceFields() throws Exception {
        Path src = source("sites.geojson", SITES);
        Path target = dir.resolve("out/new.gpkg");
        ImportReport r = run(src, ImportSettings.into(target, "sites"));
        assertTrue(r.createdFile());
        assertEquals(2, r.read());
        assertEquals(2, r.added());
        assertEquals(25832, r.sourceCrs());
        try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
            LayerSchema schema = s.schema("sites");
            assertEquals(GeometryType.POLYGON, schema.geometryType());
            assertEquals(List.of("ref", "lanes"), schema.fields().stream().map(f -> f.name()).toList());
            assertEquals(1, s.count("sites", Query.bbox(new org.locationtech.jts.geom.Envelope(343050, 343060, 5702050, 5702060))),
                    "the R-tree finds the feature");
            assertEquals(List.of(), GeoPackageValidator.validate(s, 10));
        }
        assertEquals(List.of(target), filesIn(target.getParent()), "no temporary files left");
    }

    @Test
    void aFailedImportIntoAMissingFileLeavesNoFile() throws Exception {
        Path src = source("bad.geojson", WITH_INVALID);
        Path target = dir.resolve("never.gpkg");
        ImportException e = assertThrows(ImportException.class, () -> run(src, ImportSettings.into(target, "sites")));
        assertFalse(Files.exists(target));
        assertEquals(List.of(src), filesIn(dir), "neither the target nor a temporary file is left");
        assertEquals(2, e.problems().size(), "every invalid feature is listed");
        assertTrue(e.getMessage().startsWith("2 of 4 features cannot be imported"), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("bad.geojson, feature 2 (line 3): invalid geometry: Self-intersection at 5.000 5.000"),
                e.problems().get(0).toString());
        assertEquals(4, e.problems().get(1).position().number());
    }

    @Test
    void aFailedImportLeavesAnExistingFileByteForByteAsItWas() throws Exception {
        Path target = copyOfSample();
        byte[] before = Files.readAllBytes(target);
        Path bad = source("bad.geojson", WITH_INVALID);
        assertThrows(ImportException.class, () -> run(bad, ImportSettings.into(target, "new_layer")));
        assertArrayEquals(before, Files.readAllBytes(target), "new layer");
        assertThrows(ImportException.class, () -> run(bad, ImportSettings.into(target, "districts").withMode(WriteMode.OVERWRITE)));
        assertArrayEquals(before, Files.readAllBytes(target), "overwrite");
        Path broken = source("broken.geojson", SITES.replace("\"lanes\":3}", "\"lanes\":3,}"));
        assertThrows(ReadException.class, () -> run(broken, ImportSettings.into(target, "more").withMode(WriteMode.APPEND)));
        assertArrayEquals(before, Files.readAllBytes(target), "malformed JSON after the first feature");
        assertEquals(List.of(bad, broken, target), filesIn(dir).stream().filter(p -> !p.toString().endsWith("sites.geojson")).toList());
    }

    @Test
    void anExistingLayerNeedsAppendOverwriteOrUpdate() throws Exception {
        Path src = source("sites.geojson", SITES);
        Path target = dir.resolve("t.gpkg");
        run(src, ImportSettings.into(target, "sites"));
        ImportException e = assertThrows(ImportException.class, () -> run(src, ImportSettings.into(target, "sites")));
        assertTrue(e.getMessage().contains("--append, --overwrite or --update-key"), e.getMessage());

        ImportReport appended = run(src, ImportSettings.into(target, "sites").withMode(WriteMode.APPEND));
        assertEquals(2, appended.added());
        assertEquals(4, features(target, "sites").size());

        ImportReport overwritten = run(src, ImportSettings.into(target, "sites").withMode(WriteMode.OVERWRITE));
        assertEquals(2, overwritten.added());
        List<Feature> now = features(target, "sites");
        assertEquals(2, now.size());
        assertEquals(1, now.get(0).fid(), "a replaced layer starts afresh");
    }

    @Test
    void repairFixesAndSkipLeavesOutInvalidGeometries() throws Exception {
        Path src = source("bad.geojson", WITH_INVALID);
        Path repaired = dir.resolve("repaired.gpkg");
        ImportReport r = run(src, ImportSettings.into(repaired, "sites").withInvalid(InvalidGeometries.REPAIR));
        assertEquals(2, r.repaired());
        List<Feature> f = features(repaired, "sites");
        assertEquals(4, f.size());
        assertTrue(f.stream().allMatch(x -> x.geometry().isValid()));

        Path skipped = dir.resolve("skipped.gpkg");
        ImportReport s = run(src, ImportSettings.into(skipped, "sites").withInvalid(InvalidGeometries.SKIP));
        assertEquals(2, s.skippedCount());
        assertEquals(List.of(2L, 4L), s.skipped().stream().map(p -> p.position().number()).toList());
        assertEquals(List.of("A", "C"), features(skipped, "sites").stream().map(x -> x.getString("ref")).toList());
    }

    @Test
    void updateByKeyUpdatesChangedAddsNewAndReportsVanishedFeatures() throws Exception {
        Path target = dir.resolve("feed.gpkg");
        run(source("v1.geojson", SITES), ImportSettings.into(target, "sites"));
        String v2 = SITES.replace("\"ref\":\"A\",\"lanes\":2", "\"ref\":\"A\",\"lanes\":5")
                .replace("\"ref\":\"B\",\"lanes\":3", "\"ref\":\"N\",\"lanes\":1");
        Path second = source("v2.geojson", v2.replace("]}\n", ",\n{\"type\":\"Feature\",\"properties\":{\"ref\":\"A2\",\"lanes\":2},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[343000,5702000],[343100,5702000],[343100,5702100],"
                + "[343000,5702100],[343000,5702000]]]}}]}\n"));
        ImportReport r = run(second, ImportSettings.into(target, "sites").updatingBy("ref"));
        assertEquals(1, r.updated(), "A changed its lanes");
        assertEquals(2, r.added(), "N and A2 are new");
        assertEquals(List.of("B"), r.disappeared());
        List<Feature> f = features(target, "sites");
        assertEquals(4, f.size(), "vanished features are reported, not deleted");
        Feature a = f.stream().filter(x -> "A".equals(x.getString("ref"))).findFirst().orElseThrow();
        assertEquals(5L, a.getLong("lanes"));
        assertEquals(1, a.fid(), "updated in place");
        assertEquals(2, a.version(), "the edit counter went up");

        ImportReport again = run(second, ImportSettings.into(target, "sites").updatingBy("ref"));
        assertEquals(0, again.updated());
        assertEquals(0, again.added());
        assertEquals(3, again.unchanged());

        Path dup = source("dup.geojson", SITES.replace("\"ref\":\"B\"", "\"ref\":\"A\""));
        byte[] before = Files.readAllBytes(target);
        ImportException e = assertThrows(ImportException.class, () -> run(dup, ImportSettings.into(target, "sites").updatingBy("ref")));
        assertEquals(2, e.problems().size(), "both rows with the key are named");
        assertArrayEquals(before, Files.readAllBytes(target));
    }

    @Test
    void wgs84IsReprojectedAndProjectedCoordinatesCalledDegreesFailClearly() throws Exception {
        Path src = source("wgs.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"n":"Rathaus"},
                 "geometry":{"type":"Point","coordinates":[6.7635,51.4358]}}]}
                """);
        Path target = dir.resolve("w.gpkg");
        run(src, ImportSettings.into(target, "poi"));
        Feature f = features(target, "poi").get(0);
        try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(25832, s.schema("poi").srsId());
        }
        // cs2cs EPSG:4326 EPSG:25832 gives 344549.155 5700662.129
        assertEquals(344549.155, f.geometry().getCoordinate().x, 0.01);
        assertEquals(5700662.129, f.geometry().getCoordinate().y, 0.01);

        Path projected = source("noCrs.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"Point","coordinates":[344000,5700000]}}]}
                """);
        ReadException e = assertThrows(ReadException.class, () -> run(projected, ImportSettings.into(dir.resolve("x.gpkg"), "p")));
        assertTrue(e.getMessage().contains("--src-crs"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.gpkg")));
        ImportReport ok = run(projected, ImportSettings.into(dir.resolve("x.gpkg"), "p").withSourceCrs(25832));
        assertEquals(1, ok.added());
    }

    @Test
    void polygonsGoIntoAMultiPolygonThemeLayerAndLinesDoNot() throws Exception {
        Path target = copyOfSample();
        Path src = source("sites.geojson", SITES.replace("\"ref\"", "\"name\""));
        ImportReport r = run(src, ImportSettings.into(target, ThemeLayers.DISTRICTS).withMode(WriteMode.APPEND));
        assertEquals(2, r.added());
        assertEquals(List.of("lanes"), r.unmappedFields());
        try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
            List<Feature> added = s.read(ThemeLayers.DISTRICTS, Query.ALL.orderedBy("fid", false).page(0, 2));
            assertEquals("MultiPolygon", added.get(0).geometry().getGeometryType());
            assertEquals("B", added.get(0).getString("name"));
            assertNull(added.get(0).getString("code"));
        }
        Path lines = source("lines.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
                {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[343000,5702000],[343100,5702000]]}}]}
                """);
        ImportException e = assertThrows(ImportException.class,
                () -> run(lines, ImportSettings.into(target, ThemeLayers.DISTRICTS).withMode(WriteMode.APPEND)));
        assertTrue(e.problems().get(0).toString().contains("a LineString does not fit the layer's geometry type MULTIPOLYGON"),
                e.problems().get(0).toString());
    }

    @Test
    void cancellingWritesNothing() throws Exception {
        Path src = source("sites.geojson", SITES);
        Path target = dir.resolve("c.gpkg");
        try (Dataset d = Sources.open(src.toString(), SourceOptions.DEFAULT)) {
            ImportException e = assertThrows(ImportException.class,
                    () -> LayerImport.run(d.layer("sites"), ImportSettings.into(target, "sites"), null, () -> true));
            assertEquals("import.error.cancelled", e.key());
        }
        assertFalse(Files.exists(target));
    }
}
