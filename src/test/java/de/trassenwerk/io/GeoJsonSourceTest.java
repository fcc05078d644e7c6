package de.trassenwerk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.io.geojson.GeoJsonSource;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.testing.Fixtures;
import de.trassenwerk.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonSourceTest {
    @TempDir
    Path dir;

    static List<SourceFeature> all(FeatureSource s) {
        List<SourceFeature> out = new ArrayList<>();
        try (FeatureCursor c = s.features()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private Path write(String name, String json) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void readsAFeatureCollectionWithTypesFromEveryFeature() throws Exception {
        Path f = write("works.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":17,"properties":{"ref":"B-1","lanes":2,"share":0.5,"open":true,"from":"2025-03-01"},
                  "geometry":{"type":"Point","coordinates":[6.76,51.43]}},
                 {"properties":{"ref":"B-2","lanes":2.5,"share":1,"open":false,"from":"2025-04-01","note":{"a":1}},
                  "geometry":{"coordinates":[[6.7,51.4],[6.8,51.5]],"type":"LineString"},"type":"Feature"},
                 {"type":"Feature","properties":null,"geometry":null}]}
                """);
        try (GeoJsonSource s = new GeoJsonSource(f)) {
            SourceSchema schema = s.schema();
            Map<String, FieldType> types = schema.fields().stream().collect(Collectors.toMap(FieldInfo::name, FieldInfo::type));
            assertEquals(FieldType.TEXT, types.get("ref"));
            assertEquals(FieldType.REAL, types.get("lanes"), "2 and 2.5");
            assertEquals(FieldType.REAL, types.get("share"));
            assertEquals(FieldType.BOOLEAN, types.get("open"));
            assertEquals(FieldType.DATE, types.get("from"));
            assertEquals(FieldType.TEXT, types.get("note"), "objects are kept as JSON text");
            assertEquals(FieldType.INTEGER, types.get("id"), "the feature id becomes a field");
            assertEquals(GeometryType.GEOMETRY, schema.geometryType(), "points and lines mixed");
            assertEquals(4326, s.srsId(), "RFC 7946: WGS 84 without a crs member");

            List<SourceFeature> features = all(s);
            assertEquals(3, features.size());
            assertEquals("POINT (6.76 51.43)", features.get(0).geometry().toText());
            assertEquals(17L, features.get(0).attributes().get("id"));
            assertEquals(Boolean.FALSE, features.get(1).attributes().get("open"));
            assertEquals("{\"a\":1}", features.get(1).attributes().get("note"));
            assertEquals("LINESTRING (6.7 51.4, 6.8 51.5)", features.get(1).geometry().toText());
            assertNull(features.get(2).geometry());
            assertEquals(3, features.get(2).position().number());
        }
    }

    @Test
    void theOldCrsMemberNamesTheCoordinateSystemWherererItStands() throws Exception {
        Path before = write("a.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},
                 "features":[]}
                """);
        Path after = write("b.geojson", """
                {"type":"FeatureCollection","features":[],"crs":{"type":"EPSG","properties":{"code":31466}}}
                """);
        assertEquals(25832, new GeoJsonSource(before).srsId());
        assertEquals(31466, new GeoJsonSource(after).srsId());
        Path unknown = write("c.geojson", """
                {"type":"FeatureCollection","crs":{"type":"link","properties":{"href":"x.prj"}},"features":[]}
                """);
        ReadException e = assertThrows(ReadException.class, () -> new GeoJsonSource(unknown).srsId());
        assertTrue(e.getMessage().contains("--src-crs"), e.getMessage());
    }

    @Test
    void aBareGeometryOrGeometryCollectionIsOneFeature() throws Exception {
        Path bare = write("bare.geojson", "{\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]],\"type\":\"Polygon\"}");
        List<SourceFeature> one = all(new GeoJsonSource(bare));
        assertEquals(1, one.size());
        assertEquals("POLYGON ((0 0, 1 0, 1 1, 0 0))", one.get(0).geometry().toText());
        assertEquals(GeometryType.POLYGON, new GeoJsonSource(bare).schema().geometryType());

        Path collection = write("gc.geojson", """
                {"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},
                 {"type":"LineString","coordinates":[[0,0],[3,4]]}]}
                """);
        List<SourceFeature> gc = all(new GeoJsonSource(collection));
        assertEquals(1, gc.size());
        assertEquals("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 3 4))", gc.get(0).geometry().toText());

        Path feature = write("f.geojson", """
                {"geometry":{"type":"Point","coordinates":[5,6]},"type":"Feature","properties":{"n":"x"}}
                """);
        List<SourceFeature> f = all(new GeoJsonSource(feature));
        assertEquals(1, f.size());
        assertEquals("x", f.get(0).attributes().get("n"));
    }

    @Test
    void anUnclosedRingIsAnUnreadableFeatureAndReadingGoesOn() throws Exception {
        Path f = write("rings.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"n":1},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}},
                {"type":"Feature","properties":{"n":2},"geometry":{"type":"Pointy","coordinates":[0,0]}},
                {"type":"Feature","properties":{"n":3},"geometry":{"type":"Point","coordinates":[0,0]}}]}
                """);
        List<SourceFeature> features = all(new GeoJsonSource(f));
        assertEquals(3, features.size());
        assertFalse(features.get(0).readable());
        assertEquals(2, features.get(0).position().line());
        assertFalse(features.get(1).readable());
        assertTrue(features.get(1).unreadable().getMessage().contains("Pointy"));
        assertEquals(2, features.get(1).position().number());
        assertEquals(3, features.get(1).position().line());
        assertTrue(features.get(2).readable());
        assertEquals(3L, features.get(2).attributes().get("n"));
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        Path f = write("broken.geojson", """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"n":1},"geometry":null},
                {"type":"Feature","properties":{"n":2,},"geometry":null}]}
                """);
        ReadException e = assertThrows(ReadException.class, () -> all(new GeoJsonSource(f)));
        assertEquals(3, e.position().line());
        assertEquals(2, e.position().number());
    }

    @Test
    void readsWhatGdalWrites() throws Exception {
        Ogr.assumeInstalled();
        Files.writeString(dir.resolve("in.csv"), """
                WKT,name,lanes
                "POLYGON ((343000 5702000,343100 5702000,343100 5702100,343000 5702100,343000 5702000),(343010 5702010,343010 5702020,343020 5702020,343020 5702010,343010 5702010))",Kaßlerfeld,2
                "MULTILINESTRING ((343000 5702000,343100 5702050),(343200 5702000,343300 5702000))",Mündelheim,4
                """);
        Ogr.ogr2ogr(dir, "-f", "GeoJSON", "gdal.geojson", "in.csv", "-a_srs", "EPSG:25832");
        GeoJsonSource s = new GeoJsonSource(dir.resolve("gdal.geojson"));
        assertEquals(25832, s.srsId());
        List<SourceFeature> features = all(s);
        assertEquals(2, features.size());
        assertEquals(1, features.get(0).geometry().getNumGeometries());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) features.get(0).geometry()).getNumInteriorRing());
        assertEquals("Kaßlerfeld", features.get(0).attributes().get("name"));
        assertEquals(2, features.get(1).geometry().getNumGeometries());
        assertEquals(Fixtures.wkt("MULTILINESTRING ((343000 5702000,343100 5702050),(343200 5702000,343300 5702000))"),
                features.get(1).geometry());
    }
}
