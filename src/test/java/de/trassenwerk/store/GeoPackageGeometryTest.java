package de.trassenwerk.store;

import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class GeoPackageGeometryTest {

    @Test
    void polygonRoundTripsWithEnvelopeInHeader() {
        Geometry g = wkt("MULTIPOLYGON (((0 0, 10 0, 10 5, 0 5, 0 0)), ((20 20, 30 20, 30 30, 20 20)))");
        byte[] blob = GeoPackageGeometry.encode(g, 25832);
        GeoPackageGeometry.Header h = GeoPackageGeometry.header(blob);
        assertEquals(25832, h.srsId());
        assertEquals(1, h.envelopeCode());
        assertEquals(new Envelope(0, 30, 0, 30), h.envelope());
        assertFalse(h.empty());
        assertTrue(g.equalsExact(GeoPackageGeometry.decode(blob)));
    }

    @Test
    void pointsCarryNoEnvelope() {
        byte[] blob = GeoPackageGeometry.encode(wkt("POINT (344000 5700000)"), 25832);
        assertEquals(0, GeoPackageGeometry.header(blob).envelopeCode());
        assertEquals(8 + 21, blob.length);
        assertEquals(new Envelope(344000, 344000, 5700000, 5700000), GeoPackageGeometry.envelope(blob));
    }

    @Test
    void emptyGeometriesSetTheEmptyFlagAndDecodeAsEmptyOfTheirType() {
        GeometryFactory gf = new GeometryFactory();
        for (Geometry empty : new Geometry[] {gf.createPoint(), gf.createLineString(), gf.createMultiPolygon()}) {
            byte[] blob = GeoPackageGeometry.encode(empty, 4326);
            assertTrue(GeoPackageGeometry.header(blob).empty());
            Geometry back = GeoPackageGeometry.decode(blob);
            assertTrue(back.isEmpty());
            assertEquals(empty.getGeometryType(), back.getGeometryType());
            assertNull(GeoPackageGeometry.envelope(blob));
        }
    }

    @Test
    void readsBigEndianBlobsWithXyzEnvelopeAndIsoZ() {
        // Header: GP, version 0, flags: big endian (bit 0 = 0), envelope code 2 (xyz); srs 4326.
        ByteBuffer b = ByteBuffer.allocate(8 + 48 + 5 + 24).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (2 << 1)).putInt(4326);
        b.putDouble(6.7).putDouble(6.7).putDouble(51.4).putDouble(51.4).putDouble(30).putDouble(30);
        b.put((byte) 0).putInt(1001).putDouble(6.7).putDouble(51.4).putDouble(30); // ISO WKB POINT Z
        Geometry g = GeoPackageGeometry.decode(b.array());
        assertEquals(6.7, g.getCoordinate().x);
        assertEquals(51.4, g.getCoordinate().y);
        assertEquals(30, g.getCoordinate().getZ());
        assertEquals(4326, g.getSRID());
    }

    @Test
    void readsIsoMeasuredLines() {
        ByteBuffer b = ByteBuffer.allocate(8 + 9 + 2 * 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(25832);
        b.put((byte) 1).putInt(2002).putInt(2); // ISO WKB LINESTRING M with two points
        b.putDouble(0).putDouble(0).putDouble(5).putDouble(10).putDouble(0).putDouble(7);
        Geometry g = GeoPackageGeometry.decode(b.array());
        assertEquals(10, g.getLength(), 1e-9);
        assertEquals(7, g.getCoordinates()[1].getM(), 1e-9);
    }

    @Test
    void rejectsBlobsWithoutMagic() {
        assertThrows(IllegalArgumentException.class, () -> GeoPackageGeometry.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertArrayEquals(new byte[] {'G', 'P'}, java.util.Arrays.copyOf(
                GeoPackageGeometry.encode(wkt("POINT (1 2)"), 0), 2));
    }
}
