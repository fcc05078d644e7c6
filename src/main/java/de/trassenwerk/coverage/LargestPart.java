package de.trassenwerk.coverage;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Which of a set of named areas (districts, quarters) holds the largest part of a site: the areas sit in
 * an STR-tree; an area that covers the whole site wins at once, otherwise the parts are measured by exact
 * intersection. On equal parts the area listed first wins. Built once, then read-only: safe to query
 * from several threads (JTS prepared polygons build their indexes under a lock).
 */
final class LargestPart {
    private final STRtree index = new STRtree();

    private record Area(int order, String name, Geometry geometry, PreparedGeometry prepared) {
    }

    /** The areas by name, in the order in which they win ties. */
    LargestPart(List<Map.Entry<String, Geometry>> areas) {
        int i = 0;
        for (Map.Entry<String, Geometry> a : areas) {
            index.insert(a.getValue().getEnvelopeInternal(), new Area(i++, a.getKey(), a.getValue(),
                    PreparedGeometryFactory.prepare(a.getValue())));
        }
        index.build();
    }

    /** The name of the area holding the largest part of {@code site}; null when none overlaps it. */
    String of(Geometry site) {
        Area best = null;
        double bestPart = 0;
        double whole = site.getArea();
        for (Object o : index.query(site.getEnvelopeInternal())) {
            Area a = (Area) o;
            double part;
            if (a.prepared().covers(site)) {
                part = whole;
            } else if (a.prepared().intersects(site)) {
                part = OverlayNGRobust.overlay(a.geometry(), site, OverlayNG.INTERSECTION).getArea();
            } else {
                continue;
            }
            if (part > bestPart || part == bestPart && part > 0 && best != null && a.order() < best.order()) {
                best = a;
                bestPart = part;
            }
        }
        return best == null ? null : best.name();
    }
}
