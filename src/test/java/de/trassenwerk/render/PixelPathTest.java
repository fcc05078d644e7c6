package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.PathIterator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class PixelPathTest {
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void verticesCloserThanHalfAPixelAreLeftOut() {
        // 10 m per pixel: vertices 1 m apart fall within one pixel; the end point is always kept.
        LineString line = gf.createLineString(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(2, 0), new Coordinate(3, 0),
            new Coordinate(100, 0), new Coordinate(101, 0)});
        Viewport vp = new Viewport(50, 0, 10, 100, 100);
        assertEquals(3, segments(PixelPath.of(line, vp).getPathIterator(null)));
    }

    @Test
    void farApartVerticesAreAllKept() {
        LineString line = gf.createLineString(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(10, 0), new Coordinate(20, 10), new Coordinate(30, 0)});
        assertEquals(4, segments(PixelPath.of(line, new Viewport(15, 0, 1, 100, 100)).getPathIterator(null)));
    }

    private static int segments(PathIterator it) {
        int n = 0;
        double[] c = new double[6];
        while (!it.isDone()) {
            if (it.currentSegment(c) != PathIterator.SEG_CLOSE) {
                n++;
            }
            it.next();
        }
        return n;
    }
}
