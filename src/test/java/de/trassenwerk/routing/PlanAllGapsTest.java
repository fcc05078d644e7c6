package de.trassenwerk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.AnalysisMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Plan all gaps": one route per site to its cheapest node, shared stretches counted once in the network. */
class PlanAllGapsTest {
    private static final double EPS = 1e-6;

    @TempDir
    Path dir;

    /**
     * A trunk street from x 0 to 400 with the PoP at its east end; two plots on spurs at x 100 and x 200,
     * each 50 m north of the trunk, 10 m beyond the spur's end; a third plot on a street of its own.
     */
    private RoutingCity city(String name) {
        RoutingCity city = new RoutingCity(dir.resolve(name));
        city.street("Hauptstraße", "LINESTRING (0 0, 100 0, 200 0, 400 0)");
        city.street("Stich A", "LINESTRING (100 0, 100 50)");
        city.street("Stich B", "LINESTRING (200 0, 200 50)");
        city.street("Insel", "LINESTRING (1000 1000, 1100 1000)");
        city.plot("DU-A", "MULTIPOLYGON (((90 60, 110 60, 110 80, 90 80, 90 60)))");
        city.plot("DU-B", "MULTIPOLYGON (((190 60, 210 60, 210 80, 190 80, 190 60)))");
        city.plot("DU-C", "MULTIPOLYGON (((1040 1010, 1060 1010, 1060 1030, 1040 1030, 1040 1010)))");
        city.node("PoP", "PoP Ost", 400, 0);
        return city;
    }

    @Test
    void networkTotalsCountAStretchSharedBySeveralRoutesOnce() {
        try (RoutingCity city = city("gaps.gpkg")) {
            RoutePlanner planner = city.planner();
            List<Double> progress = new ArrayList<>();
            GapPlan plan = planner.planAll(List.of(Origin.site("DU-A"), Origin.site("DU-B"), Origin.site("DU-C")), false,
                    new AnalysisMonitor() {
                        @Override
                        public synchronized void progress(double fraction) {
                            progress.add(fraction);
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });

            assertEquals(2, plan.routes().size());
            assertEquals(1, plan.failures().size());
            assertEquals("DU-C", plan.failures().get(0).origin().ref());
            assertEquals("routing.error.noNodeReachable", plan.failures().get(0).reason().key());
            // A: 10 m connection + 50 m spur + 300 m trunk; B: 10 + 50 + 200; the trunk from x 200 to 400 is shared
            assertEquals(360, plan.routes().get(0).route().lengthM(), EPS);
            assertEquals(260, plan.routes().get(1).route().lengthM(), EPS);
            assertEquals(620, plan.sum().lengthM(), EPS);
            assertEquals(420, plan.network().lengthM(), EPS);
            assertEquals(200, plan.sharedLengthM(), EPS);
            assertEquals(620 * 90, plan.sum().costEur(), EPS);
            assertEquals(420 * 90, plan.network().costEur(), EPS);
            assertEquals(200 * 90, plan.sharedCostEur(), EPS);
            assertEquals(20, plan.network().breakdown().get(CostClasses.SITE_CONNECTION).m(), EPS);
            assertEquals(plan.network().lengthM(),
                    plan.network().breakdown().values().stream().mapToDouble(CostShare::m).sum(), EPS);
            assertEquals(1.0, progress.get(progress.size() - 1));
        }
    }

    @Test
    void planningAllGapsCanBeCancelled() {
        try (RoutingCity city = city("cancel.gpkg")) {
            RoutePlanner planner = city.planner();
            AnalysisMonitor cancelled = new AnalysisMonitor() {
                @Override
                public void progress(double fraction) {
                    // not watched
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancellationException.class,
                    () -> planner.planAll(List.of(Origin.site("DU-A")), false, cancelled));
            assertTrue(planner.planAll(List.of(), false, AnalysisMonitor.NONE).routes().isEmpty());
        }
    }
}
