package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Free existing ducts ({@code conduits} with status {@code existing} and free tubes): a route section
 * within {@link CoordinationParameters#FREE_DUCT_DISTANCE_M} of one needs no trench. Built once, then
 * read-only; safe to query from several threads.
 */
final class FreeDucts {
    private final List<Shape> shapes = new ArrayList<>();
    private final BoxIndex index;

    FreeDucts(List<Geometry> ducts) {
        for (Geometry duct : ducts) {
            shapes.add(Shape.of(duct));
        }
        index = new BoxIndex(shapes.stream().map(s -> s.envelope).toList());
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
        for (int i : index.query(Sections.segmentEnvelopes(along.line(), d))) {
            out = NearStretches.union(out, along.near(shapes.get(i), d));
        }
        return out;
    }
}
