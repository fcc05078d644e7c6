package de.trassenwerk.routing;

import de.trassenwerk.coordination.AnalysisMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrapht.graph.WeightedPseudograph;
import org.jgrapht.traverse.ClosestFirstIterator;

/**
 * Figures of the route planner, never a test (the {@code bench routing} command prints them): the
 * p50/p95 of whole route requests from random commercial sites to their cheapest PoP or cabinet, the
 * same searches alone on our primitive-array Dijkstra and on JGraphT ({@code ClosestFirstIterator} on a
 * {@code WeightedPseudograph} of the same edges and costs, which is how JGraphT finds the nearest of
 * many targets), the time JGraphT needs to hold the graph, and the time of "plan all gaps". Single
 * thread for the single routes; call from one thread.
 */
public final class RoutingBenchmark {
    private static final int WARM_UP = 100;

    private RoutingBenchmark() {
    }

    /** Figures by name (times in milliseconds), in print order. */
    public static Map<String, Number> measure(RoutePlanner planner, int routes, long seed) {
        Map<String, Number> out = new LinkedHashMap<>();
        List<String> sites = planner.siteNumbers();
        if (sites.isEmpty() || routes <= 0) {
            return out;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < routes; i++) {
            picked.add(sites.get(rnd.nextInt(sites.size())));
        }
        for (int i = 0; i < WARM_UP; i++) {
            plan(planner, picked.get(i % picked.size()));
        }
        double[] ms = new double[routes];
        int failed = 0;
        for (int i = 0; i < routes; i++) {
            long t0 = System.nanoTime();
            failed += plan(planner, picked.get(i)) ? 0 : 1;
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        out.put("routes", routes);
        out.put("routes_failed", failed);
        out.put("route_p50_ms", percentile(ms, 0.5));
        out.put("route_p95_ms", percentile(ms, 0.95));
        searchesCompared(planner, picked, out);
        return out;
    }

    /** The time of "plan all gaps" for these origins on all cores, with the counts. */
    public static Map<String, Number> allGaps(RoutePlanner planner, List<Origin> origins) {
        Map<String, Number> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        GapPlan plan = planner.planAll(origins, false, AnalysisMonitor.NONE);
        out.put("all_gaps_ms", (System.nanoTime() - t0) / 1_000_000);
        out.put("all_gaps_sites", origins.size());
        out.put("all_gaps_routes", plan.routes().size());
        out.put("all_gaps_network_km", Math.round(plan.network().lengthM() / 100) / 10.0);
        out.put("all_gaps_shared_km", Math.round(plan.sharedLengthM() / 100) / 10.0);
        return out;
    }

    private static boolean plan(RoutePlanner planner, String site) {
        try {
            planner.plan(RouteRequest.of(Origin.site(site), Destination.nearestNode()));
            return true;
        } catch (RoutingException e) {
            return false;
        }
    }

    /** The search alone, from the junction at the start of each site's nearest edge: ours and JGraphT's. */
    private static void searchesCompared(RoutePlanner planner, List<String> sites, Map<String, Number> out) {
        StreetGraph g = planner.graph();
        int[] starts = new int[sites.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = g.edgeA[g.nearest(planner.sitePlot(sites.get(i)).orElseThrow()).edge()];
        }
        PathSearch ours = new PathSearch(g);
        for (int i = 0; i < WARM_UP; i++) {
            ours.search(starts[i % starts.length], planner::isConnectionPoint, false);
        }
        double[] ms = new double[starts.length];
        double[] ourCost = new double[starts.length];
        for (int i = 0; i < starts.length; i++) {
            long t0 = System.nanoTime();
            Path p = ours.search(starts[i], planner::isConnectionPoint, false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            ourCost[i] = p == null ? Double.NaN : p.cost();
        }
        out.put("search_p50_ms", percentile(ms, 0.5));
        out.put("search_p95_ms", percentile(ms, 0.95));

        long t0 = System.nanoTime();
        WeightedPseudograph<Integer, Integer> jg = new WeightedPseudograph<>(Integer.class);
        for (int v = 0; v < g.nodeCount(); v++) {
            jg.addVertex(v);
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            if (g.costStrict[e] != Double.POSITIVE_INFINITY) {
                jg.addEdge(g.edgeA[e], g.edgeB[e], e);
                jg.setEdgeWeight(e, g.costStrict[e]);
            }
        }
        out.put("jgrapht_graph_ms", (System.nanoTime() - t0) / 1_000_000);
        for (int i = 0; i < WARM_UP; i++) {
            jgraphtSearch(jg, starts[i % starts.length], planner);
        }
        int differ = 0;
        for (int i = 0; i < starts.length; i++) {
            long t1 = System.nanoTime();
            double cost = jgraphtSearch(jg, starts[i], planner);
            ms[i] = (System.nanoTime() - t1) / 1e6;
            if (!(Math.abs(cost - ourCost[i]) <= 1e-6 * Math.max(1, cost) || Double.isNaN(cost) && Double.isNaN(ourCost[i]))) {
                differ++;
            }
        }
        out.put("jgrapht_search_p50_ms", percentile(ms, 0.5));
        out.put("jgrapht_search_p95_ms", percentile(ms, 0.95));
        out.put("jgrapht_cost_differs", differ);
    }

    private static double jgraphtSearch(WeightedPseudograph<Integer, Integer> jg, int start, RoutePlanner planner) {
        ClosestFirstIterator<Integer, Integer> it = new ClosestFirstIterator<>(jg, start);
        while (it.hasNext()) {
            int v = it.next();
            if (planner.isConnectionPoint(v)) {
                return it.getShortestPathLength(v);
            }
        }
        return Double.NaN;
    }

    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * q) - 1));
        return Math.round(sorted[i] * 100) / 100.0;
    }
}
