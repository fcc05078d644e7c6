package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.trassenwerk.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The stretches of a line within a distance of a geometry are the line intersected with the
 * geometry's buffer: checked against a JTS overlay with a finely drawn buffer (256 segments per
 * quarter circle, so its chords lie within 0.2 mm of the true circle) on random lines, polygons with
 * holes, lines and points.
 */
class NearStretchesTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void stretchesMatchTheOverlayWithTheBuffer() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Geometry> shapes = List.of(
                Fixtures.wkt("POLYGON ((50 50, 150 50, 150 60, 50 60, 50 50))"),
                Fixtures.wkt("POLYGON ((20 20, 180 30, 170 170, 40 150, 20 20), (60 60, 120 60, 110 120, 60 100, 60 60))"),
                Fixtures.wkt("MULTIPOLYGON (((10 10, 40 10, 40 40, 10 10)), ((100 100, 160 110, 120 160, 100 100)))"),
                Fixtures.wkt("LINESTRING (30 170, 100 100, 170 120)"),
                Fixtures.wkt("POINT (100 100)"));
        int cases = 0;
        for (Geometry g : shapes) {
            for (double d : new double[] {0.5, 5, 10, 25}) {
                Shape shape = Shape.of(g);
                Geometry buffer = g.buffer(d, 256);
                for (int i = 0; i < 40; i++) {
                    LineString line = randomLine(rnd);
                    NearStretches along = new NearStretches(line);
                    double[] near = along.near(shape, d);
                    double expected = OverlayNGRobust.overlay(line, buffer, OverlayNG.INTERSECTION).getLength();
                    assertEquals(expected, NearStretches.total(near), 0.01, () -> line + " near " + g + " within " + d);
                    assertEquals(NearStretches.total(near), along.pieces(near).stream()
                            .mapToDouble(Geometry::getLength).sum(), 1e-9);
                    cases++;
                }
            }
        }
        assertEquals(800, cases);
    }

    @Test
    void complementAndIntersectionOfStretches() {
        NearStretches along = new NearStretches((LineString) Fixtures.wkt("LINESTRING (0 0, 100 0, 100 50)"));
        double[] duct = along.near(Shape.of(Fixtures.wkt("LINESTRING (40 0, 60 0)")), 5);
        assertEquals(List.of(35.0, 65.0), list(duct));
        double[] open = along.complement(duct);
        assertEquals(List.of(0.0, 35.0, 65.0, 150.0), list(open));
        double[] site = along.near(Shape.of(Fixtures.wkt("POLYGON ((50 -5, 110 -5, 110 20, 50 20, 50 -5))")), 10);
        assertEquals(List.of(65.0, 130.0), list(NearStretches.intersection(open, site)));
        assertEquals("LINESTRING (65 0, 100 0, 100 30)", along.pieces(NearStretches.intersection(open, site)).get(0)
                .toText());
    }

    private static List<Double> list(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) {
            out.add(Math.round(v * 1e6) / 1e6);
        }
        return out;
    }

    private static LineString randomLine(SplittableRandom rnd) {
        int n = 2 + rnd.nextInt(5);
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate(rnd.nextDouble() * 200, rnd.nextDouble() * 200);
        }
        return GF.createLineString(c);
    }
}
