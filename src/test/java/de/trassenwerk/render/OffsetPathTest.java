package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import de.trassenwerk.testing.Fixtures;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class OffsetPathTest {
    /** 1 m per pixel, map (0, 100) at the top-left corner. */
    private final Viewport view = Viewport.fit(new Envelope(0, 100, 0, 100), 100, 100);

    @Test
    void positiveOffsetMovesALineToTheLeftOfItsDirection() {
        // eastwards at map y 50 (pixel row 50): left is north, that is up on the image
        assertArrayEquals(new double[] {10, 47, 90, 47}, vertices(OffsetPath.of(Fixtures.wkt("LINESTRING (10 50, 90 50)"), view, 3)), 1e-6);
        assertArrayEquals(new double[] {90, 53, 10, 53}, vertices(OffsetPath.of(Fixtures.wkt("LINESTRING (90 50, 10 50)"), view, 3)), 1e-6);
    }

    @Test
    void cornerIsMitred() {
        // east then north: the corner moves up and left of (50, 50) by the offset on both axes
        double[] v = vertices(OffsetPath.of(Fixtures.wkt("LINESTRING (10 50, 50 50, 50 90)"), view, 2));
        assertArrayEquals(new double[] {10, 48, 48, 48, 48, 10}, v, 1e-6);
    }

    private static double[] vertices(Shape path) {
        List<Double> out = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            it.currentSegment(c);
            out.add(c[0]);
            out.add(c[1]);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
