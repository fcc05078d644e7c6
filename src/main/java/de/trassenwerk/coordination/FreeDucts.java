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
        return new Trench(route, this::stretches);
    }

    /**
     * The stretches of a line within {@link CoordinationParameters#FREE_DUCT_DISTANCE_M} of a free duct, as
     * sorted, disjoint intervals of distance along it (see {@link NearStretches#near}).
     */
    double[] stretches(NearStretches along) {
        double d = CoordinationParameters.FREE_DUCT_DISTANCE_M;
        double[] out = new double[0];
        for (int i : Sections.query(index, Sections.segmentEnvelopes(along.line(), d))) {
            out = NearStretches.union(out, along.near(shapes.get(i), d));
        }
        return out;
    }
}
