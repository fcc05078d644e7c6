package de.trassenwerk.opendata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing restricted leaks: a fixture with planted personal names, restricted and unlisted layers,
 * an unlisted field and restricted features is published in every format, and every byte of every
 * written file is searched for the planted values.
 */
class PublicationLeakTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path source;
    static Path out;

    @BeforeAll
    static void publish() {
        source = PublicationFixture.write(dir.resolve("fixture.gpkg"));
        out = dir.resolve("published");
        new Publisher().publish(PublishRequest.of(source, out, PublicationPolicy.defaults()), PublishProgress.NONE,
                () -> false);
    }

    @Test
    void noPlantedSecretIsInAnyWrittenFile() throws IOException {
        List<Path> files = allFiles(out);
        assertEquals(4 * 3 + 4, files.size(), "3 formats of 4 datasets, 4 metadata files: " + files);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (String secret : PublicationFixture.SECRETS) {
                assertFalse(contains(bytes, secret.getBytes(StandardCharsets.UTF_8)), f.getFileName() + " leaks " + secret);
                assertFalse(contains(bytes, secret.getBytes(StandardCharsets.UTF_16LE)), f.getFileName() + " leaks " + secret);
            }
        }
    }

    @Test
    void conduitPositionsAreInNoFileInAnyEncoding() throws IOException {
        double[] x = {PublicationFixture.CONDUIT_X, PublicationFixture.CONDUIT_Y};
        double[] lonLat = de.trassenwerk.crs.CoordinateTransform.between(25832, 4326).transform(x[0], x[1]);
        for (Path f : allFiles(out)) {
            byte[] bytes = Files.readAllBytes(f);
            for (double v : new double[] {x[0], x[1]}) {
                assertFalse(contains(bytes, doubleBytes(v, ByteOrder.LITTLE_ENDIAN)), f + ": WKB " + v);
                assertFalse(contains(bytes, doubleBytes(v, ByteOrder.BIG_ENDIAN)), f + ": WKB " + v);
                assertFalse(contains(bytes, Double.toString(v).getBytes(StandardCharsets.UTF_8)), f + ": text " + v);
            }
            for (double v : lonLat) {
                assertFalse(contains(bytes, LonLatGeometry.format(v).getBytes(StandardCharsets.UTF_8)), f + ": " + v);
            }
        }
    }

    @Test
    void theReportNamesEveryWithheldLayerAndFieldWithItsReason() throws IOException {
        JsonNode report = JSON.readTree(out.resolve("publication-report.json").toFile());
        Map<String, String> layers = new TreeMap<>();
        report.get("withheld_layers").forEach(w -> layers.put(w.get("layer").asText(), w.get("reason").asText()));
        assertEquals(Map.of("staff_phone_list", "not_in_policy", "conduits", "restricted", "network_nodes", "restricted",
                "planned_routes", "internal"), layers);
        JsonNode sites = dataset(report, "duisburg-baustellen");
        Map<String, String> fields = new TreeMap<>();
        sites.get("withheld_fields").forEach(w -> fields.put(w.get("field").asText(), w.get("reason").asText()));
        assertEquals(Map.of("contact_person", "personal", "internal_remark", "not_in_policy", "restricted",
                "not_in_policy"), fields);
        assertEquals(2, sites.get("features").asInt(), "BS-1 and BS-4");
        assertEquals(1, sites.get("left_out").get("by_row_conditions").asInt(), "BS-2 is done");
        assertEquals(1, sites.get("left_out").get("marked_restricted").asInt(), "BS-3 is marked restricted");
        assertFalse(dataset(report, "duisburg-ortsteile-freie-leerrohre").has("left_out"), "no counts of a restricted layer");
    }

    @Test
    void theDuctAggregateSaysYesOrNoPerQuarterAndNeverCountsRestrictedDucts() throws IOException {
        JsonNode fc = JSON.readTree(out.resolve("duisburg-ortsteile-freie-leerrohre.geojson").toFile());
        Map<String, Boolean> free = new TreeMap<>();
        fc.get("features").forEach(f -> free.put(f.get("properties").get("code").asText(),
                f.get("properties").get("free_ducts").asBoolean()));
        assertEquals(Map.of("501", true, "502", false), free);
        assertEquals(List.of("code", "name", "free_ducts"), fieldNames(fc.get("features").get(0).get("properties")));
    }

    @Test
    void geometryGeneralisedToAQuarterIsTheQuarterHoldingItsLargestPart() throws Exception {
        ObjectNode policy = (ObjectNode) JSON.readTree(PublicationPolicy.class.getResourceAsStream(
                PublicationPolicy.DEFAULT_RESOURCE));
        ((ObjectNode) policy.get("layers").get("construction_sites")).put("geometry", "area");
        Path o = dir.resolve("generalised");
        new Publisher().publish(new PublishRequest(source, o, PublicationPolicy.parse(policy.toString(), "test"),
                List.of("quarters", "construction_sites"), java.util.EnumSet.of(Format.GPKG), null, null),
                PublishProgress.NONE, () -> false);
        try (GeoPackageStore s = GeoPackageStore.open(o.resolve("duisburg-baustellen.gpkg"), GeoPackageStore.Mode.READ_ONLY)) {
            List<Feature> sites = s.read("construction_sites", Query.ALL.orderedBy("site_ref", true));
            assertEquals(List.of("BS-1", "BS-4"), sites.stream().map(f -> f.getString("site_ref")).toList());
            assertTrue(sites.get(0).geometry().equalsTopo(Fixtures.wkt(PublicationFixture.QUARTER_501)), "BS-1 lies in 501");
            assertTrue(sites.get(1).geometry().equalsTopo(Fixtures.wkt(PublicationFixture.QUARTER_502)),
                    "BS-4 lies 30 % in 501 and 70 % in 502");
            assertEquals("2026-10-05", sites.get(0).getString("start_date"), "dates are kept as the policy says");
        }
    }

    @Test
    void aPersonAsContactPointStopsThePublication() throws Exception {
        ObjectNode policy = (ObjectNode) JSON.readTree(PublicationPolicy.class.getResourceAsStream(
                PublicationPolicy.DEFAULT_RESOURCE));
        ((ObjectNode) policy.get("catalogue").get("contact_point")).put("email", "zacharias.geheimname@stadt-duisburg.de");
        Path o = dir.resolve("person");
        PolicyException e = assertThrows(PolicyException.class, () -> new Publisher().publish(
                PublishRequest.of(source, o, PublicationPolicy.parse(policy.toString(), "test")), PublishProgress.NONE,
                () -> false));
        assertEquals("opendata.policy.error.contactIsPerson", e.key());
        assertFalse(Files.exists(o));
    }

    @Test
    void licenceIsChosenPerDataset() throws Exception {
        ObjectNode policy = (ObjectNode) JSON.readTree(PublicationPolicy.class.getResourceAsStream(
                PublicationPolicy.DEFAULT_RESOURCE));
        ((ObjectNode) policy.get("layers").get("commercial_sites").get("dataset")).put("licence", "cc-by-de/3.0");
        Path o = dir.resolve("licences");
        new Publisher().publish(PublishRequest.of(source, o, PublicationPolicy.parse(policy.toString(), "test")),
                PublishProgress.NONE, () -> false);
        JsonNode graph = JSON.readTree(o.resolve("catalog.jsonld").toFile()).get("@graph");
        Map<String, String> licences = new TreeMap<>();
        for (JsonNode n : graph) {
            if (n.get("@type").asText().equals("dcat:Dataset")) {
                String ds = n.get("dct:license").get("@id").asText();
                n.get("dcat:distribution").forEach(d -> assertEquals(ds, d.get("dct:license").get("@id").asText()));
                licences.put(n.get("@id").asText().replaceAll(".*#", ""), ds);
            }
        }
        assertEquals("http://dcat-ap.de/def/licenses/cc-by-de/3.0", licences.get("duisburg-gewerbeflaechen"));
        assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", licences.get("duisburg-baustellen"));
        String readme = Files.readString(o.resolve("README.md"));
        assertTrue(readme.contains("Creative Commons Namensnennung 3.0 Deutschland (CC BY 3.0 DE)")
                && readme.contains("https://creativecommons.org/licenses/by/3.0/de/"), readme);
    }

    static JsonNode dataset(JsonNode report, String name) {
        for (JsonNode d : report.get("datasets")) {
            if (d.get("name").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no dataset " + name);
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<Path> allFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static byte[] doubleBytes(double v, ByteOrder order) {
        return ByteBuffer.allocate(8).order(order).putDouble(v).array();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theByteSearchFindsWhatIsThere() {
        assertTrue(contains("abc Geheim xyz".getBytes(StandardCharsets.UTF_8), "Geheim".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new byte[] {0x3f, (byte) 0xf0, 0, 0, 0, 0, 0, 0}, doubleBytes(1.0, ByteOrder.BIG_ENDIAN));
    }
}
