package de.trassenwerk.explore;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.linearref.LengthIndexedLine;

class IdentifyTest {
    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void smallTown() {
        file = dir.resolve("town.gpkg");
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            s.createLayer(LayerSchema.features("quarters", GeometryType.MULTIPOLYGON, 25832,
                    List.of(FieldInfo.of("name", FieldType.TEXT), FieldInfo.of("code", FieldType.TEXT))));
            s.createLayer(LayerSchema.features("streets", GeometryType.LINESTRING, 25832,
                    List.of(FieldInfo.of("name", FieldType.TEXT), FieldInfo.of("width_m", FieldType.REAL))));
            s.createLayer(LayerSchema.features("sites", GeometryType.MULTIPOLYGON, 25832,
                    List.of(FieldInfo.of("site_ref", FieldType.TEXT))));
            s.apply(new ChangeSet()
                    .insert("quarters", Feature.create(wkt("MULTIPOLYGON (((0 0, 100 0, 100 100, 0 100, 0 0)))"),
                            attrs("name", "Altstadt", "code", "501")))
                    .insert("quarters", Feature.create(wkt("MULTIPOLYGON (((100 0, 200 0, 200 100, 100 100, 100 0)))"),
                            attrs("name", "Kaßlerfeld", "code", "503")))
                    // 1 m and 10 m east of the point (50 50)
                    .insert("streets", Feature.create(wkt("LINESTRING (51 0, 51 100)"),
                            attrs("name", "Marktstraße", "width_m", 8.0)))
                    .insert("streets", Feature.create(wkt("LINESTRING (60 0, 60 100)"),
                            attrs("name", "Fernweg", "width_m", 5.0)))
                    .insert("streets", Feature.create(wkt("LINESTRING (49.5 0, 49.5 100)"),
                            attrs("name", "Nahgasse", "width_m", 4.0)))
                    // a footprint 1.5 m west of the point, and one far away
                    .insert("sites", Feature.create(wkt("MULTIPOLYGON (((47 40, 48.5 40, 48.5 60, 47 60, 47 40)))"),
                            attrs("site_ref", "BS-1")))
                    .insert("sites", Feature.create(wkt("MULTIPOLYGON (((150 40, 160 40, 160 60, 150 60, 150 40)))"),
                            attrs("site_ref", "BS-2"))));
        }
    }

    @Test
    void linesWithinTheToleranceNearestFirstAndTheContainingPolygon() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<IdentifiedFeature> hits = new Identify(s).at(50, 50, 2, List.of("streets", "quarters"), 10);
            assertEquals(List.of("streets:Nahgasse", "streets:Marktstraße", "quarters:Altstadt"),
                    hits.stream().map(h -> h.layer() + ":" + h.feature().getString("name")).toList());
            assertEquals(0.5, hits.get(0).distance(), 1e-9);
            assertEquals(0, hits.get(2).distance());
            assertEquals(List.of("name", "code"), List.copyOf(hits.get(2).attributes().keySet()), "schema order");
        }
    }

    @Test
    void aPolygonContainingThePointHidesItsNeighbourAcrossTheBorder() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<IdentifiedFeature> hits = new Identify(s).at(99, 50, 5, List.of("quarters"), 10);
            assertEquals(List.of("Altstadt"), hits.stream().map(h -> h.feature().getString("name")).toList());
        }
    }

    @Test
    void aThinFootprintNearThePointCountsWhenNoPolygonContainsIt() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(List.of("BS-1"), new Identify(s).at(50, 50, 2, List.of("sites"), 10).stream()
                    .map(h -> h.feature().getString("site_ref")).toList());
            assertTrue(new Identify(s).at(50, 50, 1, List.of("sites"), 10).isEmpty());
        }
    }

    @Test
    void theLimitKeepsTheNearest() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<IdentifiedFeature> hits = new Identify(s).at(50, 50, 20, List.of("streets"), 2);
            assertEquals(List.of("Nahgasse", "Marktstraße"), hits.stream().map(h -> h.feature().getString("name")).toList());
        }
    }

    @Test
    void aBoxSelectsTheFeaturesItTouchesLowestFidsFirst() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            Identify identify = new Identify(s);
            assertEquals(List.of(1L, 3L), identify.fidsIntersecting("streets", new org.locationtech.jts.geom.Envelope(
                    45, 55, 20, 30), 100), "Marktstraße and Nahgasse cross the box, Fernweg does not");
            assertEquals(List.of(1L), identify.fidsIntersecting("streets", new org.locationtech.jts.geom.Envelope(
                    45, 55, 20, 30), 1));
        }
    }

    @Test
    void findsAStreetOfTheSampleCityAtAPointOnIt() {
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            Feature street = s.read(ThemeLayers.STREETS, Query.ALL.page(500, 1)).get(0);
            Coordinate middle = new LengthIndexedLine(street.geometry())
                    .extractPoint(street.geometry().getLength() / 2);
            List<IdentifiedFeature> hits = new Identify(s).at(middle.x, middle.y, 0.5,
                    List.of(ThemeLayers.STREETS, ThemeLayers.QUARTERS, ThemeLayers.DISTRICTS), 50);
            assertTrue(hits.stream().anyMatch(h -> h.layer().equals(ThemeLayers.STREETS) && h.fid() == street.fid()));
            assertEquals(street.attributes(), hits.stream().filter(h -> h.fid() == street.fid()).findFirst()
                    .orElseThrow().attributes());
            assertEquals(1, hits.stream().filter(h -> h.layer().equals(ThemeLayers.DISTRICTS)).count(),
                    "the point lies in one district");
        }
    }
}
