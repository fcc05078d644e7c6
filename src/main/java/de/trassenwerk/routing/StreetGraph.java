package de.trassenwerk.routing;

import de.trassenwerk.coordination.DigConditions;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * The street network as a graph for routing, built by {@link StreetGraphBuilder}: a junction (node)
 * at every vertex shared by two or more streets, at every street end, at T-junctions (a street end
 * within {@value #SNAP_M} m of another street's segment splits it there) and where a network node
 * joins the streets; vertices closer than {@value #SNAP_M} m are one. An edge is the piece of one
 * street between two junctions, priced per stretch: its stretches ("runs") each have a cost class
 * ({@link CostClasses}) and a rate in €/m.
 *
 * <p>Stored in flat primitive arrays (compressed adjacency lists) so that a search touches little
 * memory. Immutable once built; every method is safe from several threads at once.
 */
public final class StreetGraph {
    /** Vertices closer than this are one; a street end this close to another street's segment splits it. */
    public static final double SNAP_M = 0.5;
    /** A network node farther than this from every street is not attached to the graph. */
    public static final double MAX_NODE_SNAP_M = 50;

    static final GeometryFactory GF = new GeometryFactory();

    final List<DigConditions.Street> streets;
    final double[] nodeX;
    final double[] nodeY;
    final int[] adjStart;
    final int[] adjEdge;
    final int[] edgeA;
    final int[] edgeB;
    final int[] edgeStreet;
    final double[] edgeLength;
    /** Edge e's vertices are coords[2 * coordStart[e] .. 2 * coordStart[e + 1]). */
    final int[] coordStart;
    final double[] coords;
    /** Edge e's runs are runStart[e] .. runStart[e + 1]: each ends at runEnd (distance along the edge). */
    final int[] runStart;
    final double[] runEnd;
    final int[] runClass;
    final double[] runRate;
    /** Cost classes by id (see {@link #runClass}). */
    final String[] classNames;
    /** Edge costs where no moratorium street may be dug (infinite for edges that would need it), and where it may. */
    final double[] costStrict;
    final double[] costAllowed;
    /** The connected part of each node, numbered by size (0 = the largest), and each part's node count. */
    final int[] part;
    final int[] partNodes;
    final HPRtree edgeIndex;
    private final Envelope extent = new Envelope();
    final int snappedVertices;
    final int tJunctions;

    StreetGraph(List<DigConditions.Street> streets, double[] nodeX, double[] nodeY, int[] edgeA, int[] edgeB,
            int[] edgeStreet, int[] coordStart, double[] coords, int[] runStart, double[] runEnd, int[] runClass,
            double[] runRate, String[] classNames, int snappedVertices, int tJunctions) {
        this.streets = streets;
        this.nodeX = nodeX;
        this.nodeY = nodeY;
        this.edgeA = edgeA;
        this.edgeB = edgeB;
        this.edgeStreet = edgeStreet;
        this.coordStart = coordStart;
        this.coords = coords;
        this.runStart = runStart;
        this.runEnd = runEnd;
        this.runClass = runClass;
        this.runRate = runRate;
        this.classNames = classNames;
        this.snappedVertices = snappedVertices;
        this.tJunctions = tJunctions;
        int n = nodeX.length;
        int m = edgeA.length;
        edgeLength = new double[m];
        costStrict = new double[m];
        costAllowed = new double[m];
        int moratoriumClass = classId(CostClasses.MORATORIUM_TRENCH);
        for (int e = 0; e < m; e++) {
            double from = 0;
            double cost = 0;
            boolean closed = false;
            for (int r = runStart[e]; r < runStart[e + 1]; r++) {
                cost += (runEnd[r] - from) * runRate[r];
                closed |= runClass[r] == moratoriumClass;
                from = runEnd[r];
            }
            edgeLength[e] = from;
            costAllowed[e] = cost;
            costStrict[e] = closed ? Double.POSITIVE_INFINITY : cost;
        }
        adjStart = new int[n + 1];
        for (int e = 0; e < m; e++) {
            adjStart[edgeA[e] + 1]++;
            adjStart[edgeB[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            adjStart[i + 1] += adjStart[i];
        }
        adjEdge = new int[2 * m];
        int[] fill = java.util.Arrays.copyOf(adjStart, n);
        for (int e = 0; e < m; e++) {
            adjEdge[fill[edgeA[e]]++] = e;
            adjEdge[fill[edgeB[e]]++] = e;
        }
        int[][] parts = Parts.of(n, edgeA, edgeB);
        part = parts[0];
        partNodes = parts[1];
        edgeIndex = new HPRtree();
        for (int e = 0; e < m; e++) {
            Envelope env = new Envelope();
            for (int k = coordStart[e]; k < coordStart[e + 1]; k++) {
                env.expandToInclude(coords[2 * k], coords[2 * k + 1]);
            }
            edgeIndex.insert(env, e);
            extent.expandToInclude(env);
        }
        edgeIndex.build();
    }

    /** The number of junctions. */
    public int nodeCount() {
        return nodeX.length;
    }

    /** The number of edges (street pieces between junctions). */
    public int edgeCount() {
        return edgeA.length;
    }

    /** The total length of all edges in metres. */
    public double lengthM() {
        double sum = 0;
        for (double l : edgeLength) {
            sum += l;
        }
        return sum;
    }

    /** How many street vertices were moved onto another vertex closer than {@value #SNAP_M} m. */
    public int snappedVertices() {
        return snappedVertices;
    }

    /** How many street ends split another street's segment (T-junctions without a shared vertex). */
    public int tJunctions() {
        return tJunctions;
    }

    /** The number of connected parts of the network; 1 when every junction can reach every other. */
    public int partCount() {
        return partNodes.length;
    }

    /** The junction counts of the connected parts, largest first. */
    public int[] partSizes() {
        return partNodes.clone();
    }

    /** The position of a junction. */
    public Coordinate nodeLocation(int node) {
        return new Coordinate(nodeX[node], nodeY[node]);
    }

    /** The connected part (0 = the largest) a junction belongs to. */
    public int partOf(int node) {
        return part[node];
    }

    int classId(String name) {
        for (int i = 0; i < classNames.length; i++) {
            if (classNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int other(int e, int node) {
        return edgeA[e] == node ? edgeB[e] : edgeA[e];
    }

    DigConditions.Street street(int e) {
        return streets.get(edgeStreet[e]);
    }

    /** Edge e as a line, from its node A to its node B. */
    LineString line(int e) {
        Coordinate[] c = new Coordinate[coordStart[e + 1] - coordStart[e]];
        for (int k = 0; k < c.length; k++) {
            int i = coordStart[e] + k;
            c[k] = new Coordinate(coords[2 * i], coords[2 * i + 1]);
        }
        return GF.createLineString(c);
    }

    /**
     * The cost of the stretch of edge e between two distances along it (in any order); infinite when it
     * needs a trench in a street under moratorium and {@code allowMoratorium} is false.
     */
    double cost(int e, double a, double b, boolean allowMoratorium) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double from = 0;
        double cost = 0;
        for (int r = runStart[e]; r < runStart[e + 1] && from < hi; r++) {
            double overlap = Math.min(hi, runEnd[r]) - Math.max(lo, from);
            if (overlap > 0) {
                if (!allowMoratorium && classNames[runClass[r]].equals(CostClasses.MORATORIUM_TRENCH)) {
                    return Double.POSITIVE_INFINITY;
                }
                cost += overlap * runRate[r];
            }
            from = runEnd[r];
        }
        return cost;
    }

    /**
     * The coordinates of edge e from distance {@code from} to distance {@code to} along it, in that
     * direction (reversed when {@code from > to}).
     */
    Coordinate[] extract(int e, double from, double to) {
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        List<Coordinate> out = new java.util.ArrayList<>();
        double at = 0;
        for (int k = coordStart[e]; k + 1 < coordStart[e + 1]; k++) {
            double ax = coords[2 * k];
            double ay = coords[2 * k + 1];
            double bx = coords[2 * k + 2];
            double by = coords[2 * k + 3];
            double len = Math.hypot(bx - ax, by - ay);
            double end = at + len;
            if (len > 0 && end >= lo) {
                if (out.isEmpty()) {
                    out.add(point(ax, ay, bx, by, (lo - at) / len));
                }
                if (end < hi) {
                    out.add(new Coordinate(bx, by));
                } else {
                    out.add(point(ax, ay, bx, by, (hi - at) / len));
                    break;
                }
            }
            at = end;
        }
        if (from > to) {
            java.util.Collections.reverse(out);
        }
        return out.toArray(new Coordinate[0]);
    }

    private static Coordinate point(double ax, double ay, double bx, double by, double t) {
        double f = Math.max(0, Math.min(1, t));
        return new Coordinate(ax + f * (bx - ax), ay + f * (by - ay));
    }

    /** Where a point or area meets the street graph: an edge, the distance along it, and the gap to bridge. */
    record Snap(int edge, double pos, Coordinate onStreet, Coordinate onTarget, double distance) {
    }

    /** The nearest street point to {@code c}: lowest edge id on a tie; null when the graph has no edges. */
    Snap nearest(Coordinate c) {
        return nearest(c.x, c.y, c.x, c.y, e -> {
            double best = Double.POSITIVE_INFINITY;
            double bestPos = 0;
            Coordinate bestAt = null;
            double at = 0;
            for (int k = coordStart[e]; k + 1 < coordStart[e + 1]; k++) {
                double ax = coords[2 * k];
                double ay = coords[2 * k + 1];
                double bx = coords[2 * k + 2];
                double by = coords[2 * k + 3];
                double len = Math.hypot(bx - ax, by - ay);
                double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((c.x - ax) * (bx - ax) + (c.y - ay) * (by - ay)) / (len * len)));
                Coordinate foot = point(ax, ay, bx, by, t);
                double d = foot.distance(c);
                if (d < best) {
                    best = d;
                    bestPos = Math.min(edgeLength[e], at + t * len);
                    bestAt = foot;
                }
                at += len;
            }
            return new Snap(e, bestPos, bestAt, new Coordinate(c.x, c.y), best);
        });
    }

    /** The nearest street point to an area (a commercial plot): the gap is between it and the area's edge. */
    Snap nearest(org.locationtech.jts.geom.Geometry area) {
        Envelope env = area.getEnvelopeInternal();
        return nearest(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY(), e -> {
            LineString l = line(e);
            Coordinate[] pts = org.locationtech.jts.operation.distance.DistanceOp.nearestPoints(l, area);
            double pos = new org.locationtech.jts.linearref.LengthIndexedLine(l).project(pts[0]);
            return new Snap(e, Math.max(0, Math.min(edgeLength[e], pos)), pts[0], pts[1], pts[0].distance(pts[1]));
        });
    }

    private Snap nearest(double minX, double minY, double maxX, double maxY,
            java.util.function.IntFunction<Snap> measure) {
        if (edgeA.length == 0) {
            return null;
        }
        for (double r = 25;; r *= 4) {
            Snap[] best = {null};
            double reach = r;
            Envelope search = new Envelope(minX - r, maxX + r, minY - r, maxY + r);
            edgeIndex.query(search, item -> {
                Snap s = measure.apply((Integer) item);
                if (s.distance() <= reach && (best[0] == null || s.distance() < best[0].distance()
                        || s.distance() == best[0].distance() && s.edge() < best[0].edge())) {
                    best[0] = s;
                }
            });
            if (best[0] != null) {
                return best[0];
            }
            if (search.covers(extent)) {
                // every edge was a candidate, none within the box's reach: take the nearest at any distance
                edgeIndex.query(search, item -> {
                    Snap s = measure.apply((Integer) item);
                    if (best[0] == null || s.distance() < best[0].distance()
                            || s.distance() == best[0].distance() && s.edge() < best[0].edge()) {
                        best[0] = s;
                    }
                });
                return best[0];
            }
        }
    }
}
