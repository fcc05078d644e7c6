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
import de.trassenwerk.coordination.CoordinationAnalysis;
import de.trassenwerk.coordination.CoordinationResult;
import de.trassenwerk.coordination.Finding;
import de.trassenwerk.coordination.FindingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

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

    /**
     * Drafts saved from the planner, analysed by the coordination analysis: none digs a street under its
     * moratorium, and the co-laying stretches the planner priced are the chances the analysis finds (the
     * analysis may add the part of the site connection within a work's buffer).
     */
    @Test
    void savedDraftsAgreeWithTheCoordinationAnalysis(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("copy.gpkg");
        Files.copy(Fixtures.sampleCity(), copy);
        copy.toFile().setWritable(true);
        Map<Long, Route> saved = new HashMap<>();
        try (GeoPackageStore store = GeoPackageStore.open(copy, GeoPackageStore.Mode.READ_WRITE)) {
            for (String site : planner.siteNumbers()) {
                try {
                    Route r = planner.plan(RouteRequest.of(Origin.site(site), Destination.nearestNode())).get(0);
                    saved.put(PlannedRoutesLayer.saveDraft(store, r, planner.srsId()), r);
                } catch (RoutingException e) {
                    assertTrue(e.key().startsWith("routing.error.moratoriumOnly"), e.getMessage());
                }
            }
            CoordinationResult result = CoordinationAnalysis.run(store, "copy.gpkg",
                    CoordinationParameters.defaults(SampleCityGenerator.DEFAULT_REFERENCE_DATE), CostModel.DEFAULT,
                    AnalysisMonitor.NONE);
            assertTrue(saved.size() > planner.siteNumbers().size() / 2, saved.size() + " routes");
            Map<Long, Geometry> streets = new HashMap<>();
            store.read(ThemeLayers.STREETS, Query.ALL.withFields(List.of(), true), f -> streets.put(f.fid(), f.geometry()));
            int withChances = 0;
            int junctionPasses = 0;
            for (Map.Entry<Long, Route> e : saved.entrySet()) {
                Route r = e.getValue();
                List<Finding> found = result.findings().stream().filter(f -> e.getKey().equals(f.routeFid())).toList();
                for (Finding clash : found.stream().filter(f -> f.kind() == FindingKind.MORATORIUM_CLASH).toList()) {
                    // the analysis' buffer also catches a junction passed at an oblique angle (a piece a little
                    // over 2 x 10 m + 1 m near the closed street); the route never runs along that street
                    double along = clash.section().intersection(streets.get(clash.streetFid()).buffer(0.05)).getLength();
                    assertTrue(along <= 0.5, r.fromRef() + " runs " + along + " m along " + clash.streetName());
                    junctionPasses++;
                }
                // works may overlap: the stretches of their findings are united along the route
                double analysed = unitedAlong(r.geometry(), found.stream()
                        .filter(f -> f.kind() == FindingKind.CO_LAYING).map(Finding::section).toList());
                double priced = r.breakdown().getOrDefault(CostClasses.CO_LAYING, new CostShare(0, 0)).m();
                double connection = r.breakdown().getOrDefault(CostClasses.SITE_CONNECTION, new CostShare(0, 0)).m();
                assertTrue(analysed >= priced - 0.01 && analysed <= priced + connection + 0.01,
                        r.fromRef() + ": priced " + priced + " m, analysed " + analysed + " m");
                if (priced > 0) {
                    withChances++;
                }
            }
            assertTrue(withChances > 0, "some routes join open trenches");
            assertTrue(junctionPasses < saved.size() / 10, junctionPasses + " junction passes");
        }
    }

    /** The length of the route covered by the sections' pieces (each piece taken as the stretch between its ends). */
    private static double unitedAlong(LineString route, List<Geometry> sections) {
        LengthIndexedLine along = new LengthIndexedLine(route);
        List<double[]> intervals = new java.util.ArrayList<>();
        for (Geometry section : sections) {
            for (int i = 0; i < section.getNumGeometries(); i++) {
                Coordinate[] c = section.getGeometryN(i).getCoordinates();
                double a = along.project(c[0]);
                double b = along.project(c[c.length - 1]);
                intervals.add(new double[] {Math.min(a, b), Math.max(a, b)});
            }
        }
        if (intervals.isEmpty()) {
            return 0;
        }
        intervals.sort((x, y) -> Double.compare(x[0], y[0]));
        double total = 0;
        double from = intervals.get(0)[0];
        double to = intervals.get(0)[1];
        for (double[] iv : intervals) {
            if (iv[0] > to) {
                total += to - from;
                from = iv[0];
            }
            to = Math.max(to, iv[1]);
        }
        return total + to - from;
    }
}
