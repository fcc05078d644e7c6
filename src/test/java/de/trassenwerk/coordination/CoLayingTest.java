package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Co-laying chances on hand-made streets, routes and works; every length and saving worked out on
 * paper. Today is 2026-09-01, so the earliest joinable start (8 weeks' lead) is 2026-10-27 and the
 * horizon (24 months) ends on 2028-09-01.
 */
class CoLayingTest {
    @TempDir
    Path dir;

    private static List<Finding> of(CoordinationResult r, FindingKind kind) {
        return r.findings().stream().filter(f -> f.kind() == kind).collect(Collectors.toList());
    }

    @Test
    void routeThroughAnOpenTrenchIsAChanceWithItsSharedLengthAndSavingPerStreetClass() {
        try (TestCity city = TestCity.create(dir.resolve("a.gpkg"))) {
            long amsel = city.street("Amselweg", "residential", null, "LINESTRING (0 0, 200 0)");
            city.street("Hauptstraße", "primary", null, "LINESTRING (200 0, 400 0)");
            city.district("West", "MULTIPOLYGON (((-1000 -1000, 250 -1000, 250 1000, -1000 1000, -1000 -1000)))");
            city.district("Ost", "MULTIPOLYGON (((250 -1000, 1000 -1000, 1000 1000, 250 1000, 250 -1000)))");
            long route = city.route("draft", "2027-12-01", "LINESTRING (-50 0, 450 0)");
            long site = city.trench("BS-1", "2027-03-01", "2027-06-30", "POLYGON ((100 -5, 300 -5, 300 5, 100 5, 100 -5))");

            CoordinationResult r = city.run();

            assertEquals(1, r.findings().size(), r.findings()::toString);
            Finding f = r.findings().get(0);
            assertEquals(FindingKind.CO_LAYING, f.kind());
            assertEquals(Finding.coLayingId(route, site), f.id());
            assertEquals(route, f.routeFid());
            assertEquals(site, f.siteFid());
            assertEquals("BS-1", f.siteRef());
            assertEquals("Wirtschaftsbetriebe Duisburg", f.organisation());
            // the work (x 100..300) buffered by 10 m holds the route from x 90 to 310
            assertEquals(220.0, f.roundedLengthM());
            // 110 m in the residential street at 90 - 15 €/m, 110 m in the primary one at 150 - 15 €/m
            assertEquals(110 * 75 + 110 * 135, f.savingEur());
            assertEquals(amsel, f.streetFid(), "equal shares: the lower fid names the street");
            assertEquals("West", f.district(), "midpoint x = 200 lies west of 250");
            assertEquals(LocalDate.of(2027, 3, 1), f.startDate());
            assertEquals(LocalDate.of(2027, 6, 30), f.endDate());
            assertNull(f.beforeMoratoriumUntil(), "a sewer work starts no moratorium");
            assertEquals(220.0, f.section().getLength(), 1e-6);
        }
    }

    @Test
    void lineShapedWorkIsTakenWithItsBufferAndStretchesNearNoStreetArePricedResidential() {
        try (TestCity city = TestCity.create(dir.resolve("b.gpkg"))) {
            city.street("Fernweg", "primary", null, "LINESTRING (0 500, 400 500)");
            city.route("agreed", "2027-12-01", "LINESTRING (0 100, 200 100)");
            city.trench("BS-L", "2027-01-15", "2027-02-15", "LINESTRING (50 100, 150 100)");

            Finding f = city.run().findings().get(0);

            assertEquals(120.0, f.roundedLengthM(), "round caps of 10 m at both ends");
            assertEquals(120 * (90 - 15), f.savingEur());
            assertNull(f.streetFid());
            assertNull(f.district(), "no districts layer: no district");
        }
    }

    @Test
    void aCostFileChangesTheSaving() throws Exception {
        try (TestCity city = TestCity.create(dir.resolve("c.gpkg"))) {
            city.street("Bahnhofstraße", "secondary", null, "LINESTRING (0 0, 100 0)");
            city.street("Hofzufahrt", "service", null, "LINESTRING (100 0, 200 0)");
            city.route("draft", null, "LINESTRING (0 0, 200 0)");
            city.trench("BS-2", "2027-01-15", "2027-02-15", "POLYGON ((20 -4, 180 -4, 180 4, 20 4, 20 -4))");

            assertEquals(90 * (120 - 15) + 90 * (75 - 15), city.run().findings().get(0).savingEur());

            CostModel costs = CostModel.parse(new ObjectMapper().readTree(
                    "{\"trench_eur_per_m\": {\"service\": 60}, \"co_laying_eur_per_m\": 20}"), "costs.json");
            CoordinationResult r = CoordinationAnalysis.run(city.store, "c.gpkg",
                    CoordinationParameters.defaults(TestCity.TODAY), costs, AnalysisMonitor.NONE);
            assertEquals(90 * (120 - 20) + 90 * (60 - 20), r.findings().get(0).savingEur());
            assertEquals(180.0, r.findings().get(0).roundedLengthM());
        }
    }

    @Test
    void onlyOpenTrenchWorksOfTheTimeWindowThatAreNotDoneCount() {
        try (TestCity city = TestCity.create(dir.resolve("d.gpkg"))) {
            long route = city.route("draft", "2027-12-01", "LINESTRING (0 0, 2000 0)");
            long noTrench = city.site("NO-TRENCH", "water", "Netze Duisburg", "2027-03-01", "2027-04-01", "planned",
                    false, box(0));
            long done = city.site("DONE", "water", "Netze Duisburg", "2027-03-01", "2027-04-01", "done", true, box(200));
            long ended = city.site("ENDED", "water", "Netze Duisburg", "2026-05-01", "2026-08-31", "active", true,
                    box(400));
            long tooSoon = city.trench("TOO-SOON", "2026-10-26", "2026-12-01", box(600));
            long firstDay = city.trench("FIRST-DAY", "2026-10-27", "2026-12-01", box(800));
            long neededByDay = city.trench("NEEDED-BY", "2027-12-01", "2028-01-15", box(1000));
            long tooLate = city.trench("TOO-LATE", "2027-12-02", "2028-01-15", box(1200));
            long active = city.site("ACTIVE", "gas", "Netze Duisburg", "2026-06-01", "2026-12-01", "active", true,
                    box(1400));

            Set<Long> found = of(city.run(), FindingKind.CO_LAYING).stream().map(Finding::siteFid)
                    .collect(Collectors.toSet());

            assertEquals(Set.of(firstDay, neededByDay), found,
                    "lead time and needed_by are inclusive bounds; no trench, done, ended, too soon, too late and "
                            + "already active works are no chance");
            assertTrue(route > 0 && noTrench > 0 && done > 0 && ended > 0 && tooSoon > 0 && tooLate > 0 && active > 0);
        }
    }

    @Test
    void routeWithoutNeededByLooksAheadAsFarAsTheHorizon() {
        try (TestCity city = TestCity.create(dir.resolve("e.gpkg"))) {
            long open = city.route("draft", null, "LINESTRING (0 0, 1000 0)");
            long due = city.route("agreed", "2027-12-01", "LINESTRING (0 50, 1000 50)");
            long built = city.route("built", null, "LINESTRING (0 100, 1000 100)");
            long lastDay = city.trench("LAST-DAY", "2028-09-01", "2028-10-01",
                    "POLYGON ((100 -5, 200 -5, 200 105, 100 105, 100 -5))");
            long after = city.trench("AFTER", "2028-09-02", "2028-10-01",
                    "POLYGON ((500 -5, 600 -5, 600 105, 500 105, 500 -5))");

            List<Finding> found = of(city.run(), FindingKind.CO_LAYING);

            assertEquals(1, found.size(), found::toString);
            assertEquals(open, found.get(0).routeFid());
            assertEquals(lastDay, found.get(0).siteFid());
            assertTrue(due > 0 && built > 0 && after > 0);
        }
    }

    @Test
    void aShorterHorizonOrALaterTodayMovesTheWindow() {
        try (TestCity city = TestCity.create(dir.resolve("w.gpkg"))) {
            city.route("draft", null, "LINESTRING (0 0, 1000 0)");
            long soon = city.trench("SOON", "2026-11-15", "2026-12-15", box(100));
            long late = city.trench("LATE", "2027-10-15", "2027-11-15", box(500));
            CoordinationParameters defaults = CoordinationParameters.defaults(TestCity.TODAY);

            assertEquals(Set.of(soon, late), sites(city.run(defaults)));
            assertEquals(Set.of(soon), sites(city.run(defaults.withHorizonMonths(12))));
            assertEquals(Set.of(late), sites(city.run(defaults.withToday(LocalDate.of(2026, 10, 1)))),
                    "from 2026-10-01 the lead time reaches to 2026-11-26");
        }
    }

    private static Set<Long> sites(CoordinationResult r) {
        return of(r, FindingKind.CO_LAYING).stream().map(Finding::siteFid).collect(Collectors.toSet());
    }

    @Test
    void routeSectionsInAFreeDuctNeedNoTrenchAndAreNoChance() {
        try (TestCity city = TestCity.create(dir.resolve("f.gpkg"))) {
            city.route("draft", "2027-12-01", "LINESTRING (0 0, 300 0)");
            city.conduit("existing", 2, "LINESTRING (100 0, 200 0)");
            city.conduit("existing", 0, "LINESTRING (0 0, 100 0)");
            city.conduit("planned", 4, "LINESTRING (200 0, 300 0)");
            city.trench("BS-D", "2027-03-01", "2027-04-01", "POLYGON ((50 -5, 250 -5, 250 5, 50 5, 50 -5))");

            Finding f = city.run().findings().get(0);

            // buffered work: x 40..260; free duct within 5 m: x 95..205 needs no trench
            assertEquals(110.0, f.roundedLengthM());
            assertEquals(2, f.parts());
            assertEquals(110 * 75, f.savingEur());
        }
    }

    @Test
    void routeFullyInAFreeDuctHasNoFindingsAtAll() {
        try (TestCity city = TestCity.create(dir.resolve("g.gpkg"))) {
            city.street("Ringstraße", "residential", "2025-01-01", "LINESTRING (0 0, 300 0)");
            city.route("draft", "2027-12-01", "LINESTRING (0 0, 300 0)");
            city.conduit("existing", 1, "LINESTRING (-10 1, 310 1)");
            city.trench("BS-E", "2027-03-01", "2027-04-01", "LINESTRING (-100 30, 400 30)");

            assertEquals(List.of(), city.run().findings());
        }
    }

    @Test
    void roadRenewalIsTheLastChanceBeforeANewMoratorium() {
        try (TestCity city = TestCity.create(dir.resolve("h.gpkg"))) {
            city.route("draft", "2027-12-01", "LINESTRING (0 0, 300 0)");
            city.site("BS-R", "road_renewal", "Stadt Duisburg, Straßenbau", "2027-03-01", "2027-06-30", "approved", true,
                    "POLYGON ((50 -5, 250 -5, 250 5, 50 5, 50 -5))");

            assertEquals(LocalDate.of(2032, 6, 30), city.run().findings().get(0).beforeMoratoriumUntil());
            assertEquals(LocalDate.of(2030, 6, 30), city.run(CoordinationParameters.defaults(TestCity.TODAY)
                    .withMoratoriumYears(3)).findings().get(0).beforeMoratoriumUntil());
        }
    }

    /** A work 100 m long and 10 m wide across the route, from x to x + 100. */
    private static String box(int x) {
        return "POLYGON ((" + x + " -5, " + (x + 100) + " -5, " + (x + 100) + " 5, " + x + " 5, " + x + " -5))";
    }
}
