package de.trassenwerk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/**
 * Least-cost routes on hand-made networks whose answers are worked out on paper, with the default
 * cost model: open trench residential 90 €/m, primary 150 €/m, co-laying 15 €/m, duct reuse 8 €/m,
 * moratorium factor 3.
 */
class RoutePlannerTest {
    private static final double EPS = 1e-6;
    private static final Origin WEST = Origin.point(RoutingCity.X0, RoutingCity.Y0);

    @TempDir
    Path dir;

    private static void assertAddsUp(Route r) {
        double m = r.breakdown().values().stream().mapToDouble(CostShare::m).sum();
        double eur = r.breakdown().values().stream().mapToDouble(CostShare::eur).sum();
        assertEquals(r.lengthM(), m, EPS, "metres of the breakdown add up to the length");
        assertEquals(r.costEur(), eur, EPS, "euros of the breakdown add up to the cost");
        assertEquals(r.lengthM(), r.geometry().getLength(), 1e-3, "the length is that of the line");
        assertEquals(r.lengthM(), r.stretches().stream().mapToDouble(RouteStretch::lengthM).sum(), EPS);
    }

    @Test
    void longerRouteInAFreeDuctBeatsAShorterOpenTrench() {
        try (RoutingCity city = new RoutingCity(dir.resolve("duct.gpkg"))) {
            city.street("Kurzweg", "LINESTRING (0 0, 300 0)");
            city.street("Umweg", "LINESTRING (0 0, 0 200, 300 200, 300 0)");
            city.duct("existing", 2, "LINESTRING (0 0, 0 200, 300 200, 300 0)");
            city.duct("existing", 0, "LINESTRING (0 1, 300 1)"); // full: no use
            city.node("PoP", "PoP Ost", 300, 0);

            Route r = city.planner().plan(RouteRequest.of(WEST, Destination.node("PoP Ost"))).get(0);

            // 700 m in the duct at 8 €/m = 5 600 € beats 300 m of trench at 90 €/m = 27 000 €
            assertEquals(700, r.lengthM(), 1e-6);
            assertEquals(5600, r.costEur(), 1e-6);
            assertEquals(Map.of(CostClasses.DUCT_REUSE, new CostShare(700, 5600)).keySet(), r.breakdown().keySet());
            assertEquals("PoP Ost", r.toRef());
            assertEquals("340000,5700000", r.fromRef());
            assertFalse(r.moratorium());
            assertAddsUp(r);
        }
    }

    @Test
    void routeAvoidsStreetUnderMoratoriumAndUsesItAtThreeTimesTheTrenchCostWhenAllowedAndCheaper() {
        try (RoutingCity city = new RoutingCity(dir.resolve("moratorium.gpkg"))) {
            city.street("Neuer Weg", "residential", "2024-05-01", "LINESTRING (0 0, 100 0)");
            city.street("Bogen", "LINESTRING (0 0, 0 200, 100 200, 100 0)");
            city.node("cabinet", "KVz 1", 100, 0);
            RoutePlanner planner = city.planner();

            Route avoiding = planner.plan(RouteRequest.of(WEST, Destination.node("KVz 1"))).get(0);
            assertEquals(500, avoiding.lengthM(), EPS);
            assertEquals(500 * 90, avoiding.costEur(), EPS);
            assertFalse(avoiding.moratorium());

            Route through = planner.plan(RouteRequest.of(WEST, Destination.node("KVz 1")).withAllowMoratorium(true))
                    .get(0);
            // 100 m at 3 × 90 €/m = 27 000 € beats the 45 000 € of the detour
            assertEquals(100, through.lengthM(), EPS);
            assertEquals(27000, through.costEur(), EPS);
            assertTrue(through.moratorium());
            assertEquals(new CostShare(100, 27000), through.breakdown().get(CostClasses.MORATORIUM_TRENCH));
            assertAddsUp(through);
        }
    }

    @Test
    void moratoriumStreetWithAFreeDuctIsUsableWithoutDigging() {
        try (RoutingCity city = new RoutingCity(dir.resolve("moratoriumDuct.gpkg"))) {
            city.street("Neuer Weg", "residential", "2024-05-01", "LINESTRING (0 0, 100 0)");
            city.street("Bogen", "LINESTRING (0 0, 0 200, 100 200, 100 0)");
            city.duct("existing", 1, "LINESTRING (0 1, 100 1)");
            city.node("cabinet", "KVz 1", 100, 0);

            Route r = city.planner().plan(RouteRequest.of(WEST, Destination.node("KVz 1"))).get(0);

            assertEquals(100, r.lengthM(), EPS);
            assertEquals(800, r.costEur(), EPS);
            assertFalse(r.moratorium(), "blowing fibre into a duct does not open the street");
        }
    }

    @Test
    void targetReachableOnlyThroughAMoratoriumIsSaidClearly() {
        try (RoutingCity city = new RoutingCity(dir.resolve("only.gpkg"))) {
            city.street("Hauptweg", "LINESTRING (0 0, 200 0)");
            city.street("Sackgasse", "residential", "2023-03-15", "LINESTRING (200 0, 200 150)");
            city.node("PoP", "PoP Nord", 200, 150);
            RoutePlanner planner = city.planner();

            RoutingException e = assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.node("PoP Nord"))));
            assertEquals("routing.error.moratoriumOnly", e.key());
            assertTrue(e.getMessage().contains("PoP Nord"), e.getMessage());
            assertTrue(e.getMessage().contains("moratorium"), e.getMessage());
            assertTrue(e.getMessage().contains("Sackgasse (2023-03-15)"), "names the street to dig: " + e.getMessage());

            RoutingException nearest = assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.nearestNode())));
            assertEquals("routing.error.moratoriumOnlyNearest", nearest.key());

            Route allowed = planner.plan(RouteRequest.of(WEST, Destination.node("PoP Nord")).withAllowMoratorium(true))
                    .get(0);
            assertEquals(200 * 90 + 150 * 270, allowed.costEur(), EPS);
            assertTrue(allowed.moratorium());
        }
    }

    @Test
    void disconnectedTargetIsSaidClearly() {
        try (RoutingCity city = new RoutingCity(dir.resolve("apart.gpkg"))) {
            city.street("Westweg", "LINESTRING (0 0, 200 0)");
            city.street("Ostweg", "LINESTRING (500 0, 700 0, 700 100)");
            city.node("PoP", "PoP Ost", 700, 100);
            RoutePlanner planner = city.planner();
            assertEquals(2, planner.graph().partCount());

            RoutingException e = assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.node("PoP Ost"))));
            assertEquals("routing.error.disconnected", e.key());
            assertTrue(e.getMessage().contains("different parts"), e.getMessage());

            RoutingException nearest = assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.nearestNode())));
            assertEquals("routing.error.noNodeReachable", nearest.key());
        }
    }

    @Test
    void tJunctionsAndVerticesCloserThanHalfAMetreMakeOneConnectedGraph() {
        try (RoutingCity city = new RoutingCity(dir.resolve("snap.gpkg"))) {
            city.street("Lange Straße", "LINESTRING (0 0, 200 0)");
            city.street("Querweg", "LINESTRING (100 0.3, 100 100)"); // ends 0.3 m beside the long street's interior
            city.street("Anschluss", "LINESTRING (200.3 0.2, 300 0)"); // starts 0.36 m from its end
            RoutePlanner planner = city.planner();
            StreetGraph g = planner.graph();

            assertEquals(1, g.partCount());
            assertEquals(1, g.tJunctions());
            assertEquals(1, g.snappedVertices());
            // junctions: 0 0, the T at 100 0.3, 200 0 (with 200.3 0.2), 100 100, 300 0
            assertEquals(5, g.nodeCount());
            assertEquals(4, g.edgeCount());

            Route r = planner.plan(RouteRequest.of(Origin.point(RoutingCity.X0 + 300, RoutingCity.Y0),
                    Destination.point(RoutingCity.X0 + 100, RoutingCity.Y0 + 100))).get(0);
            // 100 m + the long street bent through the T (100.0 m) + 99.7 m up the cross street
            assertEquals(299.7, r.lengthM(), 0.01);
            assertAddsUp(r);
        }
    }

    @Test
    void verticesHalfAMetreApartOrMoreStayApart() {
        try (RoutingCity city = new RoutingCity(dir.resolve("apart05.gpkg"))) {
            city.street("A", "LINESTRING (0 0, 100 0)");
            city.street("B", "LINESTRING (100.5 0, 200 0)");
            assertEquals(2, city.planner().graph().partCount());
        }
    }

    @Test
    void alternativesShareAtMostSeventyPercentOfTheirLengthWithABetterRoute() {
        try (RoutingCity city = new RoutingCity(dir.resolve("alt.gpkg"))) {
            city.street("Mitte", "LINESTRING (0 0, 140 0, 160 0, 300 0)");
            city.street("Buckel", "LINESTRING (140 0, 140 5, 160 5, 160 0)"); // 30 m instead of 20 m: 90 % the same
            city.street("Nord", "LINESTRING (0 0, 0 100, 300 100, 300 0)");
            city.street("Süd", "LINESTRING (0 0, 0 -150, 300 -150, 300 0)");
            city.node("PoP", "PoP Ost", 300, 0);

            List<Route> routes = city.planner().plan(RouteRequest.of(WEST, Destination.node("PoP Ost")).withRoutes(3));

            assertEquals(3, routes.size());
            assertEquals(List.of(1, 2, 3), routes.stream().map(Route::rank).toList());
            assertEquals(300 * 90, routes.get(0).costEur(), EPS);
            assertEquals(500 * 90, routes.get(1).costEur(), EPS, "the bump (310 m) shares 90 % and is left out");
            assertEquals(600 * 90, routes.get(2).costEur(), EPS);
            for (int i = 1; i < routes.size(); i++) {
                for (int j = 0; j < i; j++) {
                    double shared = shared(routes.get(i).geometry(), routes.get(j).geometry());
                    assertTrue(shared <= 0.7 * routes.get(i).lengthM(), "route " + (i + 1) + " shares " + shared);
                }
                assertAddsUp(routes.get(i));
            }
        }
    }

    /** The length of a that runs along b (JTS overlay). */
    private static double shared(Geometry a, Geometry b) {
        return a.intersection(b.buffer(0.01)).getLength();
    }

    @Test
    void coLayingStretchIsPricedAtCoLayingCost() {
        try (RoutingCity city = new RoutingCity(dir.resolve("colay.gpkg"))) {
            city.street("Kanalstraße", "LINESTRING (0 0, 300 0)");
            city.trench("BS-1", "2027-03-01", "2027-06-30", "MULTIPOLYGON (((100 -4, 200 -4, 200 4, 100 4, 100 -4)))");
            city.trench("BS-ZU-FRUEH", "2026-10-01", "2026-10-30",
                    "MULTIPOLYGON (((250 -4, 280 -4, 280 4, 250 4, 250 -4)))");
            city.node("PoP", "PoP Ost", 300, 0);

            Route r = city.planner().plan(RouteRequest.of(WEST, Destination.nearestNode())).get(0);

            // the work (x 100..200) buffered by 10 m holds the street from x 90 to 210; the work starting
            // before today + 8 weeks cannot be joined
            assertEquals(new CostShare(120, 120 * 15).m(), r.breakdown().get(CostClasses.CO_LAYING).m(), EPS);
            assertEquals(120 * 15, r.breakdown().get(CostClasses.CO_LAYING).eur(), EPS);
            assertEquals(180 * 90, r.breakdown().get("trench_residential").eur(), EPS);
            assertEquals(120 * 15 + 180 * 90, r.costEur(), EPS);
            assertEquals(List.of("trench_residential", "co_laying", "trench_residential"),
                    r.stretches().stream().map(RouteStretch::costClass).toList());
            assertAddsUp(r);
        }
    }

    @Test
    void siteConnectionRunsToThePlotEdgeAtTheTrenchRateOfTheStreet() {
        try (RoutingCity city = new RoutingCity(dir.resolve("site.gpkg"))) {
            city.street("Industriestraße", "primary", null, "LINESTRING (0 0, 400 0)");
            city.plot("DU-0001", "MULTIPOLYGON (((50 30, 150 30, 150 130, 50 130, 50 30)))");
            city.node("cabinet", "KVz 7", 400, 0);

            Route r = city.planner().plan(RouteRequest.of(Origin.site("DU-0001"), Destination.nearestNode())).get(0);

            CostShare connection = r.breakdown().get(CostClasses.SITE_CONNECTION);
            assertEquals(30, connection.m(), EPS);
            assertEquals(30 * 150, connection.eur(), EPS);
            assertEquals("DU-0001", r.fromRef());
            assertEquals("KVz 7", r.toRef());
            assertEquals("KVz 7", r.toNode().name());
            // from x 50..150 at the street, the nearest (lowest) is taken: 250 m to 400 at most, 350 m at least
            double street = r.lengthM() - 30;
            assertTrue(street >= 250 - EPS && street <= 350 + EPS, "street part " + street);
            assertEquals(r.costEur(), 30 * 150 + street * 150, EPS);
            assertEquals(CostClasses.SITE_CONNECTION, r.stretches().get(0).costClass());
            assertAddsUp(r);
        }
    }

    @Test
    void nearestNodeIsTheCheapestNotTheClosest() {
        try (RoutingCity city = new RoutingCity(dir.resolve("nearest.gpkg"))) {
            city.street("West", "LINESTRING (0 0, -200 0)");
            city.street("Ost", "LINESTRING (0 0, 400 0)");
            city.duct("existing", 3, "LINESTRING (0 0, 400 0)");
            city.node("cabinet", "KVz West", -200, 0);
            city.node("PoP", "PoP Ost", 400, 0);
            city.node("manhole", "Schacht 1", -100, 0);

            Route r = city.planner().plan(RouteRequest.of(WEST, Destination.nearestNode())).get(0);

            assertEquals("PoP Ost", r.toRef(), "400 m in a duct (3 200 €) beat 200 m of trench (18 000 €)");
            assertEquals(3200, r.costEur(), EPS);
        }
    }

    @Test
    void unknownSiteAndNodeAreNamed() {
        try (RoutingCity city = new RoutingCity(dir.resolve("unknown.gpkg"))) {
            city.street("West", "LINESTRING (0 0, 200 0)");
            RoutePlanner planner = city.planner();
            assertEquals("routing.error.unknownSite", assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(Origin.site("DU-9999"), Destination.point(RoutingCity.X0,
                            RoutingCity.Y0)))).key());
            assertEquals("routing.error.unknownNode", assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.node("PoP Nirgendwo")))).key());
            assertEquals("routing.error.noConnectionPoints", assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.nearestNode()))).key());
        }
    }

    @Test
    void costFileAndParametersAreThoseOfTheCoordination() {
        try (RoutingCity city = new RoutingCity(dir.resolve("params.gpkg"))) {
            city.street("Kurzweg", "residential", "2020-05-01", "LINESTRING (0 0, 300 0)");
            city.node("PoP", "PoP Ost", 300, 0);
            // renewed 2020-05-01: under a 7-year moratorium on 2026-09-01, not under a 5-year one
            CoordinationParameters seven = CoordinationParameters.defaults(RoutingCity.TODAY).withMoratoriumYears(7);
            CostModel cheap = new CostModel(Map.of("residential", 50.0), 15, 8, 2);
            RoutePlanner planner = city.planner(seven, cheap);
            assertEquals("routing.error.moratoriumOnly", assertThrows(RoutingException.class,
                    () -> planner.plan(RouteRequest.of(WEST, Destination.node("PoP Ost")))).key());
            Route r = planner.plan(RouteRequest.of(WEST, Destination.node("PoP Ost")).withAllowMoratorium(true)).get(0);
            assertEquals(300 * 50 * 2, r.costEur(), EPS);

            Route five = city.planner(CoordinationParameters.defaults(RoutingCity.TODAY), cheap)
                    .plan(RouteRequest.of(WEST, Destination.node("PoP Ost"))).get(0);
            assertEquals(300 * 50, five.costEur(), EPS);
            assertNull(five.breakdown().get(CostClasses.MORATORIUM_TRENCH));
        }
    }
}
