package de.trassenwerk.coordination;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;

/**
 * Street centrelines in a packed R-tree ({@link BoxIndex}): which streets lie near a geometry, and
 * which street each stretch of a section belongs to (for pricing by street class). Built once, then
 * read-only; safe to query from several threads.
 */
final class StreetIndex {
    /** Lengths closer than this count as equal when choosing a section's main street. */
    private static final double TIE_M = 1e-6;
    private final List<StreetSegment> streets;
    private final BoxIndex index;

    StreetIndex(List<StreetSegment> streets) {
        this.streets = streets;
        this.index = new BoxIndex(streets.stream().map(s -> s.shape().envelope).toList());
    }

    List<StreetSegment> all() {
        return streets;
    }

    /** Indexes (into {@link #all()}) of the streets whose envelope lies within {@code distance} of {@code env}, ascending. */
    int[] near(Envelope env, double distance) {
        Envelope search = new Envelope(env);
        search.expandBy(distance);
        return index.query(search);
    }

    /** Indexes of the streets whose envelope lies within {@code distance} of a segment of lineal {@code g}, ascending. */
    int[] nearLine(Geometry g, double distance) {
        return index.query(Sections.segmentEnvelopes(g, distance));
    }

    /**
     * How long a section runs along each street (indexes into {@link #all()}, ascending, with their
     * lengths), and how much of it lies near no street.
     */
    record Shares(int[] streets, double[] lengths, double nearNoStreet) {
        /** The index of the street holding the largest part of the section (lowest fid on a tie); -1 when none. */
        int main(List<StreetSegment> all) {
            int best = -1;
            double most = 0;
            for (int i = 0; i < streets.length; i++) {
                double v = lengths[i];
                if (best < 0 || v > most + TIE_M
                        || Math.abs(v - most) <= TIE_M && all.get(streets[i]).fid() < all.get(best).fid()) {
                    most = v;
                    best = streets[i];
                }
            }
            return best;
        }
    }

    /**
     * Splits a section among the streets: each stretch belongs to the street nearest to it, if one lies
     * within {@code distance}, else to none. {@code candidateStreets} (ascending indexes) must hold every
     * street within {@code distance} of the section, for instance those near the whole route. Stretches are cut where a street vertex projects onto the
     * section or where a street's distance band begins or ends, and each stretch is given to the street
     * nearest its middle, so junctions divide the section exactly.
     */
    Shares shares(List<LineString> pieces, int[] candidateStreets, double distance) {
        double[] total = new double[candidateStreets.length];
        double none = 0;
        for (LineString piece : pieces) {
            Envelope reach = new Envelope(piece.getEnvelopeInternal());
            reach.expandBy(distance);
            int[] near = within(candidateStreets, reach.getMinX(), reach.getMinY(), reach.getMaxX(), reach.getMaxY());
            Coordinate[] pc = piece.getCoordinates();
            for (int k = 0; k + 1 < pc.length; k++) {
                none += shareSegment(pc[k], pc[k + 1], near, candidateStreets, total, distance);
            }
        }
        int n = 0;
        int[] idx = new int[total.length];
        double[] len = new double[total.length];
        for (int i = 0; i < total.length; i++) {
            if (total[i] > 0) {
                idx[n] = candidateStreets[i];
                len[n++] = total[i];
            }
        }
        return new Shares(Arrays.copyOf(idx, n), Arrays.copyOf(len, n), none);
    }

    /** The streets among {@code candidates} whose envelopes meet the box. */
    private int[] within(int[] candidates, double minX, double minY, double maxX, double maxY) {
        int[] out = new int[candidates.length];
        int n = 0;
        for (int c : candidates) {
            Envelope e = streets.get(c).shape().envelope;
            if (e.getMinX() <= maxX && e.getMaxX() >= minX && e.getMinY() <= maxY && e.getMaxY() >= minY) {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Shares out segment p→q of a section: adds each stretch's length to its street in {@code total}
     * (indexed like {@code all}); returns the length near no street.
     */
    private double shareSegment(Coordinate p, Coordinate q, int[] near, int[] all, double[] total, double distance) {
        double segLen = p.distance(q);
        if (segLen == 0) {
            return 0;
        }
        int[] candidates = within(near, Math.min(p.x, q.x) - distance, Math.min(p.y, q.y) - distance,
                Math.max(p.x, q.x) + distance, Math.max(p.y, q.y) + distance);
        double[] cuts = cuts(p, q, candidates, distance);
        LineSegment seg = new LineSegment(p, q);
        double none = 0;
        for (int i = 0; i + 1 < cuts.length; i++) {
            double a = cuts[i];
            double b = cuts[i + 1];
            if (b - a <= 0) {
                continue;
            }
            int nearest = nearest(seg.pointAlong((a + b) / 2), candidates, candidates.length, distance);
            double len = (b - a) * segLen;
            if (nearest < 0) {
                none += len;
            } else {
                total[Arrays.binarySearch(all, nearest)] += len;
            }
        }
        return none;
    }

    /**
     * Where segment p→q must be cut (parameters 0..1, sorted): where a street vertex projects onto it,
     * and where a street's distance band begins or ends.
     */
    private double[] cuts(Coordinate p, Coordinate q, int[] candidates, double distance) {
        double[] cuts = new double[16];
        int m = 0;
        cuts[m++] = 0;
        cuts[m++] = 1;
        double[] t = new double[2];
        double dx = q.x - p.x;
        double dy = q.y - p.y;
        double len2 = dx * dx + dy * dy;
        for (int c : candidates) {
            double[] e = streets.get(c).shape().edges;
            for (int j = 0; j < e.length; j += 4) {
                if (m + 4 > cuts.length) {
                    cuts = Arrays.copyOf(cuts, cuts.length * 2);
                }
                for (int end = 0; end < 4; end += 2) {
                    double f = ((e[j + end] - p.x) * dx + (e[j + end + 1] - p.y) * dy) / len2;
                    if (f > 0 && f < 1) {
                        cuts[m++] = f;
                    }
                }
                if (Capsule.within(p.x, p.y, q.x, q.y, e[j], e[j + 1], e[j + 2], e[j + 3], distance, t)) {
                    cuts[m++] = t[0];
                    cuts[m++] = t[1];
                }
            }
        }
        Arrays.sort(cuts, 0, m);
        return Arrays.copyOf(cuts, m);
    }

    /** The index of the street nearest to {@code c} among the first {@code n} candidates, if within {@code distance}; lowest fid on a tie; -1 when none. */
    private int nearest(Coordinate c, int[] candidates, int n, double distance) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            StreetSegment s = streets.get(candidates[i]);
            if (surelyFarther(c, s.shape().envelope, Math.min(distance, bestD))) {
                continue; // cannot be within the distance, nor as near as the best so far
            }
            double d = distance(c, s.line());
            if (d <= distance && (d < bestD || d == bestD && best >= 0 && s.fid() < streets.get(best).fid())) {
                bestD = d;
                best = candidates[i];
            }
        }
        return best;
    }

    /**
     * Whether {@code c} lies farther than {@code limit} from everything in {@code e}, by a margin far
     * above rounding, so that skipping the exact distance cannot change which street is nearest.
     */
    private static boolean surelyFarther(Coordinate c, Envelope e, double limit) {
        double dx = Math.max(Math.max(e.getMinX() - c.x, c.x - e.getMaxX()), 0);
        double dy = Math.max(Math.max(e.getMinY() - c.y, c.y - e.getMaxY()), 0);
        return Math.max(dx, dy) > limit + FAR_SLACK * Math.max(1, limit);
    }

    /** Relative margin of {@link #surelyFarther}: a million times the rounding error of a distance. */
    private static final double FAR_SLACK = 1e-9;

    static double distance(Coordinate c, Geometry line) {
        double best = Double.POSITIVE_INFINITY;
        for (int g = 0; g < line.getNumGeometries(); g++) {
            Coordinate[] sc = line.getGeometryN(g).getCoordinates();
            if (sc.length == 1) {
                best = Math.min(best, c.distance(sc[0]));
            }
            for (int j = 0; j + 1 < sc.length; j++) {
                best = Math.min(best, Distance.pointToSegment(c, sc[j], sc[j + 1]));
            }
        }
        return best;
    }
}
