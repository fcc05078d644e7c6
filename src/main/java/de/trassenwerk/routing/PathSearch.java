package de.trassenwerk.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Dijkstra's least-cost search on a {@link StreetGraph}, with working arrays kept between searches
 * (only the entries a search touched are reset). Places inside edges (a snapped start or end point) are
 * added as extra nodes with ids from {@code nodeCount()} up, joined to the edge's ends and to each other
 * by partial edges; the graph itself is never changed. Optional penalty factors per edge serve the
 * search for alternatives.
 *
 * <p>Not thread-safe: one instance per thread at a time ({@link RoutePlanner} keeps a pool).
 */
final class PathSearch {
    private static final double EPS = 1e-9;
    private static final int MAX_PLACES = 2;
    private final StreetGraph g;
    private final int n;
    private final double[] dist;
    private final int[] prevNode;
    private final int[] prevEdge;
    private final int[] touched;
    private int touchedCount;
    private double[] heapKey = new double[1024];
    private int[] heapNode = new int[1024];
    private int heapSize;
    private double[] penalty;
    private final List<Integer> penalised = new ArrayList<>();

    // places inside edges and the partial edges that join them
    private final int[] placeEdge = new int[MAX_PLACES];
    private final double[] placePos = new double[MAX_PLACES];
    private int places;
    private final int[] vA = new int[2 * MAX_PLACES + 1];
    private final int[] vB = new int[2 * MAX_PLACES + 1];
    private final int[] vEdge = new int[2 * MAX_PLACES + 1];
    private final double[] vFrom = new double[2 * MAX_PLACES + 1];
    private final double[] vTo = new double[2 * MAX_PLACES + 1];
    private final double[] vStrict = new double[2 * MAX_PLACES + 1];
    private final double[] vAllowed = new double[2 * MAX_PLACES + 1];
    private int partials;

    PathSearch(StreetGraph g) {
        this.g = g;
        this.n = g.nodeCount();
        dist = new double[n + MAX_PLACES];
        prevNode = new int[n + MAX_PLACES];
        prevEdge = new int[n + MAX_PLACES];
        touched = new int[n + MAX_PLACES];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
    }

    /** Forgets the places and penalties of the last request. */
    void clear() {
        places = 0;
        partials = 0;
        for (int e : penalised) {
            penalty[e] = 1;
        }
        penalised.clear();
    }

    /**
     * The node id of a place at distance {@code pos} along edge {@code edge}: the edge's end node when
     * the place is (within a nanometre) at an end, else an extra node. Call {@link #join} after the last.
     */
    int place(int edge, double pos) {
        if (pos <= EPS) {
            return g.edgeA[edge];
        }
        if (pos >= g.edgeLength[edge] - EPS) {
            return g.edgeB[edge];
        }
        for (int i = 0; i < places; i++) {
            if (placeEdge[i] == edge && Math.abs(placePos[i] - pos) <= EPS) {
                return n + i;
            }
        }
        if (places == MAX_PLACES) {
            throw new IllegalStateException("a search takes at most " + MAX_PLACES + " places inside edges");
        }
        placeEdge[places] = edge;
        placePos[places] = pos;
        return n + places++;
    }

    /** Joins the places to the ends of their edges, and places on one edge to each other, by partial edges. */
    void join() {
        partials = 0;
        boolean[] done = new boolean[places];
        for (int i = 0; i < places; i++) {
            if (done[i]) {
                continue;
            }
            int edge = placeEdge[i];
            List<Integer> on = new ArrayList<>();
            for (int j = i; j < places; j++) {
                if (placeEdge[j] == edge) {
                    on.add(j);
                    done[j] = true;
                }
            }
            on.sort((x, y) -> Double.compare(placePos[x], placePos[y]));
            int prev = g.edgeA[edge];
            double prevPos = 0;
            for (int j : on) {
                partial(prev, n + j, edge, prevPos, placePos[j]);
                prev = n + j;
                prevPos = placePos[j];
            }
            partial(prev, g.edgeB[edge], edge, prevPos, g.edgeLength[edge]);
        }
    }

    private void partial(int a, int b, int edge, double from, double to) {
        vA[partials] = a;
        vB[partials] = b;
        vEdge[partials] = edge;
        vFrom[partials] = from;
        vTo[partials] = to;
        vStrict[partials] = g.cost(edge, from, to, false);
        vAllowed[partials] = g.cost(edge, from, to, true);
        partials++;
    }

    /** Multiplies the cost of the path's edges by {@code factor} for the following searches of this request. */
    void penalise(Path path, double factor) {
        if (penalty == null) {
            penalty = new double[g.edgeCount()];
            Arrays.fill(penalty, 1);
        }
        for (Leg l : path.legs()) {
            if (penalty[l.edge()] == 1) {
                penalised.add(l.edge());
            }
            penalty[l.edge()] *= factor;
        }
    }

    /**
     * The least-cost path from node {@code source} to the first node that {@code target} accepts, or null
     * when none can be reached. Edges that need a trench in a street under moratorium are used only when
     * {@code allowMoratorium}. The path's cost is without penalties.
     */
    Path search(int source, IntPredicate target, boolean allowMoratorium) {
        reset();
        double[] base = allowMoratorium ? g.costAllowed : g.costStrict;
        double[] vCost = allowMoratorium ? vAllowed : vStrict;
        boolean penalties = !penalised.isEmpty();
        reach(source, 0, -1, 0);
        while (heapSize > 0) {
            double d = heapKey[0];
            int u = heapNode[0];
            pop();
            if (d > dist[u]) {
                continue;
            }
            if (target.test(u)) {
                return path(source, u, allowMoratorium);
            }
            if (u < n) {
                for (int i = g.adjStart[u]; i < g.adjStart[u + 1]; i++) {
                    int e = g.adjEdge[i];
                    double w = base[e];
                    if (w == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    if (penalties) {
                        w *= penalty[e];
                    }
                    int v = g.edgeA[e] == u ? g.edgeB[e] : g.edgeA[e];
                    if (d + w < dist[v]) {
                        reach(v, d + w, u, e);
                    }
                }
            }
            for (int j = 0; j < partials; j++) {
                int v = vA[j] == u ? vB[j] : vB[j] == u ? vA[j] : -1;
                double w = vCost[j];
                if (v < 0 || w == Double.POSITIVE_INFINITY) {
                    continue;
                }
                if (penalties) {
                    w *= penalty[vEdge[j]];
                }
                if (d + w < dist[v]) {
                    reach(v, d + w, u, -1 - j);
                }
            }
        }
        return null;
    }

    private Path path(int source, int reached, boolean allowMoratorium) {
        List<Leg> legs = new ArrayList<>();
        double cost = 0;
        for (int v = reached; v != source; v = prevNode[v]) {
            int u = prevNode[v];
            int code = prevEdge[v];
            Leg leg;
            if (code >= 0) {
                boolean forward = g.edgeA[code] == u;
                leg = forward ? new Leg(code, 0, g.edgeLength[code]) : new Leg(code, g.edgeLength[code], 0);
            } else {
                int j = -1 - code;
                leg = vA[j] == u ? new Leg(vEdge[j], vFrom[j], vTo[j]) : new Leg(vEdge[j], vTo[j], vFrom[j]);
            }
            cost += g.cost(leg.edge(), leg.from(), leg.to(), allowMoratorium);
            legs.add(leg);
        }
        Collections.reverse(legs);
        return new Path(legs, reached, cost);
    }

    private void reach(int v, double d, int from, int edge) {
        if (dist[v] == Double.POSITIVE_INFINITY) {
            touched[touchedCount++] = v;
        }
        dist[v] = d;
        prevNode[v] = from;
        prevEdge[v] = edge;
        push(v, d);
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            dist[touched[i]] = Double.POSITIVE_INFINITY;
        }
        touchedCount = 0;
        heapSize = 0;
    }

    private void push(int v, double d) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= d) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = d;
        heapNode[i] = v;
    }

    private void pop() {
        double d = heapKey[--heapSize];
        int v = heapNode[heapSize];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= d) {
                break;
            }
            heapKey[i] = heapKey[child];
            heapNode[i] = heapNode[child];
            i = child;
        }
        heapKey[i] = d;
        heapNode[i] = v;
    }
}
