package de.trassenwerk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.testing.Fixtures;
import de.trassenwerk.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
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

    @Test
    void aCsvFromTheOfficeGoesIntoANewGeoPackageAndTheSummarySaysWhatWasInferred() throws Exception {
        Path csv = dir.resolve("punkte.csv");
        Files.write(csv, "Rechtswert;Hochwert;Name\n2552898,43;5699758,90;Rathaus\n2553010,00;5699801,25;Markt\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path target = dir.resolve("out.gpkg");
        CliTest.Result r = CliTest.cli("import", csv.toString(), "--into", target.toString(), "--layer", "punkte");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Imported 2 features from punkte into"), r.out());
        assertTrue(r.out().contains("Coordinate system inferred: EPSG:31466"), r.out());
        assertTrue(r.out().contains("Added 2, updated 0, unchanged 0"), r.out());
        assertTrue(r.out().matches("(?s).*import_ms=\\d+ peak_heap_mb=\\d+.*"), r.out());
        assertEquals("", r.err(), "no progress line when not on a terminal");

        CliTest.Result again = CliTest.cli("import", csv.toString(), "--into", target.toString(), "--layer", "punkte");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("--append, --overwrite or --update-key"), again.err());
        CliTest.Result both = CliTest.cli("import", csv.toString(), "--into", target.toString(), "--layer", "punkte",
                "--append", "--overwrite");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("cannot be used together"), both.err());
        CliTest.Result wrongCrs = CliTest.cli("import", csv.toString(), "--into", target.toString(), "--layer", "p2",
                "--src-crs", "Gauss-Krüger");
        assertEquals(2, wrongCrs.exit());
        assertTrue(wrongCrs.err().contains("--src-crs must be an EPSG code"), wrongCrs.err());
    }

    @Test
    void aGeoPackageWithSeveralLayersNeedsSourceLayer() throws Exception {
        Path target = dir.resolve("t.gpkg");
        CliTest.Result list = CliTest.cli("import", Fixtures.sampleCity().toString(), "--into", target.toString(),
                "--layer", "d");
        assertEquals(2, list.exit());
        assertTrue(list.err().contains("has several layers; choose one with --source-layer"), list.err());
        assertTrue(list.out().contains("districts\n") && list.out().contains("construction_sites\n"), list.out());
        assertFalse(Files.exists(target));

        CliTest.Result ok = CliTest.cli("import", Fixtures.sampleCity().toString(), "--into", target.toString(),
                "--layer", "bezirke", "--source-layer", "districts");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("Imported 7 features"), ok.out());
    }

    @Test
    void aShapefileWithTheShippedDistrictMappingAndInvalidGeometriesListed() throws Exception {
        Ogr.assumeInstalled();
        Files.writeString(dir.resolve("bezirke.csv"), """
                WKT,STBNR,STBNAME
                "POLYGON ((343000 5702000,343000 5703000,344000 5703000,344000 5702000,343000 5702000))",5,Mitte
                "POLYGON ((345000 5702000,346000 5703000,346000 5702000,345000 5703000,345000 5702000))",6,Rheinhausen
                """);
        Ogr.ogr2ogr(dir, "-f", "ESRI Shapefile", "bezirke.shp", "bezirke.csv", "-a_srs", "EPSG:25832", "-nlt", "POLYGON");
        Path target = dir.resolve("city.gpkg");
        String shp = dir.resolve("bezirke.shp").toString();
        CliTest.Result fail = CliTest.cli("import", shp, "--into", target.toString(), "--layer", "districts",
                "--mapping", "dugis-districts");
        assertEquals(2, fail.exit());
        assertTrue(fail.err().contains("1 of 2 features cannot be imported"), fail.err());
        assertTrue(fail.err().contains("bezirke.shp, record 2: invalid geometry: Self-intersection"), fail.err());
        assertFalse(Files.exists(target));

        CliTest.Result repaired = CliTest.cli("import", shp, "--into", target.toString(), "--layer", "districts",
                "--mapping", "dugis-districts", "--repair");
        assertEquals(0, repaired.exit(), repaired.err());
        assertTrue(repaired.out().contains("Repaired 1 invalid geometries"), repaired.out());
        CliTest.Result info = CliTest.cli("info", target.toString(), "--json");
        assertTrue(info.out().contains("\"name\" : \"districts\"") || info.out().contains("\"name\":\"districts\""), info.out());
        assertTrue(info.out().contains("MULTIPOLYGON"), info.out());
    }
}
