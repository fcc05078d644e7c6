package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Line pieces of findings: merging into connected pieces, ordering along a reference line, the
 * midpoint by length, index queries per segment, the width of a footprint. Stateless; safe from any
 * thread.
 */
final class Sections {
    static final GeometryFactory GF = new GeometryFactory();

    private Sections() {
    }

    /**
     * Envelopes of the segments of lineal {@code g}, each widened by {@code by}, for tight index queries;
     * consecutive segments that run straight on share one envelope.
     */
    static List<Envelope> segmentEnvelopes(Geometry g, double by) {
        List<Envelope> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Coordinate[] c = g.getGeometryN(i).getCoordinates();
            Envelope run = null;
            for (int k = 0; k + 1 < c.length; k++) {
                Envelope e = new Envelope(c[k], c[k + 1]);
                e.expandBy(by);
                if (run != null) {
                    Envelope both = new Envelope(run);
                    both.expandToInclude(e);
                    if (both.getArea() <= 1.25 * (run.getArea() + e.getArea())) {
                        run = both; // straight on: one query for the run
                        continue;
                    }
                    out.add(run);
                }
                run = e;
            }
            if (run != null) {
                out.add(run);
            }
        }
        return out;
    }

    /** The lineal parts of {@code g} merged where they meet end to end; zero-length bits dropped. */
    static List<LineString> merge(Geometry g) {
        LineMerger merger = new LineMerger();
        boolean any = false;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString l && l.getLength() > 0) {
                merger.add(l);
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        return new ArrayList<>(merged);
    }

    /** The LineStrings of a lineal geometry. */
    static List<LineString> lines(Geometry g) {
        List<LineString> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof LineString l && !l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    /** The first {@code n} values of {@code a}, sorted, each once. */
    static int[] distinctSorted(int[] a, int n) {
        java.util.Arrays.sort(a, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || a[i] != a[m - 1]) {
                a[m++] = a[i];
            }
        }
        return java.util.Arrays.copyOf(a, m);
    }

    static double length(List<LineString> pieces) {
        double sum = 0;
        for (LineString l : pieces) {
            sum += l.getLength();
        }
        return sum;
    }

    /**
     * The pieces oriented and sorted in the direction of {@code reference} (a route or street), so that
     * the section reads in the same order as the line it belongs to.
     */
    static List<LineString> along(List<LineString> pieces, Geometry reference) {
        List<LineString> ref = merge(reference);
        if (ref.size() != 1 || pieces.size() == 0) {
            List<LineString> sorted = new ArrayList<>(pieces);
            sorted.sort(Comparator.comparing((LineString l) -> l.getCoordinateN(0)));
            return sorted;
        }
        LengthIndexedLine index = new LengthIndexedLine(ref.get(0));
        List<LineString> out = new ArrayList<>();
        List<double[]> keys = new ArrayList<>();
        for (LineString l : pieces) {
            double a = index.project(l.getCoordinateN(0));
            double b = index.project(l.getCoordinateN(l.getNumPoints() - 1));
            LineString oriented = b < a ? l.reverse() : l;
            out.add(oriented);
            keys.add(new double[] {Math.min(a, b)});
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> keys.get(i)[0]));
        List<LineString> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(out.get(i));
        }
        return sorted;
    }

    /** The pieces as one geometry: a LineString for one piece, else a MultiLineString in their order. */
    static Geometry geometry(List<LineString> pieces) {
        if (pieces.size() == 1) {
            return pieces.get(0);
        }
        return GF.createMultiLineString(pieces.toArray(new LineString[0]));
    }

    /** The point halfway along the pieces, counting only their own length (gaps between pieces do not count). */
    static Point midpoint(Geometry section) {
        double half = section.getLength() / 2;
        for (int i = 0; i < section.getNumGeometries(); i++) {
            Geometry part = section.getGeometryN(i);
            double len = part.getLength();
            if (half <= len || i == section.getNumGeometries() - 1) {
                Coordinate c = new LengthIndexedLine(part).extractPoint(Math.min(half, len));
                return GF.createPoint(c);
            }
            half -= len;
        }
        return section.getCentroid();
    }

    /**
     * The width of a site's footprint: for a polygon, the width of the rectangle with the same area and
     * perimeter (exact for rectangles, close for long bands along a street); 0 for lines and points.
     */
    static double footprintWidth(Geometry site) {
        if (!(site instanceof Polygonal)) {
            return 0;
        }
        double area = site.getArea();
        double perimeter = site.getLength();
        double disc = perimeter * perimeter - 16 * area;
        return (perimeter - Math.sqrt(Math.max(0, disc))) / 4;
    }
}
