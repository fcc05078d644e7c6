package de.trassenwerk.routing;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.coordination.CostModel;
import de.trassenwerk.coordination.DigConditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/**
 * Builds a {@link StreetGraph} from street centrelines, in five steps: (1) every vertex becomes a
 * point, vertices closer than {@value StreetGraph#SNAP_M} m to an earlier point become that point (a
 * grid of cells of that size finds them); (2) a street end lying within that distance of another
 * segment's interior splits the segment there (T-junction); (3) every network node ("anchor") is
 * attached to its nearest street segment within {@value StreetGraph#MAX_NODE_SNAP_M} m, splitting it
 * at the foot of the perpendicular (or at a vertex closer than the snap distance); (4) points used
 * twice or more, street ends and anchors become junctions, and each street is cut into edges there;
 * (5) each edge is priced per stretch from the {@link DigConditions}: free ducts → duct reuse; else,
 * outside moratorium streets, a joinable open trench → co-laying; else open trench by street class, or
 * moratorium trench (trench × factor) in a street under moratorium.
 *
 * <p>One builder per build, used by one thread; the pricing step spreads over the common fork-join pool
 * (the dig conditions are thread-safe).
 */
final class StreetGraphBuilder {
    private static final double EPS = 1e-9;

    /** The graph and, per anchor, its junction (-1 when no street lies within reach) and distance to it. */
    record Result(StreetGraph graph, int[] anchorNode, double[] anchorSnapM) {
    }

    private record Split(int k, double t, int point) {
    }

    private final DigConditions ground;
    private final CostModel costs;
    private double[] px = new double[1024];
    private double[] py = new double[1024];
    private int[] nextInCell = new int[1024];
    private int points;
    private final CellMap cellHead = new CellMap();
    private final List<int[]> partPoints = new ArrayList<>();
    private final List<Integer> partStreet = new ArrayList<>();
    private int snapped;
    private int tJunctions;

    private StreetGraphBuilder(DigConditions ground, CostModel costs) {
        this.ground = ground;
        this.costs = costs;
    }

    /**
     * Builds the graph; {@code anchors} are the positions of network nodes to attach. Progress goes from
     * {@code from} to {@code to}.
     *
     * @throws CancellationException when the monitor asks to stop
     */
    static Result build(DigConditions ground, CostModel costs, List<Coordinate> anchors, AnalysisMonitor monitor,
            double from, double to) {
        return new StreetGraphBuilder(ground, costs).run(anchors, monitor, from, to);
    }

    private Result run(List<Coordinate> anchors, AnalysisMonitor monitor, double from, double to) {
        List<DigConditions.Street> streets = ground.streets();
        for (int s = 0; s < streets.size(); s++) {
            for (int g = 0; g < streets.get(s).line().getNumGeometries(); g++) {
                if (streets.get(s).line().getGeometryN(g) instanceof LineString l && !l.isEmpty()) {
                    addPart(s, l.getCoordinates());
                }
            }
        }
        checkCancel(monitor);
        // segments of the snapped parts, for T-junctions and anchors
        int segments = 0;
        for (int[] p : partPoints) {
            segments += p.length - 1;
        }
        int[] segPart = new int[segments];
        int[] segK = new int[segments];
        double[] sx0 = new double[segments];
        double[] sy0 = new double[segments];
        double[] sx1 = new double[segments];
        double[] sy1 = new double[segments];
        int g = 0;
        for (int p = 0; p < partPoints.size(); p++) {
            int[] pts = partPoints.get(p);
            for (int k = 0; k + 1 < pts.length; k++) {
                segPart[g] = p;
                segK[g] = k;
                sx0[g] = px[pts[k]];
                sy0[g] = py[pts[k]];
                sx1[g] = px[pts[k + 1]];
                sy1[g] = py[pts[k + 1]];
                g++;
            }
        }
        SegmentGrid segIndex = new SegmentGrid(sx0, sy0, sx1, sy1, segments);
        List<List<Split>> splits = new ArrayList<>();
        for (int p = 0; p < partPoints.size(); p++) {
            splits.add(null);
        }
        for (int p = 0; p < partPoints.size(); p++) {
            int[] pts = partPoints.get(p);
            tJunction(pts[0], segIndex, segPart, segK, splits);
            if (pts[pts.length - 1] != pts[0]) {
                tJunction(pts[pts.length - 1], segIndex, segPart, segK, splits);
            }
        }
        int[] anchorAt = new int[anchors.size()];
        for (int a = 0; a < anchors.size(); a++) {
            anchorAt[a] = attach(anchors.get(a), segIndex, segPart, segK, splits);
        }
        boolean[] anchorPoint = new boolean[points];
        for (int p : anchorAt) {
            if (p >= 0) {
                anchorPoint[p] = true;
            }
        }
        for (int p = 0; p < partPoints.size(); p++) {
            if (splits.get(p) != null) {
                partPoints.set(p, applySplits(partPoints.get(p), splits.get(p)));
            }
        }
        checkCancel(monitor);
        // junctions and edges
        int[] uses = new int[points];
        boolean[] junction = new boolean[points];
        for (int[] pts : partPoints) {
            for (int p : pts) {
                uses[p]++;
            }
            junction[pts[0]] = true;
            junction[pts[pts.length - 1]] = true;
        }
        int[] nodeOf = new int[points];
        Arrays.fill(nodeOf, -1);
        int nodes = 0;
        for (int p = 0; p < points; p++) {
            if (uses[p] >= 2 || anchorPoint[p]) {
                junction[p] = true;
            }
        }
        List<int[]> edgePoints = new ArrayList<>();
        List<Integer> edgeStreet = new ArrayList<>();
        for (int q = 0; q < partPoints.size(); q++) {
            int[] pts = partPoints.get(q);
            int start = 0;
            for (int i = 1; i < pts.length; i++) {
                if (junction[pts[i]]) {
                    edgePoints.add(Arrays.copyOfRange(pts, start, i + 1));
                    edgeStreet.add(partStreet.get(q));
                    start = i;
                }
            }
        }
        int m = edgePoints.size();
        int[] edgeA = new int[m];
        int[] edgeB = new int[m];
        int[] edgeStreets = new int[m];
        int[] coordStart = new int[m + 1];
        int total = 0;
        for (int e = 0; e < m; e++) {
            int[] pts = edgePoints.get(e);
            for (int end : new int[] {pts[0], pts[pts.length - 1]}) {
                if (nodeOf[end] < 0) {
                    nodeOf[end] = nodes++;
                }
            }
            edgeA[e] = nodeOf[pts[0]];
            edgeB[e] = nodeOf[pts[pts.length - 1]];
            edgeStreets[e] = edgeStreet.get(e);
            coordStart[e] = total;
            total += pts.length;
        }
        coordStart[m] = total;
        double[] coords = new double[2 * total];
        for (int e = 0; e < m; e++) {
            int[] pts = edgePoints.get(e);
            for (int i = 0; i < pts.length; i++) {
                coords[2 * (coordStart[e] + i)] = px[pts[i]];
                coords[2 * (coordStart[e] + i) + 1] = py[pts[i]];
            }
        }
        double[] nodeX = new double[nodes];
        double[] nodeY = new double[nodes];
        for (int p = 0; p < points; p++) {
            if (nodeOf[p] >= 0) {
                nodeX[nodeOf[p]] = px[p];
                nodeY[nodeOf[p]] = py[p];
            }
        }
        checkCancel(monitor);
        Pricing pricing = price(edgePoints, edgeStreets, streets, monitor, from, to);
        StreetGraph graph = new StreetGraph(streets, nodeX, nodeY, edgeA, edgeB, edgeStreets, coordStart, coords,
                pricing.runStart, pricing.runEnd, pricing.runClass, pricing.runRate, pricing.classNames, snapped,
                tJunctions);
        int[] anchorNode = new int[anchors.size()];
        double[] anchorSnap = new double[anchors.size()];
        for (int a = 0; a < anchors.size(); a++) {
            int p = anchorAt[a];
            anchorNode[a] = p < 0 ? -1 : nodeOf[p];
            anchorSnap[a] = p < 0 ? Double.NaN : Math.hypot(anchors.get(a).x - px[p], anchors.get(a).y - py[p]);
        }
        return new Result(graph, anchorNode, anchorSnap);
    }

    // ------------------------------------------------------------------ points and snapping

    private void addPart(int street, Coordinate[] c) {
        int[] pts = new int[c.length];
        int n = 0;
        for (Coordinate xy : c) {
            int p = snap(xy.x, xy.y);
            if (n == 0 || pts[n - 1] != p) {
                pts[n++] = p;
            }
        }
        if (n >= 2) {
            partPoints.add(Arrays.copyOf(pts, n));
            partStreet.add(street);
        }
    }

    /** The point closer than the snap distance to (x, y), or a new one there. */
    private int snap(double x, double y) {
        long cx = (long) Math.floor(x / StreetGraph.SNAP_M);
        long cy = (long) Math.floor(y / StreetGraph.SNAP_M);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (int p = cellHead.get(cell(cx + dx, cy + dy)); p >= 0; p = nextInCell[p]) {
                    double d = Math.hypot(px[p] - x, py[p] - y);
                    if (d < StreetGraph.SNAP_M) {
                        if (d > 0) {
                            snapped++;
                        }
                        return p;
                    }
                }
            }
        }
        if (points == px.length) {
            px = Arrays.copyOf(px, points * 2);
            py = Arrays.copyOf(py, points * 2);
            nextInCell = Arrays.copyOf(nextInCell, points * 2);
        }
        int p = points++;
        px[p] = x;
        py[p] = y;
        nextInCell[p] = cellHead.put(cell(cx, cy), p);
        return p;
    }

    private static long cell(long cx, long cy) {
        return cx << 32 ^ cy & 0xFFFFFFFFL;
    }

    // ------------------------------------------------------------------ T-junctions and anchors

    /** Splits every segment whose interior lies closer than the snap distance to street end {@code end}. */
    private void tJunction(int end, SegmentGrid segIndex, int[] segPart, int[] segK, List<List<Split>> splits) {
        double x = px[end];
        double y = py[end];
        double r = StreetGraph.SNAP_M;
        segIndex.query(x - r, y - r, x + r, y + r, g -> {
            int[] pts = partPoints.get(segPart[g]);
            int a = pts[segK[g]];
            int b = pts[segK[g] + 1];
            if (a == end || b == end) {
                return;
            }
            double t = param(x, y, a, b);
            if (t <= 0 || t >= 1) {
                return;
            }
            double fx = px[a] + t * (px[b] - px[a]);
            double fy = py[a] + t * (py[b] - py[a]);
            if (Math.hypot(fx - x, fy - y) < r && Math.hypot(px[a] - x, py[a] - y) >= r
                    && Math.hypot(px[b] - x, py[b] - y) >= r) {
                addSplit(splits, segPart[g], new Split(segK[g], t, end));
                tJunctions++;
            }
        });
    }

    /**
     * Attaches an anchor to its nearest segment within the node snap distance: the point at the foot of the
     * perpendicular (or the segment end closer than the snap distance to it); -1 when no segment is near.
     */
    private int attach(Coordinate c, SegmentGrid segIndex, int[] segPart, int[] segK, List<List<Split>> splits) {
        int[] best = {-1};
        double[] bestD = {Double.POSITIVE_INFINITY};
        for (double r = 5; best[0] < 0 && r <= 2 * StreetGraph.MAX_NODE_SNAP_M; r *= 2) {
            double reach = Math.min(r, StreetGraph.MAX_NODE_SNAP_M);
            segIndex.query(c.x - reach, c.y - reach, c.x + reach, c.y + reach, g -> {
                int[] pts = partPoints.get(segPart[g]);
                double d = distance(c.x, c.y, pts[segK[g]], pts[segK[g] + 1]);
                if (d <= reach && (d < bestD[0] || d == bestD[0] && g < best[0])) {
                    bestD[0] = d;
                    best[0] = g;
                }
            });
        }
        if (best[0] < 0) {
            return -1;
        }
        int g = best[0];
        int[] pts = partPoints.get(segPart[g]);
        int a = pts[segK[g]];
        int b = pts[segK[g] + 1];
        double t = Math.max(0, Math.min(1, param(c.x, c.y, a, b)));
        double fx = px[a] + t * (px[b] - px[a]);
        double fy = py[a] + t * (py[b] - py[a]);
        if (Math.hypot(fx - px[a], fy - py[a]) < StreetGraph.SNAP_M) {
            return a;
        }
        if (Math.hypot(fx - px[b], fy - py[b]) < StreetGraph.SNAP_M) {
            return b;
        }
        int p = snap(fx, fy);
        addSplit(splits, segPart[g], new Split(segK[g], t, p));
        return p;
    }

    private double param(double x, double y, int a, int b) {
        double dx = px[b] - px[a];
        double dy = py[b] - py[a];
        double len2 = dx * dx + dy * dy;
        return len2 == 0 ? 0 : ((x - px[a]) * dx + (y - py[a]) * dy) / len2;
    }

    private double distance(double x, double y, int a, int b) {
        double t = Math.max(0, Math.min(1, param(x, y, a, b)));
        return Math.hypot(px[a] + t * (px[b] - px[a]) - x, py[a] + t * (py[b] - py[a]) - y);
    }

    private static void addSplit(List<List<Split>> splits, int part, Split s) {
        if (splits.get(part) == null) {
            splits.set(part, new ArrayList<>());
        }
        splits.get(part).add(s);
    }

    private static int[] applySplits(int[] pts, List<Split> splits) {
        splits.sort((u, v) -> u.k != v.k ? Integer.compare(u.k, v.k) : Double.compare(u.t, v.t));
        int[] out = new int[pts.length + splits.size()];
        int n = 0;
        int s = 0;
        for (int k = 0; k < pts.length; k++) {
            n = append(out, n, pts[k]);
            while (s < splits.size() && splits.get(s).k == k) {
                n = append(out, n, splits.get(s++).point);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int append(int[] out, int n, int p) {
        if (n == 0 || out[n - 1] != p) {
            out[n++] = p;
        }
        return n;
    }

    // ------------------------------------------------------------------ pricing

    private record Pricing(int[] runStart, double[] runEnd, int[] runClass, double[] runRate, String[] classNames) {
    }

    private record Runs(double[] end, int[] cls, double[] rate) {
    }

    private Pricing price(List<int[]> edgePoints, int[] edgeStreets, List<DigConditions.Street> streets,
            AnalysisMonitor monitor, double from, double to) {
        List<String> names = new ArrayList<>(List.of(CostClasses.DUCT_REUSE, CostClasses.CO_LAYING,
                CostClasses.MORATORIUM_TRENCH));
        for (String cls : costs.trenchEurPerM().keySet()) {
            names.add(CostClasses.trench(cls));
        }
        int[] trenchClass = new int[streets.size()];
        boolean[] closed = new boolean[streets.size()];
        for (int s = 0; s < streets.size(); s++) {
            trenchClass[s] = names.indexOf(CostClasses.trench(pricedClass(streets.get(s).streetClass())));
            closed[s] = ground.underMoratorium(streets.get(s));
        }
        int m = edgePoints.size();
        Runs[] runs = new Runs[m];
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(1, m / 100);
        IntStream.range(0, m).parallel().forEach(e -> {
            if (monitor.isCancelled()) {
                throw new CancellationException("route planning cancelled");
            }
            int s = edgeStreets[e];
            runs[e] = runs(edgePoints.get(e), streets.get(s), trenchClass[s], closed[s]);
            int d = done.incrementAndGet();
            if (d % step == 0) {
                monitor.progress(from + (to - from) * d / m);
            }
        });
        int total = 0;
        for (Runs r : runs) {
            total += r.end.length;
        }
        int[] runStart = new int[m + 1];
        double[] runEnd = new double[total];
        int[] runClass = new int[total];
        double[] runRate = new double[total];
        int k = 0;
        for (int e = 0; e < m; e++) {
            runStart[e] = k;
            System.arraycopy(runs[e].end, 0, runEnd, k, runs[e].end.length);
            System.arraycopy(runs[e].cls, 0, runClass, k, runs[e].cls.length);
            System.arraycopy(runs[e].rate, 0, runRate, k, runs[e].rate.length);
            k += runs[e].end.length;
        }
        runStart[m] = k;
        return new Pricing(runStart, runEnd, runClass, runRate, names.toArray(new String[0]));
    }

    /** The class the cost model prices a street of this class as: its own when listed, else the fallback. */
    private String pricedClass(String streetClass) {
        String c = streetClass == null ? "" : streetClass.trim().toLowerCase(Locale.ROOT);
        return costs.trenchEurPerM().containsKey(c) ? c : CostModel.FALLBACK_CLASS;
    }

    private Runs runs(int[] pts, DigConditions.Street street, int trenchClass, boolean closed) {
        Coordinate[] c = new Coordinate[pts.length];
        double len = 0;
        for (int i = 0; i < pts.length; i++) {
            c[i] = new Coordinate(px[pts[i]], py[pts[i]]);
            if (i > 0) {
                len += c[i - 1].distance(c[i]);
            }
        }
        LineString line = StreetGraph.GF.createLineString(c);
        double[] ducts = ground.freeDuctStretches(line);
        double[] works = closed ? new double[0] : ground.joinableTrenchStretches(line);
        double[] cuts = new double[2 + ducts.length + works.length];
        cuts[0] = 0;
        cuts[1] = len;
        System.arraycopy(ducts, 0, cuts, 2, ducts.length);
        System.arraycopy(works, 0, cuts, 2 + ducts.length, works.length);
        Arrays.sort(cuts);
        double trenchRate = costs.trenchRate(street.streetClass());
        double[] end = new double[cuts.length];
        int[] cls = new int[cuts.length];
        double[] rate = new double[cuts.length];
        int n = 0;
        for (int i = 0; i + 1 < cuts.length; i++) {
            double a = Math.max(0, cuts[i]);
            double b = Math.min(len, cuts[i + 1]);
            if (b - a <= EPS) {
                continue;
            }
            double mid = (a + b) / 2;
            int k;
            double r;
            if (inside(ducts, mid)) {
                k = 0;
                r = costs.ductReuseEurPerM();
            } else if (inside(works, mid)) {
                k = 1;
                r = costs.coLayingEurPerM();
            } else if (closed) {
                k = 2;
                r = trenchRate * costs.moratoriumFactor();
            } else {
                k = trenchClass;
                r = trenchRate;
            }
            if (n > 0 && cls[n - 1] == k) {
                end[n - 1] = b;
            } else {
                end[n] = b;
                cls[n] = k;
                rate[n] = r;
                n++;
            }
        }
        if (n > 0) {
            end[n - 1] = len;
        }
        return new Runs(Arrays.copyOf(end, n), Arrays.copyOf(cls, n), Arrays.copyOf(rate, n));
    }

    private static boolean inside(double[] intervals, double s) {
        for (int i = 0; i < intervals.length; i += 2) {
            if (s >= intervals[i] && s <= intervals[i + 1]) {
                return true;
            }
        }
        return false;
    }

    private static void checkCancel(AnalysisMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancellationException("route planning cancelled");
        }
    }
}
