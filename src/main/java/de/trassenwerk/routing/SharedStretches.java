package de.trassenwerk.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network that several routes make together: per edge, the union of the stretches the routes
 * use, so that a stretch shared by several routes is counted (and priced) once. Stateless; safe from
 * any thread.
 */
final class SharedStretches {
    private SharedStretches() {
    }

    /**
     * The breakdown of the union of the paths' stretches, priced per run, plus {@code extra} (the site
     * connections, which no two routes share); in breakdown order.
     */
    static Map<String, CostShare> union(StreetGraph g, List<Path> paths, Map<String, CostShare> extra) {
        Map<Integer, List<double[]>> byEdge = new HashMap<>();
        for (Path p : paths) {
            for (Leg l : p.legs()) {
                byEdge.computeIfAbsent(l.edge(), k -> new ArrayList<>()).add(new double[] {l.lo(), l.hi()});
            }
        }
        Map<String, CostShare> out = new LinkedHashMap<>();
        for (String cls : RouteAssembly.order(g)) {
            out.put(cls, extra.getOrDefault(cls, new CostShare(0, 0)));
        }
        for (Map.Entry<Integer, List<double[]>> e : byEdge.entrySet()) {
            int edge = e.getKey();
            for (double[] iv : merged(e.getValue())) {
                for (RouteAssembly.Piece piece : RouteAssembly.pieces(g, new Leg(edge, iv[0], iv[1]))) {
                    double m = piece.to() - piece.from();
                    out.merge(g.classNames[piece.costClass()], new CostShare(m, m * piece.rate()), CostShare::plus);
                }
            }
        }
        return out;
    }

    /** Sorted, merged intervals. */
    private static List<double[]> merged(List<double[]> intervals) {
        intervals.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> out = new ArrayList<>();
        for (double[] iv : intervals) {
            if (!out.isEmpty() && iv[0] <= out.get(out.size() - 1)[1]) {
                double[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], iv[1]);
            } else {
                out.add(new double[] {iv[0], iv[1]});
            }
        }
        return out;
    }
}
