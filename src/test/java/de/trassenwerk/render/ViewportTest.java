package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ViewportTest {

    @Test
    void mapToPixelAndBackIsTheSamePoint() {
        Viewport vp = new Viewport(340_000, 5_700_000, 2.5, 800, 600);
        double px = vp.toPixelX(340_123.4);
        double py = vp.toPixelY(5_699_876.5);
        assertEquals(340_123.4, vp.toMapX(px), 1e-6);
        assertEquals(5_699_876.5, vp.toMapY(py), 1e-6);
    }

    @Test
    void topLeftPixelCornerIsTheNorthWestCornerOfTheEnvelope() {
        Viewport vp = new Viewport(1000, 2000, 1, 200, 100);
        Envelope e = vp.envelope();
        assertEquals(e.getMinX(), vp.toMapX(0), 1e-9);
        assertEquals(e.getMaxY(), vp.toMapY(0), 1e-9);
        assertEquals(new Envelope(900, 1100, 1950, 2050), e);
    }

    @Test
    void oneMetrePerPixelIsScaleOneTo3571() {
        assertEquals(3571.4, new Viewport(0, 0, 1, 10, 10).scaleDenominator(), 0.05);
    }

    @Test
    void fitWidensTheExtentToTheImageAspect() {
        Viewport vp = Viewport.fit(new Envelope(0, 100, 0, 100), 200, 100);
        assertEquals(1.0, vp.metresPerPixel(), 1e-9);
        assertEquals(new Envelope(-50, 150, 0, 100), vp.envelope());
    }

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        Viewport vp = new Viewport(0, 0, 4, 400, 300);
        double mx = vp.toMapX(100);
        double my = vp.toMapY(50);
        Viewport zoomed = vp.zoomedAt(2, 100, 50);
        assertEquals(2, zoomed.metresPerPixel(), 1e-9);
        assertEquals(mx, zoomed.toMapX(100), 1e-9);
        assertEquals(my, zoomed.toMapY(50), 1e-9);
    }

    @Test
    void panningRightMovesTheViewWest() {
        Viewport vp = new Viewport(0, 0, 2, 100, 100).pannedBy(10, 5);
        assertEquals(-20, vp.centreX(), 1e-9);
        assertEquals(10, vp.centreY(), 1e-9);
    }
}
