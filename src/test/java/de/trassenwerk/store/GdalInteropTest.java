package de.trassenwerk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * We read what GDAL writes, and GDAL (Debian 12's 3.6, the QGIS 3.22 generation) reads what we
 * write without a warning. Needs {@code ogr2ogr}/{@code ogrinfo} (Debian's gdal-bin); skipped
 * with a message when they are missing.
 */
class GdalInteropTest {
    @TempDir
    static Path dir;
    static Path gdalFile;

    @BeforeAll
    static void writeFixturesWithGdal() throws Exception {
        Assumptions.assumeTrue(Fixtures.onPath("ogr2ogr") && Fixtures.onPath("ogrinfo"),
                "GDAL (ogr2ogr, ogrinfo) is not installed: GDAL interoperability tests skipped");
        gdalFile = dir.resolve("from-gdal.gpkg");
        Files.writeString(dir.resolve("nodes.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Kaßlerfeld","kind":"PoP"},
                  "geometry":{"type":"Point","coordinates":[6.7571,51.4461]}},
                 {"type":"Feature","properties":{"name":"Mündelheim","kind":"cabinet"},
                  "geometry":{"type":"Point","coordinates":[6.7200,51.3450]}},
                 {"type":"Feature","properties":{"name":"ohne Lage","kind":"manhole"},"geometry":null}]}
                """);
        Files.writeString(dir.resolve("plots.geojson"), """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},
                 "features":[{"type":"Feature","properties":{"site_no":"DU-1","area_ha":1.5},
                  "geometry":{"type":"MultiPolygon","coordinates":[
                   [[[343000,5702000],[343200,5702000],[343200,5702200],[343000,5702200],[343000,5702000]],
                    [[343050,5702050],[343050,5702100],[343100,5702100],[343100,5702050],[343050,5702050]]],
                   [[[344000,5703000],[344100,5703000],[344100,5703100],[344000,5703000]]]]}}]}
                """);
        Files.writeString(dir.resolve("measured.csv"), """
                WKT,label
                "LINESTRING ZM (343000 5702000 30 0,343100 5702000 31 100)",zm
                "LINESTRING M (343000 5702100 0,343050 5702100 50)",m
                "LINESTRING Z (343000 5702200 29,343020 5702200 30)",z
                "POINT EMPTY",empty
                """);
        gdal("ogr2ogr", "-f", "GPKG", gdalFile.toString(), dir.resolve("nodes.geojson").toString(), "-nln", "nodes");
        gdal("ogr2ogr", "-update", "-f", "GPKG", gdalFile.toString(), dir.resolve("plots.geojson").toString(),
                "-nln", "plots", "-nlt", "MULTIPOLYGON");
        gdal("ogr2ogr", "-update", "-f", "GPKG", gdalFile.toString(), dir.resolve("measured.csv").toString(),
                "-nln", "measured", "-a_srs", "EPSG:25832");
    }

    private static void gdal(String... command) {
        Fixtures.Run r = Fixtures.run(dir, command);
        assertEquals(0, r.exit(), String.join(" ", command) + "\n" + r.err());
    }

    @Test
    void readsLayersTypesAndCrsOfAGdalFile() {
        try (GeoPackageStore s = GeoPackageStore.open(gdalFile, GeoPackageStore.Mode.READ_ONLY)) {
            Map<String, LayerInfo> layers = s.layers().stream().collect(Collectors.toMap(LayerInfo::name, l -> l));
            assertEquals(GeometryType.POINT, layers.get("nodes").geometryType());
            assertEquals("EPSG:4326", layers.get("nodes").crs());
            assertEquals(3, layers.get("nodes").count());
            assertEquals(GeometryType.MULTIPOLYGON, layers.get("plots").geometryType());
            assertEquals("EPSG:25832", layers.get("plots").crs());
            assertEquals(new Envelope(343000, 344100, 5702000, 5703100), layers.get("plots").extent());
            assertFalse(layers.get("nodes").schema().versioned(), "GDAL writes no version column");
        }
    }

    @Test
    void readsPointsWithoutEnvelopesNullGeometriesAndNonAsciiText() {
        try (GeoPackageStore s = GeoPackageStore.open(gdalFile, GeoPackageStore.Mode.READ_ONLY)) {
            List<Feature> nodes = s.read("nodes", Query.ALL.orderedBy("fid", true));
            assertEquals("Kaßlerfeld", nodes.get(0).getString("name"));
            assertEquals(6.7571, nodes.get(0).geometry().getCoordinate().x, 1e-9);
            assertEquals(51.4461, nodes.get(0).geometry().getCoordinate().y, 1e-9);
            assertNull(nodes.get(2).geometry());
            assertEquals(1, s.count("nodes", Query.bbox(new Envelope(6.70, 6.73, 51.3, 51.4))));
            assertEquals(1, s.read("nodes", Query.where(AttributeFilter.eq("name", "Mündelheim"))).size());
        }
    }

    @Test
    void readsMultiPolygonsWithHoles() {
        try (GeoPackageStore s = GeoPackageStore.open(gdalFile, GeoPackageStore.Mode.READ_ONLY)) {
            Geometry g = s.read("plots", Query.ALL).get(0).geometry();
            assertEquals(2, g.getNumGeometries());
            assertEquals(200 * 200 - 50 * 50 + 100 * 100 / 2.0, g.getArea(), 1e-6);
        }
    }

    @Test
    void readsZAndMAndEmptyGeometries() {
        try (GeoPackageStore s = GeoPackageStore.open(gdalFile, GeoPackageStore.Mode.READ_ONLY)) {
            Map<String, Geometry> byLabel = s.read("measured", Query.ALL).stream()
                    .collect(Collectors.toMap(f -> f.getString("label"), Feature::geometry));
            assertEquals(31, byLabel.get("zm").getCoordinates()[1].getZ(), 1e-9);
            assertEquals(100, byLabel.get("zm").getCoordinates()[1].getM(), 1e-9);
            assertEquals(50, byLabel.get("m").getCoordinates()[1].getM(), 1e-9);
            assertEquals(29, byLabel.get("z").getCoordinates()[0].getZ(), 1e-9);
            assertTrue(byLabel.get("empty").isEmpty());
            assertEquals(100, byLabel.get("zm").getLength(), 1e-9);
        }
    }

    @Test
    void ourValidatorAcceptsWhatGdalWrites() {
        try (GeoPackageStore s = GeoPackageStore.open(gdalFile, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(List.of(), GeoPackageValidator.validate(s, 10));
        }
    }

    @Test
    void editsToAGdalFileKeepItsIndexRight() throws Exception {
        Path copy = dir.resolve("edited.gpkg");
        Files.copy(gdalFile, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (GeoPackageStore s = GeoPackageStore.open(copy, GeoPackageStore.Mode.READ_WRITE)) {
            Feature f = s.read("nodes", Query.where(AttributeFilter.eq("name", "Kaßlerfeld"))).get(0);
            s.apply(new ChangeSet().update("nodes", f.withGeometry(Fixtures.wkt("POINT (7.0 51.5)"))));
            assertEquals(1, s.count("nodes", Query.bbox(new Envelope(6.99, 7.01, 51.49, 51.51))));
        }
        Fixtures.Run r = Fixtures.run(dir, "ogrinfo", "-ro", "-q", "-sql",
                "SELECT count(*) AS n FROM rtree_nodes_geom WHERE minx > 6.99", copy.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("n (Integer) = 1"), r.out());
    }

    @Test
    void gdalOpensTheSampleCityWithoutAnyWarning() {
        Path sample = Fixtures.sampleCity();
        Fixtures.Run r = Fixtures.run(dir, "ogrinfo", "-ro", "-so", "-al", sample.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err().strip(), "GDAL printed warnings or errors");
        assertTrue(r.out().contains("Layer name: construction_sites"));
        assertTrue(r.out().contains("Geometry: Multi Polygon"));
        assertTrue(r.out().contains("TRASSENWERK_REFERENCE_DATE=2026-09-01"));
        assertTrue(r.out().contains("PROJCRS[\"ETRS89 / UTM zone 32N\""), "GDAL resolves EPSG:25832");
        Fixtures.Run count = Fixtures.run(dir, "ogrinfo", "-ro", "-q", "-sql",
                "SELECT count(*) AS n FROM streets WHERE fid IN (SELECT id FROM rtree_streets_geom "
                        + "WHERE minx < 344500 AND maxx > 344000 AND miny < 5700500 AND maxy > 5700000)",
                sample.toString());
        try (GeoPackageStore s = GeoPackageStore.open(sample, GeoPackageStore.Mode.READ_ONLY)) {
            long ours = s.count("streets", Query.bbox(new Envelope(344000, 344500, 5700000, 5700500)));
            assertTrue(count.out().contains("n (Integer) = " + ours), count.out() + " vs " + ours);
        }
    }

    @Test
    void ngaGeoPackageReadsOurFile() throws Exception {
        mil.nga.geopackage.GeoPackage gpkg = mil.nga.geopackage.GeoPackageManager.open(Fixtures.sampleCity().toFile(),
                false);
        try {
            assertTrue(gpkg.getFeatureTables().contains("construction_sites"));
            mil.nga.geopackage.features.user.FeatureDao dao = gpkg.getFeatureDao("streets");
            try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
                assertEquals(s.layerInfo("streets").count(), dao.count());
            }
            assertEquals(25832, dao.getSrs().getOrganizationCoordsysId());
            assertTrue(new mil.nga.geopackage.extension.rtree.RTreeIndexExtension(gpkg).has("streets"));
        } finally {
            gpkg.close();
        }
    }
}
