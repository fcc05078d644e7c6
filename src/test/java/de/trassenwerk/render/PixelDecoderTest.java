package de.trassenwerk.render;

import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.store.GeoPackageGeometry;
import java.awt.geom.PathIterator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/** GeoPackage blobs decoded into pixel shapes of a 100 x 100 view of map (0..100, 0..100) at 1 m per pixel. */
class PixelDecoderTest {
    private final Viewport metre = new Viewport(50, 50, 1, 100, 100);

    @Test
    void verticesCloserThanHalfAPixelAreLeftOutAtLevelOfDetail() {
        // 10 m per pixel: vertices 1 m apart fall within one pixel; the end point is always kept.
        Viewport coarse = new Viewport(50, 0, 10, 100, 100);
        String line = "LINESTRING (0 0, 1 0, 2 0, 3 0, 100 0, 101 0)";
        assertEquals(3, vertices(one(decode(line, coarse, Detail.LEVEL_OF_DETAIL))));
        assertEquals(6, vertices(one(decode(line, coarse, Detail.FULL))));
    }

    @Test
    void farApartVerticesAreAllKeptAndMappedToPixels() {
        FeatureShape s = one(decode("LINESTRING (0 0, 10 0, 20 10, 30 0)", metre, Detail.LEVEL_OF_DETAIL));
        assertEquals(FeatureShape.Kind.LINE, s.kind());
        PixelShape p = (PixelShape) s.shape();
        // map y 0 is the bottom edge: pixel row 100; map y 10 is row 90
        assertArrayEquals(new float[] {0, 100, 10, 100, 20, 90, 30, 100}, p.coordinates());
    }

    @Test
    void polygonWithHoleKeepsBothRingsWithoutTheirClosingVertex() {
        FeatureShape s = one(decode("POLYGON ((10 10, 90 10, 90 90, 10 90, 10 10), (40 40, 60 40, 60 60, 40 60, 40 40))",
                metre, Detail.LEVEL_OF_DETAIL));
        assertEquals(FeatureShape.Kind.AREA, s.kind());
        PixelShape p = (PixelShape) s.shape();
        assertArrayEquals(new int[] {4, 8}, p.partEnds());
        assertTrue(p.contains(20, 20));
        assertTrue(!p.contains(50, 50), "the hole stays a hole");
        assertEquals(PathIterator.SEG_CLOSE, lastSegment(p));
    }

    @Test
    void featureSmallerThanAPixelBecomesOnePixelWithoutReadingItsGeometry() {
        byte[] blob = GeoPackageGeometry.encode(wkt("POLYGON ((20.1 30.1, 20.4 30.1, 20.4 30.4, 20.1 30.1))"), 25832);
        // spoil everything after the header and the type code: at level of detail only the header's envelope and the type are read
        Arrays.fill(blob, 45, blob.length, (byte) 0x7f);
        List<FeatureShape> out = new ArrayList<>();
        new PixelDecoder(metre, Detail.LEVEL_OF_DETAIL, null).decode(blob, out);
        FeatureShape s = one(out);
        assertEquals(FeatureShape.Kind.PIXEL, s.kind());
        assertEquals(20, (int) Math.floor(s.points()[0]));
        assertEquals(69, (int) Math.floor(s.points()[1]));
        assertEquals(2, s.dimension(), "an area, as the WKB type says");
        assertThrows(IllegalArgumentException.class,
                () -> new PixelDecoder(metre, Detail.FULL, null).decode(blob, new ArrayList<>()));
    }

    @Test
    void fullDetailDrawsTinyFeaturesWithTheirShape() {
        FeatureShape s = one(decode("POLYGON ((20.1 30.1, 20.4 30.1, 20.4 30.4, 20.1 30.1))", metre, Detail.FULL));
        assertEquals(FeatureShape.Kind.AREA, s.kind());
    }

    @Test
    void pointsStayMarkersHoweverSmall() {
        FeatureShape s = one(decode("MULTIPOINT ((10 10), (10.2 10.2))", metre, Detail.LEVEL_OF_DETAIL));
        assertEquals(FeatureShape.Kind.POINTS, s.kind());
        assertEquals(4, s.points().length);
    }

    @Test
    void readsBigEndianWkbWithZAndEmptyParts() {
        Geometry g = wkt("MULTILINESTRING Z ((0 0 5, 50 50 6), EMPTY)");
        byte[] wkb = new WKBWriter(3, ByteOrderValues.BIG_ENDIAN).write(g);
        ByteBuffer b = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0).putInt(25832).put(wkb); // no envelope, big endian
        List<FeatureShape> out = new ArrayList<>();
        new PixelDecoder(metre, Detail.LEVEL_OF_DETAIL, null).decode(b.array(), out);
        PixelShape p = (PixelShape) one(out).shape();
        assertArrayEquals(new float[] {0, 100, 50, 50}, p.coordinates());
    }

    @Test
    void mixedCollectionGivesOneShapePerKind() {
        List<FeatureShape> out = decode("GEOMETRYCOLLECTION (POINT (5 5), LINESTRING (0 0, 50 0), "
                + "POLYGON ((10 10, 20 10, 20 20, 10 10)))", metre, Detail.LEVEL_OF_DETAIL);
        assertEquals(List.of(FeatureShape.Kind.AREA, FeatureShape.Kind.LINE, FeatureShape.Kind.POINTS),
                out.stream().map(FeatureShape::kind).toList());
        assertEquals(List.of(2, 1, 0), out.stream().map(FeatureShape::dimension).toList());
        assertTrue(out.stream().allMatch(s -> s.symbolizer() == null && s.rank() == 0), "bare shapes");
    }

    @Test
    void layerInAnotherCrsIsReprojectedIntoTheView() {
        // a view around a point of Duisburg in EPSG:25832, the feature given in WGS84
        CoordinateTransform toWgs = CoordinateTransform.between(25832, 4326);
        double[] lonLat = toWgs.transform(345000, 5700000);
        Viewport vp = new Viewport(345000, 5700000, 1, 100, 100);
        byte[] blob = GeoPackageGeometry.encode(wkt("POINT (" + lonLat[0] + " " + lonLat[1] + ")"), 4326);
        List<FeatureShape> out = new ArrayList<>();
        new PixelDecoder(vp, Detail.LEVEL_OF_DETAIL, CoordinateTransform.between(4326, 25832)).decode(blob, out);
        double[] xy = one(out).points();
        assertEquals(50, xy[0], 0.01);
        assertEquals(50, xy[1], 0.01);
    }

    @Test
    void brokenBlobsAreRefused() {
        PixelDecoder d = new PixelDecoder(metre, Detail.LEVEL_OF_DETAIL, null);
        assertThrows(IllegalArgumentException.class, () -> d.decode(new byte[] {1, 2, 3}, new ArrayList<>()));
        byte[] blob = GeoPackageGeometry.encode(wkt("LINESTRING (0 0, 50 50, 60 60)"), 25832);
        byte[] cut = Arrays.copyOf(blob, blob.length - 10);
        assertThrows(IllegalArgumentException.class,
                () -> new PixelDecoder(metre, Detail.FULL, null).decode(cut, new ArrayList<>()));
    }

    private static List<FeatureShape> decode(String wkt, Viewport vp, Detail detail) {
        List<FeatureShape> out = new ArrayList<>();
        new PixelDecoder(vp, detail, null).decode(GeoPackageGeometry.encode(wkt(wkt), 25832), out);
        return out;
    }

    private static FeatureShape one(List<FeatureShape> shapes) {
        assertEquals(1, shapes.size(), shapes::toString);
        return shapes.get(0);
    }

    private static int vertices(FeatureShape s) {
        return ((PixelShape) s.shape()).vertexCount();
    }

    private static int lastSegment(PixelShape p) {
        PathIterator it = p.getPathIterator(null);
        float[] c = new float[6];
        int last = -1;
        while (!it.isDone()) {
            last = it.currentSegment(c);
            it.next();
        }
        return last;
    }
}
