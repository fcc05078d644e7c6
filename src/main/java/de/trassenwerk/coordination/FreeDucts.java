package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
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
        Envelope search = new Envelope(route.getEnvelopeInternal());
        search.expandBy(CoordinationParameters.FREE_DUCT_DISTANCE_M);
        Geometry rest = route;
        List<Integer> near = new ArrayList<>();
        for (Object o : index.query(search)) {
            near.add((Integer) o);
        }
        near.sort(null);
        for (int i : near) {
            if (rest.isEmpty()) {
                break;
            }
            if (rest.isWithinDistance(ducts.get(i), CoordinationParameters.FREE_DUCT_DISTANCE_M)) {
                rest = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(rest, zones.zone(i).getGeometry(),
                        org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE);
            }
        }
        return Sections.merge(rest);
    }
}
