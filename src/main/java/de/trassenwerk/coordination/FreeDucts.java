package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * Free existing ducts ({@code conduits} with status {@code existing} and free tubes): a route section
 * within {@link CoordinationParameters#FREE_DUCT_DISTANCE_M} of one needs no trench. Built once, then
 * read-only; safe to query from several threads.
 */
final class FreeDucts {
    private final List<Geometry> ducts;
    private final List<Shape> shapes = new ArrayList<>();
    private final HPRtree index = new HPRtree();

    FreeDucts(List<Geometry> ducts) {
        this.ducts = ducts;
        for (int i = 0; i < ducts.size(); i++) {
            index.insert(ducts.get(i).getEnvelopeInternal(), i);
            shapes.add(Shape.of(ducts.get(i)));
        }
        index.build();
    }

    /** The route with the stretches that need a trench: everything but its sections in free ducts. */
    Trench trench(Geometry route) {
        double d = CoordinationParameters.FREE_DUCT_DISTANCE_M;
        List<Shape> near = new ArrayList<>();
        for (int i : Sections.query(index, Sections.segmentEnvelopes(route, d))) {
            near.add(shapes.get(i));
        }
        return new Trench(route, near, d);
    }
}
