package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Street centrelines in an STR-tree: which streets lie near a geometry, and which street each stretch
 * of a section belongs to (for pricing by street class). Built once, then read-only; safe to query
 * from several threads.
 */
final class StreetIndex {
    /** Lengths closer than this count as equal when choosing a section's main street. */
    private static final double TIE_M = 1e-6;
    private final List<StreetSegment> streets;
    private final STRtree index = new STRtree();

    StreetIndex(List<StreetSegment> streets) {
        this.streets = streets;
        for (int i = 0; i < streets.size(); i++) {
            index.insert(streets.get(i).line().getEnvelopeInternal(), i);
        }
        index.build();
    }

    List<StreetSegment> all() {
        return streets;
    }

    /** Indexes (into {@link #all()}) of the streets whose envelope lies within {@code distance} of {@code env}, ascending. */
    int[] near(Envelope env, double distance) {
        Envelope search = new Envelope(env);
        search.expandBy(distance);
        List<?> hits = index.query(search);
        int[] out = new int[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Integer) hits.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** Indexes of the streets whose envelope lies within {@code distance} of a segment of lineal {@code g}, ascending. */
    int[] nearLine(Geometry g, double distance) {
        return Sections.query(index, Sections.segmentEnvelopes(g, distance));
    }

    /** How long a section runs along each street, and how much of it lies near no street. */
    record Shares(Map<StreetSegment, Double> byStreet, double nearNoStreet) {
        /** The street holding the largest part of the section (lowest fid on a tie); null when none. */
        StreetSegment main() {
            StreetSegment best = null;
            double most = 0;
            for (Map.Entry<StreetSegment, Double> e : byStreet.entrySet()) {
                double v = e.getValue();
                if (best == null || v > most + TIE_M || Math.abs(v - most) <= TIE_M && e.getKey().fid() < best.fid()) {
                    most = v;
                    best = e.getKey();
                }
            }
            return best;
        }
    }

    /**
     * Splits a section among the streets: each stretch belongs to the street nearest to it, if one lies
     * within {@code distance}, else to none. Stretches are cut where a street vertex projects onto the
     * section or where a street's distance band begins or ends, and each stretch is given to the street
     * nearest its middle, so junctions divide the section exactly.
     */
    Shares shares(List<LineString> pieces, double distance) {
        Map<StreetSegment, Double> lengths = new LinkedHashMap<>();
        double none = 0;
        for (LineString piece : pieces) {
            Coordinate[] pc = piece.getCoordinates();
            for (int k = 0; k + 1 < pc.length; k++) {
                Coordinate p = pc[k];
                Coordinate q = pc[k + 1];
                double segLen = p.distance(q);
                if (segLen == 0) {
                    continue;
                }
                Envelope env = new Envelope(p, q);
                int[] candidates = near(env, distance);
                List<Double> cuts = new ArrayList<>(List.of(0.0, 1.0));
                LineSegment seg = new LineSegment(p, q);
                for (int c : candidates) {
                    Geometry line = streets.get(c).line();
                    for (int g = 0; g < line.getNumGeometries(); g++) {
                        Coordinate[] sc = line.getGeometryN(g).getCoordinates();
                        for (int j = 0; j < sc.length; j++) {
                            double f = seg.projectionFactor(sc[j]);
                            if (f > 0 && f < 1) {
                                cuts.add(f);
                            }
                            if (j + 1 < sc.length) {
                                double[] in = Capsule.within(p, q, sc[j], sc[j + 1], distance);
                                if (in != null) {
                                    cuts.add(in[0]);
                                    cuts.add(in[1]);
                                }
                            }
                        }
                    }
                }
                cuts.sort(null);
                for (int i = 0; i + 1 < cuts.size(); i++) {
                    double a = cuts.get(i);
                    double b = cuts.get(i + 1);
                    if (b - a <= 0) {
                        continue;
                    }
                    Coordinate mid = seg.pointAlong((a + b) / 2);
                    StreetSegment nearest = nearest(mid, candidates, distance);
                    double len = (b - a) * segLen;
                    if (nearest == null) {
                        none += len;
                    } else {
                        lengths.merge(nearest, len, Double::sum);
                    }
                }
            }
        }
        return new Shares(lengths, none);
    }

    /** The street nearest to {@code c} among the candidates, if within {@code distance}; lowest fid on a tie. */
    private StreetSegment nearest(Coordinate c, int[] candidates, double distance) {
        StreetSegment best = null;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i : candidates) {
            StreetSegment s = streets.get(i);
            double d = distance(c, s.line());
            if (d <= distance && (d < bestD || d == bestD && best != null && s.fid() < best.fid())) {
                bestD = d;
                best = s;
            }
        }
        return best;
    }

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
