package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

/** {@code identify} and {@code find} on the sample city. */
class ExploreCommandsTest {
    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    @Test
    void identifyListsTheCommercialSiteUnderAPointWithItsAttributes() throws Exception {
        Feature site;
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            site = s.read(ThemeLayers.COMMERCIAL_SITES, Query.ALL.page(3, 1)).get(0);
        }
        Point inside = site.geometry().getInteriorPoint();
        String at = inside.getX() + "," + inside.getY();
        CliTest.Result r = CliTest.cli("identify", Fixtures.sampleCity().toString(), "--at", at, "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode features = new ObjectMapper().readTree(r.out()).get("features");
        JsonNode hit = null;
        int districts = 0;
        for (JsonNode f : features) {
            if (f.get("layer").asText().equals(ThemeLayers.COMMERCIAL_SITES)) {
                hit = f;
            }
            districts += f.get("layer").asText().equals(ThemeLayers.DISTRICTS) ? 1 : 0;
        }
        assertEquals(1, districts, r.out());
        assertEquals(site.fid(), hit.get("fid").asLong());
        assertEquals(site.getString("site_no"), hit.get("attributes").get("site_no").asText());
        assertEquals(0, hit.get("distance_m").asDouble());

        CliTest.Result text = CliTest.cli("identify", Fixtures.sampleCity().toString(), "--at", at, "--layers", "commercial_sites");
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("commercial_sites fid " + site.fid()), text.out());
        assertTrue(text.out().contains("site_no") && text.out().contains(site.getString("site_no")), text.out());
    }

    @Test
    void identifyRefusesABadPointAndAnUnknownLayer() {
        CliTest.Result bad = CliTest.cli("identify", Fixtures.sampleCity().toString(), "--at", "340000;5700000");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--at must be two numbers"), bad.err());
        CliTest.Result unknown = CliTest.cli("identify", Fixtures.sampleCity().toString(), "--at", "340000,5700000", "--layers", "roads");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("No layer \"roads\""), unknown.err());
    }

    @Test
    void findPrintsTheBestHitFirstWithItsExtentAndTheTime() throws Exception {
        CliTest.Result r = CliTest.cli("find", Fixtures.sampleCity().toString(), "altstadt", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode first = root.get("hits").get(0);
        assertEquals("quarter", first.get("kind").asText());
        assertEquals("Altstadt (501)", first.get("title").asText());
        assertEquals("exact", first.get("match").asText());
        assertEquals(4, first.get("extent").size());
        assertTrue(root.get("search_ms").asDouble() >= 0);

        CliTest.Result words = CliTest.cli("find", Fixtures.sampleCity().toString(), "Düsseldorfer", "Straße", "--limit", "1");
        assertEquals(0, words.exit(), words.err());
        assertTrue(words.out().startsWith("street") && words.out().contains("Düsseldorfer Straße"), words.out());
        assertTrue(words.out().strip().lines().reduce((a, b) -> b).orElseThrow().matches("search_ms=\\d+\\.\\d"));
        assertEquals(2, CliTest.cli("find", Fixtures.sampleCity().toString(), "x", "--limit", "0").exit());
    }
}
