package de.trassenwerk.io.arcgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.FeatureCursor;
import de.trassenwerk.io.FeatureSource;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.http.Credentials;
import de.trassenwerk.io.importer.ImportReport;
import de.trassenwerk.io.importer.ImportSettings;
import de.trassenwerk.io.importer.LayerImport;
import de.trassenwerk.io.importer.SourceOptions;
import de.trassenwerk.io.importer.Sources;
import de.trassenwerk.io.importer.WriteMode;
import de.trassenwerk.io.mapping.FieldMapping;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.testing.ServiceStub;
import de.trassenwerk.testing.ServiceStub.Answer;
import de.trassenwerk.testing.ServiceStub.Request;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Polygon;

/** ArcGIS REST clients against a stub answering like ArcGIS Server 10.81 (paging, GeoJSON) and 10.2 (neither). */
class ArcGisDatasetTest {
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

    static final String SERVICE = """
            {"currentVersion":10.81,"serviceDescription":"Verkehrsinformationen","mapName":"Baustellen",
             "layers":[{"id":0,"name":"Baustellen","parentLayerId":-1,"defaultVisibility":true,"subLayerIds":null,
               "minScale":0,"maxScale":0,"type":"Feature Layer","geometryType":"esriGeometryPolyline"},
              {"id":1,"name":"Stadtbezirke","parentLayerId":-1,"defaultVisibility":true,"subLayerIds":null,
               "minScale":0,"maxScale":0,"type":"Feature Layer","geometryType":"esriGeometryPolygon"}],
             "tables":[],"spatialReference":{"wkid":25832,"latestWkid":25832},"maxRecordCount":2,
             "supportedQueryFormats":"JSON, geoJSON, PBF","capabilities":"Query"}
            """;

    static final String LAYER_0 = """
            {"currentVersion":10.81,"id":0,"name":"Baustellen","type":"Feature Layer","geometryType":"esriGeometryPolyline",
             "objectIdField":"OBJECTID","displayField":"BEZEICHNUNG_BM",
             "fields":[{"name":"OBJECTID","type":"esriFieldTypeOID","alias":"OBJECTID"},
              {"name":"NUMMER_AB","type":"esriFieldTypeString","alias":"Nummer","length":20},
              {"name":"BEZEICHNUNG_BM","type":"esriFieldTypeString","alias":"Bezeichnung","length":255},
              {"name":"ANLASS_TXT_BM","type":"esriFieldTypeString","alias":"Anlass","length":100},
              {"name":"BAUZEIT_BM","type":"esriFieldTypeString","alias":"Bauzeit","length":40},
              {"name":"AKTUALISIERT","type":"esriFieldTypeDate","alias":"Stand","length":8},
              {"name":"SHAPE","type":"esriFieldTypeGeometry","alias":"SHAPE"}],
             "maxRecordCount":2,"supportedQueryFormats":"JSON, geoJSON, PBF",
             "advancedQueryCapabilities":{"supportsPagination":true,"supportsOrderBy":true,"supportsDistinct":true},
             "extent":{"xmin":340000,"ymin":5695000,"xmax":350000,"ymax":5710000,"spatialReference":{"wkid":25832}}}
            """;

    static String geojsonFeature(int oid) {
        double x = 344000 + 100 * oid;
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"id\":%d,\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[%.1f,5700000.0],[%.1f,5700060.0]]},\"properties\":{\"OBJECTID\":%d,"
                + "\"NUMMER_AB\":\"2025-%04d\",\"BEZEICHNUNG_BM\":\"Königstraße %d\",\"ANLASS_TXT_BM\":\"%s\","
                + "\"BAUZEIT_BM\":\"01.0%d.25 - 30.09.25\",\"AKTUALISIERT\":1735689600000}}",
                oid, x, x, oid, oid, oid, oid % 2 == 0 ? "Kanalbau" : "Glasfaserausbau", oid);
    }

    /** ArcGIS 10.81: pages by resultOffset, GeoJSON, a token required. */
    static Answer modern(Request r) {
        String path = r.uri().getPath();
        if (!"s3cret".equals(r.param("token"))) {
            return Answer.json("{\"error\":{\"code\":499,\"message\":\"Token Required\",\"details\":[]}}");
        }
        if (path.endsWith("/FeatureServer")) {
            return Answer.json(SERVICE);
        }
        if (path.endsWith("/FeatureServer/0")) {
            return Answer.json(LAYER_0);
        }
        if (path.endsWith("/FeatureServer/0/query")) {
            int offset = Integer.parseInt(r.param("resultOffset"));
            int count = Integer.parseInt(r.param("resultRecordCount"));
            List<String> features = new ArrayList<>();
            for (int oid = offset + 1; oid <= Math.min(5, offset + count); oid++) {
                features.add(geojsonFeature(oid));
            }
            boolean more = offset + count < 5;
            return Answer.json("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]"
                    + (more ? ",\"properties\":{\"exceededTransferLimit\":true}" : "") + "}");
        }
        return new Answer(404, "text/plain", new byte[0]);
    }

    @Test
    void pagesOrderedByObjectIdInGeoJsonWithTheToken() throws Exception {
        try (ServiceStub stub = new ServiceStub(ArcGisDatasetTest::modern)) {
            String url = stub.url("/arcgis/rest/services/Verkehr/Baustellen/FeatureServer");
            ReadException denied = assertThrows(ReadException.class, () -> Sources.open(url, SourceOptions.DEFAULT));
            assertTrue(denied.getMessage().contains("--token"), denied.getMessage());

            SourceOptions withToken = new SourceOptions(null, null, null, null, Credentials.token("s3cret"));
            try (Dataset d = Sources.open(url, withToken)) {
                assertEquals(List.of("Baustellen", "Stadtbezirke"), d.layers());
                FeatureSource layer = d.layer("Baustellen");
                assertEquals(25832, layer.srsId(), "outSR=25832: the request sets the coordinate system");
                assertEquals(FieldType.DATETIME, layer.schema().fields().stream()
                        .filter(f -> f.name().equals("AKTUALISIERT")).findFirst().orElseThrow().type());
                List<SourceFeature> all = new ArrayList<>();
                try (FeatureCursor c = layer.features()) {
                    c.forEachRemaining(all::add);
                }
                assertEquals(5, all.size());
                assertEquals("2025-0003", all.get(2).attributes().get("NUMMER_AB"));
                assertEquals("2025-01-01T00:00:00Z", all.get(2).attributes().get("AKTUALISIERT"));
                assertEquals(3, all.get(2).position().number());
                assertFalse(all.get(0).attributes().containsKey("id"));
                assertEquals("LINESTRING (344100 5700000, 344100 5700060)", all.get(0).geometry().toText());
            }
            List<Request> queries = stub.requests().stream().filter(q -> q.uri().getPath().endsWith("/query")).toList();
            assertEquals(List.of("0", "2", "4"), queries.stream().map(q -> q.param("resultOffset")).toList());
            for (Request q : queries) {
                assertEquals("2", q.param("resultRecordCount"), "the layer's maxRecordCount");
                assertEquals("OBJECTID", q.param("orderByFields"));
                assertEquals("25832", q.param("outSR"));
                assertEquals("geojson", q.param("f"));
                assertEquals("*", q.param("outFields"));
            }
        }
    }

    @Test
    void theTrafficPortalFeedGoesIntoConstructionSitesWithTheShippedMapping() throws Exception {
        try (ServiceStub stub = new ServiceStub(ArcGisDatasetTest::modern)) {
            String url = stub.url("/arcgis/rest/services/Verkehr/Baustellen/FeatureServer/0");
            Path target = dir.resolve("sites.gpkg");
            try (Dataset d = Sources.open(url, new SourceOptions(null, null, null, null, Credentials.token("s3cret")))) {
                assertEquals(List.of("Baustellen"), d.layers(), "a layer URL is a dataset of one layer");
                ImportReport r = LayerImport.run(d.layer("Baustellen"), ImportSettings.into(target, "construction_sites")
                        .withMapping(FieldMapping.shipped("dugis-construction-sites").orElseThrow()), null, null);
                assertEquals(5, r.added());
                assertEquals(List.of("OBJECTID", "AKTUALISIERT"), r.unmappedFields());
            }
            try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
                List<Feature> f = s.read("construction_sites", Query.ALL.orderedBy("fid", true));
                assertEquals("2025-0002", f.get(1).getString("site_ref"));
                assertEquals("sewer", f.get(1).getString("kind"));
                assertEquals("telecom", f.get(0).getString("kind"));
                assertEquals("2025-02-01", f.get(1).getString("start_date"));
                assertEquals("MultiPolygon", f.get(0).geometry().getGeometryType());
                assertEquals(60 * 8.0, f.get(0).geometry().getArea(), 1e-6, "no streets layer: 8 m default width");
            }
        }
    }

    static final String OLD_LAYER = """
            {"currentVersion":10.22,"id":3,"name":"Stadtbezirke","type":"Feature Layer","geometryType":"esriGeometryPolygon",
             "fields":[{"name":"OBJECTID","type":"esriFieldTypeOID","alias":"OBJECTID"},
              {"name":"STBNR","type":"esriFieldTypeSmallInteger","alias":"Bezirksnummer"},
              {"name":"STBNAME","type":"esriFieldTypeString","alias":"Bezirksname","length":50},
              {"name":"SHAPE.AREA","type":"esriFieldTypeDouble","alias":"SHAPE.AREA"}],
             "maxRecordCount":2,"supportedQueryFormats":"JSON, AMF","capabilities":"Map,Query,Data"}
            """;

    static String esriFeature(int oid) {
        double x = 340000 + 2000 * oid;
        // outer ring clockwise, hole counter-clockwise, as ArcGIS writes them
        return String.format(Locale.ROOT, "{\"attributes\":{\"OBJECTID\":%d,\"STBNR\":%d,\"STBNAME\":\"Bezirk %d\","
                + "\"SHAPE.AREA\":960000},\"geometry\":{\"rings\":[[[%.1f,5700000],[%.1f,5701000],[%.1f,5701000],"
                + "[%.1f,5700000],[%.1f,5700000]],[[%.1f,5700400],[%.1f,5700400],[%.1f,5700600],[%.1f,5700600],"
                + "[%.1f,5700400]]]}}", oid, oid, oid, x, x, x + 1000, x + 1000, x, x + 400, x + 600, x + 600,
                x + 400, x + 400);
    }

    /** ArcGIS 10.2: no pagination, no GeoJSON: object ids first, then batches of ids, in Esri JSON. */
    static Answer old(Request r) {
        String path = r.uri().getPath();
        if (path.endsWith("/MapServer/3")) {
            return Answer.json(OLD_LAYER);
        }
        if (path.endsWith("/MapServer/3/query")) {
            if ("true".equals(r.param("returnIdsOnly"))) {
                return Answer.json("{\"objectIdFieldName\":\"OBJECTID\",\"objectIds\":[7,3,1,5,2,4,6]}");
            }
            List<String> features = new ArrayList<>();
            for (String id : r.param("objectIds").split(",")) {
                features.add(esriFeature(Integer.parseInt(id)));
            }
            return Answer.json("{\"displayFieldName\":\"STBNAME\",\"geometryType\":\"esriGeometryPolygon\","
                    + "\"spatialReference\":{\"wkid\":25832,\"latestWkid\":25832},\"fields\":[],\"features\":["
                    + String.join(",", features) + "]}");
        }
        return new Answer(404, "text/plain", new byte[0]);
    }

    @Test
    void withoutPaginationAllIdsFirstThenBatchesInEsriJson() throws Exception {
        try (ServiceStub stub = new ServiceStub(ArcGisDatasetTest::old)) {
            String url = stub.url("/arcgis/rest/services/DUGis/Grenzen/MapServer/3");
            Path target = dir.resolve("districts.gpkg");
            try (Dataset d = Sources.open(url, SourceOptions.DEFAULT)) {
                ImportReport r = LayerImport.run(d.layer(d.layers().get(0)), ImportSettings.into(target, "districts")
                        .withMapping(FieldMapping.shipped("dugis-districts").orElseThrow()).withMode(WriteMode.CREATE),
                        null, null);
                assertEquals(7, r.added());
            }
            List<Request> queries = stub.requests().stream().filter(q -> q.uri().getPath().endsWith("/query")).toList();
            assertEquals("true", queries.get(0).param("returnIdsOnly"));
            assertEquals(List.of("1,2", "3,4", "5,6", "7"), queries.subList(1, queries.size()).stream()
                    .map(q -> q.param("objectIds")).toList(), "sorted ids in batches of maxRecordCount");
            assertTrue(queries.stream().skip(1).allMatch(q -> "json".equals(q.param("f")) && "POST".equals(q.method())));
            try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
                List<Feature> f = s.read("districts", Query.ALL.orderedBy("code", true));
                assertEquals("1", f.get(0).getString("code"));
                assertEquals("Bezirk 1", f.get(0).getString("name"));
                Polygon p = (Polygon) f.get(0).geometry().getGeometryN(0);
                assertEquals(1, p.getNumInteriorRing(), "the counter-clockwise ring is a hole");
                assertEquals(1000 * 1000 - 200 * 200, f.get(0).geometry().getArea(), 1e-6);
                assertNull(s.schema("districts").field("STBNR").orElse(null));
            }
        }
    }

    @Test
    void arcGisErrorsArriveWithStatus200AndAreReported() throws Exception {
        try (ServiceStub stub = new ServiceStub(r -> Answer.json(
                "{\"error\":{\"code\":400,\"message\":\"Unable to complete operation.\",\"details\":[\"Invalid query\"]}}"))) {
            ReadException e = assertThrows(ReadException.class,
                    () -> Sources.open(stub.url("/arcgis/rest/services/X/MapServer"), SourceOptions.DEFAULT));
            assertTrue(e.getMessage().contains("error 400: Unable to complete operation."), e.getMessage());
        }
    }
}
