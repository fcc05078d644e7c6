package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moratorium clashes of routes and works, on hand-made streets (buffer 10 m, moratorium 5 years, today 2026-09-01). */
class MoratoriumClashTest {
    @TempDir
    Path dir;

    private static List<Finding> clashes(CoordinationResult r) {
        return r.findings().stream().filter(f -> f.kind() == FindingKind.MORATORIUM_CLASH).collect(Collectors.toList());
    }

    @Test
    void routeAlongARecentlyRenewedStreetClashesOnlyThere() {
        try (TestCity city = TestCity.create(dir.resolve("a.gpkg"))) {
            city.street("Feldweg", "residential", null, "LINESTRING (-200 0, 0 0)");
            long ring = city.street("Ringstraße", "secondary", "2024-05-01", "LINESTRING (0 0, 300 0)");
            city.street("Altstraße", "secondary", "2010-01-01", "LINESTRING (300 0, 500 0)");
            long route = city.route("draft", "2027-06-01", "LINESTRING (-100 0, 400 0)");

            List<Finding> found = clashes(city.run());

            assertEquals(1, found.size(), found::toString);
            Finding f = found.get(0);
            assertEquals(Finding.routeClashId(route, ring), f.id());
            assertEquals(route, f.routeFid());
            assertNull(f.siteFid());
            assertEquals(ring, f.streetFid());
            assertEquals("Ringstraße", f.streetName());
            // the route inside the street buffered by 10 m: x -10..310
            assertEquals(320.0, f.roundedLengthM());
            assertEquals(LocalDate.of(2024, 5, 1), f.renewed());
            assertEquals(LocalDate.of(2029, 5, 1), f.moratoriumUntil());
            assertEquals(LocalDate.of(2027, 6, 1), f.digDate());
            assertNull(f.savingEur());
        }
    }

    @Test
    void streetNeverRenewedHasNoMoratorium() {
        try (TestCity city = TestCity.create(dir.resolve("b.gpkg"))) {
            city.street("Feldweg", "residential", null, "LINESTRING (0 0, 300 0)");
            city.route("draft", null, "LINESTRING (0 0, 300 0)");
            city.trench("BS-1", "2026-09-15", "2026-10-15", "POLYGON ((0 -5, 300 -5, 300 5, 0 5, 0 -5))");
            assertEquals(List.of(), clashes(city.run()));
        }
    }

    @Test
    void routeCrossingARenewedStreetOrTouchingItAtAJunctionIsNotReported() {
        try (TestCity city = TestCity.create(dir.resolve("c.gpkg"))) {
            city.street("Querstraße", "primary", "2025-03-01", "LINESTRING (0 -200, 0 200)");
            city.route("draft", "2027-01-01", "LINESTRING (-100 0, 100 0)");
            // an L-shaped route turning at the end of a renewed street: 10 m + 10 m in its buffer
            city.street("Sackgasse", "residential", "2025-03-01", "LINESTRING (1000 0, 1000 200)");
            city.route("draft", "2027-01-01", "LINESTRING (800 0, 1000 0, 1000 -200)");
            assertEquals(List.of(), clashes(city.run()));
        }
    }

    @Test
    void routeWithoutNeededByDigsTodayAndTheMoratoriumEndsOnItsLastDay() {
        try (TestCity city = TestCity.create(dir.resolve("d.gpkg"))) {
            city.street("Ringstraße", "secondary", "2021-10-01", "LINESTRING (0 0, 300 0)");
            long now = city.route("draft", null, "LINESTRING (0 0, 300 0)");
            city.route("agreed", "2026-10-01", "LINESTRING (0 0, 300 0)");

            List<Finding> found = clashes(city.run());

            assertEquals(1, found.size(), "digging on 2026-10-01 is allowed again: " + found);
            assertEquals(now, found.get(0).routeFid());
            assertEquals(TestCity.TODAY, found.get(0).digDate());
            assertEquals(LocalDate.of(2026, 10, 1), found.get(0).moratoriumUntil());
            assertEquals(320.0 - 20, found.get(0).roundedLengthM(), "the route ends where the street ends");
        }
    }

    @Test
    void workAlongARenewedStreetClashesButWorksCrossingItDoNot() {
        try (TestCity city = TestCity.create(dir.resolve("e.gpkg"))) {
            long ring = city.street("Ringstraße", "secondary", "2024-05-01", "LINESTRING (0 0, 300 0)");
            city.street("Querstraße", "primary", "2025-03-01", "LINESTRING (1000 -200, 1000 200)");
            long along = city.trench("ALONG", "2027-02-01", "2027-03-31", "POLYGON ((50 -6, 150 -6, 150 6, 50 6, 50 -6))");
            long line = city.trench("LINE", "2027-02-01", "2027-03-31", "LINESTRING (200 0, 260 0)");
            city.trench("CROSSING", "2027-02-01", "2027-03-31",
                    "POLYGON ((950 -5, 1050 -5, 1050 5, 950 5, 950 -5))");
            city.trench("CROSSING-LINE", "2027-02-01", "2027-03-31", "LINESTRING (950 50, 1050 50)");
            city.site("NO-TRENCH", "bridge", "Stadt Duisburg, Brückenbau", "2027-02-01", "2027-03-31", "planned", false,
                    "POLYGON ((0 -6, 300 -6, 300 6, 0 6, 0 -6))");

            List<Finding> found = clashes(city.run());

            assertEquals(2, found.size(), found::toString);
            Finding polygon = found.get(0);
            assertEquals(Finding.siteClashId(along, ring), polygon.id());
            assertNull(polygon.routeFid());
            assertEquals(along, polygon.siteFid());
            assertEquals("ALONG", polygon.siteRef());
            assertEquals("Wirtschaftsbetriebe Duisburg", polygon.organisation());
            // the centreline inside the work buffered by 10 m: x 40..160
            assertEquals(120.0, polygon.roundedLengthM());
            assertEquals(LocalDate.of(2027, 2, 1), polygon.digDate());
            assertEquals(LocalDate.of(2027, 2, 1), polygon.startDate());
            assertEquals(LocalDate.of(2027, 3, 31), polygon.endDate());
            Finding lineShaped = found.get(1);
            assertEquals(line, lineShaped.siteFid());
            // the line 200..260 with its round caps of 10 m: x 190..270
            assertEquals(80.0, lineShaped.roundedLengthM());
        }
    }
}
