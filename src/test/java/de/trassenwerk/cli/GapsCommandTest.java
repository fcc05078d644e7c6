package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.coverage.GapCity;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.ThemeLayers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code gaps} command on the hand-made city of {@link GapCity#paper}: CSV, JSON, table, exit codes. */
class GapsCommandTest {
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

    @BeforeEach
    void makeCity() {
        city = dir.resolve("city.gpkg");
        GapCity.paper(city).close();
    }

    @Test
    void csvHasOneRowPerSiteAndTheDistrictsBesideIt() throws Exception {
        Path csv = dir.resolve("gaps.csv");
        CliTest.Result r = CliTest.cli("gaps", city.toString(), "--out", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("site_no,name,district,quarter,area_ha,status,best_mbps,gigabit_share,underserved",
                "DU-0001,Gewerbegebiet DU-0001,West,Nord,0.66,available,1000,0.436,false",
                "DU-0002,Gewerbegebiet DU-0002,East,Ost,1.00,available,,,true",
                "DU-0003,Gewerbegebiet DU-0003,East,Ost,0.36,available,,,true",
                "DU-0004,Gewerbegebiet DU-0004,West,Nord,0.36,available,250,,true",
                "DU-0005,Gewerbegebiet DU-0005,West,Nord,0.80,available,250,0.000,true"), lines(csv));
        Path districts = dir.resolve("gaps-districts.csv");
        assertEquals(List.of("district,sites,underserved_sites,underserved_ha", "East,2,2,1.36", "West,3,2,1.16"),
                lines(districts));
        assertTrue(r.out().contains("Wrote " + csv), r.out());
        assertTrue(r.out().contains("Wrote " + districts), r.out());
        assertTrue(r.out().contains("5 commercial sites, 4 under-served (2.52 ha) below 1000 Mbit/s, 2 of them without"),
                r.out());
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains("\r\n"), "RFC 4180 line ends");
    }

    @Test
    void jsonHoldsSitesAndDistricts() throws Exception {
        Path json = dir.resolve("gaps.json");
        CliTest.Result r = CliTest.cli("gaps", city.toString(), "--threshold-mbps", "250", "--out", json.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(List.of("parameters", "totals", "sites", "districts"), names(root));
        assertEquals(250, root.get("parameters").get("threshold_mbps").asInt());
        JsonNode first = root.get("sites").get(0);
        assertEquals(List.of("site_no", "name", "district", "quarter", "area_ha", "status", "best_mbps",
                "gigabit_share", "underserved"), names(first));
        assertEquals("DU-0001", first.get("site_no").asText());
        assertEquals(1000, first.get("best_mbps").asInt());
        assertEquals(0.436, first.get("gigabit_share").asDouble(), 1e-9);
        JsonNode second = root.get("sites").get(1);
        assertTrue(second.get("best_mbps").isNull());
        assertTrue(second.get("gigabit_share").isNull());
        assertTrue(second.get("underserved").asBoolean());
        assertFalse(root.get("sites").get(3).get("underserved").asBoolean(), "250 Mbit/s reaches the threshold 250");
        JsonNode districts = root.get("districts");
        assertEquals(2, districts.size());
        assertEquals("East", districts.get(0).get("district").asText());
        assertEquals(2, districts.get(0).get("underserved_sites").asInt());
        assertEquals(1.36, districts.get(0).get("underserved_ha").asDouble(), 1e-9);
        assertEquals("West", districts.get(1).get("district").asText());
        assertEquals(0, districts.get(1).get("underserved_sites").asInt());
        assertEquals(2, root.get("totals").get("underserved_sites").asInt());
        assertFalse(Files.exists(dir.resolve("gaps-districts.csv")), "JSON keeps the districts inside");
    }

    @Test
    void withoutOutATableGoesToStandardOutput() {
        CliTest.Result r = CliTest.cli("gaps", city.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Site") && r.out().contains("Best Mbit/s"), r.out());
        String row = r.out().lines().filter(l -> l.startsWith("DU-0002")).findFirst().orElseThrow();
        assertTrue(row.contains("no coverage"), row);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("West\\s+3\\s+2\\s+1\\.16")), r.out());
        assertTrue(r.out().contains("2 of them without any coverage"), r.out());
    }

    @Test
    void unusableInputIsNamedAndExitsTwo() {
        CliTest.Result missing = CliTest.cli("gaps", dir.resolve("nowhere.gpkg").toString());
        assertEquals(ExitCodes.UNUSABLE, missing.exit());
        assertTrue(missing.err().contains("nowhere.gpkg"), missing.err());

        Path noCells = dir.resolve("nocells.gpkg");
        GapCity.withLayers(noCells, ThemeLayers.COMMERCIAL_SITES).close();
        CliTest.Result layer = CliTest.cli("gaps", noCells.toString());
        assertEquals(ExitCodes.UNUSABLE, layer.exit());
        assertTrue(layer.err().contains("nocells.gpkg") && layer.err().contains("coverage_cells"), layer.err());

        CliTest.Result out = CliTest.cli("gaps", city.toString(), "--out", dir.resolve("gaps.txt").toString());
        assertEquals(ExitCodes.UNUSABLE, out.exit());
        assertTrue(out.err().contains("gaps.txt"), out.err());

        CliTest.Result threshold = CliTest.cli("gaps", city.toString(), "--threshold-mbps", "0");
        assertEquals(ExitCodes.UNUSABLE, threshold.exit());
        assertTrue(threshold.err().contains("threshold"), threshold.err());
    }

    @Test
    void districtsFileIsNamedAfterTheSitesFile() {
        assertEquals(Path.of("out", "lücken-districts.csv"), GapsCommand.districtsFile(Path.of("out", "lücken.csv")));
        assertEquals(Path.of("Lücken-districts.csv"), GapsCommand.districtsFile(Path.of("Lücken.CSV")));
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
