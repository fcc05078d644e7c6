package de.trassenwerk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CoordinationParameters;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The planner on the sample city: one connected network, and routes that make sense. */
class SampleCityRoutingTest {
    private static RoutePlanner planner;
    private static List<Feature> plannedRoutes;

    @BeforeAll
    static void load() {
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            planner = RoutePlanner.load(store, "duisburg.gpkg",
                    CoordinationParameters.defaults(SampleCityGenerator.DEFAULT_REFERENCE_DATE), CostModel.DEFAULT,
                    AnalysisMonitor.NONE);
            plannedRoutes = store.read(ThemeLayers.PLANNED_ROUTES, Query.ALL);
        }
    }

    @Test
    void theStreetsMakeOneConnectedNetworkAndEveryNodeLiesOnIt() {
        StreetGraph g = planner.graph();
        assertEquals(1, g.partCount(), "the generator keeps the largest connected part only");
        assertTrue(g.nodeCount() > 5000 && g.edgeCount() > g.nodeCount(), g.nodeCount() + " / " + g.edgeCount());
        for (NetworkNode n : planner.networkNodes()) {
            assertTrue(n.graphNode() >= 0 && n.snapM() < StreetGraph.SNAP_M, n.toString());
        }
    }

    @Test
    void routesOfThePlannedConnectionsArePlausible() {
        int planned = 0;
        int withDucts = 0;
        for (Feature f : plannedRoutes) {
            String site = f.getString("from_ref");
            String node = f.getString("to_ref");
            List<Route> named;
            try {
                named = planner.plan(RouteRequest.of(Origin.site(site), Destination.node(node)));
            } catch (RoutingException e) {
                assertEquals("routing.error.moratoriumOnly", e.key(), e.getMessage());
                continue;
            }
            planned++;
            Route r = named.get(0);
            assertFalse(r.moratorium());
            Coordinate end = r.geometry().getCoordinateN(r.geometry().getNumPoints() - 1);
            assertTrue(end.distance(r.toNode().location()) < StreetGraph.SNAP_M, "ends at the node");
            double perMetre = r.costEur() / r.lengthM();
            assertTrue(perMetre >= 8 && perMetre <= 150, site + ": " + perMetre + " €/m");
            Coordinate start = r.geometry().getCoordinateN(0);
            assertTrue(r.lengthM() >= start.distance(end) - 1e-6, "no shorter than the straight line");
            double total = r.breakdown().values().stream().mapToDouble(CostShare::eur).sum();
            assertEquals(r.costEur(), total, 1e-6);
            if (r.breakdown().containsKey(CostClasses.DUCT_REUSE)) {
                withDucts++;
            }
            Route nearest = planner.plan(RouteRequest.of(Origin.site(site), Destination.nearestNode())).get(0);
            assertTrue(nearest.costEur() <= r.costEur() + 1e-6,
                    site + ": the cheapest node costs no more than the named one");
        }
        assertTrue(planned >= plannedRoutes.size() / 2, planned + " of " + plannedRoutes.size());
        assertTrue(withDucts > 0, "some routes reuse the ducts along the main streets");
    }
}
