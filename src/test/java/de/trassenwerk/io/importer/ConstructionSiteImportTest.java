package de.trassenwerk.io.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.mapping.FieldMapping;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** The traffic portal's line-shaped construction sites into our construction_sites layer, with the shipped mapping. */
class ConstructionSiteImportTest {
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

    private static String feature(String ref, String anlass, String bauzeit, Coordinate a, Coordinate b) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"OBJECTID\":1,\"NUMMER_AB\":\"%s\","
                + "\"BEZEICHNUNG_BM\":\"Baustelle %s\",\"ANLASS_TXT_BM\":\"%s\",\"BAUZEIT_BM\":\"%s\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[%.3f,%.3f],[%.3f,%.3f]]}}",
                ref, ref, anlass, bauzeit, a.x, a.y, b.x, b.y);
    }

    @Test
    void linesBecomeFootprintsAsWideAsTheirStreetAndDatesAreParsed() throws Exception {
        Path city = dir.resolve("city.gpkg");
        Files.copy(Fixtures.sampleCity(), city);
        city.toFile().setWritable(true);
        Feature street;
        try (GeoPackageStore s = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            street = s.read(ThemeLayers.STREETS, Query.ALL.page(0, 1)).get(0);
        }
        Coordinate[] c = street.geometry().getCoordinates();
        Coordinate a = c[0];
        Coordinate b = c[1];
        Coordinate far1 = new Coordinate(300000, 5600000);
        Coordinate far2 = new Coordinate(300040, 5600000);
        Path feed = dir.resolve("baustellen.geojson");
        Files.writeString(feed, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"EPSG:25832\"}},\"features\":[" + feature("B-1", "Kanalbau", "01.03.25 - 30.06.25", a, b) + ","
                + feature("B-2", "Glasfaserausbau", "15.09.25-20.12.25", far1, far2) + "]}");
        ImportReport r = LayerImportTest.run(feed, ImportSettings.into(city, ThemeLayers.CONSTRUCTION_SITES)
                .withMapping(FieldMapping.shipped("dugis-construction-sites").orElseThrow()).withMode(WriteMode.APPEND));
        assertEquals(2, r.added());
        List<Feature> sites;
        try (GeoPackageStore s = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            sites = s.read(ThemeLayers.CONSTRUCTION_SITES, Query.ALL.orderedBy("fid", false).page(0, 2));
        }
        Feature first = sites.get(1);
        Feature second = sites.get(0);
        assertEquals("B-1", first.getString("site_ref"));
        assertEquals("sewer", first.getString("kind"));
        assertEquals("2025-03-01", first.getString("start_date"));
        assertEquals("2025-06-30", first.getString("end_date"));
        assertEquals("MultiPolygon", first.geometry().getGeometryType());
        double length = a.distance(b);
        double width = street.getDouble("width_m");
        assertEquals(length * width, first.geometry().getArea(), length * width * 1e-6,
                "flat ends: the footprint is the segment times the street width");
        assertEquals("telecom", second.getString("kind"));
        assertEquals(40 * 8.0, second.geometry().getArea(), 1e-6, "no street near: the default width of 8 m");
    }

    @Test
    void anUnparsableDateRangeFailsTheImportAndNamesTheFeature() throws Exception {
        Path city = dir.resolve("city.gpkg");
        Files.copy(Fixtures.sampleCity(), city);
        city.toFile().setWritable(true);
        byte[] before = Files.readAllBytes(city);
        Coordinate a = new Coordinate(344000, 5700000);
        Coordinate b = new Coordinate(344050, 5700000);
        Path feed = dir.resolve("bad.geojson");
        Files.writeString(feed, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"EPSG:25832\"}},\"features\":[" + feature("B-1", "Kanalbau", "01.03.25 - 30.06.25", a, b) + ",\n"
                + feature("B-2", "Kanalbau", "Sommer 2025", a, b) + "]}");
        ReadException e = assertThrows(ReadException.class, () -> LayerImportTest.run(feed,
                ImportSettings.into(city, ThemeLayers.CONSTRUCTION_SITES)
                        .withMapping(FieldMapping.shipped("dugis-construction-sites").orElseThrow()).withMode(WriteMode.APPEND)));
        assertTrue(e.getMessage().startsWith("bad.geojson, feature 2 (line 2): \"Sommer 2025\" in field BAUZEIT_BM"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(city));
    }
}
