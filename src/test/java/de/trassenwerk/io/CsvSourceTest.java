package de.trassenwerk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.CrsException;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.csv.CsvSource;
import de.trassenwerk.io.csv.TextEncoding;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
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

    private Path write(String name, String text, java.nio.charset.Charset cs, boolean bom) throws Exception {
        Path f = dir.resolve(name);
        byte[] body = text.getBytes(cs);
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        Files.write(f, body);
        return f;
    }

    private static CsvSource csv(Path f) {
        return new CsvSource(f, null, null, null, null);
    }

    @Test
    void germanOfficeCsvWithSemicolonDecimalCommaWindows1252AndGaussKruegerColumns() throws Exception {
        Path f = write("baustellen.csv", """
                Rechtswert;Hochwert;Straße;Länge m;Beginn
                2552898,43;5699758,90;Düsseldorfer Straße;120,5;01.03.2025
                2553010,00;5699801,25;Königstraße;80;2025-04-15
                """, TextEncoding.WINDOWS_1252, false);
        CsvSource s = csv(f);
        assertEquals(TextEncoding.WINDOWS_1252, s.charset());
        assertEquals(';', s.dialect().delimiter());
        assertTrue(s.dialect().header());
        assertTrue(s.decimalComma());
        assertEquals(31466, s.srsId(), "eastings 2 5xx xxx: Gauss-Krueger zone 2");
        assertTrue(s.schema().crsNote().contains("EPSG:31466"), s.schema().crsNote());
        Map<String, FieldType> types = s.schema().fields().stream().collect(Collectors.toMap(FieldInfo::name, FieldInfo::type));
        assertEquals(Map.of("Straße", FieldType.TEXT, "Länge m", FieldType.REAL, "Beginn", FieldType.DATE), types);
        List<SourceFeature> rows = GeoJsonSourceTest.all(s);
        assertEquals(2, rows.size());
        assertEquals("POINT (2552898.43 5699758.9)", rows.get(0).geometry().toText());
        assertEquals("Düsseldorfer Straße", rows.get(0).attributes().get("Straße"));
        assertEquals(120.5, rows.get(0).attributes().get("Länge m"));
        assertEquals("2025-03-01", rows.get(0).attributes().get("Beginn"));
        assertEquals(3, rows.get(1).position().line());
    }

    @Test
    void utf8WithByteOrderMarkAndLonLatNamesMeanWgs84() throws Exception {
        Path f = write("punkte.csv", "name,lon,lat\n\"Mündelheim, Süd\",6.72,51.345\nRuhrort,6.73,51.45\n",
                StandardCharsets.UTF_8, true);
        CsvSource s = csv(f);
        assertEquals(StandardCharsets.UTF_8, s.charset());
        assertEquals(4326, s.srsId());
        assertTrue(s.schema().crsNote().contains("lon/lat"), s.schema().crsNote());
        List<SourceFeature> rows = GeoJsonSourceTest.all(s);
        assertEquals("Mündelheim, Süd", rows.get(0).attributes().get("name"), "BOM stripped, quoted comma kept");
        assertEquals("POINT (6.72 51.345)", rows.get(0).geometry().toText());
    }

    @Test
    void laengeBreiteAreDegreesAndZonePrefixEastingsAre4647() throws Exception {
        Path deg = write("deg.csv", "Länge\tBreite\tName\n6,76\t51,43\tA\n", StandardCharsets.UTF_8, false);
        assertEquals(4326, csv(deg).srsId());
        Path zone = write("zone.csv", "x,y\n32344286.54,5700024.33\n32345000,5701000\n", StandardCharsets.UTF_8, false);
        assertEquals(4647, csv(zone).srsId());
        Path utm = write("utm.csv", "RW;HW\n344286,54;5700024,33\n", StandardCharsets.UTF_8, false);
        assertEquals(25832, csv(utm).srsId());
        Path gk3 = write("gk3.csv", "easting,northing\n3400000,5700000\n", StandardCharsets.UTF_8, false);
        assertEquals(31467, csv(gk3).srsId());
    }

    @Test
    void valueRangesThatFitNoSystemFailWithTheRanges() throws Exception {
        Path f = write("odd.csv", "x,y\n1234.5,99.0\n", StandardCharsets.UTF_8, false);
        CrsException e = assertThrows(CrsException.class, () -> csv(f).srsId());
        assertTrue(e.getMessage().contains("1234.50"), e.getMessage());
        assertTrue(e.getMessage().contains("--src-crs"), e.getMessage());
    }

    @Test
    void wktColumnQuotedLineBreaksAndUnreadableRowsWithTheirLines() throws Exception {
        Path f = write("wkt.csv", """
                id,WKT,note
                1,"POINT (344000 5700000)","two
                lines"
                2,"POINT (344100 5700100)",ok
                3,"POINT (344100",broken
                4,"POINT (344200 5700200)",too,many
                5,,no geometry
                """, StandardCharsets.UTF_8, false);
        CsvSource s = csv(f);
        assertEquals(25832, s.srsId());
        List<SourceFeature> rows = GeoJsonSourceTest.all(s);
        assertEquals(5, rows.size());
        assertEquals("two\nlines", rows.get(0).attributes().get("note"));
        assertEquals(1L, rows.get(0).attributes().get("id"));
        assertEquals(4, rows.get(1).position().line(), "the quoted line break counts");
        assertFalse(rows.get(2).readable());
        assertEquals(5, rows.get(2).position().line());
        assertTrue(rows.get(2).unreadable().getMessage().startsWith("wkt.csv, line 5: not a WKT geometry"),
                rows.get(2).unreadable().getMessage());
        assertFalse(rows.get(3).readable());
        assertEquals("wkt.csv, line 6: 4 fields, but the header has 3", rows.get(3).unreadable().getMessage());
        assertTrue(rows.get(4).readable());
        assertNull(rows.get(4).geometry());
    }

    @Test
    void coordinatesThatAreNotNumbersAreNamedWithColumnAndLine() throws Exception {
        Path f = write("bad.csv", "x;y\n344000;5700000\n344k00;5700000\n", StandardCharsets.UTF_8, false);
        List<SourceFeature> rows = GeoJsonSourceTest.all(csv(f));
        assertEquals("bad.csv, line 3: \"344k00\" in column x is not a number", rows.get(1).unreadable().getMessage());
    }

    @Test
    void givenColumnsAndMissingGeometryColumns() throws Exception {
        Path f = write("named.csv", "ost|nord|n\n344000|5700000|a\n", StandardCharsets.UTF_8, false);
        ReadException e = assertThrows(ReadException.class, () -> csv(f));
        assertTrue(e.getMessage().contains("ost, nord, n"), e.getMessage());
        CsvSource s = new CsvSource(f, null, "OST", "nord", null);
        assertEquals('|', s.dialect().delimiter());
        assertEquals("POINT (344000 5700000)", GeoJsonSourceTest.all(s).get(0).geometry().toText());
    }

    @Test
    void aFileWithoutHeaderGetsNumberedFields() throws Exception {
        Path f = write("noheader.csv", "344000,5700000,7\n344100,5700100,8\n", StandardCharsets.UTF_8, false);
        CsvSource s = new CsvSource(f, null, "field_1", "field_2", null);
        assertFalse(s.dialect().header());
        List<SourceFeature> rows = GeoJsonSourceTest.all(s);
        assertEquals(2, rows.size());
        assertEquals(7L, rows.get(0).attributes().get("field_3"));
    }
}
