package de.trassenwerk.explore;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableQueryTest {
    @TempDir
    Path dir;
    Path file;

    /** 300 streets with repeated names, widths and dates, some of them empty. */
    @BeforeEach
    void streets() {
        file = dir.resolve("streets.gpkg");
        SplittableRandom random = new SplittableRandom(7);
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            s.createLayer(ThemeLayers.schema(ThemeLayers.STREETS));
            ChangeSet c = new ChangeSet();
            String[] names = {"Marktstraße", "Am Hafen", "Bergstraße", "Ufer", null};
            for (int i = 0; i < 300; i++) {
                c.insert(ThemeLayers.STREETS, Feature.create(wkt("LINESTRING (" + i + " 0, " + i + " 10)"),
                        attrs("name", names[random.nextInt(names.length)], "class", i % 2 == 0 ? "primary" : "service",
                                "surface_renewed", random.nextInt(4) == 0 ? null : "2020-0" + (1 + random.nextInt(9)) + "-01",
                                "width_m", random.nextInt(5) == 0 ? null : (double) random.nextInt(6))));
            }
            s.apply(c);
        }
    }

    @Test
    void thePositionOfEveryRowIsItsIndexInThePagesForEverySortAndFilter() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<TableQuery> queries = new ArrayList<>();
            for (String field : List.of("fid", "name", "surface_renewed", "width_m")) {
                for (boolean asc : new boolean[] {true, false}) {
                    queries.add(TableQuery.of(ThemeLayers.STREETS).sortedBy(field, asc));
                    queries.add(TableQuery.of(ThemeLayers.STREETS).sortedBy(field, asc)
                            .withFilter(AttributeFilter.eq("class", "primary")));
                }
            }
            for (TableQuery q : queries) {
                List<Long> order = q.fids(s, 0, 0);
                assertEquals(q.count(s), order.size());
                List<Long> paged = new ArrayList<>();
                for (long offset = 0; offset < order.size(); offset += 37) {
                    q.page(s, offset, 37).forEach(f -> paged.add(f.fid()));
                }
                assertEquals(order, paged, q.toString());
                for (int i = 0; i < order.size(); i++) {
                    assertEquals(i, q.positionOf(s, order.get(i)), q + " fid " + order.get(i));
                }
            }
        }
    }

    @Test
    void aRowTheFilterHidesHasNoPosition() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            TableQuery primary = TableQuery.of(ThemeLayers.STREETS).withFilter(AttributeFilter.eq("class", "primary"));
            assertEquals(-1, primary.positionOf(s, 2)); // fid 2 is the second street: service
            assertEquals(-1, primary.positionOf(s, 100_000));
            assertEquals(0, primary.positionOf(s, 1));
        }
    }

    @Test
    void columnFiltersSelectWhatTheySay() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            LayerSchema schema = s.schema(ThemeLayers.STREETS);
            FieldInfo width = schema.field("width_m").orElseThrow();
            FieldInfo name = schema.field("name").orElseThrow();
            FieldInfo renewed = schema.field("surface_renewed").orElseThrow();
            List<Feature> all = s.read(ThemeLayers.STREETS, Query.ALL);
            assertEquals(count(all, f -> f.getDouble("width_m") != null && f.getDouble("width_m") > 3),
                    count(s, ColumnFilters.parse(width, ">3")));
            assertEquals(count(all, f -> f.getDouble("width_m") != null && f.getDouble("width_m") >= 2
                    && f.getDouble("width_m") <= 4), count(s, ColumnFilters.parse(width, "2..4")));
            assertEquals(count(all, f -> f.getDouble("width_m") != null && f.getDouble("width_m") == 2.5 * 2),
                    count(s, ColumnFilters.parse(width, "=5")));
            assertEquals(count(all, f -> f.get("width_m") == null), count(s, ColumnFilters.parse(width, "null")));
            assertEquals(count(all, f -> f.get("width_m") != null), count(s, ColumnFilters.parse(width, "!null")));
            assertEquals(count(all, f -> f.getString("name") != null && f.getString("name").contains("straße")),
                    count(s, ColumnFilters.parse(name, "STRASSE")));
            assertEquals(count(all, f -> "Ufer".equals(f.getString("name"))), count(s, ColumnFilters.parse(name, "=ufer")));
            assertEquals(count(all, f -> f.getString("surface_renewed") != null
                    && f.getString("surface_renewed").startsWith("2020-03")), count(s, ColumnFilters.parse(renewed, "2020-03")));
            assertEquals(count(all, f -> f.getString("surface_renewed") != null
                    && f.getString("surface_renewed").compareTo("2020-05-01") >= 0),
                    count(s, ColumnFilters.parse(renewed, ">= 2020-05-01")));
            assertEquals(count(all, f -> f.fid() <= 10), count(s, ColumnFilters.parse(ColumnFilters.fidField(), "<=10")));
            assertEquals(AttributeFilter.ALL, ColumnFilters.parse(name, "  "));
            assertThrows(FilterSyntaxException.class, () -> ColumnFilters.parse(width, ">breit"));
            assertEquals(count(all, f -> "Am Hafen".equals(f.getString("name")) && f.getDouble("width_m") != null
                    && f.getDouble("width_m") > 3), count(s, ColumnFilters.all(List.of(ColumnFilters.parse(width, ">3"),
                    ColumnFilters.parse(name, "hafen"), AttributeFilter.ALL))));
        }
    }

    @Test
    void freeTextLooksInEveryTextColumnAndForANumberInTheNumberColumns() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            LayerSchema schema = s.schema(ThemeLayers.STREETS);
            List<Feature> all = s.read(ThemeLayers.STREETS, Query.ALL);
            assertEquals(count(all, f -> f.getString("class").contains("ima") || (f.getString("name") != null
                    && f.getString("name").contains("ima"))), count(s, ColumnFilters.freeText(schema, "IMA")));
            assertEquals(count(all, f -> f.fid() == 3 || Double.valueOf(3).equals(f.getDouble("width_m"))
                    || (f.getString("surface_renewed") != null && f.getString("surface_renewed").contains("3"))),
                    count(s, ColumnFilters.freeText(schema, "3")));
        }
    }

    @Test
    void aFidFilterOfThousandsOfIdsStaysWithinSqliteLimits() {
        try (GeoPackageStore s = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<Long> fids = new ArrayList<>();
            for (long f = 1; f <= 20_000; f += 3) {
                fids.add(f);
            }
            fids.add(4L);
            fids.add(5L);
            assertEquals(101, count(s, FidFilter.of(fids)), "fids 1, 4, 5, 7, 10, ... 298 of 300 streets");
            assertEquals(0, count(s, FidFilter.of(List.of())));
        }
    }

    private static long count(GeoPackageStore s, AttributeFilter f) {
        return s.count(ThemeLayers.STREETS, Query.where(f));
    }

    private static long count(List<Feature> all, java.util.function.Predicate<Feature> p) {
        return all.stream().filter(p).count();
    }
}
