package de.trassenwerk.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Turns a path through the street graph (and a site connection) into a {@link Route}: its stretches
 * per cost class in the direction of travel, its line, length, cost and breakdown. Stateless; safe
 * from any thread.
 */
final class RouteAssembly {
    private RouteAssembly() {
    }

    /** The connection from a plot's edge to the street (null when the plot touches the street), and its rate. */
    record Connection(LineString line, double rateEurPerM) {
    }

    static Route assemble(StreetGraph g, int rank, Path path, Connection connection, String fromRef, String toRef,
            NetworkNode toNode) {
        List<RouteStretch> stretches = new ArrayList<>();
        List<Coordinate> run = new ArrayList<>();
        String runClass = null;
        double runM = 0;
        double runEur = 0;
        if (connection != null && connection.line() != null && connection.line().getLength() > 0) {
            double m = connection.line().getLength();
            stretches.add(new RouteStretch(CostClasses.SITE_CONNECTION, connection.line(), m,
                    m * connection.rateEurPerM()));
        }
        for (Leg leg : path.legs()) {
            for (Piece piece : pieces(g, leg)) {
                String cls = g.classNames[piece.costClass()];
                double m = Math.abs(piece.to() - piece.from());
                Coordinate[] c = g.extract(leg.edge(), piece.from(), piece.to());
                if (!cls.equals(runClass)) {
                    if (runClass != null) {
                        stretches.add(stretch(runClass, run, runM, runEur));
                    }
                    run = new ArrayList<>();
                    runClass = cls;
                    runM = 0;
                    runEur = 0;
                }
                appendAll(run, Arrays.asList(c));
                runM += m;
                runEur += m * piece.rate();
            }
        }
        if (runClass != null) {
            stretches.add(stretch(runClass, run, runM, runEur));
        }
        List<Coordinate> all = new ArrayList<>();
        for (RouteStretch s : stretches) {
            appendAll(all, Arrays.asList(s.geometry().getCoordinates()));
        }
        if (all.size() < 2) {
            throw new RoutingException("routing.error.samePlace", fromRef, toRef);
        }
        Map<String, CostShare> breakdown = breakdown(g, stretches);
        double length = 0;
        double cost = 0;
        for (CostShare s : breakdown.values()) {
            length += s.m();
            cost += s.eur();
        }
        boolean moratorium = breakdown.containsKey(CostClasses.MORATORIUM_TRENCH);
        LineString line = StreetGraph.GF.createLineString(all.toArray(new Coordinate[0]));
        return new Route(rank, fromRef, toRef, toNode, line, length, cost, breakdown, moratorium, stretches);
    }

    /** The breakdown of stretches in the fixed order: site connection, duct reuse, co-laying, trench classes, moratorium trench. */
    static Map<String, CostShare> breakdown(StreetGraph g, List<RouteStretch> stretches) {
        Map<String, CostShare> sums = new LinkedHashMap<>();
        for (String cls : order(g)) {
            sums.put(cls, new CostShare(0, 0));
        }
        for (RouteStretch s : stretches) {
            sums.merge(s.costClass(), new CostShare(s.lengthM(), s.costEur()), CostShare::plus);
        }
        sums.values().removeIf(s -> s.m() <= 0);
        return sums;
    }

    /** Every cost class of the graph, in breakdown order. */
    static List<String> order(StreetGraph g) {
        List<String> out = new ArrayList<>(List.of(CostClasses.SITE_CONNECTION, CostClasses.DUCT_REUSE,
                CostClasses.CO_LAYING));
        for (String c : g.classNames) {
            if (c.startsWith(CostClasses.TRENCH_PREFIX)) {
                out.add(c);
            }
        }
        out.add(CostClasses.MORATORIUM_TRENCH);
        return out;
    }

    /** A piece of a leg within one run: from and to (distances along the edge), cost class id and rate. */
    record Piece(double from, double to, int costClass, double rate) {
    }

    /** The pieces of a leg with one run each, in the direction of travel. */
    static List<Piece> pieces(StreetGraph g, Leg leg) {
        List<Piece> out = new ArrayList<>();
        double lo = leg.lo();
        double hi = leg.hi();
        double from = 0;
        boolean reversed = leg.from() > leg.to();
        for (int r = g.runStart[leg.edge()]; r < g.runStart[leg.edge() + 1] && from < hi; r++) {
            double a = Math.max(lo, from);
            double b = Math.min(hi, g.runEnd[r]);
            if (b > a) {
                out.add(reversed ? new Piece(b, a, g.runClass[r], g.runRate[r])
                        : new Piece(a, b, g.runClass[r], g.runRate[r]));
            }
            from = g.runEnd[r];
        }
        if (reversed) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    private static RouteStretch stretch(String cls, List<Coordinate> c, double m, double eur) {
        List<Coordinate> pts = new ArrayList<>(c);
        if (pts.size() == 1) {
            pts.add(pts.get(0).copy());
        }
        return new RouteStretch(cls, StreetGraph.GF.createLineString(pts.toArray(new Coordinate[0])), m, eur);
    }

    private static void appendAll(List<Coordinate> to, List<Coordinate> from) {
        for (Coordinate c : from) {
            if (to.isEmpty() || !to.get(to.size() - 1).equals2D(c)) {
                to.add(c);
            }
        }
    }
}
