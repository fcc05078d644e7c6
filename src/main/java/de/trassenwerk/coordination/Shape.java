package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;

/**
 * A geometry taken apart once for the distance tests of a run: its edges as a flat array
 * (x0, y0, x1, y1 per edge; rings of polygons, segments of lines, a point as an edge of no length),
 * its polygons (for "inside" tests) and the envelopes. Immutable (never change the envelopes); safe
 * from any thread.
 */
final class Shape {
    final double[] edges;
    final List<Polygon> areas;
    /** The envelopes of {@link #areas}, in the same order (JTS hands out a new copy on every call). */
    final Envelope[] areaEnvelopes;
    final Envelope envelope;

    private Shape(double[] edges, List<Polygon> areas, Envelope envelope) {
        this.edges = edges;
        this.areas = List.copyOf(areas);
        this.areaEnvelopes = areas.stream().map(Polygon::getEnvelopeInternal).toArray(Envelope[]::new);
        this.envelope = envelope;
    }

    static Shape of(Geometry g) {
        List<Coordinate[]> chains = new ArrayList<>();
        List<Polygon> areas = new ArrayList<>();
        collect(g, chains, areas);
        int n = 0;
        for (Coordinate[] c : chains) {
            n += c.length == 1 ? 1 : c.length - 1;
        }
        double[] edges = new double[n * 4];
        int k = 0;
        for (Coordinate[] c : chains) {
            if (c.length == 1) {
                edges[k++] = c[0].x;
                edges[k++] = c[0].y;
                edges[k++] = c[0].x;
                edges[k++] = c[0].y;
            }
            for (int i = 0; i + 1 < c.length; i++) {
                edges[k++] = c[i].x;
                edges[k++] = c[i].y;
                edges[k++] = c[i + 1].x;
                edges[k++] = c[i + 1].y;
            }
        }
        return new Shape(edges, areas, g.getEnvelopeInternal());
    }

    int edgeCount() {
        return edges.length / 4;
    }

    private static void collect(Geometry g, List<Coordinate[]> chains, List<Polygon> areas) {
        if (g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                collect(g.getGeometryN(i), chains, areas);
            }
            return;
        }
        if (g.isEmpty()) {
            return;
        }
        if (g instanceof Polygon poly) {
            areas.add(poly);
            chains.add(poly.getExteriorRing().getCoordinates());
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                chains.add(poly.getInteriorRingN(h).getCoordinates());
            }
        } else {
            chains.add(g.getCoordinates());
        }
    }
}
