package de.trassenwerk.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeoPackageValidator;
import de.trassenwerk.store.Query;
import de.trassenwerk.testing.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/** The sample city published with the default policy: what lands in the folder, and what never does. */
class SampleCityPublicationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path out;
    static Publication publication;

    @BeforeAll
    static void publishTheSampleCity() {
        out = dir.resolve("opendata");
        Clock clock = Clock.fixed(Instant.parse("2026-09-01T08:00:00Z"), ZoneOffset.UTC);
        PublishRequest request = new PublishRequest(Fixtures.sampleCity(), out, PublicationPolicy.defaults(), null, null,
                URI.create("https://opendata.example.org/duisburg/trassenwerk"), null);
        publication = new Publisher(clock, DatasetSink.Factory.STANDARD).publish(request, PublishProgress.NONE, () -> false);
    }

    @Test
    void theDefaultPolicyPublishesThePublicLayersAndTheDuctAggregate() throws Exception {
        JsonNode report = JSON.readTree(out.resolve("publication-report.json").toFile());
        List<String> names = new ArrayList<>();
        report.get("datasets").forEach(d -> names.add(d.get("source_layer").asText() + ">" + d.get("layer").asText()));
        assertEquals(List.of("districts>districts", "quarters>quarters", "coverage_cells>coverage_cells",
                "land_use_plans>land_use_plans", "commercial_sites>commercial_sites", "streets>streets",
                "construction_sites>construction_sites", "conduits>quarters_free_ducts"), names);
        Map<String, String> withheld = new java.util.TreeMap<>();
        report.get("withheld_layers").forEach(w -> withheld.put(w.get("layer").asText(), w.get("reason").asText()));
        assertEquals(Map.of("water", "not_in_policy", "conduits", "restricted", "network_nodes", "restricted",
                "planned_routes", "internal", "coordination_findings", "internal", "review_notes", "internal"), withheld);
        assertTrue(report.toString().contains("TKG § 79"), "the policy's reason is in the report");
    }

    @Test
    void geoJsonCoordinatesLieInDuisburgWithAtMostSevenDecimals() throws Exception {
        for (Path f : files(".geojson")) {
            String text = Files.readString(f);
            JsonNode fc = JSON.readTree(text);
            assertEquals("FeatureCollection", fc.get("type").asText());
            assertFalse(fc.has("crs"), f + " has no crs member (RFC 7946)");
            int[] n = {0};
            for (JsonNode feature : fc.get("features")) {
                assertFalse(feature.has("id"), "internal fids are not published");
                forEachPosition(feature.get("geometry").get("coordinates"), p -> {
                    n[0]++;
                    assertTrue(p.x >= 6.6 && p.x <= 6.9 && p.y >= 51.3 && p.y <= 51.6, f.getFileName() + ": " + p);
                });
            }
            assertTrue(n[0] > 0, f.toString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(-?\\d+\\.?\\d*),(-?\\d+\\.?\\d*)\\]").matcher(text);
            while (m.find()) {
                assertTrue(decimals(m.group(1)) <= 7 && decimals(m.group(2)) <= 7, m.group());
            }
        }
    }

    @Test
    void polygonRingsFollowTheRightHandRule() throws Exception {
        int[] rings = {0, 0};
        for (Path f : files(".geojson")) {
            for (JsonNode feature : JSON.readTree(f.toFile()).get("features")) {
                JsonNode g = feature.get("geometry");
                List<JsonNode> polygons = new ArrayList<>();
                if (g.get("type").asText().equals("Polygon")) {
                    polygons.add(g.get("coordinates"));
                } else if (g.get("type").asText().equals("MultiPolygon")) {
                    g.get("coordinates").forEach(polygons::add);
                }
                for (JsonNode polygon : polygons) {
                    for (int i = 0; i < polygon.size(); i++) {
                        boolean ccw = Orientation.isCCW(ring(polygon.get(i)));
                        assertEquals(i == 0, ccw, f.getFileName() + (i == 0 ? " exterior ring" : " hole") + " orientation");
                        rings[i == 0 ? 0 : 1]++;
                    }
                }
            }
        }
        assertTrue(rings[0] > 20_000, "exterior rings checked: " + rings[0]);
    }

    @Test
    void noPersonalNameOfTheSampleCityIsInAnyWrittenFile() throws Exception {
        Set<String> names = new HashSet<>();
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            for (String layer : List.of("construction_sites", "commercial_sites")) {
                s.read(layer, Query.ALL.withFields(List.of("contact_person"), false), f -> names.add(f.getString("contact_person")));
            }
        }
        assertTrue(names.size() > 50, "the sample has personal names: " + names.size());
        Set<String> normalised = new HashSet<>();
        names.forEach(n -> normalised.add(String.join(" ", words(n))));
        for (Path f : files("")) {
            List<String> words = words(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            for (int i = 0; i < words.size(); i++) {
                for (int n = 2; n <= 4 && i + n <= words.size(); n++) {
                    String window = String.join(" ", words.subList(i, i + n));
                    assertFalse(normalised.contains(window), f.getFileName() + " contains the name " + window);
                }
            }
        }
        for (Path f : files(".csv")) {
            assertFalse(Files.readString(f).lines().findFirst().orElseThrow().contains("contact_person"), f.toString());
        }
    }

    /** The words (runs of letters) of a text, in order: a name is found whatever punctuation surrounds it. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[^\\p{L}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    @Test
    void onlyPlannedApprovedAndActiveConstructionSitesArePublished() throws Exception {
        Set<String> statuses = new HashSet<>();
        JsonNode fc = JSON.readTree(out.resolve("duisburg-baustellen.geojson").toFile());
        fc.get("features").forEach(f -> statuses.add(f.get("properties").get("status").asText()));
        assertEquals(Set.of("planned", "approved", "active"), statuses);
        assertEquals(174 + 391 + 347, fc.get("features").size());
        assertFalse(fc.get("features").get(0).get("properties").has("contact_person"));
    }

    @Test
    void exportedGeoPackagesPassValidateAndOpenInGdalWithoutWarnings() throws Exception {
        List<Path> gpkgs = files(".gpkg");
        assertEquals(8, gpkgs.size());
        for (Path f : gpkgs) {
            try (GeoPackageStore s = GeoPackageStore.open(f, GeoPackageStore.Mode.READ_ONLY)) {
                assertEquals(List.of(), GeoPackageValidator.validate(s, 10), f.toString());
                assertEquals("EPSG:25832", s.layers().get(0).crs());
                assertFalse(s.layers().get(0).schema().versioned(), "no version column in published data");
            }
        }
        Assumptions.assumeTrue(Fixtures.onPath("ogrinfo"), "GDAL is not installed: ogrinfo check skipped");
        for (Path f : gpkgs) {
            Fixtures.Run r = Fixtures.run(dir, "ogrinfo", "-ro", "-al", "-so", f.toString());
            assertEquals(0, r.exit(), r.err());
            assertFalse((r.out() + r.err()).contains("Warning"), f + ": " + r.err());
            assertFalse(r.err().contains("ERROR"), f + ": " + r.err());
        }
    }

    @Test
    void csvFilesStartWithTheByteOrderMark() throws Exception {
        for (Path f : files(".csv")) {
            byte[] b = Files.readAllBytes(f);
            assertTrue(b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF, f.toString());
            String header = new String(b, 3, 200, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertTrue(header.endsWith(",WKT") || header.endsWith(",lon,lat"), header);
        }
        String sites = Files.readString(out.resolve("duisburg-baustellen.csv"), StandardCharsets.UTF_8);
        assertTrue(sites.contains("\r\n") && sites.contains("\"MULTIPOLYGON (((6."), sites.substring(0, 400));
    }

    @Test
    void gdalReadsTheGeometryOfTheCsvFiles() throws Exception {
        Assumptions.assumeTrue(Fixtures.onPath("ogrinfo"), "GDAL is not installed: ogrinfo check skipped");
        Fixtures.Run r = Fixtures.run(dir, "ogrinfo", "-ro", "-al", "-so", out.resolve("duisburg-baustellen.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Feature Count: 912"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Extent: \\(([\\d.]+), ([\\d.]+)\\) - \\(([\\d.]+), ([\\d.]+)\\)")
                .matcher(r.out());
        assertTrue(m.find(), "GDAL finds the WKT geometry: " + r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 6.6 && Double.parseDouble(m.group(4)) < 51.6, m.group());
    }

    @Test
    void generalisedDatesShowOnlyTheirMonth() throws Exception {
        JsonNode cells = JSON.readTree(out.resolve("duisburg-breitbandversorgung.geojson").toFile()).get("features");
        assertEquals("2026-04", cells.get(0).get("properties").get("survey_date").asText());
        assertFalse(cells.get(0).get("properties").has("households"));
    }

    @Test
    void dcatApDeJsonLdParsesAndHoldsEveryRequiredProperty() throws Exception {
        JsonNode doc = JSON.readTree(out.resolve("catalog.jsonld").toFile());
        assertEquals("http://dcat-ap.de/def/dcatde/", doc.get("@context").get("dcatde").asText());
        int datasets = 0;
        int distributions = 0;
        for (JsonNode n : doc.get("@graph")) {
            if (!n.get("@type").asText().equals("dcat:Dataset")) {
                continue;
            }
            datasets++;
            for (String p : List.of("dct:title", "dct:description", "dct:publisher", "dcat:contactPoint", "dct:license",
                    "dcat:keyword", "dcat:theme", "dct:spatial", "dct:temporal", "dct:modified",
                    "dcatde:politicalGeocodingURI", "dcatde:politicalGeocodingLevelURI", "dcatde:contributorID",
                    "dct:accrualPeriodicity", "dcat:distribution")) {
                assertTrue(n.has(p) && !n.get(p).isEmpty(), n.get("@id") + " lacks " + p);
            }
            assertEquals("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05112000",
                    n.get("dcatde:politicalGeocodingURI").get("@id").asText());
            assertEquals("http://dcat-ap.de/def/politicalGeocoding/Level/municipality",
                    n.get("dcatde:politicalGeocodingLevelURI").get("@id").asText());
            assertTrue(n.get("dcatde:contributorID").get("@id").asText().startsWith("http://dcat-ap.de/def/contributors/"));
            assertEquals("vcard:Organization", n.get("dcat:contactPoint").get("@type").asText());
            assertTrue(n.get("dcat:contactPoint").get("vcard:hasEmail").get("@id").asText().startsWith("mailto:opendata@"));
            n.get("dcat:theme").forEach(t -> assertTrue(t.get("@id").asText().startsWith(
                    "http://publications.europa.eu/resource/authority/data-theme/"), t.toString()));
            assertTrue(n.get("dct:accrualPeriodicity").get("@id").asText().startsWith(
                    "http://publications.europa.eu/resource/authority/frequency/"));
            assertEquals("xsd:date", n.get("dct:temporal").get("dcat:startDate").get("@type").asText());
            for (JsonNode d : n.get("dcat:distribution")) {
                distributions++;
                for (String p : List.of("dcat:accessURL", "dcat:downloadURL", "dct:format", "dcat:mediaType", "dct:license",
                        "dcat:byteSize", "spdx:checksum", "dcatde:licenseAttributionByText", "dct:conformsTo")) {
                    assertTrue(d.has(p), d.get("dct:title") + " lacks " + p);
                }
                String url = d.get("dcat:downloadURL").get("@id").asText();
                assertTrue(url.startsWith("https://opendata.example.org/duisburg/trassenwerk/"), url);
                Path file = out.resolve(url.substring(url.lastIndexOf('/') + 1));
                assertEquals(Files.size(file), d.get("dcat:byteSize").get("@value").asLong());
                assertEquals(Publisher.sha256(file), d.get("spdx:checksum").get("spdx:checksumValue").get("@value").asText());
                assertEquals("http://spdx.org/rdf/terms#checksumAlgorithm_sha256",
                        d.get("spdx:checksum").get("spdx:algorithm").get("@id").asText());
                assertTrue(d.get("dct:format").get("@id").asText().startsWith(
                        "http://publications.europa.eu/resource/authority/file-type/"));
                assertTrue(d.get("dcat:mediaType").get("@id").asText().startsWith("https://www.iana.org/assignments/media-types/"));
            }
        }
        assertEquals(8, datasets);
        assertEquals(24, distributions);
    }

    @Test
    void dataJsonHasAProjectOpenDataEntryPerDataset() throws Exception {
        JsonNode doc = JSON.readTree(out.resolve("data.json").toFile());
        assertEquals("https://project-open-data.cio.gov/v1.1/schema", doc.get("conformsTo").asText());
        assertEquals(8, doc.get("dataset").size());
        for (JsonNode d : doc.get("dataset")) {
            for (String p : List.of("title", "description", "keyword", "modified", "publisher", "contactPoint", "identifier",
                    "accessLevel", "license", "spatial", "temporal", "distribution")) {
                assertTrue(d.has(p), d.get("identifier") + " lacks " + p);
            }
            assertEquals("public", d.get("accessLevel").asText());
            assertEquals("mailto:opendata@stadt-duisburg.de", d.get("contactPoint").get("hasEmail").asText());
            assertEquals(3, d.get("distribution").size());
        }
    }

    @Test
    void theReadmeCarriesTheAttributionTheLicenceRequires() throws Exception {
        String readme = Files.readString(out.resolve("README.md"));
        assertTrue(readme.contains("Stadt Duisburg, Datenlizenz Deutschland – Namensnennung – Version 2.0 "
                + "(https://www.govdata.de/dl-de/by-2-0), https://opendata.example.org/duisburg/trassenwerk/catalog.jsonld#"
                + "duisburg-baustellen"), readme);
    }

    private static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    private static Coordinate[] ring(JsonNode positions) {
        Coordinate[] c = new Coordinate[positions.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return c;
    }

    static void forEachPosition(JsonNode coords, java.util.function.Consumer<Coordinate> sink) {
        assertNotNull(coords);
        if (coords.get(0).isNumber()) {
            sink.accept(new Coordinate(coords.get(0).asDouble(), coords.get(1).asDouble()));
            return;
        }
        for (JsonNode c : coords) {
            forEachPosition(c, sink);
        }
    }
}
