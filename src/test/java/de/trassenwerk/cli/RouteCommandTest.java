package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.routing.RoutingCity;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code route} command: summary, GeoJSON, saving, clear failures and exit codes. */
class RouteCommandTest {
    @TempDir
    Path dir;
    Path city;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    /** A loop of streets (two ways to the PoP), a plot beside it and a node behind a renewed street. */
    @BeforeEach
    void makeCity() {
        city = dir.resolve("city.gpkg");
        try (RoutingCity c = new RoutingCity(city)) {
            c.street("Südring", "LINESTRING (0 0, 400 0)");
            c.street("Nordring", "LINESTRING (0 0, 0 300, 400 300, 400 0)");
            c.street("Neue Gasse", "residential", "2025-04-01", "LINESTRING (400 0, 500 0)");
            c.duct("existing", 2, "LINESTRING (0 300, 400 300)");
            c.plot("DU-0001", "MULTIPOLYGON (((-60 -10, -20 -10, -20 10, -60 10, -60 -10)))");
            c.node("PoP", "PoP Mitte", 400, 0);
            c.node("cabinet", "KVz 2", 500, 0);
        }
    }

    @Test
    void routeWithAlternativesAsGeoJsonAndSavedAsDraft() throws Exception {
        Path out = dir.resolve("routes.geojson");
        CliTest.Result r = CliTest.cli("route", city.toString(), "--from-site", "DU-0001", "--to-nearest-node", "--today", "2026-09-01",
                "--alternatives", "2", "--out", out.toString(), "--save");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Street graph: "), r.out());
        assertTrue(r.out().contains("Route 1: DU-0001 → PoP Mitte, 420.0 m, 37800 €"), r.out());
        assertTrue(r.out().contains("Route 2: DU-0001 → PoP Mitte"), r.out());
        assertTrue(r.out().contains("Saved route 1 as a draft in layer planned_routes"), r.out());

        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("FeatureCollection", json.get("type").asText());
        assertEquals(2, json.get("features").size());
        for (int i = 0; i < 2; i++) {
            JsonNode f = json.get("features").get(i);
            JsonNode p = f.get("properties");
            assertEquals(i + 1, p.get("rank").asInt());
            assertEquals("DU-0001", p.get("from_ref").asText());
            assertEquals("PoP Mitte", p.get("to_ref").asText());
            assertFalse(p.get("moratorium").asBoolean());
            double m = 0;
            long eur = 0;
            for (Iterator<JsonNode> it = p.get("breakdown").elements(); it.hasNext();) {
                JsonNode share = it.next();
                m += share.get("m").asDouble();
                eur += share.get("eur").asLong();
            }
            assertEquals(p.get("length_m").asDouble(), m, 1e-6, "metres add up");
            assertEquals(p.get("cost_eur").asLong(), eur, "euros add up");
            assertEquals("LineString", f.get("geometry").get("type").asText());
            JsonNode first = f.get("geometry").get("coordinates").get(0);
            assertEquals(6.71, first.get(0).asDouble(), 0.02, "longitude first (RFC 7946)");
            assertEquals(51.43, first.get(1).asDouble(), 0.02);
        }
        JsonNode best = json.get("features").get(0).get("properties");
        // 20 m connection + 400 m along the south ring, all residential trench: 420 m, 37 800 €
        assertEquals(420.0, best.get("length_m").asDouble());
        assertEquals(37800, best.get("cost_eur").asLong());
        assertEquals(20.0, best.get("breakdown").get("site_connection").get("m").asDouble());
        // the north ring: 20 m connection + 300 m + 300 m trench (5 m of each in the duct's reach) + 400 m in the duct
        JsonNode second = json.get("features").get(1).get("properties");
        assertEquals(1020.0, second.get("length_m").asDouble());
        assertEquals(410.0, second.get("breakdown").get("duct_reuse").get("m").asDouble());

        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(1, store.count(ThemeLayers.PLANNED_ROUTES, Query.ALL));
        }
    }

    @Test
    void targetOnlyBehindAMoratoriumFailsWithTheReason() {
        CliTest.Result r = CliTest.cli("route", city.toString(), "--from", "340000,5700000", "--to-node", "KVz 2", "--today",
                "2026-09-01");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("can only be reached by digging streets under a moratorium"), r.err());

        CliTest.Result allowed = CliTest.cli("route", city.toString(), "--from", "340000,5700000", "--to-node", "KVz 2", "--today",
                "2026-09-01", "--allow-moratorium");
        assertEquals(0, allowed.exit(), allowed.err());
        assertTrue(allowed.out().contains("moratorium_trench: 100.0 m, 27000 €"), allowed.out());
        assertTrue(allowed.out().contains("digs 100.0 m in streets under moratorium"), allowed.out());

        CliTest.Result later = CliTest.cli("route", city.toString(), "--from", "340000,5700000", "--to-node", "KVz 2", "--today",
                "2026-09-01", "--moratorium-years", "1");
        assertEquals(0, later.exit(), "a 1-year moratorium ended in April 2026: " + later.err());
    }

    @Test
    void misuseIsExitCodeTwoWithOneLine() {
        CliTest.Result noTarget = CliTest.cli("route", city.toString(), "--from-site", "DU-0001");
        assertEquals(2, noTarget.exit());
        assertTrue(noTarget.err().contains("Give one start"), noTarget.err());

        CliTest.Result badXy = CliTest.cli("route", city.toString(), "--from", "340000;5700000", "--to-nearest-node");
        assertEquals(2, badXy.exit());
        assertTrue(badXy.err().contains("is not a position X,Y"), badXy.err());

        CliTest.Result badOut = CliTest.cli("route", city.toString(), "--from-site", "DU-0001", "--to-nearest-node", "--out",
                dir.resolve("r.csv").toString());
        assertEquals(2, badOut.exit());

        CliTest.Result unknown = CliTest.cli("route", city.toString(), "--from-site", "DU-9", "--to-nearest-node");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no commercial site with site_no \"DU-9\""), unknown.err());
    }

    @Test
    void allGapsPlansFromEveryUnderServedSiteAndCountsSharedStretchesOnce() throws Exception {
        Path gaps = dir.resolve("gaps.gpkg");
        try (RoutingCity c = new RoutingCity(gaps)) {
            c.street("Hauptstraße", "LINESTRING (0 0, 100 0, 200 0, 400 0)");
            c.street("Stich A", "LINESTRING (100 0, 100 50)");
            c.street("Stich B", "LINESTRING (200 0, 200 50)");
            c.street("Stich C", "LINESTRING (300 0, 300 50)");
            c.street("Insel", "LINESTRING (1000 1000, 1100 1000)");
            c.plot("DU-A", "MULTIPOLYGON (((90 60, 110 60, 110 80, 90 80, 90 60)))");
            c.plot("DU-B", "MULTIPOLYGON (((190 60, 210 60, 210 80, 190 80, 190 60)))");
            c.plot("DU-C", "MULTIPOLYGON (((290 60, 310 60, 310 80, 290 80, 290 60)))");
            c.plot("DU-D", "MULTIPOLYGON (((1040 1010, 1060 1010, 1060 1030, 1040 1030, 1040 1010)))");
            c.coverage(50, "POLYGON ((0 50, 250 50, 250 100, 0 100, 0 50))"); // A and B: 50 Mbit/s
            c.coverage(1000, "POLYGON ((250 50, 400 50, 400 100, 250 100, 250 50))"); // C: gigabit
            c.node("PoP", "PoP Ost", 400, 0);
        }
        Path out = dir.resolve("gaps.geojson");
        CliTest.Result r = CliTest.cli("route", gaps.toString(), "--all-gaps", "--today", "2026-09-01", "--out", out.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("All gaps: 3 under-served sites, 2 routes, 1 without a route"), r.out());
        // A: 10 + 50 + 300 m, B: 10 + 50 + 200 m; the trunk from x 200 to 400 is shared
        assertTrue(r.out().contains("Sum of the routes: 620.0 m, 55800 €"), r.out());
        assertTrue(r.out().contains("counted once): 420.0 m, 37800 €; shared 200.0 m, 18000 €"), r.out());
        assertTrue(r.out().contains("DU-D: No PoP or cabinet can be reached from DU-D"), r.out());

        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertEquals(2, json.get("features").size());
        assertEquals("DU-A", json.get("features").get(0).get("properties").get("site_no").asText());
        assertEquals(420.0, json.get("totals").get("network").get("length_m").asDouble());
        assertEquals(620.0, json.get("totals").get("sum").get("length_m").asDouble());
        assertEquals(200.0, json.get("totals").get("shared").get("length_m").asDouble());
        assertEquals("DU-D", json.get("failures").get(0).get("site_no").asText());
        assertEquals("routing.error.noNodeReachable", json.get("failures").get(0).get("reason").asText());

        CliTest.Result misuse = CliTest.cli("route", gaps.toString(), "--all-gaps", "--from-site", "DU-A");
        assertEquals(2, misuse.exit());
        assertTrue(misuse.err().contains("--all-gaps plans a route from every under-served site"), misuse.err());
    }
}
