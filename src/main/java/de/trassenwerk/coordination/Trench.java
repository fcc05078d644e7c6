package de.trassenwerk.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * A planned route and the stretches of it that need a trench (the route without its sections in
 * free ducts), kept as distances along each of its lines, so that what lies near a site or street
 * comes out as pieces of the route in its own direction. Immutable; safe from any thread.
 */
final class Trench {
    private final Geometry route;
    private final List<NearStretches> lines = new ArrayList<>();
    private final List<double[]> open = new ArrayList<>();

    /** The route with the stretches that {@code inDucts} gives for each of its lines taken out. */
    Trench(Geometry route, Function<NearStretches, double[]> inDucts) {
        this.route = route;
        for (LineString l : Sections.lines(route)) {
            NearStretches along = new NearStretches(l);
            lines.add(along);
            open.add(along.complement(inDucts.apply(along)));
        }
    }

    Geometry route() {
        return route;
    }

    boolean isEmpty() {
        return open.stream().allMatch(iv -> iv.length == 0);
    }

    /** The trench stretches within {@code d} of {@code g}, as connected pieces along the route. */
    List<LineString> near(Shape g, double d) {
        return near(g, d, 0);
    }

    /**
     * The trench stretches within {@code d} of {@code g} that are at least {@code minLength} long (to
     * rounding, see {@link NearStretches#pieces(double[], double)}), as connected pieces along the route.
     */
    List<LineString> near(Shape g, double d, double minLength) {
        List<LineString> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (open.get(i).length > 0) {
                NearStretches along = lines.get(i);
                out.addAll(along.pieces(NearStretches.intersection(open.get(i), along.near(g, d)), minLength));
            }
        }
        return out;
    }
}
