package de.trassenwerk.opendata.ckan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.opendata.Publication;
import de.trassenwerk.opendata.PublicationPolicy;
import de.trassenwerk.opendata.PublishProgress;
import de.trassenwerk.opendata.PublishRequest;
import de.trassenwerk.opendata.Publisher;
import de.trassenwerk.testing.FakeCkan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to a CKAN on this machine that checks the requests as CKAN does. */
class CkanPublisherTest {
    static final String TOKEN = "test-token-7f3a9c";
    @TempDir
    static Path dir;
    static Path folder;
    static Publication publication;
    FakeCkan ckan;

    @BeforeAll
    static void publishPartOfTheSampleCity() {
        folder = dir.resolve("published");
        publication = new Publisher().publish(new PublishRequest(de.trassenwerk.testing.Fixtures.sampleCity(), folder,
                PublicationPolicy.defaults(), List.of("districts", "quarters", "construction_sites", "conduits"), null, null,
                null), PublishProgress.NONE, () -> false);
    }

    @BeforeEach
    void startAPortal() throws Exception {
        ckan = new FakeCkan(TOKEN, "stadt-duisburg");
    }

    @AfterEach
    void stop() {
        ckan.close();
    }

    @Test
    void publishingTwiceUpdatesTheSameDatasetsInsteadOfMakingNewOnes() throws Exception {
        CkanPublisher p = new CkanPublisher(new HttpCkanApi(ckan.url(), TOKEN), "stadt-duisburg");
        List<CkanPublisher.Outcome> first = p.publish(publication, folder);
        assertTrue(first.stream().allMatch(o -> o.created() && o.resourcesCreated() == 3), first.toString());
        Map<String, String> ids = resourceIds();
        assertEquals(4 * 3, ids.size());

        List<CkanPublisher.Outcome> second = p.publish(publication, folder);
        assertTrue(second.stream().allMatch(o -> !o.created() && o.resourcesUpdated() == 3 && o.resourcesCreated() == 0),
                second.toString());
        assertEquals(List.of("duisburg-stadtbezirke", "duisburg-ortsteile", "duisburg-baustellen",
                "duisburg-ortsteile-freie-leerrohre"), List.copyOf(ckan.packages().keySet()));
        assertEquals(ids, resourceIds(), "the same resources, updated in place");
        String geojson = ids.get("duisburg-baustellen/duisburg-baustellen.geojson");
        assertArrayEquals(Files.readAllBytes(folder.resolve("duisburg-baustellen.geojson")), ckan.file(geojson));
        assertTrue(ckan.received().stream().filter(r -> !r.action().equals("package_show"))
                .allMatch(r -> TOKEN.equals(r.authorization())), "every write carries the token");
    }

    @Test
    void theDatasetCarriesItsMetadataIntoCkan() {
        new CkanPublisher(new HttpCkanApi(ckan.url(), TOKEN), "stadt-duisburg").publish(publication, folder);
        ObjectNode sites = ckan.packages().get("duisburg-baustellen");
        assertEquals("stadt-duisburg", sites.get("owner_org").asText());
        assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", sites.get("license_id").asText());
        assertEquals("opendata@stadt-duisburg.de", sites.get("maintainer_email").asText());
        Map<String, String> extras = new TreeMap<>();
        sites.get("extras").forEach(e -> extras.put(e.get("key").asText(), e.get("value").asText()));
        assertEquals("[\"http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05112000\"]",
                extras.get("politicalGeocodingURI"));
        assertTrue(extras.get("contributorID").contains("http://dcat-ap.de/def/contributors/"));
        JsonNode resource = sites.get("resources").get(0);
        assertEquals("GeoJSON", resource.get("format").asText());
        assertEquals("Stadt Duisburg", resource.get("licenseAttributionByText").asText());
    }

    @Test
    void aWrongTokenIsRefusedAsCkanDoes() {
        CkanException e = assertThrows(CkanException.class, () -> new CkanPublisher(
                new HttpCkanApi(ckan.url(), "not-the-token"), "stadt-duisburg").publish(publication, folder));
        assertEquals(403, e.status());
        assertEquals("Authorization Error", e.errorType());
        assertFalse(e.getMessage().contains("not-the-token"), "the token never appears in messages");
    }

    @Test
    void validationErrorsComeBackAsCkanWordsThem() {
        ObjectNode bad = new ObjectMapper().createObjectNode().put("name", "Baustellen Duisburg").put("owner_org", "stadt-duisburg");
        CkanException e = assertThrows(CkanException.class,
                () -> new HttpCkanApi(ckan.url(), TOKEN).call(CkanRequest.post("package_create", bad)));
        assertEquals(409, e.status());
        assertEquals("Validation Error", e.errorType());
        assertTrue(e.getMessage().contains("name: Must be purely lowercase"), e.getMessage());
        ObjectNode unknownOrg = new ObjectMapper().createObjectNode().put("name", "duisburg-test").put("owner_org", "x");
        e = assertThrows(CkanException.class, () -> new HttpCkanApi(ckan.url(), TOKEN).call(CkanRequest.post("package_create",
                unknownOrg)));
        assertTrue(e.getMessage().contains("owner_org"), e.getMessage());
    }

    @Test
    void theDryRunPrintsTheRequestsWithTheTokenRedactedAndSendsNothing() {
        StringWriter text = new StringWriter();
        CkanDryRun.print(publication, folder, ckan.url(), "stadt-duisburg", true, new PrintWriter(text));
        String out = text.toString();
        assertTrue(out.contains("GET " + ckan.url() + "/api/3/action/package_show?id=duisburg-baustellen"), out);
        assertTrue(out.contains("POST " + ckan.url() + "/api/3/action/package_create"), out);
        assertTrue(out.contains("\"owner_org\" : \"stadt-duisburg\""), out);
        assertTrue(out.contains("upload=@duisburg-baustellen.geojson ("), out);
        assertTrue(out.contains("Authorization: " + CkanDryRun.REDACTED), out);
        assertFalse(out.contains(TOKEN));
        assertEquals(List.of(), ckan.received());
    }

    @Test
    void plainHttpIsOnlyForThisComputer() {
        assertThrows(de.trassenwerk.i18n.UserFacingException.class,
                () -> new HttpCkanApi(java.net.URI.create("http://opendata.ruhr"), TOKEN));
        assertDoesNotThrow(() -> new HttpCkanApi(ckan.url(), TOKEN));
    }

    @Test
    void theTokenComesFromTheEnvironmentOnly() {
        assertEquals("abc", CkanToken.from(Map.of("TRASSENWERK_CKAN_TOKEN", " abc ")::get));
        assertEquals(null, CkanToken.from(Map.of("TRASSENWERK_CKAN_TOKEN", " ")::get));
        assertEquals(null, CkanToken.from(Map.<String, String>of()::get));
    }

    private Map<String, String> resourceIds() {
        Map<String, String> ids = new TreeMap<>();
        ckan.packages().forEach((name, p) -> p.get("resources").forEach(r -> ids.put(name + "/" + r.get("name").asText(),
                r.get("id").asText())));
        return ids;
    }
}
