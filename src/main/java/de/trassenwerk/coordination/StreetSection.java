package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * The stretch of a street centreline a site lies on, by linear referencing: the part of the site within
 * the buffer distance of the street, projected onto the centreline. Given as the distances
 * {@code from <= to} along the street from its first vertex. Two sites that meet end to end project
 * onto stretches that only touch. Immutable value plus a stateless factory; safe from any thread.
 */
record StreetSection(double from, double to) {

    double length() {
        return to - from;
    }

    /** The length both sections share (0 when they only touch or are apart). */
    double overlap(StreetSection o) {
        return Math.max(0, Math.min(to, o.to) - Math.max(from, o.from));
    }

    /**
     * The section of {@code site} on {@code street}, or null when no part of the site lies within
     * {@code distance}. Points of the site's outline (or line) within the distance are projected; where
     * an outline edge enters or leaves the distance band, the exact crossing (true circles at the
     * street's vertices) is projected; street vertices inside a polygonal site count as well.
     */
    static StreetSection of(Geometry street, Geometry site, double distance) {
        LengthIndexedLine along = new LengthIndexedLine(street);
        List<Coordinate[]> streetParts = parts(street);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Coordinate[] edge : edges(site)) {
            for (Coordinate[] sc : streetParts) {
                for (int j = 0; j + 1 < sc.length; j++) {
                    double[] in = Capsule.within(edge[0], edge[1], sc[j], sc[j + 1], distance);
                    if (in == null) {
                        continue;
                    }
                    LineSegment e = new LineSegment(edge[0], edge[1]);
                    double a = along.project(e.pointAlong(in[0]));
                    double b = along.project(e.pointAlong(in[1]));
                    lo = Math.min(lo, Math.min(a, b));
                    hi = Math.max(hi, Math.max(a, b));
                }
            }
        }
        if (site instanceof Polygonal) {
            IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(site);
            double offset = 0;
            for (Coordinate[] sc : streetParts) {
                for (int j = 0; j < sc.length; j++) {
                    if (j > 0) {
                        offset += sc[j - 1].distance(sc[j]);
                    }
                    if (inside.locate(sc[j]) != Location.EXTERIOR) {
                        lo = Math.min(lo, offset);
                        hi = Math.max(hi, offset);
                    }
                }
            }
        }
        return lo <= hi ? new StreetSection(lo, hi) : null;
    }

    /** The largest distance of any vertex of {@code site} from {@code street}. */
    static double reach(Geometry street, Geometry site) {
        double far = 0;
        for (Coordinate c : site.getCoordinates()) {
            far = Math.max(far, StreetIndex.distance(c, street));
        }
        return far;
    }

    private static List<Coordinate[]> parts(Geometry line) {
        List<Coordinate[]> out = new ArrayList<>();
        for (int i = 0; i < line.getNumGeometries(); i++) {
            out.add(line.getGeometryN(i).getCoordinates());
        }
        return out;
    }

    /** The edges of a site's outline (rings of polygons, segments of lines; a point is an edge of no length). */
    private static List<Coordinate[]> edges(Geometry site) {
        List<Coordinate[]> out = new ArrayList<>();
        collect(site, out);
        return out;
    }

    private static void collect(Geometry g, List<Coordinate[]> out) {
        if (g.getNumGeometries() > 1 || g instanceof org.locationtech.jts.geom.GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), out);
            }
            return;
        }
        if (g instanceof org.locationtech.jts.geom.Polygon poly) {
            collectLine(poly.getExteriorRing().getCoordinates(), out);
            for (int i = 0; i < poly.getNumInteriorRing(); i++) {
                collectLine(poly.getInteriorRingN(i).getCoordinates(), out);
            }
        } else {
            Coordinate[] c = g.getCoordinates();
            if (c.length == 1) {
                out.add(new Coordinate[] {c[0], c[0]});
            } else {
                collectLine(c, out);
            }
        }
    }

    private static void collectLine(Coordinate[] c, List<Coordinate[]> out) {
        for (int i = 0; i + 1 < c.length; i++) {
            out.add(new Coordinate[] {c[i], c[i + 1]});
        }
    }
}
