package de.trassenwerk.opendata;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The areas (quarters) a geometry can be generalised to, in a spatial index: {@link #largestPart}
 * finds the area holding the largest part of a geometry — by area for polygons, by length for lines,
 * the covering area for points; ties go to the lower area code, so the answer never depends on
 * reading order. Built once per publication; read-only afterwards, any thread.
 */
final class AreaIndex {

    /** One area: its code, name, geometry (in the index's CRS). */
    record Area(String code, String name, Geometry geometry, PreparedGeometry prepared) {
    }

    private final STRtree tree = new STRtree();
    private final List<Area> areas = new ArrayList<>();

    private AreaIndex() {
    }

    /** Reads the area layer of {@code store} (in {@code areaEpsg}) and indexes it in {@code targetEpsg}. */
    static AreaIndex load(FeatureStore store, AreaLayer layer, int areaEpsg, int targetEpsg) {
        AreaIndex index = new AreaIndex();
        CoordinateTransform t = CoordinateTransform.between(areaEpsg, targetEpsg);
        String table = store.schema(layer.layer()).name();
        store.read(table, Query.ALL.withFields(List.of(layer.codeField(), layer.nameField()), true), f -> {
            if (f.geometry() == null || f.geometry().isEmpty() || f.geometry().getDimension() < 2) {
                return;
            }
            Geometry g = t.transform(f.geometry());
            index.areas.add(new Area(f.getString(layer.codeField()), f.getString(layer.nameField()), g,
                    PreparedGeometryFactory.prepare(g)));
        });
        index.areas.sort(Comparator.comparing(a -> a.code() == null ? "" : a.code()));
        for (Area a : index.areas) {
            index.tree.insert(a.geometry().getEnvelopeInternal(), a);
        }
        index.tree.build();
        return index;
    }

    /** Every area, by code. */
    List<Area> all() {
        return List.copyOf(areas);
    }

    /** The area holding the largest part of {@code g}; empty when no area meets it. */
    Optional<Area> largestPart(Geometry g) {
        if (g == null || g.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Area> candidates = new ArrayList<>(tree.query(g.getEnvelopeInternal()));
        candidates.sort(Comparator.comparing(a -> a.code() == null ? "" : a.code()));
        Area best = null;
        double bestMeasure = 0;
        for (Area a : candidates) {
            if (a.prepared().covers(g)) {
                return Optional.of(a); // all of it lies there
            }
            if (!a.prepared().intersects(g)) {
                continue;
            }
            double m = measure(g, a.geometry());
            if (m > bestMeasure || best == null && m == 0 && g.getDimension() == 0) {
                best = a;
                bestMeasure = m;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double measure(Geometry g, Geometry area) {
        if (g.getDimension() == 0) {
            return 0; // a point on an area's edge: intersects, no measure; the first (lowest code) wins
        }
        Geometry part = OverlayNGRobust.overlay(g, area, OverlayNG.INTERSECTION);
        return g.getDimension() == 2 ? part.getArea() : part.getLength();
    }
}
