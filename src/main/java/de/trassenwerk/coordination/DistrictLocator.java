package de.trassenwerk.coordination;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which district holds a point: districts in an STR-tree, tested with prepared geometries. Built
 * once, then read-only: safe to query from several threads (JTS prepared polygons build their
 * indexes under a lock).
 */
final class DistrictLocator {
    private final STRtree index = new STRtree();

    private record District(int order, String name, PreparedGeometry area) {
    }

    DistrictLocator(List<Map.Entry<String, Geometry>> districts) {
        int i = 0;
        for (Map.Entry<String, Geometry> d : districts) {
            index.insert(d.getValue().getEnvelopeInternal(),
                    new District(i++, d.getKey(), PreparedGeometryFactory.prepare(d.getValue())));
        }
        index.build();
    }

    /** The name of the district covering {@code p} (the first listed one on a shared border); null when none. */
    String nameAt(Point p) {
        District best = null;
        for (Object o : index.query(p.getEnvelopeInternal())) {
            District d = (District) o;
            if ((best == null || d.order() < best.order()) && d.area().covers(p)) {
                best = d;
            }
        }
        return best == null ? null : best.name();
    }
}
