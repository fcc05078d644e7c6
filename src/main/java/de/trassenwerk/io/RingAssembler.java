package de.trassenwerk.io;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds polygons from rings as shapefiles and Esri JSON give them: outer rings run clockwise and
 * holes counter-clockwise, and a hole belongs to the outer ring that contains it; a
 * hole is given to the smallest outer ring around it. Files that break the rule are read as GDAL
 * reads them: a hole with no ring around it is an outer ring of its own, and when every ring runs
 * the same way, nesting (inside an odd number of rings) decides. Unclosed rings are closed. Pure,
 * thread-safe.
 */
public final class RingAssembler {
    private RingAssembler() {
    }

    private record Ring(Coordinate[] points, Envelope envelope, double area) {
        static Ring of(Coordinate[] pts) {
            Envelope e = new Envelope();
            for (Coordinate c : pts) {
                e.expandToInclude(c);
            }
            return new Ring(pts, e, Math.abs(signedArea(pts)));
        }

        /** Whether {@code other} lies inside this ring (tested with a vertex not on this ring's boundary). */
        boolean contains(Ring other) {
            if (!envelope.covers(other.envelope)) {
                return false;
            }
            for (Coordinate c : other.points) {
                int loc = PointLocation.locateInRing(c, points);
                if (loc != Location.BOUNDARY) {
                    return loc == Location.INTERIOR;
                }
            }
            return false;
        }
    }

    /** The polygon (one outer ring) or multipolygon of the given rings. */
    public static Geometry assemble(List<Coordinate[]> rings, GeometryFactory f) {
        List<Ring> shells = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Coordinate[] r : rings) {
            Coordinate[] closed = close(r);
            Ring ring = Ring.of(closed);
            if (Orientation.isCCW(closed)) {
                holes.add(ring);
            } else {
                shells.add(ring);
            }
        }
        if (shells.isEmpty()) {
            return byNesting(holes, f);
        }
        List<List<Ring>> holesOf = new ArrayList<>();
        shells.forEach(s -> holesOf.add(new ArrayList<>()));
        for (Ring h : holes) {
            int best = -1;
            for (int i = 0; i < shells.size(); i++) {
                if (shells.get(i).contains(h) && (best < 0 || shells.get(i).area < shells.get(best).area)) {
                    best = i;
                }
            }
            if (best >= 0) {
                holesOf.get(best).add(h);
            } else {
                shells.add(h);
                holesOf.add(new ArrayList<>());
            }
        }
        return build(shells, holesOf, f);
    }

    /** Rings all of one orientation: a ring inside an odd number of others is a hole of the innermost. */
    private static Geometry byNesting(List<Ring> rings, GeometryFactory f) {
        List<Ring> shells = new ArrayList<>();
        List<List<Ring>> holesOf = new ArrayList<>();
        List<Ring> holes = new ArrayList<>();
        for (Ring r : rings) {
            int depth = 0;
            for (Ring o : rings) {
                if (o != r && o.contains(r)) {
                    depth++;
                }
            }
            if (depth % 2 == 0) {
                shells.add(r);
                holesOf.add(new ArrayList<>());
            } else {
                holes.add(r);
            }
        }
        for (Ring h : holes) {
            int best = -1;
            for (int i = 0; i < shells.size(); i++) {
                if (shells.get(i).contains(h) && (best < 0 || shells.get(i).area < shells.get(best).area)) {
                    best = i;
                }
            }
            holesOf.get(Math.max(best, 0)).add(h);
        }
        return build(shells, holesOf, f);
    }

    private static Geometry build(List<Ring> shells, List<List<Ring>> holesOf, GeometryFactory f) {
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            LinearRing shell = f.createLinearRing(shells.get(i).points);
            List<Ring> hs = holesOf.get(i);
            LinearRing[] holes = new LinearRing[hs.size()];
            for (int k = 0; k < holes.length; k++) {
                holes[k] = f.createLinearRing(hs.get(k).points);
            }
            polygons[i] = f.createPolygon(shell, holes);
        }
        return polygons.length == 1 ? polygons[0] : f.createMultiPolygon(polygons);
    }

    private static Coordinate[] close(Coordinate[] r) {
        if (r.length > 0 && !r[0].equals2D(r[r.length - 1])) {
            Coordinate[] closed = new Coordinate[r.length + 1];
            System.arraycopy(r, 0, closed, 0, r.length);
            closed[r.length] = r[0].copy();
            return closed;
        }
        return r;
    }

    private static double signedArea(Coordinate[] pts) {
        double sum = 0;
        for (int i = 0; i + 1 < pts.length; i++) {
            sum += pts[i].x * pts[i + 1].y - pts[i + 1].x * pts[i].y;
        }
        return sum / 2;
    }
}
