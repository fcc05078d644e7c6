package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.coordination.FindingFields;
import de.trassenwerk.coordination.TestCity;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code coordinate} command: JSON and CSV shape, who to call, saving, exit codes. */
class CoordinateCommandTest {
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

    /** One renewed street, a route along it and two overlapping works: every kind of finding. */
    @BeforeEach
    void makeCity() {
        city = dir.resolve("city.gpkg");
        try (TestCity c = TestCity.create(city)) {
            c.street("Amselweg", "residential", "2024-05-01", "LINESTRING (0 0, 300 0)");
            c.route("draft", "2027-12-01", "LINESTRING (0 0, 300 0)");
            c.trench("A", "2027-03-01", "2027-04-01", "POLYGON ((50 -5, 150 -5, 150 5, 50 5, 50 -5))");
            c.site("B", "water", "Netze Duisburg", "2027-05-01", "2027-06-30", "planned", true,
                    "POLYGON ((100 -5, 250 -5, 250 5, 100 5, 100 -5))");
        }
    }

    @Test
    void jsonHasTheIssuesShape() throws Exception {
        CliTest.Result r = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("today", "parameters", "findings", "summary"), names(root));
        assertEquals("2026-09-01", root.get("today").asText());
        JsonNode p = root.get("parameters");
        assertEquals(10.0, p.get("buffer_m").asDouble());
        assertEquals(8, p.get("lead_weeks").asInt());
        assertEquals(24, p.get("horizon_months").asInt());
        assertEquals(5, p.get("moratorium_years").asInt());
        assertEquals(6, p.get("double_dig_months").asInt());
        assertEquals(150.0, p.get("costs").get("trench_eur_per_m").get("primary").asDouble());
        assertEquals(15.0, p.get("costs").get("co_laying_eur_per_m").asDouble());
        assertEquals(8.0, p.get("costs").get("duct_reuse_eur_per_m").asDouble());
        assertEquals(3.0, p.get("costs").get("moratorium_factor").asDouble());

        List<String> kinds = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            assertEquals(FindingFields.KEYS, names(f), "every finding has every key");
            kinds.add(f.get("kind").asText());
            double len = f.get("length_m").asDouble();
            assertEquals(Math.round(len * 10), len * 10, 1e-9, "one decimal");
            if (f.get("kind").asText().equals("co_laying")) {
                assertTrue(f.get("saving_eur").isIntegralNumber());
                assertTrue(f.get("route_fid").isIntegralNumber() && f.get("site_fid").isIntegralNumber());
            } else {
                assertTrue(f.get("saving_eur").isNull());
            }
            if (f.get("kind").asText().equals("double_dig")) {
                assertTrue(f.get("route_fid").isNull());
                assertEquals(30, f.get("gap_days").asInt());
                assertEquals(50.0, f.get("length_m").asDouble());
            }
        }
        assertEquals(List.of("co_laying", "co_laying", "moratorium_clash", "moratorium_clash", "moratorium_clash",
                "double_dig"), kinds);

        JsonNode summary = root.get("summary");
        assertEquals(List.of("co_laying", "moratorium_clash", "double_dig"), names(summary));
        assertEquals(List.of("count", "length_m", "saving_eur"), names(summary.get("co_laying")));
        assertEquals(2, summary.get("co_laying").get("count").asInt());
        // A: x 40..160 (120 m), B: x 90..260 (170 m), all residential at 90 - 15 €/m
        assertEquals(290.0, summary.get("co_laying").get("length_m").asDouble());
        assertEquals(290 * 75, summary.get("co_laying").get("saving_eur").asLong());
        assertTrue(summary.get("double_dig").get("saving_eur").isNull());
        assertEquals(3, summary.get("moratorium_clash").get("count").asInt());
    }

    @Test
    void csvColumnsAreTheJsonKeys() throws Exception {
        Path out = dir.resolve("befunde.csv");
        CliTest.Result r = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join(",", FindingFields.KEYS), lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(1).startsWith("\"co_laying:route=1,site=1\",co_laying,1,1,,A,,Wirtschaftsbetriebe Duisburg,"),
                lines.get(1));
        assertTrue(r.out().contains("co_laying: 2 findings, 290.0 m, saving 21750 €"), r.out());
    }

    @Test
    void timingsNameEveryStepOnStandardErrorAndLeaveTheOutputAlone() throws Exception {
        Path out = dir.resolve("befunde.json");
        CliTest.Result r = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01", "--out", out.toString(), "--timings");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).matches("Time per step: start \\d+\\.\\d\\d s, reading [0-9.]+ s, indexing [0-9.]+ s"
                + ", routes [0-9.]+ s, works [0-9.]+ s, double digs [0-9.]+ s, ordering [0-9.]+ s"
                + ", writing [0-9.]+ s, total [0-9.]+ s"), lines.get(0));
        assertFalse(r.out().contains("Time per step"), r.out());
        assertEquals(6, new ObjectMapper().readTree(out.toFile()).get("findings").size());
    }

    @Test
    void jsonFileAndWhoToCallNameOrganisationsNeverPersons() throws Exception {
        Path out = dir.resolve("befunde.json");
        CliTest.Result r = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01", "--out", out.toString(), "--contacts");
        assertEquals(0, r.exit(), r.err());
        assertEquals(6, new ObjectMapper().readTree(out.toFile()).get("findings").size());
        assertTrue(r.out().contains("Who to call: 2 organisations"), r.out());
        assertTrue(r.out().contains("Netze Duisburg (3 findings"), r.out());
        assertTrue(r.out().contains("Wirtschaftsbetriebe Duisburg (3 findings"), r.out());
        assertFalse(r.out().contains("Mustermann") || Files.readString(out).contains("Mustermann"));

        CliTest.Result list = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01", "--contacts");
        assertTrue(list.out().startsWith("Who to call"), "the list replaces the JSON on standard output");
    }

    @Test
    void saveWritesTheFindingsLayerAndReportsOnStandardError() throws Exception {
        CliTest.Result r = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01", "--save");
        assertEquals(0, r.exit(), r.err());
        new ObjectMapper().readTree(r.out());
        assertTrue(r.err().contains("Saved in layer coordination_findings: 6 new, 0 updated, 0 removed"), r.err());
        CliTest.Result again = CliTest.cli("coordinate", city.toString(), "--today", "2026-09-01", "--save");
        assertTrue(again.err().contains("0 new, 6 updated, 0 removed"), again.err());
        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(6, store.count(ThemeLayers.COORDINATION_FINDINGS, Query.ALL));
        }
    }

    @Test
    void unusableInputOrMisuseExitsTwoWithOneLine() throws Exception {
        Path streetsOnly = dir.resolve("nur-strassen.gpkg");
        try (GeoPackageStore store = GeoPackageStore.create(streetsOnly)) {
            store.createLayer(ThemeLayers.schema(ThemeLayers.STREETS));
        }
        CliTest.Result missing = CliTest.cli("coordinate", streetsOnly.toString());
        assertEquals(2, missing.exit());
        assertEquals("nur-strassen.gpkg lacks what the coordination analysis needs: planned_routes; construction_sites",
                missing.err().strip());

        assertEquals(2, CliTest.cli("coordinate", city.toString(), "--out", dir.resolve("x.txt").toString()).exit());
        assertEquals(2, CliTest.cli("coordinate", city.toString(), "--today", "2026-13-01").exit());
        CliTest.Result buffer = CliTest.cli("coordinate", city.toString(), "--buffer-m", "-5");
        assertEquals(2, buffer.exit());
        assertEquals("--buffer-m is out of range: -5", buffer.err().strip());
        assertEquals(2, CliTest.cli("coordinate", dir.resolve("fehlt.gpkg").toString()).exit());
        Path costs = dir.resolve("kosten.json");
        Files.writeString(costs, "{\"co_laying\": 10}");
        CliTest.Result badCosts = CliTest.cli("coordinate", city.toString(), "--costs", costs.toString());
        assertEquals(2, badCosts.exit());
        assertEquals(1, badCosts.err().strip().lines().count(), badCosts.err());
        assertTrue(badCosts.err().contains("co_laying"), badCosts.err());
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }
}
