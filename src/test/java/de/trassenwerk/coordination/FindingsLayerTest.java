package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;

/** Saving findings into the file, and saving again without losing what users recorded. */
class FindingsLayerTest {
    @TempDir
    Path dir;

    private static final Instant FIRST = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-09-08T08:00:00Z");

    private static Map<String, Feature> stored(GeoPackageStore store) {
        return store.read(ThemeLayers.COORDINATION_FINDINGS, Query.ALL).stream()
                .collect(Collectors.toMap(f -> f.getString("finding_id"), f -> f));
    }

    @Test
    void aReRunKeepsUserStatusAndCommentDropsUntouchedFindingsAndKeepsTouchedOnes() throws Exception {
        try (TestCity city = TestCity.create(dir.resolve("a.gpkg"))) {
            long route = city.route("draft", "2027-12-01", "LINESTRING (0 0, 1000 0)");
            long s1 = city.trench("S1", "2027-03-01", "2027-04-01", "POLYGON ((0 -5, 100 -5, 100 5, 0 5, 0 -5))");
            long s2 = city.trench("S2", "2027-03-01", "2027-04-01", "POLYGON ((300 -5, 400 -5, 400 5, 300 5, 300 -5))");
            long s3 = city.trench("S3", "2027-03-01", "2027-04-01", "POLYGON ((600 -5, 700 -5, 700 5, 600 5, 600 -5))");

            FindingsLayer.SaveReport first = FindingsLayer.save(city.store, city.run(), FIRST);
            assertEquals(new FindingsLayer.SaveReport(3, 0, 0, 0), first);
            Map<String, Feature> rows = stored(city.store);
            Feature one = rows.get(Finding.coLayingId(route, s1));
            assertEquals("open", one.getString("user_status"));
            assertEquals("co_laying", one.getString("kind"));
            assertEquals(route, one.getLong("route_fid"));
            assertEquals(s1, one.getLong("site_fid"));
            assertNull(one.getLong("other_site_fid"));
            assertEquals(110.0, one.getDouble("length_m"));
            assertEquals(110.0 * 75, one.getDouble("saving_eur"));
            assertEquals("2027-03-01", one.getString("start_date"));
            assertEquals("2026-09-01T08:00:00Z", one.getString("run_at"));
            assertEquals("Wirtschaftsbetriebe Duisburg", one.getString("organisation"));
            JsonNode details = new ObjectMapper().readTree(one.getString("details"));
            assertEquals("S1", details.get("site_ref").asText());
            assertTrue(one.geometry() instanceof LineString);
            assertEquals(110.0, one.geometry().getLength(), 1e-6);

            FindingsLayer.setUserStatus(city.store, Finding.coLayingId(route, s1), "contacted", "Anruf am 3. September");
            FindingsLayer.setUserStatus(city.store, Finding.coLayingId(route, s2), "agreed", null);
            city.delete(ThemeLayers.CONSTRUCTION_SITES, s2);
            city.delete(ThemeLayers.CONSTRUCTION_SITES, s3);
            long s4 = city.trench("S4", "2027-03-01", "2027-04-01", "POLYGON ((900 -5, 950 -5, 950 5, 900 5, 900 -5))");

            FindingsLayer.SaveReport second = FindingsLayer.save(city.store, city.run(), SECOND);

            assertEquals(new FindingsLayer.SaveReport(1, 1, 1, 1), second);
            rows = stored(city.store);
            assertEquals(3, rows.size(), rows.keySet()::toString);
            Feature kept = rows.get(Finding.coLayingId(route, s1));
            assertEquals("contacted", kept.getString("user_status"));
            assertEquals("Anruf am 3. September", kept.getString("user_comment"));
            assertEquals("2026-09-08T08:00:00Z", kept.getString("run_at"));
            assertEquals(one.fid(), kept.fid(), "updated in place, not replaced");
            assertEquals(3, kept.version(), "inserted, status set, updated by the second run");
            Feature gone = rows.get(Finding.coLayingId(route, s2));
            assertEquals("agreed", gone.getString("user_status"));
            assertEquals("2026-09-08T08:00:00Z",
                    new ObjectMapper().readTree(gone.getString("details")).get("gone_since").asText());
            assertFalse(rows.containsKey(Finding.coLayingId(route, s3)), "nobody recorded anything on it");
            assertEquals("open", rows.get(Finding.coLayingId(route, s4)).getString("user_status"));

            FindingsLayer.SaveReport third = FindingsLayer.save(city.store, city.run(), Instant.parse("2026-09-15T08:00:00Z"));
            assertEquals(new FindingsLayer.SaveReport(0, 2, 0, 1), third);
            assertEquals("2026-09-08T08:00:00Z", new ObjectMapper().readTree(stored(city.store)
                    .get(Finding.coLayingId(route, s2)).getString("details")).get("gone_since").asText(),
                    "still gone since the run that first missed it");
            Map<String, FindingsLayer.UserRecord> records = FindingsLayer.userRecords(city.store);
            assertNotNull(records.get(Finding.coLayingId(route, s2)).goneSince());
            assertNull(records.get(Finding.coLayingId(route, s1)).goneSince());
        }
    }

    @Test
    void aSectionOfSeveralPiecesIsStoredAsOneLineThroughThemWithItsPartsCounted() throws Exception {
        try (TestCity city = TestCity.create(dir.resolve("b.gpkg"))) {
            city.route("draft", "2027-12-01", "LINESTRING (0 0, 300 0)");
            city.conduit("existing", 2, "LINESTRING (100 0, 200 0)");
            city.trench("BS-D", "2027-03-01", "2027-04-01", "POLYGON ((50 -5, 250 -5, 250 5, 50 5, 50 -5))");
            FindingsLayer.save(city.store, city.run(), FIRST);

            Feature row = stored(city.store).values().iterator().next();
            assertEquals(110.0, row.getDouble("length_m"));
            assertEquals(2, new ObjectMapper().readTree(row.getString("details")).get("parts").asInt());
            assertEquals(220.0, row.geometry().getLength(), 1e-6, "the line runs from x 40 to 260");
        }
    }

    @Test
    void unknownStatusIsRefused() {
        try (TestCity city = TestCity.create(dir.resolve("c.gpkg"))) {
            city.route("draft", "2027-12-01", "LINESTRING (0 0, 300 0)");
            city.trench("BS", "2027-03-01", "2027-04-01", "POLYGON ((50 -5, 250 -5, 250 5, 50 5, 50 -5))");
            CoordinationResult r = city.run();
            FindingsLayer.save(city.store, r, FIRST);
            String id = r.findings().get(0).id();
            CoordinationException e = assertThrows(CoordinationException.class,
                    () -> FindingsLayer.setUserStatus(city.store, id, "vielleicht", null));
            assertTrue(e.getMessage().contains("vielleicht") && e.getMessage().contains("contacted"), e.getMessage());
            assertThrows(CoordinationException.class,
                    () -> FindingsLayer.setUserStatus(city.store, "co_laying:route=9,site=9", "agreed", null));
            List<Feature> rows = city.store.read(ThemeLayers.COORDINATION_FINDINGS, Query.ALL);
            assertEquals("open", rows.get(0).getString("user_status"));
        }
    }
}
