package de.trassenwerk.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The generated street network: a quadtree of blocks, fine (100 m) around the centres and coarse
 * (400 m) at the edges, whose block edges become street segments. Segments that meet share their
 * end vertex (T-junctions included, because a coarse block's edge is split wherever a finer
 * neighbour's corner lies on it). The grid is bent by a smooth warp and a little jitter so that it
 * does not look ruled; segments in water or outside the city are dropped, bridges are added, and
 * only the largest connected part is kept.
 */
final class StreetNetwork {
    /** Grid unit in metres: the smallest block side. */
    static final double UNIT = 100;
    static final double ORIGIN_X = 334800;
    static final double ORIGIN_Y = 5689200;
    private static final int ROOT = 256;

    /** A segment between two vertices; {@code axis} H or V with the grid line index, or B for a bridge. */
    record Segment(int a, int b, char axis, int line, String bridge) {
    }

    /** A block (quadtree leaf): lower-left grid position and side in units. */
    record Block(int ix, int iy, int size) {
    }

    final List<Coordinate> vertices = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    private final Map<Long, Integer> vertexIds = new HashMap<>();
    private final long seed;
    private final double[] warpPhase = new double[4];
    int droppedParts;

    private StreetNetwork(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 4; i++) {
            warpPhase[i] = r.nextDouble() * 2 * Math.PI;
        }
    }

    /** Builds the network inside {@code city}, avoiding {@code water}. */
    static StreetNetwork build(long seed, Polygon city, Geometry water) {
        StreetNetwork n = new StreetNetwork(seed);
        PreparedGeometry preparedCity = PreparedGeometryFactory.prepare(city);
        n.subdivide(0, 0, ROOT, preparedCity, city.getFactory());
        n.extractSegments(preparedCity, PreparedGeometryFactory.prepare(water), city.getFactory());
        n.addBridges(water, city.getFactory());
        n.keepLargestComponent();
        return n;
    }

    /** How fine the blocks should be at a point: 1, 2 or 4 units. */
    static int spacing(double x, double y) {
        double best = Double.MAX_VALUE;
        for (DuisburgGazetteer.Centre c : DuisburgGazetteer.CENTRES) {
            best = Math.min(best, StrictMath.hypot(x - c.x(), y - c.y()) / c.radius());
        }
        for (DuisburgGazetteer.Cluster c : DuisburgGazetteer.CLUSTERS) {
            if (StrictMath.hypot(x - c.x(), y - c.y()) < c.radius() * 0.9) {
                return 4; // industrial land: large blocks
            }
        }
        if (best < 0.75) {
            return 1;
        }
        if (best < 2.6) {
            return 2;
        }
        return 4;
    }

    private void subdivide(int ix, int iy, int size, PreparedGeometry city, GeometryFactory gf) {
        Envelope env = new Envelope(gx(ix), gx(ix + size), gy(iy), gy(iy + size));
        if (!city.intersects(gf.toGeometry(env))) {
            return;
        }
        int need = Integer.MAX_VALUE;
        if (size <= 4) {
            double[][] probes = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}};
            for (double[] p : probes) {
                need = Math.min(need, spacing(gx(ix + size * p[0]), gy(iy + size * p[1])));
            }
        }
        if (size > 4 || size > need) {
            int h = size / 2;
            subdivide(ix, iy, h, city, gf);
            subdivide(ix + h, iy, h, city, gf);
            subdivide(ix, iy + h, h, city, gf);
            subdivide(ix + h, iy + h, h, city, gf);
        } else {
            blocks.add(new Block(ix, iy, size));
        }
    }

    static double gx(double ix) {
        return ORIGIN_X + ix * UNIT;
    }

    static double gy(double iy) {
        return ORIGIN_Y + iy * UNIT;
    }

    private static long key(int ix, int iy) {
        return ((long) ix << 32) | (iy & 0xffffffffL);
    }

    /** The bent position of grid point (ix, iy): a smooth warp plus a small per-vertex jitter. */
    Coordinate position(int ix, int iy) {
        Coordinate w = warpedPoint(ix, iy);
        SplittableRandom r = new SplittableRandom(seed ^ key(ix, iy) * 0x9E3779B97F4A7C15L);
        double jx = (r.nextDouble() - 0.5) * 20;
        double jy = (r.nextDouble() - 0.5) * 20;
        return new Coordinate(Math.round((w.x + jx) * 100) / 100.0, Math.round((w.y + jy) * 100) / 100.0);
    }

    private void extractSegments(PreparedGeometry city, PreparedGeometry water, GeometryFactory gf) {
        TreeSet<Long> corners = new TreeSet<>();
        for (Block b : blocks) {
            corners.add(key(b.ix(), b.iy()));
            corners.add(key(b.ix() + b.size(), b.iy()));
            corners.add(key(b.ix(), b.iy() + b.size()));
            corners.add(key(b.ix() + b.size(), b.iy() + b.size()));
        }
        TreeMap<Long, Segment> unique = new TreeMap<>();
        for (Block b : blocks) {
            // bottom and top sides run along x (axis H, line = iy); left and right along y (axis V, line = ix)
            walk(b.ix(), b.iy(), b.size(), true, corners, unique);
            walk(b.ix(), b.iy() + b.size(), b.size(), true, corners, unique);
            walk(b.ix(), b.iy(), b.size(), false, corners, unique);
            walk(b.ix() + b.size(), b.iy(), b.size(), false, corners, unique);
        }
        for (Segment s : unique.values()) {
            Coordinate a = vertices.get(s.a());
            Coordinate c = vertices.get(s.b());
            LineString line = gf.createLineString(new Coordinate[] {a, c});
            if (!city.contains(line) || water.intersects(line)) {
                continue;
            }
            segments.add(s);
        }
    }

    private void walk(int ix, int iy, int size, boolean alongX, TreeSet<Long> corners, Map<Long, Segment> out) {
        int start = 0;
        for (int step = 1; step <= size; step++) {
            int px = alongX ? ix + step : ix;
            int py = alongX ? iy : iy + step;
            if (corners.contains(key(px, py))) {
                int ax = alongX ? ix + start : ix;
                int ay = alongX ? iy : iy + start;
                int a = vertex(ax, ay);
                int b = vertex(px, py);
                long k = ((long) Math.min(a, b) << 32) | Math.max(a, b);
                out.putIfAbsent(k, new Segment(Math.min(a, b), Math.max(a, b), alongX ? 'H' : 'V', alongX ? iy : ix,
                        null));
                start = step;
            }
        }
    }

    private int vertex(int ix, int iy) {
        return vertexIds.computeIfAbsent(key(ix, iy), k -> {
            vertices.add(position(ix, iy));
            return vertices.size() - 1;
        });
    }

    /** Connects the banks at each bridge: the shortest water crossing between used vertices near it. */
    private void addBridges(Geometry water, GeometryFactory gf) {
        boolean[] used = new boolean[vertices.size()];
        for (Segment s : segments) {
            used[s.a()] = true;
            used[s.b()] = true;
        }
        PreparedGeometry wet = PreparedGeometryFactory.prepare(water);
        for (DuisburgGazetteer.Bridge bridge : DuisburgGazetteer.BRIDGES) {
            List<Integer> near = new ArrayList<>();
            for (int v = 0; v < vertices.size(); v++) {
                if (used[v] && vertices.get(v).distance(new Coordinate(bridge.x(), bridge.y())) < 800) {
                    near.add(v);
                }
            }
            double best = Double.MAX_VALUE;
            int[] pair = null;
            Coordinate p = new Coordinate(bridge.x(), bridge.y());
            for (int i = 0; i < near.size(); i++) {
                for (int j = i + 1; j < near.size(); j++) {
                    Coordinate a = vertices.get(near.get(i));
                    Coordinate b = vertices.get(near.get(j));
                    LineString l = gf.createLineString(new Coordinate[] {a, b});
                    if (!wet.intersects(l)) {
                        continue;
                    }
                    double score = a.distance(b) * 1.5 + a.distance(p) + b.distance(p);
                    if (score < best) {
                        best = score;
                        pair = new int[] {near.get(i), near.get(j)};
                    }
                }
            }
            if (pair != null) {
                segments.add(new Segment(Math.min(pair[0], pair[1]), Math.max(pair[0], pair[1]), 'B', -1,
                        bridge.name()));
            }
        }
    }

    private void keepLargestComponent() {
        int[] parent = new int[vertices.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Segment s : segments) {
            union(parent, s.a(), s.b());
        }
        Map<Integer, Integer> size = new HashMap<>();
        for (Segment s : segments) {
            size.merge(find(parent, s.a()), 1, Integer::sum);
        }
        int best = -1;
        int bestSize = -1;
        for (Map.Entry<Integer, Integer> e : new TreeMap<>(size).entrySet()) {
            if (e.getValue() > bestSize) {
                best = e.getKey();
                bestSize = e.getValue();
            }
        }
        droppedParts = size.size() - 1;
        int root = best;
        segments.removeIf(s -> find(parent, s.a()) != root);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    LineString line(Segment s, GeometryFactory gf) {
        return gf.createLineString(new Coordinate[] {vertices.get(s.a()).copy(), vertices.get(s.b()).copy()});
    }

    /** The bent outline of a block or part of one, in grid units. */
    Polygon blockPolygon(double ix, double iy, double w, double h, GeometryFactory gf) {
        Coordinate[] ring = {
            warpedPoint(ix, iy), warpedPoint(ix + w, iy), warpedPoint(ix + w, iy + h), warpedPoint(ix, iy + h), null,
        };
        ring[4] = ring[0].copy();
        return gf.createPolygon(ring);
    }

    /** A point of the bent grid at fractional grid units (warp only, no jitter). */
    Coordinate warpedPoint(double ix, double iy) {
        double x = gx(ix);
        double y = gy(iy);
        double wx = 70 * StrictMath.sin(y / 1100 + warpPhase[0]) + 35 * StrictMath.sin(x / 700 + warpPhase[1]);
        double wy = 70 * StrictMath.sin(x / 1300 + warpPhase[2]) + 35 * StrictMath.sin(y / 800 + warpPhase[3]);
        return new Coordinate(Math.round((x + wx) * 100) / 100.0, Math.round((y + wy) * 100) / 100.0);
    }
}
