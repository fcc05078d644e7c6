package de.trassenwerk.opendata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** RFC 7946 geometry: WGS84 lon/lat, 7 decimals, exterior rings counter-clockwise, holes clockwise. */
class LonLatGeometryTest {
    private final LonLatGeometry lonLat = new LonLatGeometry(25832);

    @Test
    void aClockwiseShellAndACounterClockwiseHoleAreTurnedRound() {
        // shell clockwise, hole counter-clockwise: the opposite of the right-hand rule
        Polygon p = (Polygon) lonLat.convert(Fixtures.wkt("POLYGON ((343000 5702000, 343000 5702200, 343200 5702200, "
                + "343200 5702000, 343000 5702000), (343050 5702050, 343100 5702050, 343100 5702100, 343050 5702100, "
                + "343050 5702050))"));
        assertTrue(Orientation.isCCW(p.getExteriorRing().getCoordinates()), "exterior ring counter-clockwise");
        assertFalse(Orientation.isCCW(p.getInteriorRingN(0).getCoordinates()), "hole clockwise");
        assertEquals(6.75, p.getCentroid().getX(), 0.05);
        assertEquals(51.44, p.getCentroid().getY(), 0.05);
    }

    @Test
    void alreadyRightHandedPolygonsKeepTheirOrientationInEveryPart() {
        MultiPolygon m = (MultiPolygon) lonLat.convert(Fixtures.wkt("MULTIPOLYGON (((343000 5702000, 343200 5702000, "
                + "343200 5702200, 343000 5702000)), ((344000 5703000, 344000 5703100, 344100 5703100, 344000 5703000)))"));
        for (int i = 0; i < m.getNumGeometries(); i++) {
            assertTrue(Orientation.isCCW(((Polygon) m.getGeometryN(i)).getExteriorRing().getCoordinates()), "part " + i);
        }
    }

    @Test
    void coordinatesHaveAtMostSevenDecimalsAndNoExponent() {
        Geometry g = lonLat.convert(Fixtures.wkt("LINESTRING (343000.123456 5702000.654321, 343010 5702000)"));
        for (var c : g.getCoordinates()) {
            assertEquals(c.x, Math.round(c.x * 1e7) / 1e7, 0);
            assertTrue(LonLatGeometry.format(c.x).length() <= "6.1234567".length(), LonLatGeometry.format(c.x));
        }
        assertEquals("6.7571235", LonLatGeometry.format(6.75712345678));
        assertEquals("0", LonLatGeometry.format(1e-9));
        assertEquals("51.4", LonLatGeometry.format(51.4));
        assertEquals("-0.0000001", LonLatGeometry.format(-1e-7));
        String wkt = LonLatGeometry.wkt(g);
        assertTrue(wkt.matches("LINESTRING \\(6\\.\\d{1,7} 51\\.\\d{1,7}, 6\\.\\d{1,7} 51\\.\\d{1,7}\\)"), wkt);
    }

    @Test
    void aHoleThatRoundingCollapsesIsDroppedAndEmptyInputIsNull() {
        Polygon p = (Polygon) lonLat.convert(Fixtures.wkt("POLYGON ((343000 5702000, 343200 5702000, 343200 5702200, "
                + "343000 5702200, 343000 5702000), (343100 5702100, 343100.001 5702100, 343100.001 5702100.001, "
                + "343100 5702100))"));
        assertEquals(0, p.getNumInteriorRing(), "a hole of a square millimetre does not survive 1 cm rounding");
        assertNull(lonLat.convert(Fixtures.wkt("POLYGON EMPTY")));
        assertNull(lonLat.convert(null));
    }
}
