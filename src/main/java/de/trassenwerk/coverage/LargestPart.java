package de.trassenwerk.coverage;

import java.util.ArrayList;
import java.util.Comparator;
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
 * an STR-tree; an area that covers the whole site wins at once (most sites lie inside one area; the
 * prepared test is cheap), otherwise the parts are measured by exact intersection. On equal parts the
 * area listed first wins. Built once, then read-only: safe to query
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
        List<Area> candidates = new ArrayList<>();
        for (Object o : index.query(site.getEnvelopeInternal())) {
            candidates.add((Area) o);
        }
        candidates.sort(Comparator.comparingInt(Area::order));
        for (Area a : candidates) {
            if (a.prepared().covers(site)) {
                return a.name(); // the whole site: no other area can hold more
            }
        }
        Area best = null;
        double bestPart = 0;
        for (Area a : candidates) {
            if (a.prepared().intersects(site)) {
                double part = OverlayNGRobust.overlay(a.geometry(), site, OverlayNG.INTERSECTION).getArea();
                if (part > bestPart) {
                    best = a;
                    bestPart = part;
                }
            }
        }
        return best == null ? null : best.name();
    }
}
