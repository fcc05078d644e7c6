package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrassenwerkCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void infoJsonListsEveryLayerWithTypeCrsCountAndExtent() throws Exception {
        Result r = cli("info", Fixtures.sampleCity().toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode layers = new ObjectMapper().readTree(r.out()).get("layers");
        assertEquals(13, layers.size());
        JsonNode streets = null;
        for (JsonNode l : layers) {
            if (l.get("name").asText().equals("streets")) {
                streets = l;
            }
            assertTrue(l.has("geometry_type") && l.has("crs") && l.has("count") && l.has("extent"));
        }
        assertEquals("LINESTRING", streets.get("geometry_type").asText());
        assertEquals("EPSG:25832", streets.get("crs").asText());
        assertTrue(streets.get("count").asLong() >= 10_000);
        assertEquals(4, streets.get("extent").size());
        assertTrue(streets.get("extent").get(0).asDouble() > 334_900);
    }

    @Test
    void infoTableIsReadable() {
        Result r = cli("info", Fixtures.sampleCity().toString());
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("construction_sites") && r.out().contains("MULTIPOLYGON"), r.out());
    }

    @Test
    void unreadableFileGivesOneLineAndExitTwo() throws Exception {
        Path bad = dir.resolve("liste.gpkg");
        Files.writeString(bad, "kein GeoPackage");
        for (String command : new String[] {"info", "validate"}) {
            Result r = cli(command, bad.toString());
            assertEquals(2, r.exit());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("liste.gpkg") && r.err().contains("not an SQLite database"), r.err());
        }
        Result missing = cli("info", dir.resolve("fehlt.gpkg").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"));
    }

    @Test
    void validateIsCleanOnTheSampleCity() {
        Result r = cli("validate", Fixtures.sampleCity().toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().strip().endsWith("valid"));
    }

    @Test
    void validateNamesLayerAndFidOfAnInvalidGeometryAndExitsOne() throws Exception {
        Path file = dir.resolve("bad.gpkg");
        Files.copy(Fixtures.sampleCity(), file);
        file.toFile().setWritable(true);
        // a self-intersecting ("bow tie") footprint written behind the store's back
        byte[] bowTie = de.trassenwerk.store.GeoPackageGeometry.encode(Fixtures.wkt(
                "MULTIPOLYGON (((340000 5700000, 340100 5700100, 340100 5700000, 340000 5700100, 340000 5700000)))"),
                25832);
        // the R-tree triggers need ST_ functions that plain SQLite lacks: a careless tool drops them
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER rtree_construction_sites_geom_update1");
            for (String n : new String[] {"update2", "update3", "update4"}) {
                st.execute("DROP TRIGGER rtree_construction_sites_geom_" + n);
            }
            try (var p = c.prepareStatement("UPDATE construction_sites SET geom = ? WHERE fid = 17")) {
                p.setBytes(1, bowTie);
                p.executeUpdate();
            }
        }
        Result r = cli("validate", file.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("construction_sites: fid 17: invalid geometry"), r.out());
        assertTrue(r.out().contains("R-tree trigger rtree_construction_sites_geom_update1 is missing"), r.out());
        assertTrue(r.out().contains("R-tree bounds do not cover the geometry"), r.out());
    }

    @Test
    void sampleRefusesABadScaleAndUnknownOptions() {
        Result r = cli("sample", "--out", dir.resolve("x.gpkg").toString(), "--scale", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--scale"));
        assertFalse(Files.exists(dir.resolve("x.gpkg")));
        assertEquals(2, cli("info", "--frobnicate").exit());
        assertEquals(2, cli("no-such-command").exit());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"info", "sample", "validate"}) {
            Result r = cli(command, "--help");
            assertEquals(0, r.exit(), command);
            assertTrue(r.out().contains("Usage: trassenwerk " + command), r.out());
        }
        assertTrue(cli("--help").out().contains("sample"));
    }

    @Test
    void launcherRunsCommandsHeadlessWithoutLoadingJavaFx() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-verbose:class", "-cp", System.getProperty("java.class.path"),
                "de.trassenwerk.app.Launcher", "info", Fixtures.sampleCity().toString(), "--json"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        Fixtures.Run r = run(pb);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"layers\""));
        assertFalse(r.out().contains("javafx."), "a JavaFX class was loaded by a CLI command");
        Fixtures.Run bad = run(new ProcessBuilder(cmd.get(0), "-cp", System.getProperty("java.class.path"),
                "de.trassenwerk.app.Launcher", "info", dir.resolve("fehlt.gpkg").toString()));
        assertEquals(2, bad.exit());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    private static Fixtures.Run run(ProcessBuilder pb) {
        try {
            Process p = pb.start();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            return new Fixtures.Run(p.waitFor(), new String(out), new String(err));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
