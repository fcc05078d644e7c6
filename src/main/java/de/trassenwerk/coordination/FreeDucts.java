package de.trassenwerk.coordination;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Free existing ducts ({@code conduits} with status {@code existing} and free tubes): a route section
 * within {@link CoordinationParameters#FREE_DUCT_DISTANCE_M} of one needs no trench. Built once, then
 * read-only; safe to query from several threads.
 */
final class FreeDucts {
    private final List<Geometry> ducts;
    private final STRtree index = new STRtree();
    private final BufferCache zones;

    FreeDucts(List<Geometry> ducts) {
        this.ducts = ducts;
        for (int i = 0; i < ducts.size(); i++) {
            index.insert(ducts.get(i).getEnvelopeInternal(), i);
        }
        index.build();
        zones = new BufferCache(ducts, CoordinationParameters.FREE_DUCT_DISTANCE_M);
    }

    /** The pieces of {@code route} that need a trench: the route without its sections in free ducts. */
    List<LineString> trenchPieces(Geometry route) {
        Geometry rest = route;
        double d = CoordinationParameters.FREE_DUCT_DISTANCE_M;
        for (int i : Sections.query(index, Sections.segmentEnvelopes(route, d))) {
            if (rest.isEmpty()) {
                break;
            }
            if (rest.isWithinDistance(ducts.get(i), d)) {
                rest = Sections.outside(rest, zones.zone(i).getGeometry());
            }
        }
        return Sections.merge(rest);
    }
}
