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
 * Which of a set of named areas (districts, quarters) holds the largest part of a site. The areas sit in
 * an STR-tree; the part of each candidate inside the site is measured exactly: an area of few vertices is
 * clipped to the site where the site is convex, as most plots are ({@link ConvexClip}: a few
 * multiplications per vertex); a larger area is first asked, through its prepared geometry, whether it
 * covers the site wholly or misses it, and only then clipped (convex sites) or overlaid (others). On
 * equal parts the area listed first wins. Built once, then read-only: safe to query from several threads
 * (JTS prepared polygons build their indexes under a lock).
 */
final class LargestPart {
    /** Areas with at most this many vertices are clipped at once, without the prepared tests. */
    private static final int FEW_VERTICES = 200;

    private final STRtree index = new STRtree();

    private record Area(int order, String name, Geometry geometry, PreparedGeometry prepared, boolean few) {
    }

    /** The areas by name, in the order in which they win ties. */
    LargestPart(List<Map.Entry<String, Geometry>> areas) {
        int i = 0;
        for (Map.Entry<String, Geometry> a : areas) {
            Geometry g = a.getValue();
            index.insert(g.getEnvelopeInternal(), new Area(i++, a.getKey(), g, PreparedGeometryFactory.prepare(g),
                    g.getNumPoints() <= FEW_VERTICES));
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
        ConvexClip convexSite = ConvexClip.of(site);
        double whole = site.getArea();
        Area best = null;
        double bestPart = 0;
        for (Area a : candidates) {
            double part = part(a, site, convexSite, whole);
            if (part > bestPart) {
                best = a;
                bestPart = part;
            }
        }
        return best == null ? null : best.name();
    }

    /** The area of the part of {@code a} inside {@code site}. */
    private static double part(Area a, Geometry site, ConvexClip convexSite, double whole) {
        if (convexSite != null && a.few()) {
            return convexSite.areaOf(a.geometry());
        }
        if (a.prepared().covers(site)) {
            return whole;
        }
        if (!a.prepared().intersects(site)) {
            return 0;
        }
        return convexSite != null ? convexSite.areaOf(a.geometry())
                : OverlayNGRobust.overlay(a.geometry(), site, OverlayNG.INTERSECTION).getArea();
    }
}
